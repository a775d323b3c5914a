// Heed console: the little script the console has. Every page works without it (plain forms, answered 303);
// with it, htmx swaps fragments, live numbers arrive over server-sent events, and this file adds the session's
// CSRF token to every htmx request (the forms carry it as a hidden field anyway).
"use strict";
(function () {
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }
  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-CSRF-Token"] = csrfToken();
  });
  // A fragment request that the session no longer covers answers 401 with HX-Redirect: htmx follows it. Other
  // error statuses are swapped in too, so the person sees the reason instead of nothing.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status >= 400 && status !== 401) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  // A link that opens a confirmation <dialog> (its plain href is the confirmation page without JavaScript).
  document.addEventListener("click", function (event) {
    var opener = event.target.closest && event.target.closest("[data-confirm-dialog]");
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute("data-confirm-dialog"));
      if (dialog && typeof dialog.showModal === "function") {
        event.preventDefault();
        dialog.showModal();
      }
      return;
    }
    var closer = event.target.closest && event.target.closest("[data-close-dialog]");
    if (closer) {
      var open = closer.closest("dialog");
      if (open) {
        open.close();
      }
    }
  });
})();
