// The idle-timeout warning (SEC-09, A11Y-09), for templates/includes/session_timeout.html.
//
// The server signs a person out after a set time without a request (swp/session_timeout.py). This
// script opens a modal dialog shortly before that, moves focus into it and counts down; a polite
// live region repeats the time left now and then (each minute, then at 30 and 10 seconds), not every
// second. "Stay signed in", or Escape, posts the dialog's form (with its CSRF token) to extend the
// session. The script never extends the session by itself: asking the status endpoint how long is
// left does not count as activity, and it asks only so that someone active in another tab is not
// warned or signed out here. Plain script, no framework; without it the server still signs people out.
(function () {
  "use strict";

  var dialog = document.getElementById("app-timeout-dialog");
  if (!dialog || typeof dialog.showModal !== "function" || !window.fetch) {
    return;
  }
  var form = document.getElementById("app-timeout-extend");
  var countdown = dialog.querySelector(".app-timeout-dialog__countdown");
  var live = document.getElementById("app-timeout-live");
  var warningMs = Number(dialog.getAttribute("data-warning-seconds")) * 1000;
  var statusUrl = dialog.getAttribute("data-status-url");
  var signInUrl = dialog.getAttribute("data-sign-in-url");
  var deadline = 0;
  var warnTimer = null;
  var ticker = null;
  var returnFocus = null;
  var closingOurselves = false;
  var extending = false;
  var announced = {};

  function inWords(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    var parts = [];
    if (minutes) {
      parts.push(minutes + (minutes === 1 ? " minute" : " minutes"));
    }
    if (rest || !minutes) {
      parts.push(rest + (rest === 1 ? " second" : " seconds"));
    }
    return parts.join(" ");
  }

  function secondsLeft() {
    return Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
  }

  function askServer() {
    return fetch(statusUrl, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      return response.json();
    });
  }

  function signedOut() {
    // The server has signed the person out, and says why on the sign-in page.
    var here = window.location.pathname + window.location.search;
    window.location.assign(signInUrl + "?next=" + encodeURIComponent(here));
  }

  function schedule(seconds) {
    deadline = Date.now() + seconds * 1000;
    window.clearTimeout(warnTimer);
    warnTimer = window.setTimeout(beforeWarning, Math.max(0, deadline - warningMs - Date.now()));
  }

  function beforeWarning() {
    askServer()
      .then(function (status) {
        if (!status.signed_in) {
          signedOut();
        } else if (status.seconds_left * 1000 > warningMs + 2000) {
          schedule(status.seconds_left); // active in another tab meanwhile
        } else {
          deadline = Date.now() + status.seconds_left * 1000;
          open();
        }
      })
      .catch(open);
  }

  function render() {
    var left = secondsLeft();
    countdown.textContent = inWords(left);
    var milestone = left > 0 && (left % 60 === 0 || left === 30 || left === 10);
    if (milestone && !announced[left]) {
      announced[left] = true;
      live.textContent = "We will sign you out in " + inWords(left) + ".";
    }
    if (left === 0) {
      window.clearInterval(ticker);
      atDeadline();
    }
  }

  function open() {
    if (dialog.open) {
      return;
    }
    announced = {};
    announced[secondsLeft()] = true; // the dialog itself says this as it opens
    live.textContent = "";
    render();
    returnFocus = document.activeElement;
    dialog.showModal();
    dialog.focus();
    window.clearInterval(ticker);
    ticker = window.setInterval(render, 1000);
  }

  function close() {
    window.clearInterval(ticker);
    if (dialog.open) {
      closingOurselves = true;
      dialog.close();
      closingOurselves = false;
    }
    if (returnFocus && typeof returnFocus.focus === "function") {
      returnFocus.focus();
    }
  }

  function atDeadline() {
    askServer()
      .then(function (status) {
        if (!status.signed_in || status.seconds_left <= 0) {
          signedOut();
        } else if (status.seconds_left * 1000 > warningMs) {
          close(); // extended in another tab
          schedule(status.seconds_left);
        } else {
          deadline = Date.now() + status.seconds_left * 1000 + 500;
          ticker = window.setInterval(render, 1000);
        }
      })
      .catch(signedOut);
  }

  function extend() {
    if (extending) {
      return;
    }
    extending = true;
    var body = new FormData(form);
    fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": body.get("csrfmiddlewaretoken") },
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (status) {
        extending = false;
        if (!status.signed_in) {
          signedOut();
          return;
        }
        close();
        schedule(status.seconds_left);
      })
      .catch(function () {
        extending = false;
        form.elements.next.value = window.location.pathname + window.location.search;
        form.submit(); // the plain form post extends the session and comes back to this page
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    extend();
  });
  // Escape means "stay signed in". Browsers may close the dialog anyway, so handle both events.
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault();
    extend();
  });
  dialog.addEventListener("close", function () {
    if (!closingOurselves) {
      window.clearInterval(ticker);
      extend();
    }
  });
  // Timers in a hidden tab can run late: check again when the person comes back to it.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && !dialog.open && Date.now() >= deadline - warningMs) {
      beforeWarning();
    }
  });

  // This page's request was activity, so the idle time starts now; the absolute end is fixed. The
  // server's own count may have started up to a minute earlier: the check before warning asks it.
  var idleSeconds = Number(dialog.getAttribute("data-idle-seconds"));
  var untilEnd = Number(dialog.getAttribute("data-session-ends-at")) - Date.now() / 1000;
  schedule(Math.max(0, Math.min(idleSeconds, untilEnd)));
})();
