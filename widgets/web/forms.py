"""The participant pages' radio buttons, written in Python: the form part every page repeats per option.

``_forms.html``'s ``radios`` macro calls ``radio_choices``. As a Jinja loop it was a fifth of the waardenpalet
page's rendering (six cells, each with its hint); this writes the same bytes, every value escaped as
autoescape escapes it (``tests/test_radio_choices.py`` compares the two).
"""

from markupsafe import Markup


def text(value) -> str:
    """``value`` as autoescape writes it: markup as it is, anything else as text with ``& < > ' "`` escaped."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return (
        str(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


def radio_choices(name, options, chosen, by_value=False, label_lang="") -> Markup:
    """A group of big radio buttons. ``options``: (value, label, hint, extra class); ids are ``<name>-<n>``, or
    ``<name>-<value>`` with ``by_value`` (short values such as scores). ``label_lang``: the labels' language where
    it is not the page's (the facilitator's group names)."""
    lang = f' lang="{text(label_lang)}"' if label_lang else ""
    lines = []
    for index, (value, label, hint, css) in enumerate(options, 1):
        id_ = text(f"{name}-{value if by_value else index}")
        extra = text(f" {css}") if css else ""
        described = f' aria-describedby="{id_}-hint"' if hint else ""
        checked = " checked" if chosen == value else ""
        hint_html = f'<p class="kit-hint kit-choice-hint" id="{id_}-hint">{text(hint)}</p>' if hint else ""
        lines.append(
            f'<div class="kit-choice{extra}"><input type="radio" id="{id_}" name="{text(name)}" value="{text(value)}"'
            f'{described}{checked}><label for="{id_}"{lang}>{text(label)}</label>{hint_html}</div>\n'
        )
    return Markup("".join(lines))
