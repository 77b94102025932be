"""HTML fragments from Jinja2 templates with autoescape on (no ipywidgets here).

The participant pages (``web``), the facilitator's dashboard (inside ``w.HTML``) and the
report render the same templates, so a value reads the same wherever it is shown, and
every text a participant typed is escaped by the template engine, never by hand.
"""

import re
from functools import cache, partial
from pathlib import Path

import jinja2
from babel.numbers import format_percent
from markupsafe import Markup

from ..activities import template_folders
from ..i18n import decimal, language_choices, normalize_language, t, whole
from ..model.validation import LIMITS

TEMPLATES = Path(__file__).resolve().parent / "templates"


def percent(share: float, lang: str) -> str:
    """A share (0-1) as a whole percentage as readers of the language write it (Babel): 33%."""
    return format_percent(share, "#,##0%", locale=normalize_language(lang))


def keep_number(text):
    """A label's closing number kept on its word's line ("Stelling 1", "Box 5.2"): a no-break space before it."""
    glued = re.sub(r" (\d[\d.,]*)$", "\u00a0\\1", str(text))
    return Markup(glued) if isinstance(text, Markup) else glued


@cache
def environment(*extra: str, auto_reload: bool = True) -> jinja2.Environment:
    """One environment per set of template folders; ``extra`` folders are searched first, the activities' last.

    ``auto_reload=False`` (the participant pages' server): a template is read once, not checked on disk
    at every page (a changed template needs a restart there).
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*extra, str(TEMPLATES), *template_folders()]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=auto_reload,
    )
    env.filters["decimal"] = lambda value, lang, digits=1: "–" if value is None else decimal(value, lang, digits)
    env.filters["percent"] = lambda value, lang: "–" if value is None else percent(value, lang)
    env.filters["keep_number"] = keep_number
    env.filters["whole"] = lambda value, lang: whole(value, lang)  # 5.284 / 5,284
    env.globals["limits"] = LIMITS  # a field's maxlength is the model's limit (the server still checks it)
    return env


def render(name: str, lang: str, env: jinja2.Environment = None, **context) -> Markup:
    """Template ``name`` with ``t`` bound to ``lang`` (``t('key', n=3)`` in the template).

    The result is Markup: a fragment put into another template is not escaped twice.
    """
    lang = normalize_language(lang)
    template = (env or environment()).get_template(name)
    return Markup(
        template.render(t=partial(t, lang=lang), lang=lang, other_languages=language_choices(lang), **context)
    )
