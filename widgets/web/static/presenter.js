// The presentation screen's pages (kit/<CODE>/scherm, after participant.js). Nobody scrolls a projector:
// results taller than the screen are grouped into pages that fit it, whole parts, paragraphs and table
// rows at a time (a table keeps its caption and column headings on each of its pages, a heading stays
// with what follows it, a table's first or last line is not alone on a page). "2/3" says where the room
// is; → / Page Down / space go on, ← / Page Up back, which is what a presentation clicker sends. The rows
// of other pages are only visually hidden (the kit-visually-hidden class), so a screen reader still reads
// every figure. The screen is paged again when the window changes size and when participant.js swaps in
// fresh results (staying on the page it was on). Without this script, or in a window narrower than a
// projector, everything shows and scrolls.
(function () {
  "use strict";
  var HIDDEN = "kit-visually-hidden";
  var OFF = "data-kit-off"; // hidden by this script, as opposed to hidden by its template
  var FOOT = "data-kit-foot"; // at the foot of the page shown
  var WIDE = window.matchMedia("(min-width: 900px)"); // presenter.css stacks a narrower window
  var deck = { grid: null, units: [], containers: [], pages: [], current: 0, what: "" };

  function off(el) {
    if (!el.classList.contains(HIDDEN)) { el.classList.add(HIDDEN); el.setAttribute(OFF, ""); }
  }
  function on(el) {
    if (el.hasAttribute(OFF)) { el.classList.remove(HIDDEN); el.removeAttribute(OFF); }
  }

  // ------------------------------------------------------------------ what can go on a page
  function inFlow(el) {
    if (el.classList.contains(HIDDEN)) { return false; }
    var style = window.getComputedStyle(el);
    return style.display !== "none" && style.position !== "absolute" && style.position !== "fixed";
  }
  function children(el) { return Array.prototype.filter.call(el.children, inFlow); }

  // A block of blocks (not a row of things side by side, not text with markup in it): paged by its children.
  function stacks(el) {
    if (!/^(DIV|SECTION|ARTICLE|OL|UL)$/.test(el.tagName)) { return false; }
    if (["block", "flow-root", "list-item"].indexOf(window.getComputedStyle(el).display) < 0) { return false; }
    var text = Array.prototype.some.call(el.childNodes, function (node) {
      return node.nodeType === Node.TEXT_NODE && node.data.trim();
    });
    return !text && children(el).length > 0;
  }

  // A table's rows of figures, after its column headings; none when a cell spans rows (it is kept whole).
  function bodyRows(table) {
    if (window.getComputedStyle(table).display !== "table") { return []; }
    var rows = Array.prototype.filter.call(table.rows, function (row) {
      return row.parentElement.tagName === "TBODY" && inFlow(row);
    });
    while (rows.length && !rows[0].querySelector("th[scope=row], td:not(:empty)")) { rows.shift(); }
    var spanned = rows.some(function (row) {
      return Array.prototype.some.call(row.cells, function (cell) { return cell.rowSpan > 1; });
    });
    return spanned || rows.length < 2 ? [] : rows;
  }

  // A heading, or the line that introduces a table or figure, goes to the page of what follows it.
  function leads(el) {
    if (/^H[1-6]$/.test(el.tagName)) { return true; }
    var next = el.nextElementSibling;
    while (next && !inFlow(next)) { next = next.nextElementSibling; }
    return el.tagName === "P" && !!next && /^(TABLE|FIGURE)$/.test(next.tagName);
  }

  function collect(grid) {
    var units = [], containers = [];
    function walk(el, chain) {
      var rows = el.tagName === "TABLE" ? bodyRows(el) : [];
      if (rows.length || stacks(el)) {
        var inner = chain.concat([el]);
        containers.push(el);
        (rows.length ? rows : children(el)).forEach(function (child) {
          if (rows.length) { units.push({ el: child, chain: inner, leads: false, row: true }); } else { walk(child, inner); }
        });
      } else {
        units.push({ el: el, chain: chain, leads: leads(el) });
      }
    }
    grid.querySelectorAll(".kit-screen-activity").forEach(function (activity) {
      var body = activity.querySelector(".kit-screen-results-body");
      if (!body) { return; }
      containers.push(activity, body);
      children(body).forEach(function (part) { walk(part, [activity, body]); });
    });
    return { units: units, containers: containers };
  }

  // ------------------------------------------------------------------ pages
  function fits() {
    var page = document.scrollingElement || document.documentElement;
    return page.scrollHeight <= window.innerHeight;
  }

  function show(from, to) {
    deck.units.forEach(function (unit) { off(unit.el); });
    deck.containers.forEach(off);
    for (var i = from; i < to; i++) {
      deck.units[i].chain.forEach(on);
      on(deck.units[i].el);
    }
    foot(to);
  }

  // The last thing shown and what holds it end the page: no margin below them (presenter.css), so a line that
  // fits above the screen's foot is not sent to the next page by a table's spacing under it.
  function foot(to) {
    document.querySelectorAll("[" + FOOT + "]").forEach(function (el) { el.removeAttribute(FOOT); });
    if (to < 1) { return; }
    var unit = deck.units[to - 1];
    unit.chain.concat([unit.el]).forEach(function (el) { el.setAttribute(FOOT, ""); });
    for (var el = unit.el.lastElementChild; el; el = el.lastElementChild) { el.setAttribute(FOOT, ""); }
  }

  function groupEnd(i) {
    while (i < deck.units.length - 1 && deck.units[i].leads) { i++; }
    return i + 1;
  }

  function sameTable(a, b) {
    var units = deck.units;
    return a >= 0 && b < units.length && units[a].row && units[b].row && units[a].chain === units[b].chain;
  }

  // A table's first row alone at the foot of a page goes over to the next, with what leads into it.
  function withoutOrphan(start, stop) {
    var last = stop - 1;
    if (!sameTable(last, stop) || sameTable(last - 1, last)) { return stop; }
    while (last > start && deck.units[last - 1].leads) { last--; }
    return last > start ? last : stop;
  }

  // A table's last line alone at the top of a page, the rest of its table on the page before (a widow): the
  // line before it comes along, when the page before keeps two or more of the table's lines and both fit.
  function withoutWidows(pages) {
    for (var p = 1; p < pages.length; p++) {
      var first = pages[p][0], stop = pages[p][1];
      var alone = sameTable(first - 1, first) && !(first + 1 < stop && sameTable(first, first + 1));
      if (!alone || first - 3 < pages[p - 1][0] || !sameTable(first - 3, first - 1)) { continue; }
      show(first - 1, stop);
      if (fits()) { pages[p - 1][1] = first - 1; pages[p][0] = first - 1; }
    }
    return pages;
  }

  function paginate() {
    var n = deck.units.length, pages = [];
    show(0, n);
    if (fits()) { return [[0, n]]; }
    show(0, 0);
    if (!fits()) { show(0, n); return [[0, n]]; } // not even the headings fit: show it all, let it scroll
    for (var start = 0; start < n;) {
      var stop = groupEnd(start);
      while (stop < n) {
        var next = groupEnd(stop);
        show(start, next);
        if (!fits()) { break; }
        stop = next;
      }
      stop = withoutOrphan(start, stop);
      pages.push([start, stop]);
      start = stop;
    }
    return withoutWidows(pages);
  }

  function turnTo(index) {
    var pages = deck.pages;
    deck.current = Math.max(0, Math.min(pages.length - 1, index));
    show(pages[deck.current][0], pages[deck.current][1]);
    var counter = deck.grid.querySelector("[data-kit-pages]");
    if (counter) {
      counter.hidden = pages.length < 2;
      counter.textContent = "";
      var seen = document.createElement("span");
      seen.setAttribute("aria-hidden", "true");
      seen.textContent = (deck.current + 1) + "/" + pages.length;
      var said = document.createElement("span");
      said.className = HIDDEN;
      said.textContent = (counter.getAttribute("data-kit-page") || "")
        .replace("{n}", String(deck.current + 1)).replace("{total}", String(pages.length));
      counter.appendChild(seen);
      counter.appendChild(said);
    }
    if (pages.length > 1) { window.scrollTo(0, 0); }
  }

  // Page the grid again; stay with the first thing of the page shown, or on the same page of fresh results.
  function repage() {
    var grid = document.querySelector(".kit-screen-grid");
    if (!grid) { return; }
    var fresh = grid !== deck.grid;
    var first = deck.pages.length ? deck.units[deck.pages[deck.current][0]] : null;
    var shown = !fresh && first ? first.el : null;
    if (deck.grid && !fresh) { show(0, deck.units.length); }
    var found = collect(grid);
    var what = Array.prototype.map.call(grid.querySelectorAll(".kit-screen-activity"), function (activity) {
      return activity.getAttribute("data-kit-activity") + (activity.querySelector(".kit-screen-results-body") ? "+" : "");
    }).join(" ");
    var index = fresh && what !== deck.what ? 0 : deck.current;
    deck.grid = grid;
    deck.what = what;
    deck.units = found.units;
    deck.containers = found.containers;
    deck.pages = WIDE.matches && found.units.length ? paginate() : [[0, found.units.length]];
    if (shown) {
      var at = found.units.map(function (unit) { return unit.el; }).indexOf(shown);
      deck.pages.forEach(function (page, i) { if (at >= page[0] && at < page[1]) { index = i; } });
    }
    turnTo(index);
  }

  // ------------------------------------------------------------------ stepping
  var NEXT = { ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1 };
  document.addEventListener("keydown", function (event) {
    var step = NEXT[event.key];
    if (!step || deck.pages.length < 2 || event.defaultPrevented || event.altKey || event.ctrlKey ||
        event.metaKey || event.shiftKey) { return; }
    if (event.target.closest && event.target.closest("a, button, input, select, summary, textarea")) { return; }
    event.preventDefault();
    turnTo(deck.current + step);
  });

  var pending = false;
  function soon() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; repage(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    repage();
    window.addEventListener("resize", soon);
    window.addEventListener("load", soon);
    // participant.js swaps in a new grid (or a new <main>) when the room's results change
    new MutationObserver(function () {
      if (document.querySelector(".kit-screen-grid") !== deck.grid) { repage(); }
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
