// The participant pages' only script. Every page works without it (forms post and redirect);
// with it the page follows the facilitator live and counts points while they are typed.
//  1. Live: Server-Sent Events from <body data-kit-events>. When the session's state changes
//     (an activity opened or closed, results revealed) the page fetches itself again and swaps
//     <main>, keeping whatever the participant had typed and not yet saved. When only answers
//     changed and revealed results are on screen, just those results are refreshed (every
//     [data-kit-results] element; the presentation screen marks its whole content so). When results
//     appear, the notice at the top ([data-kit-reveal-notice], an aria-live region) is filled only
//     after the new page is in place, so a screen reader hears it.
//     Each event's id is the session's revision; a stream that comes back says the last one it
//     got (the browser sends Last-Event-ID; when the server refused a stream, 503 or a proxy's 502,
//     the browser gives up and this script opens a new one with ?last=) and hears only what it missed.
//  2. A banner when the connection is lost; it goes once the stream is back.
//  3. Sending a form: the script posts it itself, so that a post nobody answered (no network, or a
//     proxy's 502/503/504) is sent again, a few times with growing pauses, with the same hidden
//     idempotency key (_once): the server stores it once however often it arrives. A line at the top
//     says it is retrying. Where the server would redirect (303) it names the address instead
//     (X-Kit-Location) and the page goes there; an answer that is a page (the form with its errors)
//     replaces this one. Meanwhile the page waits (inert). Without the script the form posts as any form does.
//  4. Prioriteren: the points left, updated on every keystroke, and +/- steppers.
//  5. An error summary gets the focus, so a screen reader reads it first.
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
  var heard = null;  // the last event heard while a refresh was on its way: followed once that refresh is in

  // An event from the stream: the page follows a new state, or refreshes the results it shows.
  function follow(data) {
    if (refreshing) { heard = data; return; }  // the page being fetched may be older than this event
    if (data.state !== body.getAttribute("data-kit-state")) {
      refresh(false);
    } else if (lastRev !== null && data.rev !== lastRev && document.querySelector("[data-kit-results]")) {
      refresh(true);
    }
    lastRev = data.rev;
  }

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
      .then(function () {
        refreshing = false;
        var missed = heard;
        heard = null;
        if (missed) { follow(missed); }
      });
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

  var stream = { url: null, source: null, lastId: "", failures: 0 };

  // Follow the page's stream (again after a form's answer replaced the page: joining starts one).
  function listen() {
    var url = body.getAttribute("data-kit-events");
    if (url === stream.url) { return; }
    if (stream.source) { stream.source.close(); stream.source = null; }
    stream.url = url;
    if (url && window.EventSource) { openStream(url); }
  }

  function openStream(url) {
    var resume = stream.lastId ? (url.indexOf("?") < 0 ? "?" : "&") + "last=" + encodeURIComponent(stream.lastId) : "";
    var source = new EventSource(url + resume);
    stream.source = source;
    source.onopen = function () {
      stream.failures = 0;
      showLost(false);  // what was missed meanwhile comes as the first event
    };
    source.onerror = function () {
      stream.failures += 1;
      if (stream.failures >= 2) { showLost(true); }
      if (source.readyState === EventSource.CLOSED && stream.source === source) {
        // Refused (503: too many streams open, or a proxy's 502): the browser gives up, the page does not.
        // It tries again later, each page at its own moment, with the last id it got.
        showLost(true);
        window.setTimeout(function () {
          if (stream.source === source) { openStream(url); }
        }, 30000 + Math.random() * 30000);
      }
    };
    source.onmessage = function (event) {
      if (event.lastEventId) { stream.lastId = event.lastEventId; }
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      follow(data);
    };
  }

  // ------------------------------------------------------------------------- sending a form
  var RESEND = { 502: true, 503: true, 504: true };  // a proxy's (or a full server's) "not now"
  var PAUSES = [1, 2, 4, 8, 15];  // seconds before each resend: about half a minute in all

  function fill(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, function (all, name) {
      return values[name] === undefined ? all : String(values[name]);
    });
  }

  function showSending(kind, text) {
    var line = document.getElementById("kit-sending");
    if (!kind) { if (line) { line.remove(); } return; }
    if (!line) {
      line = document.createElement("p");
      line.id = "kit-sending";
      line.className = "kit-banner";
      body.insertBefore(line, body.firstChild);
    }
    line.setAttribute("role", kind === "failed" ? "alert" : "status");
    line.textContent = text;
  }

  function formBody(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    var fields = new URLSearchParams();
    data.forEach(function (value, name) { fields.append(name, value); });
    return fields;
  }

  function isPage(fresh) {  // one of the kit's pages, not a proxy's error page
    return !!fresh.querySelector("main") && !!fresh.querySelector('script[src*="participant.js"]');
  }

  function sameScripts(fresh) {
    function names(doc) {
      return Array.prototype.map.call(doc.querySelectorAll("script[src]"), function (s) {
        return s.getAttribute("src").split("?")[0];
      }).join(" ");
    }
    return names(fresh) === names(document);
  }

  // Where the answer sends the page (the server's 303, told to this script as X-Kit-Location): loaded as
  // the browser would load it, also when only its #part differs from the address the page has now.
  function go(next) {
    var target = new URL(next, window.location.href);
    var here = new URL(window.location.href);
    if (target.hash && target.href.split("#")[0] === here.href.split("#")[0]) {
      window.history.replaceState(null, "", target.href);
      window.location.reload();
      return;
    }
    window.location.assign(target.href);
  }

  // An answer that is a page (the form again with its errors, a message) replaces this one; the address stays.
  function show(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    if (!isPage(fresh) || !sameScripts(fresh)) {
      document.open(); document.write(html); document.close();
      return;
    }
    document.title = fresh.title;
    document.documentElement.lang = fresh.documentElement.lang;
    Array.prototype.slice.call(body.attributes).forEach(function (a) { body.removeAttribute(a.name); });
    Array.prototype.forEach.call(fresh.body.attributes, function (a) { body.setAttribute(a.name, a.value); });
    body.replaceChildren.apply(body, Array.prototype.map.call(fresh.body.childNodes, function (node) {
      return document.importNode(node, true);
    }));
    window.scrollTo(0, 0);
    enhance(document);
    listen();
    var heading = document.querySelector("main h1");
    if (heading && !document.querySelector("[data-kit-focus]")) { announce(heading.textContent.trim()); }
  }

  // While a post is on its way the page waits for its answer, as it would for the next page: nothing
  // on it can be changed, and what it said about the post before (a notice, an error summary) goes.
  function busy(on) {
    var main = document.querySelector("main");
    if (!main) { return; }
    main.inert = on;
    if (on) {
      main.setAttribute("aria-busy", "true");
      main.querySelectorAll(".kit-notice, .kit-error-summary").forEach(function (old) { old.remove(); });
    } else {
      main.removeAttribute("aria-busy");
    }
  }

  function send(form, submitter) {
    var fields = formBody(form, submitter);
    var attempt = 0;
    form.setAttribute("data-kit-sending", "1");
    busy(true);
    function done() {
      form.removeAttribute("data-kit-sending");
      busy(false);
    }
    function giveUp(reply, html) {  // the kit's own answer (its 503 keeps what was typed), else the form as it is
      done();
      showSending(false);
      if (reply && isPage(new DOMParser().parseFromString(html, "text/html"))) { show(html); return; }
      showSending("failed", body.getAttribute("data-kit-not-sent"));
      if (submitter && submitter.isConnected) { submitter.focus(); }  // to send it again
    }
    function again(reply) {
      if (attempt >= PAUSES.length) {
        if (reply) { reply.text().then(function (html) { giveUp(reply, html); }, function () { giveUp(null); }); }
        else { giveUp(null); }
        return;
      }
      var asked = reply ? parseInt(reply.headers.get("Retry-After"), 10) : NaN;
      var pause = isNaN(asked) ? PAUSES[attempt] : Math.min(30, Math.max(1, asked));
      attempt += 1;
      showSending("retrying", fill(body.getAttribute("data-kit-retrying"), { n: attempt, total: PAUSES.length }));
      window.setTimeout(post, pause * 1000);
    }
    var action = new URL(form.getAttribute("action") || window.location.href, window.location.href).href;
    function post() {
      fetch(action, {
        method: "POST",
        body: fields,
        credentials: "same-origin",
        headers: { Accept: "text/html", "X-Kit-Fetch": "1" }
      }).then(function (reply) {
        if (RESEND[reply.status]) { again(reply); return; }
        var next = reply.headers.get("X-Kit-Location");
        if (next) { go(next); return; }
        return reply.text().then(function (html) {
          done();
          showSending(false);
          show(html);
        });
      }).catch(function () { again(null); });  // no answer, or it broke off: the same key again
    }
    post();
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.getAttribute("method") || "").toLowerCase() !== "post" ||
        !window.fetch || !window.URLSearchParams || !window.DOMParser) { return; }
    event.preventDefault();
    if (form.hasAttribute("data-kit-sending")) { return; }  // a second tap while the first is on its way
    send(form, event.submitter);
  });

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
