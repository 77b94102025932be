"""The radio buttons written in Python (``widgets.web.forms``) are byte for byte what the Jinja macro wrote."""

import pytest
from markupsafe import Markup

from widgets.web.forms import radio_choices

# _forms.html's radios macro as it was: the reference for every escape, id and attribute.
MACRO = """{% macro radios(name, options, chosen, by_value=False, label_lang='') %}
{% for value, label, hint, css in options %}
{% set id = name ~ '-' ~ (value if by_value else loop.index) %}
<div class="kit-choice{{ ' ' ~ css if css }}"><input type="radio" id="{{ id }}" name="{{ name }}" value="{{ value }}"\
{% if hint %} aria-describedby="{{ id }}-hint"{% endif %}{{ ' checked' if chosen == value }}><label for="{{ id }}"\
{% if label_lang %} lang="{{ label_lang }}"{% endif %}>{{ label }}</label>\
{% if hint %}<p class="kit-hint kit-choice-hint" id="{{ id }}-hint">{{ hint }}</p>{% endif %}</div>
{% endfor %}
{% endmacro %}
"""
CALL = "{{ radios(name, options, chosen, by_value, label_lang) }}\n"
HOSTILE = "Inwoner \"'<script>&amp;"
CASES = [
    ("cell", [(f"c{i}", f"Cel <b>{i}</b>", HOSTILE * 2, "extra" if i % 2 else "") for i in range(6)], "c2", False, ""),
    ("score", [(i, str(i), "", "kit-score") for i in range(1, 11)] + [("?", "weet ik niet", "", "")], 7, True, ""),
    ("group", [("a&b", Markup("<b>x</b>"), None, None), ("c", HOSTILE, "", "")], "c", False, "nl"),
    ("empty", [], "", False, ""),
    ("n<'\">", [(None, None, 0, 0), (3.5, 2, "h&", "a b")], None, True, 'e"n'),
]


@pytest.mark.parametrize("name, options, chosen, by_value, label_lang", CASES)
def test_the_python_radios_write_what_the_macro_wrote(name, options, chosen, by_value, label_lang):
    from widgets.web.service import KitWeb

    env = KitWeb().env  # the participant pages' own environment, with their _forms.html
    values = dict(name=name, options=options, chosen=chosen, by_value=by_value, label_lang=label_lang)
    expected = env.from_string(MACRO + CALL).render(**values)
    assert env.from_string('{% from "_forms.html" import radios %}' + CALL).render(**values) == expected
    assert "<script>" not in expected and str(radio_choices(**values)) in expected
