/* django-import-export's "Select all" box on the export page calls its handler from
 * an inline onchange attribute, which the site's Content Security Policy blocks.
 * The same handler, attached from a file. */
"use strict";

document.addEventListener("change", (event) => {
  if (event.target.matches(".select-toggle")) {
    onSelectToggleChange(event);
  }
});
