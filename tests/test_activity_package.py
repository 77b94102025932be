"""An activity shipped in its own installed package (a trainer's, a municipality's) joins the kit without a fork.

The package below is built and installed with pip into a throwaway folder, as its makers would ship it: a
``pyproject.toml`` that announces it in the entry-point group ``publieke_waarde_kit.activities``, its parts
(model, page, report, exports), its templates, its stylesheet and its own Dutch and English messages. Only
processes with that folder on their path know it: the kit's server, started as a user starts it, and the
short scripts below (this test's own process never imports it).
"""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from widgets.activities import KEYS
from widgets.i18n import t

from .kit_server import KitServer
from .phone import Phone

REPO = Path(__file__).resolve().parent.parent
KEY = "wijkvraag"
FORM = "form.kit-form-wijkvraag"

PO_HEADER = """msgid ""
msgstr ""
"Language: {lang}\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"""

MESSAGES = {
    "nl": {
        "activity.wijkvraag": "Wijkvraag",
        "wijkvraag.title": "Wijkvraag",
        "wijkvraag.question": "Wat moet de gemeente in uw wijk als eerste aanpakken?",
        "wijkvraag.save": "Opslaan",
        "wijkvraag.saved": "Uw wens is opgeslagen.",
        "wijkvraag.error.empty": "Schrijf op wat de gemeente als eerste moet aanpakken.",
        "wijkvraag.item": "Wens voor de wijk",
        "wijkvraag.summary": "Wensen voor de wijk: {n}.",
        "screen.question.wijkvraag": "Wat moet de gemeente in uw wijk als eerste aanpakken?",
        "kit.name": "Wijkvraagkit",  # the kit's own message: a package adds texts, it does not change the kit's
    },
    "en": {
        "activity.wijkvraag": "Neighbourhood question",
        "wijkvraag.title": "Neighbourhood question",
        "wijkvraag.question": "What should the municipality tackle first in your neighbourhood?",
        "wijkvraag.save": "Save",
        "wijkvraag.saved": "Your wish has been saved.",
        "wijkvraag.error.empty": "Write down what the municipality should tackle first.",
        "wijkvraag.item": "Wish for the neighbourhood",
        "wijkvraag.summary": "Wishes for the neighbourhood: {n}.",
        "screen.question.wijkvraag": "What should the municipality tackle first in your neighbourhood?",
    },
}


def catalog(lang: str) -> str:
    entries = "".join(f'\nmsgid "{key}"\nmsgstr "{text}"\n' for key, text in MESSAGES[lang].items())
    return PO_HEADER.format(lang=lang) + entries


