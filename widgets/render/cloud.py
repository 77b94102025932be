"""A word cloud as the page's own text flow: each word a small SVG of its size, one after the other.

The browser sets the words in lines as it sets text, so no two overlap and a narrow phone only takes
more lines; nothing needs a style attribute (the participant pages allow none) or another host. Sizes are
in ``em`` of the surface's text, so the smallest word reads as the text around it. A word's size grows
with its count on one scale for the whole cloud: ``MIN_EM`` for a word one participant used, ``biggest``
for the cloud's most used, and in between in proportion to the count (equal counts, equal sizes). Each
word's length is fixed (``textLength``) from a width table of a plain sans-serif, so the drawing takes
the room it was given whatever font the device has. Words come alphabetically, as in a tag cloud: one
looks a word up; the table beside the cloud gives them by count.
"""

import unicodedata

from markupsafe import Markup, escape

MIN_EM = 1.0
WIDEST = 14.0  # em: by default no word wider than a 320 px phone's column; a longer word is set smaller to fit
PAD = 0.15  # em on either side of a word
# Advance widths of a plain sans-serif (Helvetica's, in 1/1000 em), a little widened for wider system fonts.
WIDTHS = {
    **dict.fromkeys("abdeghnopqu0123456789", 556),
    **dict.fromkeys("ckszvxy", 500),
    **dict.fromkeys("fjilt", 250),
    "r": 333,
    "m": 833,
    "w": 722,
}
WIDEN = 1.08
COLORS = ("#154273", "#0b0c0c", "#7a2e00")  # dark on white (contrast above 7:1); the colour says nothing


def width(text: str) -> float:
    """The word's length in em at 1em."""
    total = 0
    for char in text:
        base = unicodedata.normalize("NFKD", char)[:1].lower() or char
        total += WIDTHS.get(base, 600 if char.isalpha() else 300)
    return total * WIDEN / 1000


def size(count: int, top: int, biggest: float) -> float:
    """A word's size in em: ``MIN_EM`` at a count of 1, ``biggest`` at the cloud's ``top``, linear in between."""
    if top <= 1:
        return MIN_EM
    return MIN_EM + (biggest - MIN_EM) * (count - 1) / (top - 1)


def word_svg(text: str, em: float, color: str, widest: float = WIDEST, count: int = 0) -> Markup:
    """One word at ``em`` (less where it would be wider than ``widest`` em): an SVG as wide as the word, its text
    fitted to that width."""
    em = min(em, widest / max(width(text), 0.01))
    long = width(text) * em
    w, h = long + 2 * PAD, em * 1.3
    units = 100  # per em in the viewBox
    return Markup(
        '<svg class="kit-cloud-word" width="{w:.2f}em" height="{h:.2f}em" viewBox="0 0 {vw:.0f} {vh:.0f}" '
        'data-kit-count="{n}" aria-hidden="true" focusable="false">'
        '<text x="{x:.0f}" y="{y:.0f}" font-size="{fs:.0f}" fill="{c}" textLength="{tl:.0f}" '
        'lengthAdjust="spacingAndGlyphs">{t}</text></svg>'
    ).format(
        w=w,
        h=h,
        vw=w * units,
        vh=h * units,
        x=PAD * units,
        y=em * units,
        fs=em * units,
        c=color,
        tl=long * units,
        t=escape(text),
        n=count,
    )


def cloud_html(words, biggest: float, widest: float = WIDEST) -> Markup:
    """The words (``CloudWord``, most used first) alphabetically, each sized by its count; '' for none."""
    if not words:
        return Markup()
    top = max(w.count for w in words)
    ordered = sorted(words, key=lambda w: (w.text.casefold(), w.key))
    return Markup(" ").join(
        word_svg(w.text, size(w.count, top, biggest), COLORS[i % len(COLORS)], widest, w.count)
        for i, w in enumerate(ordered)
    )
