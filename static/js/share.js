// "Copy link" and "Print" for result lists and organization pages. Without
// JavaScript the plain link to the same address is still there.
(function () {
  "use strict";
  var link = document.querySelector("[data-share-link]");
  if (!link) {
    return;
  }
  var status = document.querySelector("[data-copy-status]");
  var copyButton = document.querySelector("[data-copy-link]");
  var printButton = document.querySelector("[data-print]");
  var address = new URL(link.getAttribute("href"), window.location.href).href;

  function say(message) {
    if (status) {
      status.textContent = message;
    }
  }

  if (copyButton && navigator.clipboard && window.isSecureContext) {
    copyButton.hidden = false;
    copyButton.addEventListener("click", function () {
      navigator.clipboard.writeText(address).then(
        function () {
          say(status.getAttribute("data-copied"));
        },
        function () {
          say(status.getAttribute("data-failed"));
        }
      );
    });
  }
  if (printButton && window.print) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () {
      window.print();
    });
  }
})();
