"""The start page: the catalog of workshops and lessons, in Dutch or English."""

from html import escape

import ipywidgets as w

from ..catalog import learning_path, read_catalog
from ..i18n import t
from ..settings import REPO_ROOT
from .common import page_language


def _card(entry, lang: str) -> str:
    href = f"{escape(entry.path, quote=True)}?lang={lang}"
    minutes = f'<span class="kit-meta">{t("start.minutes", lang, n=entry.minutes)}</span>' if entry.minutes else ""
    return (
        f'<div class="kit-card" data-kit-entry="{escape(entry.path, quote=True)}">'
        f'<h3><a href="{href}">{escape(entry.title)}</a></h3>'
        f"<p>{escape(entry.description)}</p>{minutes}</div>"
    )


def _lesson_links(entries, lang: str) -> str:
    items = "".join(f'<li><a href="{escape(e.path, quote=True)}?lang={lang}">{escape(e.title)}</a></li>' for e in entries)
    return f"<ol>{items}</ol>"


def path_html(catalog: dict, lang: str) -> str:
    """Which lessons to take before which workshop, and which to take afterwards."""
    steps, after = learning_path(catalog)
    if not steps and not after:
        return ""
    parts = [f'<section class="kit-path"><h2>{t("start.path", lang)}</h2>']
    for step in steps:
        parts.append(f'<div class="kit-path-step" data-kit-workshop="{escape(step.workshop.path, quote=True)}">'
                     f"<h3>{escape(t('start.path.before', lang, workshop=step.workshop.title))}</h3>")
        if step.first:
            parts.append(f"<p>{t('start.path.first', lang)}</p>{_lesson_links(step.first, lang)}")
        if step.optional:
            parts.append(f"<p>{t('start.path.optional', lang)}</p>{_lesson_links(step.optional, lang)}")
        parts.append("</div>")
    if after:
        parts.append(f'<div class="kit-path-step" data-kit-workshop=""><h3>{t("start.path.after", lang)}</h3>'
                     f"{_lesson_links(after, lang)}</div>")
    return "".join(parts) + "</section>"


def start_page(params=None) -> w.Widget:
    lang = page_language(params)
    other = "en" if lang == "nl" else "nl"
    catalog = read_catalog(REPO_ROOT, lang)
    parts = [
        f'<div class="kit-langswitch"><a href="?lang={other}" hreflang="{other}">{t("start.switch", lang)}</a></div>',
        f"<h1>{t('start.title', lang)}</h1>",
        f"<p>{t('start.intro', lang)}</p>",
        path_html(catalog, lang),
    ]
    for section in ("workshops", "lessons"):
        parts.append(f"<h2>{t('start.section.' + section, lang)}</h2>")
        entries = catalog[section]
        if not entries:
            parts.append(f"<p>{t('start.empty', lang)}</p>")
        parts.extend(_card(entry, lang) for entry in entries)
    return w.HTML("\n".join(parts))
