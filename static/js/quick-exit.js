// Quick exit: the button is a plain link and works without JavaScript. This
// script only blanks the page at once so that nothing lingers on screen while
// the neutral site loads.
(function () {
  "use strict";
  var button = document.getElementById("quick-exit");
  if (!button) {
    return;
  }
  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.body.style.visibility = "hidden";
    document.title = "";
    window.location.replace(button.href);
  }
  button.addEventListener("click", leave);
})();
