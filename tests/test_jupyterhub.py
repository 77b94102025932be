"""The kit under a real JupyterHub (deploy/jupyterhub/), one PostgreSQL store for every server.

Two facilitators log in at the hub and each runs a session on the dashboard of their own server;
participants join each session through the hub's proxy without logging in and answer; each
dashboard shows its own participants only. Nothing else of either server opens without the
facilitator's login, and facilitator A cannot open B's server.
"""

import sys
from types import SimpleNamespace
from urllib.parse import urlparse

import pytest
import requests

from .browser import LOAD, add_value, create_session, join, open_activity
from .hub import Hub
from .phone import Phone

pytestmark = [pytest.mark.hub, pytest.mark.postgres]

PHONE = {"viewport": {"width": 375, "height": 740}}
DASHBOARD = "voila/render/workshops/facilitator.ipynb"
# What a participant's browser must not get of a facilitator's server (GET, no login).
CLOSED = (
    "api/contents",
    "api/kernels",
    "api/sessions",
    "api/terminals",
    "api/status",
    "lab",
    "tree",
    "files/README.md",
    DASHBOARD,
    "voila/render/start.ipynb",
    "voila/tree",
)
CHIP = '.kit-palet-grid [data-kit-item="{key}"]'
TOTAL = "document.querySelector('.kit-count-total') && document.querySelector('.kit-count-total').textContent === '{n}'"


@pytest.fixture(scope="module")
def hub(postgres, tmp_path_factory):
    running = Hub(tmp_path_factory.mktemp("hub"), postgres.new_database()).start()
    yield running
    running.stop()
    assert running.processes() == [], "the hub left processes behind"


@pytest.fixture(scope="module")
def hub_store(hub):
    from widgets.store import open_store

    opened = open_store(hub.store_url)
    yield opened
    opened.backend.close()


@pytest.fixture(autouse=True)
def show_log_on_failure(request, hub):
    """A failing test prints what the hub and its servers logged meanwhile."""
    start, failed = len(hub.log_path.read_bytes()), request.session.testsfailed
    yield
    if request.session.testsfailed > failed:
        written = hub.log_path.read_bytes()[start:].decode("utf-8", "replace")[-8000:]
        sys.__stderr__.write(f"\n--- {hub.log_path} during {request.node.name} ---\n{written}\n")


@pytest.fixture(scope="module")
def sessions():
    """What the first test saw: user -> session code made on the dashboard; "shown": what each dashboard showed."""
    return {"shown": {}}


@pytest.fixture(scope="module")
def codes(hub, hub_store):
    """user -> a session with the palette open, made in the store, on that user's running server."""
    from widgets.model.sessions import SessionSpec

    made = {}
    for name in hub.users:
        hub.start_server(name)  # already running after the first test: the hub says so and nothing changes
        spec = SessionSpec(title=f"Open van {name}", topic="wonen", municipality="Utrecht", activities=("palet",))
        session, _ = hub_store.create_session(spec)
        hub_store.set_activity_open(session.id, "palet", True)
        made[name] = session.code
    return made


def refused(reply: requests.Response, hub: Hub) -> bool:
    """A 403, or a redirect to the hub's login (OAuth) instead of the page."""
    if reply.status_code == 403:
        return True
    location = urlparse(reply.headers.get("Location", ""))
    return reply.status_code in (302, 303) and location.path.startswith(("/hub/api/oauth2/authorize", "/hub/login"))


def own_server(hub: Hub, name: str) -> requests.Session:
    """A logged-in facilitator's HTTP session that has also passed the server's OAuth (its cookie set)."""
    http = hub.login(name)
    reply = http.get(f"{hub.server_url(name)}api/status", timeout=30)
    if reply.status_code == 403:  # the API never redirects: open a page once to get the server's cookie
        http.get(f"{hub.server_url(name)}lab", timeout=30)
    return http


def test_two_facilitators_run_sessions_and_participants_join_through_the_proxy(hub, hub_store, watched, sessions):
    dashboards = {}
    for name in hub.users:  # both log in at once: the hub starts both servers side by side
        dashboards[name] = watched().new_page()
        hub.browser_login(dashboards[name], name)  # the hub starts the server and opens its default page
    for name, page in dashboards.items():
        page.wait_for_selector(".kit-f-title input", timeout=2 * LOAD)
        assert urlparse(page.url).path == f"/user/{name}/{DASHBOARD}", "the facilitator did not land on the dashboard"
        sessions[name] = create_session(page, title=f"Sessie van {name}", activities=["Waardenpalet"])
        open_activity(page, "Waardenpalet")
        link = page.locator(".kit-join .kit-link a").get_attribute("href")
        assert link == f"{hub.server_url(name)}kit/{sessions[name]}", "the join link does not go through the proxy"
        sessions["shown"][name] = page.text_content(".kit-facilitator")
    assert sessions["anna"] != sessions["bert"]

    for name in hub.users:
        code, base = sessions[name], SimpleNamespace(url=hub.server_url(name))
        phone = join(watched(**PHONE), base, code, "Inwoner")  # Chromium, no login anywhere
        assert urlparse(phone.url).path.rstrip("/") == f"/user/{name}/kit/{code}"
        add_value(phone, f"Vertrouwen {name}", "collectief, proces")
        for number in (1, 2):
            http = Phone(base.url)
            assert http.join(code, "Ambtelijk").status == 200
            page = http.submit(".kit-form-palet", text=f"Waarde {name} {number}", cell="individueel.materieel")
            assert page.status == 200 and not page.errors(), page.text()

    for name, page in dashboards.items():
        other = next(n for n in hub.users if n != name)
        page.wait_for_function(TOTAL.format(n=3), timeout=10_000)
        page.wait_for_selector(CHIP.format(key=f"vertrouwen {name}"), timeout=10_000)
        page.wait_for_selector(CHIP.format(key=f"waarde {name} 2"), timeout=10_000)
        grid = page.inner_text(".kit-palet-grid")
        assert other not in grid, f"{name}'s dashboard shows {other}'s answers"
        session = hub_store.session_by_code(sessions[name])
        texts = sorted(a.value["text"] for a in hub_store.answers(session.id, "palet"))
        assert texts == sorted([f"Vertrouwen {name}", f"Waarde {name} 1", f"Waarde {name} 2"])