PACKAGE = {
    "pyproject.toml": """
        [build-system]
        requires = ["setuptools>=70"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "gemeente-wijkvraag"
        version = "1.0"

        [project.entry-points."publieke_waarde_kit.activities"]
        wijkvraag = "gemeente_wijkvraag"

        [tool.setuptools]
        packages = ["gemeente_wijkvraag"]

        [tool.setuptools.package-data]
        gemeente_wijkvraag = ["templates/*.html", "static/*.css", "locale/*/LC_MESSAGES/*.po"]
    """,
    "gemeente_wijkvraag/__init__.py": """
        \"\"\"Wijkvraag: one open question to everyone in the room, in a municipality's own package.\"\"\"

        ORDER = 100  # the default: after the kit's own (the last of which, wat leren we nu, is 95)
    """,
    "gemeente_wijkvraag/model.py": """
        from widgets.model.validation import InputError, clean_text

        ACTIVITY = "wijkvraag"
        ITEM = "wens"


        def check_answer(text) -> dict:
            wish = clean_text(text, "note", required=False, multiline=True)
            if not wish:
                raise InputError("wijkvraag.error.empty")
            return {"text": wish}


        def check_stored(item, value) -> dict:
            if item != ITEM or not isinstance(value, dict):
                raise InputError("error.import_value")
            return check_answer(value.get("text"))
    """,
    "gemeente_wijkvraag/page.py": """
        from widgets.i18n import error_message
        from widgets.model.validation import InputError
        from widgets.web.pages import ActivityPage

        from .model import ACTIVITY, ITEM, check_answer


        class Page(ActivityPage):
            key = ACTIVITY

            def get(self, visit, rest):
                mine = visit.store.my_answers(visit.participant.token, ACTIVITY).get(ITEM) or {}
                return self.form(visit, mine.get("text", ""), saved=visit.extra.get("ok") == "saved" and bool(mine))

            def post(self, visit, rest, form):
                typed = form.get("text")
                try:
                    answer = check_answer(typed)
                except InputError as error:
                    return self.form(visit, typed, error=error_message(error, visit.lang))
                message = visit.save(lambda: visit.store.submit(visit.participant.token, ACTIVITY, {ITEM: answer}))
                if message:
                    return self.form(visit, typed, error=message)
                return visit.redirect(f"{ACTIVITY}?ok=saved")

            def form(self, visit, typed, error="", saved=False):
                return visit.render("wijkvraag.html", typed=typed, error=error, saved=saved, action=self.url(visit))
    """,
    "gemeente_wijkvraag/report.py": """
        from widgets.render.report import report_render, section_html

        from .model import ACTIVITY, ITEM


        def wishes(answers, session) -> list:
            mine = [a for a in answers.get(ACTIVITY, []) if a.item == ITEM]
            return [(session.group_label(a.group), a.value["text"]) for a in mine]


        def section(answers, state, session, lang, plots) -> str:
            listed = report_render("wijkvraag_report.html", lang, wishes=wishes(answers, session))
            return section_html(ACTIVITY, lang, listed)


        def summary(answers, state, session, lang) -> str:
            return report_render("wijkvraag_summary.html", lang, n=len(wishes(answers, session)))
    """,
    "gemeente_wijkvraag/exports.py": """
        from widgets.report.exports import export_row
        from widgets.i18n import t

        from .model import ACTIVITY, ITEM


        def rows(answers, state, session, lang) -> list:
            return [
                export_row(a, session, lang, item=t("wijkvraag.item", lang), value=a.value["text"])
                for a in answers.get(ACTIVITY, [])
                if a.item == ITEM
            ]
    """,
    "gemeente_wijkvraag/templates/wijkvraag.html": """
        {% extends "base.html" %}
        {% block main %}
        <h1>{{ t('wijkvraag.title') }}</h1>
        {% if saved %}<p class="kit-notice">{{ t('wijkvraag.saved') }}</p>{% endif %}
        <form method="post" action="{{ action }}" novalidate class="kit-form-wijkvraag">
        {{ xsrf }}
        <label for="text">{{ t('wijkvraag.question') }}</label>
        {% if error %}<p class="kit-error" id="text-error">{{ error }}</p>{% endif %}
        <textarea class="kit-input" id="text" name="text" rows="4">{{ typed }}</textarea>
        <button type="submit" class="kit-button">{{ t('wijkvraag.save') }}</button>
        </form>
        {% endblock %}
    """,
    "gemeente_wijkvraag/templates/wijkvraag_report.html": """
        <ul data-kit-wijkvraag="wishes">
        {% for group, text in wishes %}<li>{{ group }}: {{ text }}</li>{% endfor %}
        </ul>
    """,
    "gemeente_wijkvraag/templates/wijkvraag_summary.html": """
        <p data-kit-wijkvraag="summary">{{ t('wijkvraag.summary', n=n) }}</p>
    """,
    "gemeente_wijkvraag/static/wijkvraag.css": """
        .kit-form-wijkvraag textarea { min-height: 6rem; }
    """,
    "gemeente_wijkvraag/locale/nl/LC_MESSAGES/kit.po": catalog("nl"),
    "gemeente_wijkvraag/locale/en/LC_MESSAGES/kit.po": catalog("en"),
}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The package built and installed by pip into a folder of its own (no network, no other package)."""
    source, target = tmp_path_factory.mktemp("gemeente-wijkvraag"), tmp_path_factory.mktemp("site")
    for name, text in PACKAGE.items():
        path = source / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet", "install"]
    options = ["--no-deps", "--no-build-isolation", "--no-index", "--target", str(target), str(source)]
    subprocess.run([*pip, *options], check=True, capture_output=True, timeout=300)
    assert (target / "gemeente_wijkvraag" / "locale" / "en" / "LC_MESSAGES" / "kit.po").is_file()
    return target


def with_package(installed) -> dict:
    """The environment of a process that has the package installed (and this kit, not another copy)."""
    return {"PYTHONPATH": os.pathsep.join([str(installed), str(REPO)])}


def inside(installed, script: str, **values):
    """Run ``script`` (which prints one JSON value) where the package is installed; ``values`` as globals."""
    prelude = f"import json\nglobals().update(json.loads({json.dumps(json.dumps(values))}))\n"
    done = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(script)],
        cwd=REPO,
        env=dict(os.environ, **with_package(installed)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def kit_with_package(installed, tmp_path_factory):
    """The kit as a user starts it, in an environment where the package is installed."""
    server = KitServer(tmp_path_factory.mktemp("kit-with-package"), env=with_package(installed)).start()
    yield server
    server.stop()


def test_the_registry_lists_it_after_the_kits_own_in_its_own_words(installed):
    found = inside(
        installed,
        """
        from widgets.activities import ACTIVITIES, BY_KEY
        from widgets.i18n import t
        from widgets.model.sessions import SessionSpec
        from widgets.views.activities import available, facilitator_views

        mine = BY_KEY["wijkvraag"]
        parts = (("page", "Page"), ("model", "check_stored"), ("report", "section"), ("report", "summary"),
                 ("exports", "rows"), ("dashboard", "Dashboard"))
        print(json.dumps({
            "keys": [a.key for a in ACTIVITIES],
            "labels": [mine.label("nl"), mine.label("en")],
            "kit": t("kit.name", "nl"),
            "folder": str(mine.folder),
            "parts": [mine.has(*part) for part in parts],
            "offered": list(available()),
            "dashboards": list(facilitator_views()),
            "session": list(SessionSpec("Wijkavond", "wonen", activities=("wijkvraag", "palet")).cleaned().activities),
        }))
        """,
    )
    assert found["keys"] == [*KEYS, KEY]
    assert found["labels"] == ["Wijkvraag", "Neighbourhood question"]
    assert found["kit"] == t("kit.name", "nl")
    assert Path(found["folder"]) == installed / "gemeente_wijkvraag"
    assert found["parts"] == [True, True, True, True, True, False]
    assert found["offered"] == [*KEYS, KEY]  # the new session's form offers it, last
    assert found["dashboards"] == list(KEYS)  # it brings no dashboard of its own, and needs none
    assert found["session"] == ["palet", KEY]


def test_a_phone_answers_it_and_the_report_and_the_export_hold_the_answer(installed, kit_with_package):
    store = f"sqlite:///{kit_with_package.data_dir / 'kit.sqlite3'}"
    made = inside(
        installed,
        """
        from widgets.model.sessions import SessionSpec
        from widgets.store import open_store

        kit = open_store(store)
        spec = SessionSpec(title="Wijkavond", topic="wonen", municipality="Ede", activities=("palet", "wijkvraag"))
        session, key = kit.create_session(spec)
        kit.set_activity_open(session.id, "wijkvraag", True)
        print(json.dumps({"id": session.id, "code": session.code, "key": key}))
        """,
        store=store,
    )
    me = Phone(kit_with_package.url)
    me.join(made["code"], "Inwoner")
    page = me.get(f"kit/{made['code']}/{KEY}")
    assert page.status == 200 and page.text("h1") == "Wijkvraag"
    assert page.text(f"{FORM} label") == "Wat moet de gemeente in uw wijk als eerste aanpakken?"
    sheets = [link["href"] for link in page.soup.select('link[rel="stylesheet"]')]
    assert len(sheets) == 2 and f"/static/{KEY}/wijkvraag.css?v=" in sheets[1]  # after the kit's own
    css = me.http.get(kit_with_package.url.rstrip("/") + sheets[1], timeout=30)
    assert css.status_code == 200 and ".kit-form-wijkvraag textarea" in css.text

    page = me.submit(FORM, text="  ")
    assert page.errors() == ["Schrijf op wat de gemeente als eerste moet aanpakken."]
    page = me.submit(FORM, text="Meer groen <b>en</b> bankjes")
    assert page.status == 200 and page.url.endswith(f"/{KEY}?ok=saved")
    assert page.text(".kit-notice") == "Uw wens is opgeslagen." and page.text("#text") == "Meer groen <b>en</b> bankjes"
    assert "<b>en</b>" not in page.reply.text  # escaped by the kit's templates

    english = me.get(f"kit/{made['code']}/{KEY}?lang=en")
    assert english.text("h1") == "Neighbourhood question"

    screen = Phone(kit_with_package.url)
    screen.http.cookies.set(f"kit_f_{made['code']}", made["key"])
    shown = screen.get(f"kit/{made['code']}/scherm")
    assert shown.text(f'[data-kit-activity="{KEY}"] h2') == "Wijkvraag"
    assert shown.text(".kit-screen-question") == "Wat moet de gemeente in uw wijk als eerste aanpakken?"

    found = inside(
        installed,
        """
        from widgets.report.exports import csv_bytes
        from widgets.model.validation import InputError
        from widgets.report.document import build_report
        from widgets.store import open_store
        from widgets.report.transfer import checked_answers, export_session
        from widgets.views.facilitator import FacilitatorApp

        kit = open_store(store)
        data = export_session(kit, session_id)
        answers = [a for a in data["answers"] if a["activity"] == "wijkvraag"]
        refused = dict(answers[0], value={"text": ""})
        try:
            checked_answers([refused], data["session"]["activities"])
        except InputError as error:
            refusal = error.params["reason"].key
        app = FacilitatorApp(params={"sessie": code, "sleutel": key}, cookies={}, store=kit, env={})
        app.tabs.selected_index = len(app.order) - 1  # its tab, drawn when chosen
        csv = csv_bytes(data, plain=True).decode("utf-8")
        for n in range(4):  # five in the room: the disclosure rule (k = 5) lets the report show the wishes
            other = kit.join(code, "inwoner")
            kit.submit(other.token, "wijkvraag", {"wens": {"text": f"Wens {n}"}})
        print(json.dumps({
            "stored": [[a["item"], a["value"]] for a in answers],
            "checked": [a.value for a in checked_answers(answers, data["session"]["activities"])],
            "refusal": refusal,
            "report": build_report(export_session(kit, session_id)),
            "csv": csv,
            "controls": app.panes[app.order[-1]].children[0].children[0].value,  # its tab's state line
        }))
        """,
        store=store,
        session_id=made["id"],
        code=made["code"],
        key=made["key"],
    )
    assert found["stored"] == [["wens", {"text": "Meer groen <b>en</b> bankjes"}]]
    assert found["checked"] == [{"text": "Meer groen <b>en</b> bankjes"}]  # an imported file is checked as a phone
    assert found["refusal"] == "wijkvraag.error.empty"

    report = found["report"]
    assert '<section id="wijkvraag" class="kit-report-activity">\n<h2>Wijkvraag</h2>' in report
    assert "<li>Inwoner: Meer groen &lt;b&gt;en&lt;/b&gt; bankjes</li>" in report
    assert '<p data-kit-wijkvraag="summary">Wensen voor de wijk: 5.</p>' in report
    assert report.index('id="palet"') < report.index('id="wijkvraag"')  # after the kit's own

    rows = [line.split(",") for line in found["csv"].splitlines()]
    mine = [row for row in rows if "Wijkvraag" in row]
    assert len(mine) == 1 and "Wens voor de wijk" in mine[0] and "Meer groen <b>en</b> bankjes" in mine[0]
    # the facilitator opens and closes it like the kit's own
    assert "Open voor deelnemers · 1 deelnemer heeft geantwoord" in found["controls"]
