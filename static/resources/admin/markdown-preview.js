// Markdown preview in the admin: sends the text to the server, which renders
// and sanitises it exactly as the public page will, and shows the result.
// Only on request (the button), not on every keystroke: each POST by a signed-in
// curator also refreshes the public page cache.
"use strict";

(function () {
  function csrfToken(form) {
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function attach(editor) {
    var textarea = editor.querySelector("textarea");
    var button = editor.querySelector(".markdown-editor__refresh");
    var output = editor.querySelector(".markdown-editor__output");
    if (!textarea || !button || !output) {
      return;
    }

    function refresh() {
      var body = new FormData();
      body.append("text", textarea.value);
      fetch(editor.dataset.markdownPreviewUrl, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(textarea.form) },
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.statusText);
          }
          return response.text();
        })
        .then(function (html) {
          output.innerHTML = html;
        })
        .catch(function () {
          output.textContent = button.dataset.errorMessage;
        });
    }

    button.hidden = false;
    button.addEventListener("click", refresh);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-markdown-preview-url]").forEach(attach);
  });
})();
