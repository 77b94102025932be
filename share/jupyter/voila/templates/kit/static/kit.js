// The kit's page script. Loaded from the kit's own server (no other host).
// 1. Language: ?lang=en|nl picks which bilingual lesson cells are shown.
// 2. Participant resume: the participant view renders a hidden marker
//    <span data-kit-param="p" data-kit-value="TOKEN" data-kit-session="CODE">;
//    its value is written into the address bar (so a reload resumes the same
//    participant) and remembered per session code in localStorage (so opening
//    the plain join link again on the same phone resumes too).
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var lang = params.get("lang") === "en" ? "en" : "nl";
  document.documentElement.lang = lang;
  document.documentElement.classList.add("kit-lang-" + lang);

  function storageKey(code) { return "kit-participant-" + code; }
  function remembered(code) {
    try { return window.localStorage.getItem(storageKey(code)); } catch (e) { return null; }
  }
  function remember(code, token) {
    try { window.localStorage.setItem(storageKey(code), token); } catch (e) { /* private mode */ }
  }

  // Opening the join link again on the same device: continue as the same participant.
  var code = (params.get("sessie") || "").toUpperCase();
  if (code && !params.get("p") && /deelnemen\.ipynb$/.test(window.location.pathname)) {
    var token = remembered(code);
    if (token) {
      params.set("p", token);
      window.location.replace(window.location.pathname + "?" + params.toString());
      return;
    }
  }

  function applyMarker(el) {
    var name = el.getAttribute("data-kit-param");
    var value = el.getAttribute("data-kit-value");
    var session = el.getAttribute("data-kit-session");
    if (!name) { return; }
    var current = new URLSearchParams(window.location.search);
    if (value) { current.set(name, value); } else { current.delete(name); }
    if (session) { current.set("sessie", session); }
    var url = window.location.pathname + "?" + current.toString();
    if (url !== window.location.pathname + window.location.search) {
      window.history.replaceState(null, "", url);
    }
    if (session && value && name === "p") { remember(session, value); }
  }

  function scan(root) {
    if (!root.querySelectorAll) { return; }
    if (root.matches && root.matches("[data-kit-param]")) { applyMarker(root); }
    root.querySelectorAll("[data-kit-param]").forEach(applyMarker);
  }

  document.addEventListener("DOMContentLoaded", function () {
    scan(document.body);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (m) {
        m.addedNodes.forEach(function (n) { scan(n); });
        if (m.type === "attributes" && m.target.matches && m.target.matches("[data-kit-param]")) {
          applyMarker(m.target);
        }
      });
    }).observe(document.body, {
      childList: true, subtree: true, attributes: true,
      attributeFilter: ["data-kit-value", "data-kit-param"]
    });
  });
})();
