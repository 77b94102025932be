// The participant pages' only script. Every page works without it (forms post and redirect);
// with it the page follows the facilitator live and counts points while they are typed.
//  1. Live: Server-Sent Events from <body data-kit-events>. When the session's state changes
//     (an activity opened or closed, results revealed) the page fetches itself again and swaps
//     <main>, keeping whatever the participant had typed and not yet saved. When only answers
//     changed and revealed results are on screen, just those results are refreshed (every
//     [data-kit-results] element; the presentation screen marks its whole content so). When results
//     appear, the notice at the top ([data-kit-reveal-notice], an aria-live region) is filled only
//     after the new page is in place, so a screen reader hears it.
//  2. A banner when the connection is lost; it goes once the stream is back.
//  3. Prioriteren: the points left, updated on every keystroke, and +/- steppers.
//  4. An error summary gets the focus, so a screen reader reads it first.
(function () {
  "use strict";
  var body = document.body;
  var lastRev = null;

  function announce(text) {
    var status = document.getElementById("kit-status");
    if (status) { status.textContent = ""; window.setTimeout(function () { status.textContent = text; }, 50); }
  }

  // -------------------------------------------------------------- typed text survives a refresh
  document.addEventListener("input", function (event) { event.target.setAttribute("data-kit-dirty", "1"); });
  document.addEventListener("change", function (event) { event.target.setAttribute("data-kit-dirty", "1"); });

  function dirtyValues(root) {
    var kept = [];
    root.querySelectorAll("[data-kit-dirty]").forEach(function (field) {
      if (!field.name) { return; }
      if (field.type === "radio" || field.type === "checkbox") {
        root.querySelectorAll('input[name="' + CSS.escape(field.name) + '"]').forEach(function (option) {
          if (option.checked) { kept.push({ name: field.name, value: option.value, checked: true }); }
        });
      } else {
        kept.push({ name: field.name, value: field.value });
      }
    });
    return kept;
  }

  function restore(root, kept) {
    kept.forEach(function (entry) {
      var selector = '[name="' + CSS.escape(entry.name) + '"]';
      root.querySelectorAll(selector).forEach(function (field) {
        if (entry.checked) {
          if (field.value === entry.value) { field.checked = true; field.setAttribute("data-kit-dirty", "1"); }
        } else if (field.type !== "hidden") {
          field.value = entry.value;
          field.setAttribute("data-kit-dirty", "1");
        }
      });
    });
  }

  // ------------------------------------------------------------------------- live refresh
  // A chart's table the reader opened (a <details> with an id) stays open when the results are refreshed.
  function keepOpen(from, to) {
    from.querySelectorAll("details[id][open]").forEach(function (opened) {
      var again = to.querySelector("#" + CSS.escape(opened.id));
      if (again) { again.open = true; }
    });
  }

  // The notice that results are shown, when it is new: emptied in the fresh page, its text put back once the page is in place.
  function holdNotice(from, to) {
    var before = from.querySelector("[data-kit-reveal-notice]");
    var now = to.querySelector("[data-kit-reveal-notice]");
    if (!now || !now.textContent.trim() || (before && before.textContent.trim())) { return function () {}; }
    var html = now.innerHTML;
    now.innerHTML = "";
    return function () { window.setTimeout(function () { now.innerHTML = html; }, 50); };
  }

  var refreshing = false;
  function refresh(onlyResults) {
    if (refreshing) { return; }
    refreshing = true;
    fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (reply) {
        if (reply.redirected) { window.history.replaceState(null, "", reply.url); }
        return reply.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var main = document.querySelector("main");
        var next = fresh.querySelector("main");
        if (!main || !next) { return; }
        var olds = main.querySelectorAll("[data-kit-results]");
        var nows = next.querySelectorAll("[data-kit-results]");
        if (onlyResults && olds.length === nows.length) {
          olds.forEach(function (old, i) {
            var now = document.importNode(nows[i], true);
            keepOpen(old, now);
            old.replaceWith(now);
          });
          return;
        }
        var focused = document.activeElement && document.activeElement.id;
        var kept = dirtyValues(main);
        var imported = document.importNode(next, true);
        restore(imported, kept);
        keepOpen(main, imported);
        var showNotice = holdNotice(main, imported);
        main.replaceWith(imported);
        showNotice();
        body.setAttribute("data-kit-state", fresh.body.getAttribute("data-kit-state") || "");
        document.title = fresh.title;
        enhance(imported);
        var again = focused && document.getElementById(focused);
        if (again) { again.focus(); }
        announce(body.getAttribute("data-kit-updated") || "");
      })
      .catch(function () { /* the stream will tell us again */ })
      .then(function () { refreshing = false; });
  }

  function showLost(show) {
    var banner = document.getElementById("kit-lost");
    if (show && !banner) {
      banner = document.createElement("p");
      banner.id = "kit-lost";
      banner.className = "kit-banner";
      banner.setAttribute("role", "alert");
      banner.textContent = body.getAttribute("data-kit-lost") || "";
      body.insertBefore(banner, body.firstChild);
    } else if (!show && banner) {
      banner.remove();
    }
  }

  var wasLost = false;  // kept across a new stream, so the page catches up once one is back
  function listen() {
    var url = body.getAttribute("data-kit-events");
    if (!url || !window.EventSource) { return; }
    var failures = 0;
    var source = new EventSource(url);
    source.onopen = function () {
      failures = 0;
      if (wasLost) { wasLost = false; showLost(false); refresh(false); }
    };
    source.onerror = function () {
      failures += 1;
      if (failures >= 2) { wasLost = true; showLost(true); }
      // An answer other than a stream (503: too many streams open) ends it for good: try again later.
      if (source.readyState === 2) { wasLost = true; window.setTimeout(listen, 30000 + Math.random() * 30000); }
    };
    source.onmessage = function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      var changed = data.state !== body.getAttribute("data-kit-state");
      if (changed) {
        refresh(false);
      } else if (lastRev !== null && data.rev !== lastRev && document.querySelector("[data-kit-results]")) {
        refresh(true);
      }
      lastRev = data.rev;
    };
  }

  // ------------------------------------------------------------------------- points left
  function pointsForm(form) {
    var counter = form.querySelector("[data-kit-counter]");
    var inputs = form.querySelectorAll("input[data-kit-points]");
    var total = parseInt(form.getAttribute("data-kit-total"), 10) || 100;
    function say(template, n) { return (template || "").replace("{n}", String(n)); }
    function update() {
      var sum = 0;
      inputs.forEach(function (input) {
        var value = parseInt(input.value, 10);
        if (!isNaN(value) && value > 0) { sum += value; }
      });
      var left = total - sum;
      var key = left > 0 ? "data-kit-left" : left < 0 ? "data-kit-over" : "data-kit-done";
      if (Math.abs(left) === 1 && counter.hasAttribute(key + "-one")) { key += "-one"; }
      counter.textContent = say(counter.getAttribute(key), Math.abs(left));
      counter.classList.toggle("kit-counter-over", left < 0);
    }
    inputs.forEach(function (input) {
      input.addEventListener("input", update);
      var step = parseInt(form.getAttribute("data-kit-step"), 10) || 5;
      var wrap = document.createElement("span");
      wrap.className = "kit-stepper";
      input.parentNode.insertBefore(wrap, input);
      [["-", -step, "data-kit-less"], ["+", step, "data-kit-more"]].forEach(function (spec, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "kit-button kit-button-secondary";
        button.textContent = spec[0] === "-" ? "\u2212" : "+";
        var label = document.getElementById(input.getAttribute("aria-labelledby") || "") ||
                    form.querySelector('label[for="' + input.id + '"]');
        button.setAttribute("aria-label", say(form.getAttribute(spec[2]), step) + ": " +
                            (label ? label.textContent.trim() : ""));
        button.addEventListener("click", function () {
          var value = parseInt(input.value, 10) || 0;
          input.value = String(Math.max(0, Math.min(total, value + spec[1])));
          input.setAttribute("data-kit-dirty", "1");
          update();
        });
        if (index === 0) { wrap.appendChild(button); wrap.appendChild(input); } else { wrap.appendChild(button); }
      });
    });
    update();
  }

  function enhance(root) {
    root.querySelectorAll("form[data-kit-total]").forEach(pointsForm);
    var summary = root.querySelector("[data-kit-focus]");
    if (summary) { summary.focus(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
    listen();
  });
})();
