"""Measurements of what a person sees on a page, taken in the page (Playwright's ``page.evaluate``).

Each helper returns a list of findings, plain sentences that name what a person would see ("Punten"
broken as "Pu/nt/en" in a table heading), so that a test asserting the list is empty fails with a
message a reviewer can act on without opening the page. Used by tests/test_looking_browser.py and
tests/screenshots.py.
"""

# Shared JavaScript: what counts as visible, and a short CSS path that names an element.
_COMMON = r"""
const hiddenAncestors = '.kit-visually-hidden, script, style, noscript, template, textarea, select, option';
const shown = (el) => {
  if (!el || el.closest(hiddenAncestors)) return false;
  if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true})) return false;
  const box = el.getBoundingClientRect();
  return box.width >= 2 && box.height >= 2;  // a 1 px box is text for screen readers only
};
const label = (el) => {
  let name = el.tagName.toLowerCase();
  if (el.id) return `${name}#${el.id}`;
  const classes = (el.getAttribute('class') || '').trim().split(/\s+/).filter((c) => c);
  if (classes.length) name += '.' + classes[0];
  for (const data of ['data-kit-activity', 'data-kit-item', 'data-kit-statement']) {
    if (el.hasAttribute(data)) return `${name}[${data}=${el.getAttribute(data)}]`;
  }
  return name;
};
const path = (el) => {
  const parts = [];
  let e = el;
  for (; e && e !== document.body && e !== document.documentElement && parts.length < 3; e = e.parentElement) {
    parts.unshift(label(e));
    if (e.id) return parts.join(' > ');
  }
  // and the nearest named ancestor above those, so that a cell says which table it is in
  for (; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
    if (e.id || e.getAttribute('class')) return `${label(e)} … ${parts.join(' > ')}`;
  }
  return parts.join(' > ');
};
const words = (el) => (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
const quoted = (el) => { const w = words(el); return w ? ` "${w.length > 50 ? w.slice(0, 50) + '…' : w}"` : ''; };
const px = (n) => `${Math.round(n)} px`;
"""

_OVERFLOW = (
    "() => {"
    + _COMMON
    + r"""
  const width = document.documentElement.clientWidth;
  const found = [];
  const scroller = document.scrollingElement || document.documentElement;
  if (scroller.scrollWidth > width + 0.5) {
    found.push(`the page scrolls sideways: ${px(scroller.scrollWidth)} wide on a ${px(width)} screen`);
  }
  const sticksOut = (el) => el.getBoundingClientRect().right > width + 0.5;
  const scrollsSideways = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg' || !shown(el) || !sticksOut(el)) continue;
    const parent = el.parentElement;
    if (parent && parent !== document.body && shown(parent) && sticksOut(parent)) continue;  // the outermost only
    let region = null;
    for (let up = parent; up && up !== document.body; up = up.parentElement) {
      if (scrollsSideways(up)) { region = up; break; }
    }
    const right = el.getBoundingClientRect().right;
    found.push(`${path(el)}${quoted(el)} sticks out to ${px(right)}, beyond the ${px(width)} screen` +
               (region ? ` (hidden until swiped sideways inside ${label(region)})` : ''));
  }
  return found;
}"""
)

_BROKEN = (
    "(selector) => {"
    + _COMMON
    + r"""
  const root = document.querySelector(selector) || document.body;
  const range = document.createRange();
  const lines = (node, start, end) => {
    range.setStart(node, start);
    range.setEnd(node, end);
    return Array.from(range.getClientRects()).filter((r) => r.width > 0.5 && r.height > 0.5);
  };
  // A break right after a hyphen, a slash or a dash is where a compound may be broken.
  const fairBreak = /[-\/\u2010-\u2015]$/;
  const found = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const node = walk.currentNode;
    if (!node.data.trim() || !shown(node.parentElement)) continue;
    const token = /\S+/g;
    let match;
    while ((match = token.exec(node.data))) {
      const start = match.index, text = match[0];
      const rects = lines(node, start, start + text.length);
      if (rects.length < 2) continue;
      const tops = rects.map((r) => r.top), least = Math.min(...rects.map((r) => r.height));
      if (Math.max(...tops) - Math.min(...tops) < least / 2) continue;
      const pieces = [];
      let top = null;
      for (let i = 0; i < text.length; i++) {
        const box = lines(node, start + i, start + i + 1)[0];
        if (box && (top === null || Math.abs(box.top - top) > box.height / 2)) { pieces.push(''); top = box.top; }
        if (pieces.length) pieces[pieces.length - 1] += text[i];
      }
      if (pieces.length < 2 || pieces.slice(0, -1).every((p) => fairBreak.test(p))) continue;
      const where = path(node.parentElement);
      found.push(`"${text}" is broken over ${pieces.length} lines as "${pieces.join('/')}" in ${where}`);
    }
  }
  return found;
}"""
)