def test_a_participant_gets_the_kit_pages_and_nothing_else_of_the_server(hub, codes):
    facilitator = own_server(hub, "anna")
    assert facilitator.get(f"{hub.server_url('anna')}api/contents", timeout=30).status_code == 200, (
        "the facilitator's own login does not open the API (the refusals below would prove nothing)"
    )
    kernels = {k["id"] for k in facilitator.get(f"{hub.server_url('anna')}api/kernels", timeout=30).json()}

    code = codes["anna"]
    phone = Phone(hub.server_url("anna"))
    assert phone.get("kit/").status == 200
    assert phone.join(code, "Inwoner").status == 200  # the participant's cookie, no login
    for path in CLOSED:
        reply = phone.http.get(f"{hub.server_url('anna')}{path}", allow_redirects=False, timeout=30)
        if path == "tree" and reply.status_code == 404:
            # no classic Notebook installed: /tree does not exist for the facilitator either
            assert facilitator.get(f"{hub.server_url('anna')}tree", timeout=30).status_code == 404
            continue
        assert refused(reply, hub), f"/user/anna/{path} without login: {reply.status_code}"
        landed = phone.http.get(f"{hub.server_url('anna')}{path}", timeout=30)
        assert landed.status_code == 403 or urlparse(landed.url).path == "/hub/login", landed.url
    for path in ("hub/home", "hub/admin", "hub/api/users"):
        reply = phone.http.get(f"{hub.url}{path}", allow_redirects=False, timeout=30)
        assert refused(reply, hub), f"/{path} without login: {reply.status_code}"
    assert phone.http.post(f"{hub.server_url('anna')}api/kernels", json={}, timeout=30).status_code == 403
    # jupyterhub-singleuser turns Tornado's own XSRF check off; the participant forms still check theirs
    forged = requests.post(f"{hub.server_url('anna')}kit/{code}/join", data={"group": "inwoner"}, timeout=30)
    assert forged.status_code == 403, "a join without the form's _xsrf field was accepted"
    after = {k["id"] for k in facilitator.get(f"{hub.server_url('anna')}api/kernels", timeout=30).json()}
    assert after == kernels, "a participant started a kernel"


def test_facilitator_a_cannot_open_facilitator_bs_server(hub, codes):
    anna = own_server(hub, "anna")
    assert anna.get(f"{hub.server_url('anna')}lab", timeout=30).status_code == 200
    for path in ("lab", "api/contents", DASHBOARD, f"{DASHBOARD}?sessie={codes['bert']}"):
        reply = anna.get(f"{hub.server_url('bert')}{path}", timeout=30)
        assert reply.status_code == 403, f"anna opened /user/bert/{path}: {reply.status_code} at {reply.url}"
    # through B's address anna's login still counts as no one: B's participant pages only
    assert anna.get(f"{hub.server_url('bert')}kit/{codes['bert']}", timeout=30).status_code == 200


def test_participants_count_as_activity_at_the_hub(hub, codes):
    """What the hub's idle culler reads: a session in progress keeps the facilitator's server alive."""
    import datetime
    import time

    def last_activity():
        stamp = hub.user("bert")["servers"][""]["last_activity"]
        return datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))

    before = last_activity()
    time.sleep(1.0)
    phone = Phone(hub.server_url("bert"))
    phone.join(codes["bert"], "Inwoner")
    deadline = time.monotonic() + 30
    while last_activity() <= before and time.monotonic() < deadline:
        phone.get(f"kit/{codes['bert']}")
        time.sleep(1.0)
    assert last_activity() > before, "participants' requests do not reach the hub's activity record"


def test_the_facilitators_own_link_carries_no_server_token_under_the_hub(hub, sessions):
    if not sessions["shown"]:
        pytest.skip("reads the dashboards of the first test")
    for name in hub.users:
        shown = sessions["shown"][name]
        assert f"/user/{name}/{DASHBOARD}?sessie={sessions[name]}" in shown
        assert "token=" not in shown, f"{name}'s dashboard shows a link with the server's token"
