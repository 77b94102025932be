"""The start page: the three ways in first (tafel, lead a session, join), then the learning path and lessons."""

from html import escape

import ipywidgets as w

from ..catalog import learning_path, read_catalog
from ..i18n import language_choices, t
from ..settings import REPO_ROOT
from .common import page_language

# Where each way in goes, relative to the page: Voila serves it at ``<base>voila/render/start.ipynb``
# both standalone (``make start``) and as a server extension (Binder, JupyterHub); the participant
# pages live at ``<base>kit/`` in both, outside Voila and without a kernel.
WAYS = (
    ("tafel", "workshops/publieke-waarde-tafel.ipynb"),
    ("facilitator", "workshops/facilitator.ipynb"),
    ("join", "../../kit/"),
)


def ways_html(lang: str) -> str:
    """The three ways in as large cards; each card is one link (its title and one line saying what it is for)."""
    cards = "".join(
        f'<li><a class="kit-way" data-kit-way="{key}" href="{escape(href, quote=True)}?lang={lang}">'
        f'<span class="kit-way-title">{escape(t("start.way." + key, lang))}</span>'
        f'<span class="kit-way-text">{escape(t("start.way." + key + ".text", lang))}</span></a></li>'
        for key, href in WAYS
    )
    return (
        f'<section class="kit-ways" aria-labelledby="kit-ways-title">'
        f'<h2 id="kit-ways-title">{escape(t("start.ways", lang))}</h2><ul>{cards}</ul></section>'
    )


def _card(entry, lang: str) -> str:
    href = f"{escape(entry.path, quote=True)}?lang={lang}"
    minutes = f'<span class="kit-meta">{t("start.minutes", lang, n=entry.minutes)}</span>' if entry.minutes else ""
    return (
        f'<div class="kit-card" data-kit-entry="{escape(entry.path, quote=True)}">'
        f'<h3><a href="{href}">{escape(entry.title)}</a></h3>'
        f"<p>{escape(entry.description)}</p>{minutes}</div>"
    )


def _lesson_links(entries, lang: str) -> str:
    items = "".join(
        f'<li><a href="{escape(e.path, quote=True)}?lang={lang}">{escape(e.title)}</a></li>' for e in entries
    )
    return f"<ol>{items}</ol>"


def path_html(catalog: dict, lang: str) -> str:
    """Which lessons to take before which workshop, and which to take afterwards."""
    steps, after = learning_path(catalog)
    if not steps and not after:
        return ""
    parts = [f'<section class="kit-path"><h2>{t("start.path", lang)}</h2>']
    for step in steps:
        parts.append(
            f'<div class="kit-path-step" data-kit-workshop="{escape(step.workshop.path, quote=True)}">'
            f"<h3>{escape(t('start.path.before', lang, workshop=step.workshop.title))}</h3>"
        )
        if step.first:
            parts.append(f"<p>{t('start.path.first', lang)}</p>{_lesson_links(step.first, lang)}")
        if step.optional:
            parts.append(f"<p>{t('start.path.optional', lang)}</p>{_lesson_links(step.optional, lang)}")
        parts.append("</div>")
    if after:
        parts.append(
            f'<div class="kit-path-step" data-kit-workshop=""><h3>{t("start.path.after", lang)}</h3>'
            f"{_lesson_links(after, lang)}</div>"
        )
    return "".join(parts) + "</section>"


def start_page(params=None) -> w.Widget:
    lang = page_language(params)
    catalog = read_catalog(REPO_ROOT, lang)
    switch = "".join(
        f'<a href="?lang={code}" hreflang="{code}" lang="{code}">{escape(name)}</a>'
        for code, name in language_choices(lang)
    )
    parts = [
        f'<nav class="kit-langswitch">{switch}</nav>',
        f"<h1>{t('start.title', lang)}</h1>",
        f'<p class="kit-start-intro">{escape(t("start.intro.short", lang))}</p>',
        ways_html(lang),
        path_html(catalog, lang),
    ]
    for section in ("workshops", "lessons"):
        parts.append(f"<h2>{t('start.section.' + section, lang)}</h2>")
        entries = catalog[section]
        if not entries:
            parts.append(f"<p>{t('start.empty', lang)}</p>")
        parts.extend(_card(entry, lang) for entry in entries)
    page = w.HTML("\n".join(parts))
    page.add_class("kit-start")
    return page
