"""Shared fixtures: a running kit, Debian's Chromium through Playwright, offline checks."""

import os
import tempfile
from urllib.parse import urlparse

import pytest

# Everything the suite runs (nbval kernels included) stores into a throwaway folder,
# never into the developer's ./data.
os.environ["KIT_DATA_DIR"] = tempfile.mkdtemp(prefix="kit-test-data-")
os.environ.pop("KIT_STORE_URL", None)
os.environ["KIT_LANG"] = "nl"  # command-line tools speak the operator's language: the tests read Dutch
os.environ.pop("KIT_LOCALE_DIR", None)

from .kit_server import KitServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture(scope="session")
def kit(tmp_path_factory):
    # The suite opens far more Voila pages than a room does, and Playwright closes them without the
    # unload beacon that shuts a page's kernel down: the cap on kernels is raised for this one kit.
    server = KitServer(tmp_path_factory.mktemp("kit-data"), ["--max-kernels=80"]).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's Chromium is missing: run `make test` (it installs it) or `apt-get install chromium`.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class Watched:
    """A browser context that records what a user would notice: errors and outside requests."""

    def __init__(self, browser, **context_args):
        self.context = browser.new_context(**context_args)
        self.external = []
        self.console_errors = []
        self.context.on("request", self._on_request)

    def _on_request(self, request):
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:", "file:")) or host in LOCAL_HOSTS:
            return
        self.external.append(request.url)

    def new_page(self):
        page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        return page

    def assert_clean(self):
        assert self.external == [], f"requests to other hosts: {self.external}"
        assert self.console_errors == [], f"browser console errors: {self.console_errors}"


@pytest.fixture
def watched(browser):
    """Factory of watched contexts; each is checked for outside requests and errors at the end."""
    made = []

    def make(**context_args):
        context = Watched(browser, **context_args)
        made.append(context)
        return context

    yield make
    for context in made:
        context.context.close()
    for context in made:
        context.assert_clean()


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "browser" in names or "watched" in names:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def postgres():
    from .postgres import PostgresCluster

    cluster = PostgresCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """A fresh, empty store on each backend; the same tests run against both."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kit.sqlite3'}"
    return request.getfixturevalue("postgres").new_database()


@pytest.fixture
def store(store_url):
    from widgets.store import open_store

    opened = open_store(store_url)
    yield opened
    opened.backend.close()


@pytest.fixture
def sqlite_store(tmp_path):
    from widgets.store import open_store

    opened = open_store(f"sqlite:///{tmp_path / 'kit.sqlite3'}")
    yield opened
    opened.backend.close()


@pytest.fixture(scope="session")
def kit_store(kit):
    """The store the running kit uses (same SQLite file): tests create sessions and read answers here."""
    from widgets.store import open_store

    opened = open_store(f"sqlite:///{kit.data_dir / 'kit.sqlite3'}")
    yield opened
    opened.backend.close()


@pytest.fixture
def new_session(kit_store):
    """``new_session(activities=..., open=..., **spec)``: a session on the running kit, activities opened."""
    from widgets.model.sessions import SessionSpec

    def make(
        activities=("palet",),
        open=None,
        title="Woonvisie 2030",
        topic="wonen",
        municipality="Utrecht",
        language="nl",
        groups=None,
    ):
        spec = SessionSpec(
            title=title, topic=topic, municipality=municipality, language=language, activities=tuple(activities)
        )
        if groups:
            spec.groups = tuple(groups)
        session, _ = kit_store.create_session(spec)
        for activity in activities if open is None else open:
            kit_store.set_activity_open(session.id, activity, True)
        return kit_store.session(session.id)

    return make


@pytest.fixture
def phone(kit):
    """``phone()``: a new phone without a browser (its own cookies) on the running kit."""
    from .phone import Phone

    return lambda: Phone(kit.url)


@pytest.fixture
def crowd(kit_store):
    """``crowd(session, group, activity, answers, n=4)``: ``n`` more participants of ``group`` (its key) who each
    give ``answers`` (``{item: value}``) in ``activity``, through the store: a group large enough for the
    disclosure rule (``KIT_MIN_GROUP``, k = 5) to let its figures through, where a test's point is a figure."""

    def make(session, group: str, activity: str, answers: dict, n: int = 4) -> list:
        tokens = []
        for _ in range(n):
            tokens.append(kit_store.join(session.code, group).token)
            kit_store.submit(tokens[-1], activity, answers)
        return tokens

    return make
