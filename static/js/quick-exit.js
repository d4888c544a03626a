// Quick exit, modelled on the GOV.UK Design System's "Exit this page".
//
// The button is a plain link to a neutral site and works without JavaScript.
// This script adds what a link alone cannot do:
// - the page goes blank at once, so nothing lingers on screen while the
//   neutral site loads;
// - it leaves with location.replace, so Back does not bring this page back;
// - pressing Shift three times within 5 seconds also leaves. Shift used as a
//   modifier (Shift+A, Shift+Tab) does not count and any other key starts the
//   count again, so typing capitals or moving backwards never exits;
// - screen readers hear how many presses are left (the texts come translated
//   from data attributes, because pages carry no inline script);
// - if the browser shows the page again from its back-forward cache, it is
//   restored to a working state.
(function () {
  "use strict";
  var PRESSES_TO_EXIT = 3;
  var WINDOW_MS = 5000;

  var root = document.querySelector("[data-quick-exit]");
  var button = document.getElementById("quick-exit");
  if (!root || !button) {
    return;
  }
  var status = root.querySelector("[data-quick-exit-status]");
  var indicator = root.querySelector("[data-quick-exit-indicator]");
  var lights = indicator ? indicator.children : [];
  var pageTitle = document.title;

  var presses = 0;
  var shiftUsedAsModifier = false;
  var expiryTimer = null;
  var silenceTimer = null;
  var overlay = null;

  function announce(text) {
    window.clearTimeout(silenceTimer);
    if (status) {
      status.textContent = text;
    }
  }

  function showPresses() {
    if (!indicator) {
      return;
    }
    indicator.classList.toggle("is-counting", presses > 0);
    for (var i = 0; i < lights.length; i++) {
      lights[i].classList.toggle("is-on", i < presses);
    }
  }

  function startOver(message) {
    presses = 0;
    window.clearTimeout(expiryTimer);
    showPresses();
    announce(message);
  }

  function expire() {
    startOver(root.getAttribute("data-expired"));
    // Leave the message long enough to be read out, then clear it so that it
    // is not announced again out of context.
    silenceTimer = window.setTimeout(function () {
      announce("");
    }, WINDOW_MS);
  }

  function leave() {
    startOver("");
    document.documentElement.classList.add("quick-exit-leaving");
    overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    overlay.textContent = root.getAttribute("data-leaving");
    document.body.appendChild(overlay);
    // The tab title would name the site while the neutral page loads.
    document.title = overlay.textContent;
    window.location.replace(button.href);
  }

  function countShift() {
    presses += 1;
    if (presses === 1) {
      expiryTimer = window.setTimeout(expire, WINDOW_MS);
    }
    if (presses >= PRESSES_TO_EXIT) {
      leave();
      return;
    }
    showPresses();
    announce(root.getAttribute(presses === 1 ? "data-press-two" : "data-press-one"));
  }

  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key === "Shift") {
        if (!event.repeat) {
          shiftUsedAsModifier = false;
        }
        return;
      }
      if (event.shiftKey) {
        shiftUsedAsModifier = true;
      }
      if (presses > 0) {
        startOver("");
      }
    },
    true
  );

  document.addEventListener(
    "keyup",
    function (event) {
      if (event.key !== "Shift" || event.isComposing || shiftUsedAsModifier) {
        return;
      }
      if (event.ctrlKey || event.altKey || event.metaKey) {
        // Ctrl+Shift and the like switch keyboard layouts; not an exit.
        return;
      }
      countShift();
    },
    true
  );

  button.addEventListener("click", function (event) {
    // Let a middle click or Ctrl+click open the link elsewhere as usual.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    leave();
  });

  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("quick-exit-leaving");
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
    document.title = pageTitle;
    startOver("");
  });
})();
