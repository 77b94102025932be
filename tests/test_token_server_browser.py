"""The kit on a regular, token-protected Jupyter server, configured exactly as Binder's postBuild does.

A phone with only the join link takes part in a session; the same browser gets nothing else of
the server (kernels, files, terminals, JupyterLab, Voila's pages); and the phones' requests count
as server activity, so an idle culler leaves a pod with a session in progress alone.
"""

import datetime
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from .browser import add_value, join
from .kit_server import REPO, free_port, stop_group

PHONE = {"viewport": {"width": 375, "height": 740}}
LOAD = 60_000
# What the browser must not get without the token (GET), with what the server answers WITH it:
# None: not asked with the token (a Voila page would start a kernel; the facilitator test opens it).
CLOSED = {
    "api/kernels": 200,
    "api/contents": 200,
    "api/sessions": 200,
    "api/terminals": 200,
    "api/kernelspecs": 200,
    "api/me": 200,
    "lab": 200,
    "tree": None,
    "files/README.md": 200,
    "voila/render/workshops/facilitator.ipynb": None,
    "voila/render/start.ipynb": None,
    "voila/tree": None,
}
# Chromium logs every refused page load as a console error; those are the point here.
EXPECTED_CONSOLE = re.compile(
    r"Failed to load resource: the server responded with a status of 40[34]"
    r"|WebSocket connection to .* failed"
)


class TokenServer:
    """``jupyter server`` with a token, the kit configured by tools/binder_config.py, on a free port."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.token = secrets.token_hex(24)
        self.config_dir, self.data_dir = self.root / "config", self.root / "data"
        self.kit_data = self.root / "kit-data"
        self.log_path = self.root / "jupyter-server.log"
        self.process = None
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_", "KIT_", "VOILA_"))}
        self.env.update(
            {
                "JUPYTER_CONFIG_DIR": str(self.config_dir),
                "JUPYTER_DATA_DIR": str(self.data_dir),
                "JUPYTER_RUNTIME_DIR": str(self.root / "runtime"),
                "KIT_DATA_DIR": str(self.kit_data),
                # as on Binder: the hub's prefix, the token of the link that opened the server, Binder's host
                "JUPYTERHUB_SERVICE_PREFIX": "/",
                "JUPYTERHUB_API_TOKEN": self.token,
                "BINDER_LAUNCH_HOST": "https://mybinder.org/",
            }
        )

    def configure(self) -> str:
        """What binder/postBuild runs after installing the package (no options: Jupyter's own folders)."""
        done = subprocess.run(
            [sys.executable, "tools/binder_config.py"],
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def start(self, timeout: float = 90) -> "TokenServer":
        self.kit_data.mkdir(parents=True, exist_ok=True)
        args = [
            sys.executable,
            "-m",
            "jupyter_server",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={REPO}",
        ]
        if os.geteuid() == 0:
            args.append("--allow-root")
        with open(self.log_path, "ab") as log:
            # in the repository, as on Binder (Voila's extension also reads ./voila.json)
            self.process = subprocess.Popen(
                args, cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter server stopped at start:\n{self.log()}")
            try:
                if self.get("api/status", token=True)[0] == 200 and self.get("kit/")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"jupyter server did not answer within {timeout}s:\n{self.log()}")

    def get(self, path: str, token: bool = False, method: str = "GET") -> tuple:
        """``(status, body)`` without following redirects; with the token in the Authorization header."""
        request = urllib.request.Request(
            self.url + path, method=method, headers={"Authorization": f"token {self.token}"} if token else {}
        )
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=30) as reply:
                return reply.status, reply.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def last_activity(self) -> datetime.datetime:
        status, body = self.get("api/status", token=True)
        assert status == 200, body
        return datetime.datetime.fromisoformat(json.loads(body)["last_activity"].replace("Z", "+00:00"))

    def kernels(self) -> list:
        status, body = self.get("api/kernels", token=True)
        assert status == 200, body
        return json.loads(body)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-6000:] if self.log_path.exists() else ""

    def stop(self) -> None:
        stop_group(self.process)
        if self.process:
            try:  # kernels left behind in the group
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = TokenServer(tmp_path_factory.mktemp("token-server"))
    running.configure()
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def store(server):
    from widgets.store import open_store

    opened = open_store(f"sqlite:///{server.kit_data / 'kit.sqlite3'}")
    yield opened
    opened.backend.close()


