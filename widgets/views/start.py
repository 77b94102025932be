"""The start page: the catalog of workshops and lessons, in Dutch or English."""

from html import escape

import ipywidgets as w

from ..catalog import read_catalog
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


def start_page(params=None) -> w.Widget:
    lang = page_language(params)
    other = "en" if lang == "nl" else "nl"
    catalog = read_catalog(REPO_ROOT, lang)
    parts = [
        f'<div class="kit-langswitch"><a href="?lang={other}" hreflang="{other}">{t("start.switch", lang)}</a></div>',
        f"<h1>{t('start.title', lang)}</h1>",
        f"<p>{t('start.intro', lang)}</p>",
    ]
    for section in ("workshops", "lessons"):
        parts.append(f"<h2>{t('start.section.' + section, lang)}</h2>")
        entries = catalog[section]
        if not entries:
            parts.append(f"<p>{t('start.empty', lang)}</p>")
        parts.extend(_card(entry, lang) for entry in entries)
    return w.HTML("\n".join(parts))
