// A form sent back with problems: focus its error summary, so keyboard and
// screen-reader users hear what to fix before anything else (GOV.UK pattern).
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
