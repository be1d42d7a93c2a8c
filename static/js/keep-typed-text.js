// Keeps what a person types into a form, in this browser tab, until the form has gone through
// (issue 20). A long update typed for half an hour must survive a failed security check, a sign-out
// after the idle timeout, or a request the service could not read: back at the form, what they typed
// is put back, with a short message saying so and a button to remove it again.
//
// - Only forms sent by POST, and in them only text boxes and text inputs a person typed in: never
//   passwords, usernames or one-time codes (their autocomplete says so), never hidden or file inputs.
// - Kept in sessionStorage: this tab only, gone when it closes. One entry per form, keyed by the
//   page's path and the form, holding the fields typed in (untouched fields are never kept, so a
//   colleague's later change to one is not put back over).
// - Sending the form marks its entry as sent. The next page decides: if the form went through (any
//   page that is not an error) the entry is removed; if it did not (an error status, an error
//   summary, or a page marked with templates/includes/_keeps_typed_text.html) it stays.
// - Signing out removes everything kept.
// Plain script, no framework, within the content security policy; without it nothing changes.
(function () {
  "use strict";

  var PREFIX = "app-typed-text:";
  var SENT = "app-typed-text-sent";
  var NOT_KEPT = /\b(current-password|new-password|one-time-code|username)\b/;
  var TEXT_TYPES = ["text", "email", "number", "tel", "url", "search"];
  var script = document.currentScript;
  var signOutUrl = script ? script.getAttribute("data-sign-out-url") : null;
  var storage;

  try {
    storage = window.sessionStorage;
    storage.getItem(SENT);
  } catch (error) {
    return; // storage switched off (some private windows, some policies): nothing is kept
  }

  function read(key) {
    try {
      return JSON.parse(storage.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function write(key, value) {
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch (error) {
      // storage full: this text is not kept, and the form still works
    }
  }

  function keepable(field) {
    if (!field.name || field.disabled || field.readOnly) {
      return false;
    }
    if (NOT_KEPT.test(field.getAttribute("autocomplete") || "")) {
      return false;
    }
    return field.tagName === "TEXTAREA" || (field.tagName === "INPUT" && TEXT_TYPES.indexOf(field.type) !== -1);
  }

  var forms = Array.prototype.filter.call(document.forms, function (form) {
    return form.method === "post";
  });

  function keyOf(form) {
    var action = form.getAttribute("action") || "";
    var sameAction = forms.filter(function (other) {
      return (other.getAttribute("action") || "") === action;
    });
    return PREFIX + window.location.pathname + "|" + action + "|" + sameAction.indexOf(form);
  }

  function isSignOut(form) {
    return signOutUrl && new URL(form.action, window.location.href).pathname === signOutUrl;
  }

  function forgetEverything() {
    for (var i = storage.length - 1; i >= 0; i -= 1) {
      var key = storage.key(i);
      if (key && key.indexOf(PREFIX) === 0) {
        storage.removeItem(key);
      }
    }
    storage.removeItem(SENT);
  }

  // The page that came back after a form was sent, or one reached from it with Back or Reload.
  function navigation() {
    return (performance.getEntriesByType && performance.getEntriesByType("navigation")[0]) || {};
  }

  function wentWrong() {
    return (
      navigation().responseStatus >= 400 ||
      document.querySelector('.govuk-error-summary, meta[name="app-typed-text"][content="keep"]') !== null
    );
  }

  var sent = read(SENT);
  if (sent) {
    storage.removeItem(SENT);
    // Only the page that answered the form decides; a page reached by Back or Reload says nothing.
    if ((navigation().type || "navigate") === "navigate" && !wentWrong()) {
      storage.removeItem(sent.key);
    }
  }

  function offerToRemove(form, key, putBack) {
    var id = "app-typed-text-title-" + forms.indexOf(form);
    var banner = document.createElement("div");
    banner.className = "govuk-notification-banner";
    banner.setAttribute("role", "region");
    banner.setAttribute("aria-labelledby", id);
    banner.innerHTML =
      '<div class="govuk-notification-banner__header">' +
      '<h2 class="govuk-notification-banner__title" id="' + id + '">Important</h2></div>' +
      '<div class="govuk-notification-banner__content">' +
      '<p class="govuk-notification-banner__heading">What you typed here before has been put back</p>' +
      '<p class="govuk-body">It has not been saved yet. Check it, then send the form.</p>' +
      '<button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">' +
      "Remove what was put back</button></div>";
    banner.querySelector("button").addEventListener("click", function () {
      putBack.forEach(function (item) {
        item.field.value = item.was;
        item.field.dispatchEvent(new Event("input", { bubbles: true }));
      });
      storage.removeItem(key);
      banner.parentNode.removeChild(banner);
      putBack[0].field.focus();
    });
    form.parentNode.insertBefore(banner, form);
  }

  forms.forEach(function (form) {
    var key = keyOf(form);
    var kept = read(key);
    if (kept && typeof kept === "object") {
      var putBack = [];
      Array.prototype.forEach.call(form.elements, function (field) {
        var value = kept[field.name];
        if (keepable(field) && typeof value === "string" && value.trim() !== field.value.trim()) {
          putBack.push({ field: field, was: field.value });
          field.value = value;
          // So that whatever watches the field (GOV.UK's character count) sees the text.
          field.dispatchEvent(new Event("input", { bubbles: true }));
        }
      });
      if (putBack.length) {
        offerToRemove(form, key, putBack);
      }
    }

    function remember(event) {
      if (event.target.form === form && keepable(event.target)) {
        var typed = read(key) || {};
        typed[event.target.name] = event.target.value;
        write(key, typed);
      }
    }
    form.addEventListener("input", remember);
    form.addEventListener("change", remember);
    form.addEventListener("submit", function () {
      if (isSignOut(form)) {
        forgetEverything();
      } else if (read(key)) {
        write(SENT, { key: key });
      }
    });
  });
})();