_TAGS = r"""(selector) => {
  const root = document.querySelector(selector) || document.body;
  const text = root.innerText;
  const tag = /<\/?[a-z][a-z0-9]*[\s>]/g;
  const found = [];
  let match;
  while ((match = tag.exec(text))) {
    const from = Math.max(0, match.index - 30), to = Math.min(text.length, match.index + 60);
    found.push(`markup shown as text: "${text.slice(from, to).replace(/\s+/g, ' ').trim()}"`);
    tag.lastIndex = Math.max(tag.lastIndex, to);  // the next finding is further on, not the same words again
  }
  return found;
}"""

_VERTICAL = (
    "() => {"
    + _COMMON
    + r"""
  const height = window.innerHeight;
  const scroller = document.scrollingElement || document.documentElement;
  if (scroller.scrollHeight <= height + 0.5) return [];
  let lowest = null;
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg' || !shown(el)) continue;
    if (el.tagName.toLowerCase() !== 'svg' && Array.from(el.children).some(shown)) continue;  // what is drawn
    if (!lowest || el.getBoundingClientRect().bottom > lowest.getBoundingClientRect().bottom) lowest = el;
  }
  const end = !lowest ? '' :
    `; the lowest, ${path(lowest)}${quoted(lowest)}, ends at ${px(lowest.getBoundingClientRect().bottom)}`;
  const found = [`the screen scrolls: ${px(scroller.scrollHeight)} of page on a ${px(height)} screen${end}`];
  const below = (el) => el.getBoundingClientRect().bottom > height + 0.5;
  for (const el of document.body.querySelectorAll('main *')) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg' || !shown(el) || !below(el)) continue;
    if (Array.from(el.children).some((child) => shown(child) && below(child))) continue;  // the innermost only
    if (el.getBoundingClientRect().top < height) {
      found.push(`${path(el)}${quoted(el)} is cut by the bottom of the screen`);
    }
  }
  const hidden = Array.from(document.body.querySelectorAll('main *'))
    .filter((el) => shown(el) && el.getBoundingClientRect().top >= height && el.children.length === 0);
  if (hidden.length) {
    found.push(`${hidden.length} elements lie below the screen, the first ${path(hidden[0])}${quoted(hidden[0])}`);
  }
  return found;
}"""
)

_JOIN_OVERLAP = (
    "() => {"
    + _COMMON
    + r"""
  const join = document.querySelector('.kit-screen-join');
  const stage = document.querySelector('.kit-screen-stage');
  if (!join || !stage) return ['no join block or stage on this page'];
  const j = join.getBoundingClientRect();
  const overlaps = (el) => {
    const b = el.getBoundingClientRect();
    return Math.min(b.right, j.right) - Math.max(b.left, j.left) > 0.5 &&
           Math.min(b.bottom, j.bottom) - Math.max(b.top, j.top) > 0.5;
  };
  const found = [];
  for (const el of [stage, ...stage.querySelectorAll('*')]) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg' || !shown(el) || !overlaps(el)) continue;
    if (el !== stage && overlaps(el.parentElement) && shown(el.parentElement)) continue;  // the outermost only
    const b = el.getBoundingClientRect();
    found.push(`${path(el)}${quoted(el)} runs under the join block ` +
               `(to ${px(b.right)}; the block starts at ${px(j.left)})`);
  }
  return found;
}"""
)