@pytest.fixture(autouse=True)
def show_log_on_failure(request, server):
    """A failing test prints what the server logged meanwhile (Voila's and the kit's tracebacks land there)."""
    start, failed = len(server.log_path.read_bytes()), request.session.testsfailed
    yield
    if request.session.testsfailed > failed:
        written = server.log_path.read_bytes()[start:].decode("utf-8", "replace")[-6000:]
        sys.__stderr__.write(f"\n--- {server.log_path} during {request.node.name} ---\n{written}\n")


def new_session(store, title="Woonvisie 2030"):
    from widgets.model.sessions import SessionSpec

    session, _ = store.create_session(
        SessionSpec(title=title, topic="wonen", municipality="Utrecht", language="nl", activities=("palet",))
    )
    store.set_activity_open(session.id, "palet", True)
    return session


def refused(page, response) -> bool:
    """A 403, or Jupyter's login page instead of what was asked for."""
    if response.status == 403:
        return True
    landed = urlparse(page.url)
    return landed.path == "/login" and "next=" in landed.query and page.locator("input[name=password]").count() >= 1


def connect(page, url) -> str:
    """Open a WebSocket from the page: 'open', 'refused' or 'timeout'."""
    return page.evaluate(
        """url => new Promise(done => {
        const socket = new WebSocket(url);
        socket.onopen = () => { socket.close(); done("open"); };
        socket.onerror = () => done("refused");
        setTimeout(() => done("timeout"), 10000);
    })""",
        url,
    )


def drop_expected_console_errors(context):
    context.console_errors[:] = [m for m in context.console_errors if not EXPECTED_CONSOLE.search(m)]


def test_postbuild_configures_the_server_with_the_packaged_step(server):
    build = (REPO / "binder" / "postBuild").read_text()
    assert "pip install --no-deps --no-cache-dir ." in build and "python -m widgets.web.configure" in build
    config = json.loads((server.config_dir / "jupyter_server_config.d" / "publieke-waarde-kit.json").read_text())
    assert config["ServerApp"]["jpserver_extensions"] == {"voila.server_extension": True, "widgets.web": True}
    settings = json.loads((server.config_dir / "jupyter_server_config.json").read_text())
    assert (
        settings["VoilaConfiguration"]["template"] == "kit" and "preheat_kernel" not in settings["VoilaConfiguration"]
    )
    assert settings["ServerApp"]["tornado_settings"] == {
        "mathjax_url": None,
        "mathjax_config": None,
        "websocket_max_message_size": 6 * 1024 * 1024,
    }
    assert (server.data_dir / "voila" / "templates" / "kit" / "conf.json").exists()
    assert "widgets.web | extension was successfully loaded" in server.log()


def test_a_phone_with_the_join_link_takes_part_and_keeps_the_server_active(server, store, watched):
    session = new_session(store)
    idle = server.last_activity()
    time.sleep(1.0)
    assert server.last_activity() == idle, "nothing happened, yet the server counts activity"

    phone = watched(**PHONE)
    page = join(phone, server, session.code, "Inwoner")
    joined = server.last_activity()
    assert joined > idle, "a participant joining does not count as activity"
    assert urlparse(page.url).path.rstrip("/") == f"/kit/{session.code}" and "token" not in page.url
    html = page.content()
    assert "token=" not in html and server.token not in html
    assert not [c for c in phone.context.cookies() if server.token in c["value"]]

    time.sleep(0.2)
    add_value(page, "Betaalbaarheid", "individueel, materieel")
    assert server.last_activity() > joined, "a participant answering does not count as activity"
    answers = store.answers(session.id, "palet")
    assert [(a.group, a.value["text"]) for a in answers] == [("inwoner", "Betaalbaarheid")]
    assert server.token not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert server.kernels() == [], "a participant page started a kernel"


