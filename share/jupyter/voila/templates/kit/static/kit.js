// The script of the kit's Voila pages (dashboard, tafel, start page, lessons); the participant
// pages have their own (widgets/web/static). Loaded from the kit's own server (no other host).
// 1. Language: ?lang=en|nl picks which bilingual lesson cells are shown, and the tab's title.
// 2. Markers: a view renders a hidden element
//      <span class="kit-marker" data-kit-params='{"sessie": "K7P3QX", "sleutel": null}'
//            data-kit-key-session="K7P3QX" data-kit-key="KEY">
//    Its parameters are written into the address bar (null removes one) and its key is
//    posted to <base>kit/<CODE>/sleutel, whose answer sets the facilitator cookie kit_f_<CODE>
//    (HttpOnly, SameSite=Strict: no script, this one included, can read it; an empty key
//    removes it). Voila passes the Cookie header to the page's kernel, so a reload reopens
//    the facilitator's dashboard without the key in the address bar (which may be on a projector).
// 3. Lost connection (server restarted, laptop asleep, wifi gone): a banner asks to reload; the
//    page's kernel is gone then, but a reload reopens the dashboard from the cookie.
// 4. Kernel shutdown on page close: Voila 0.5 sends it with navigator.sendBeacon but
//    with the XSRF token read from the _xsrf cookie, which Voila never sets, so the
//    server refuses it (403) and every reload leaves a kernel running (voila issue
//    #1458). The kit sets that cookie (a random double-submit token) when it is missing.
// 5. Keyboard shortcuts of the control page (not while typing): an element with class
//    kit-key-next / kit-key-previous / kit-key-start / kit-key-reveal is clicked on
//    → or PageDown / ← or PageUp / S / R (PageDown and PageUp are what presentation clickers send).
//    The dashboard's control bar and the tafel's run sheet both carry these classes (widgets/views/control_bar.py).
// 6. Way back and language: every page but the start page gets a line on top with a link to the start
//    page and one to the same page in the other language.
// 7. An error a view marks with data-kit-scroll (beside a field far from the button) is scrolled into view.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var lang = params.get("lang") === "en" ? "en" : "nl";
  document.documentElement.lang = lang;
  document.documentElement.classList.add("kit-lang-" + lang);
  // the tab's title in the page's language (the template writes the Dutch one and keeps the English beside it)
  document.addEventListener("DOMContentLoaded", function () {
    var titles = document.querySelector('meta[name="kit-title"]');
    if (titles && lang === "en" && titles.getAttribute("data-en")) { document.title = titles.getAttribute("data-en"); }
  });

  if (!/(?:^|; )_xsrf=/.test(document.cookie)) {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var token = Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
    document.cookie = "_xsrf=" + token + "; path=/; SameSite=Strict";
  }

  function applyParams(json) {
    var wanted;
    try { wanted = JSON.parse(json); } catch (e) { return; }
    var current = new URLSearchParams(window.location.search);
    Object.keys(wanted).forEach(function (name) {
      if (wanted[name] === null || wanted[name] === "") { current.delete(name); }
      else { current.set(name, String(wanted[name])); }
    });
    var query = current.toString();
    var url = window.location.pathname + (query ? "?" + query : "");
    if (url !== window.location.pathname + window.location.search) {
      window.history.replaceState(null, "", url);
    }
  }

  function basePath() {
    // This server's own path (on Binder and JupyterHub one host serves many users' servers:
    // a facilitator key must not travel to the others).
    try {
      var config = JSON.parse(document.getElementById("jupyter-config-data").textContent);
      if (config.baseUrl && config.baseUrl.charAt(0) === "/") { return config.baseUrl; }
    } catch (e) { /* no page config: the root */ }
    return "/";
  }

  function xsrfToken() {
    var found = /(?:^|; )_xsrf=([^;]*)/.exec(document.cookie);
    return found ? decodeURIComponent(found[1]) : "";
  }

  function handOverKey(code, key) {
    if (!/^[A-Za-z0-9]+$/.test(code)) { return; }
    fetch(basePath() + "kit/" + code + "/sleutel", {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-XSRFToken": xsrfToken() },
      body: new URLSearchParams({ key: key || "" })
    }).catch(function () { /* the dashboard still works; only a reload would ask for the key again */ });
  }

  function applyMarker(el) {
    if (el.getAttribute("data-kit-params")) { applyParams(el.getAttribute("data-kit-params")); }
    if (el.hasAttribute("data-kit-key-session")) {
      handOverKey(el.getAttribute("data-kit-key-session"), el.getAttribute("data-kit-key"));
    }
  }

  function scan(node) {
    if (!node.querySelectorAll) { return; }
    if (node.matches && node.matches(".kit-marker")) { applyMarker(node); }
    node.querySelectorAll(".kit-marker").forEach(applyMarker);
    var error = node.matches && node.matches("[data-kit-scroll]") ? node : node.querySelector("[data-kit-scroll]");
    if (error) { error.scrollIntoView({ block: "center" }); }
  }

  var NAV = {
    nl: { label: "Werkplaats", start: "Startpagina", other: "en", name: "English" },
    en: { label: "Kit", start: "Start page", other: "nl", name: "Nederlands" }
  }[lang];

  function addNav() {
    if (/\/start\.ipynb$/.test(window.location.pathname) || document.querySelector(".kit-page-nav")) { return; }
    var nav = document.createElement("nav");
    nav.className = "kit-page-nav";
    nav.setAttribute("aria-label", NAV.label);
    var start = document.createElement("a");
    start.href = (document.body.getAttribute("data-base-url") || "/voila/") + "render/start.ipynb" +
      (lang === "en" ? "?lang=en" : "");
    start.textContent = "\u2190 " + NAV.start;
    var other = new URLSearchParams(window.location.search);
    other.set("lang", NAV.other);
    var language = document.createElement("a");
    language.href = window.location.pathname + "?" + other.toString();
    language.hreflang = NAV.other;
    language.lang = NAV.other;
    language.textContent = NAV.name;
    nav.appendChild(start);
    nav.appendChild(language);
    var cells = document.getElementById("rendered_cells");
    (cells || document.body).insertBefore(nav, (cells || document.body).firstChild);
  }

  var TEXT = {
    nl: ["De verbinding met de werkplaats is even weg. Opgeslagen gegevens blijven bewaard. " +
         "Herlaad de pagina als de verbinding terug is.", "Pagina herladen"],
    en: ["The connection to the kit is lost for a moment. Saved data is kept. " +
         "Reload the page once the connection is back.", "Reload page"]
  }[lang];

  function showDisconnected() {
    if (document.getElementById("kit-disconnected")) { return; }
    var banner = document.createElement("div");
    banner.id = "kit-disconnected";
    banner.className = "kit-message kit-message-error kit-banner";
    banner.setAttribute("role", "alert");
    var text = document.createElement("span");
    text.textContent = TEXT[0] + " ";
    var button = document.createElement("button");
    button.textContent = TEXT[1];
    button.addEventListener("click", function () { window.location.reload(); });
    banner.appendChild(text);
    banner.appendChild(button);
    document.body.insertBefore(banner, document.body.firstChild);
  }

  function watchConnection() {
    var url = (document.body.getAttribute("data-base-url") || "/voila/") + "templates/kit/static/kit.css";
    var failures = 0;
    window.setInterval(function () {
      fetch(url, { method: "HEAD", cache: "no-store" }).then(function (reply) {
        failures = reply.ok ? 0 : failures + 1;
        if (failures >= 2) { showDisconnected(); }
      }, function () {
        failures += 1;
        if (failures >= 2) { showDisconnected(); }
      });
    }, 3000);
  }

  var SHORTCUTS = { ArrowRight: "next", PageDown: "next", ArrowLeft: "previous", PageUp: "previous",
                    s: "start", S: "start", r: "reveal", R: "reveal" };

  document.addEventListener("keydown", function (event) {
    var action = SHORTCUTS[event.key];
    if (!action || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (typing) { return; }
    var target = document.querySelector(".kit-key-" + action);
    var button = target && (target.matches("button") ? target : target.querySelector("button"));
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    addNav();
    scan(document.body);
    watchConnection();
    new MutationObserver(function (mutations) {
      mutations.forEach(function (m) {
        m.addedNodes.forEach(scan);
        if (m.type === "characterData" && m.target.parentNode) { scan(m.target.parentNode); }
      });
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
})();