_BARS = (
    "() => {"
    + _COMMON
    + r"""
  // Per result block: every bar's track as wide as the others of its kind, and every filled length per
  // unit of value the same (one scale for the block): what a person compares by eye.
  const found = [];
  const within = (a, b) => Math.abs(a - b) <= Math.max(0.5, 0.02 * Math.max(a, b));
  for (const block of document.querySelectorAll('[data-kit-block]')) {
    for (const kind of ['kit-block-bar', 'kit-block-stack']) {
      const bars = Array.from(block.querySelectorAll(`svg.${kind}`)).filter((svg) => shown(svg));
      if (!bars.length) continue;
      const name = `${path(block)} ${kind === 'kit-block-bar' ? 'bars' : 'bars of 100 %'}`;
      const tracks = bars.map((svg) => svg.querySelector('.kit-block-track').getBoundingClientRect().width);
      if (Math.max(...tracks) - Math.min(...tracks) > 0.5) {
        found.push(`${name}: tracks of different widths (${px(Math.min(...tracks))} to ${px(Math.max(...tracks))})`);
      }
      const perUnit = [];
      for (const svg of bars) {
        const parts = kind === 'kit-block-bar' ? [[svg.querySelector('.kit-block-fill'), svg]] :
          Array.from(svg.querySelectorAll('.kit-block-part')).map((part) => [part, part]);
        for (const [fill, holder] of parts) {
          const value = parseFloat(holder.getAttribute('data-kit-value'));
          if (fill && value > 0) perUnit.push([fill.getBoundingClientRect().width / value, value]);
        }
      }
      const sorted = perUnit.map(([r]) => r).sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)];
      const off = perUnit.filter(([r]) => !within(r * 100, median * 100));
      if (off.length) {
        found.push(`${name}: ${off.length} not on the block's scale, e.g. ${off[0][1]} drawn ` +
                   `${px(off[0][0] * off[0][1])} where ${px(median * off[0][1])} is its length`);
      }
    }
  }
  return found;
}"""
)


_CRAMPED = (
    "() => {"
    + _COMMON
    + r"""
  // On the projector: figures drawn small in a screen that has room for them. A bar of 100 % (its parts are
  // what the room compares) at least a fifth of its table's width; the triangle at least 0.65 of the screen's
  // height wide (it is drawn beside its legend, under one line of title); a row's number on its word's line.
  const found = [];
  for (const svg of document.querySelectorAll('.kit-screen-results-body svg.kit-block-stack')) {
    if (!shown(svg)) continue;
    const track = svg.getBoundingClientRect().width, table = svg.closest('table').getBoundingClientRect().width;
    if (track < table / 5) found.push(`${path(svg)}: a bar of 100 % ${px(track)} wide in a table of ${px(table)}`);
  }
  // A short row heading that ends in a number ("Stelling 1") broken over two lines: the number alone below.
  for (const th of document.querySelectorAll('.kit-screen-results-body th[scope=row]')) {
    const text = th.innerText.trim();
    if (!shown(th) || !/^\S+\s\d[\d.,]*$/.test(text)) continue;
    const range = document.createRange();
    range.selectNodeContents(th);
    const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (lines.size > 1) found.push(`${path(th)}: "${text}" broken over ${lines.size} lines`);
  }
  for (const svg of document.querySelectorAll('.kit-screen-results-body svg.kit-triangle')) {
    const width = svg.getBoundingClientRect().width;
    if (shown(svg) && width < 0.65 * window.innerHeight) {
      found.push(`${path(svg)}: the triangle ${px(width)} wide on a screen ${px(window.innerHeight)} high`);
    }
  }
  return found;
}"""
)


def cramped(page) -> list[str]:
    """On the projector: a bar of 100 % or the triangle drawn small where the screen has room for it, or a short
    row heading's number ("Stelling 1") on a line of its own."""
    return page.evaluate(_CRAMPED)


def horizontal_overflow(page) -> list[str]:
    """The page scrolls sideways, and which elements stick out of the screen (inside a swipe region too)."""
    return page.evaluate(_OVERFLOW)


def broken_tokens(page, root: str = "main") -> list[str]:
    """Words and numbers the layout breaks across lines ("Pu/nt/en", "7,/0"); a compound may break after a hyphen."""
    return page.evaluate(_BROKEN, root)


def visible_tags(page, root: str = "main") -> list[str]:
    """HTML tags a person reads as text: markup escaped where it should have been drawn."""
    return page.evaluate(_TAGS, root)


def vertical_scroll(page) -> list[str]:
    """On the projector nobody scrolls: the page taller than the screen, and what is cut off or below."""
    return page.evaluate(_VERTICAL)


def join_overlap(page) -> list[str]:
    """On the projector: anything of the stage drawn under the join block (code, QR code, counts)."""
    return page.evaluate(_JOIN_OVERLAP)


def unequal_bars(page) -> list[str]:
    """Bars of one block in tracks of different widths, or not proportional to their values on the block's scale."""
    return page.evaluate(_BARS)


def settle(page, timeout_ms: int = 30_000, quiet_ms: int = 1_000) -> None:
    """Wait until the page's text stops changing for ``quiet_ms`` (Voila draws its widgets after the load)."""
    page.wait_for_function(
        """([quiet]) => {
          const now = performance.now(), size = document.body.innerText.length;
          if (window.__kitSize !== size) { window.__kitSize = size; window.__kitSince = now; }
          return now - window.__kitSince >= quiet;
        }""",
        arg=[quiet_ms],
        polling=250,
        timeout=timeout_ms,
    )