def test_the_same_browser_gets_nothing_else_of_the_server(server, store, watched):
    with_token = {path: server.get(path, token=True)[0] for path, expected in CLOSED.items() if expected}
    assert with_token == {path: expected for path, expected in CLOSED.items() if expected}, (
        "the token itself does not open these (the refusals below would prove nothing)"
    )

    session = new_session(store, title="Gesloten deuren")
    phone = watched(**PHONE)
    page = join(phone, server, session.code, "Ambtelijk")  # a participant's cookies, no token
    try:
        for path in CLOSED:
            response = page.goto(server.url + path, timeout=LOAD)
            if path == "tree" and response.status == 404 and server.get("tree", token=True)[0] == 404:
                continue  # no classic Notebook installed here: /tree does not exist at all
            assert refused(page, response), f"/{path} without the token: {response.status} at {page.url}"
    finally:
        drop_expected_console_errors(phone)

    assert server.kernels() == [], "a page refused without the token still started a kernel"

    page.goto(f"{server.url}kit/{session.code}", timeout=LOAD)
    page.wait_for_selector(".kit-joined")
    posted = page.evaluate("""async () => {
        const xsrf = (document.cookie.match(/(?:^|; )_xsrf=([^;]*)/) || [])[1] || "";
        const reply = await fetch("/api/kernels", {method: "POST", headers: {"X-XSRFToken": xsrf,
            "Content-Type": "application/json"}, body: JSON.stringify({name: "python3"})});
        return {status: reply.status, xsrf: xsrf !== ""};
    }""")
    assert posted == {"status": 403, "xsrf": True}
    assert server.get("api/kernels", method="POST")[0] == 403
    assert server.kernels() == [], "a kernel was started without the token"
    drop_expected_console_errors(phone)  # the refused POST


def test_the_facilitator_with_the_token_prints_a_join_link_without_it(server, store, watched):
    """On Binder the facilitator opens Voila with the token; the link and QR code for the room carry none."""
    from .browser import create_session, open_activity

    facilitator = watched().new_page()
    facilitator.goto(f"{server.url}voila/render/workshops/facilitator.ipynb?token={server.token}")
    facilitator.wait_for_selector(".kit-f-title input", timeout=LOAD)
    code = create_session(facilitator, title="Op Binder", activities=["Waardenpalet"])
    open_activity(facilitator, "Waardenpalet")
    link = facilitator.locator(".kit-join .kit-link a").get_attribute("href")
    assert link == f"{server.url}kit/{code}"
    join_panel = facilitator.inner_html(".kit-join")
    assert server.token not in join_panel and "token" not in join_panel
    # the facilitator's own link (to reopen the dashboard) does carry it, by design
    assert f"token={server.token}" in facilitator.text_content(".kit-facilitator")

    context = watched(**PHONE)
    phone = join(context, server, code, "Inwoner")
    assert phone.url.rstrip("/") == link
    add_value(phone, "Vertrouwen", "collectief, proces")
    session = store.session_by_code(code)
    assert [a.value["text"] for a in store.answers(session.id, "palet")] == ["Vertrouwen"]

    # the dashboard's kernel runs code for whoever holds the token; a phone cannot even connect to it
    kernels = server.kernels()
    assert len(kernels) == 1
    channels = f"ws://127.0.0.1:{server.port}/api/kernels/{kernels[0]['id']}/channels"
    assert connect(facilitator, channels) == "open"  # the address is right: the token's cookie opens it
    phone.goto(f"{server.url}login")  # a page of the server without the kit's Content-Security-Policy
    assert connect(phone, channels) == "refused"
    drop_expected_console_errors(context)
