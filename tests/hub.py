"""A real JupyterHub on loopback, as deploy/jupyterhub/ configures it: its proxy from npm, the kit's servers, one store.

Used by tests/test_jupyterhub.py and benchmarks/hub.py. The proxy (configurable-http-proxy) is
installed with ``npm ci`` from deploy/jupyterhub/package-lock.json into the git-ignored .venv.
"""

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests
from bs4 import BeautifulSoup

from .kit_server import REPO, free_port, stop_group
from .npm import npm

DEPLOY = REPO / "deploy" / "jupyterhub"
CONFIG = DEPLOY / "jupyterhub_config.py"
PROXY_PREFIX = REPO / ".venv" / "hub-proxy"
PROXY = PROXY_PREFIX / "node_modules" / ".bin" / "configurable-http-proxy"
USERS = ("anna", "bert")  # facilitator A and facilitator B


def install_proxy() -> Path:
    """configurable-http-proxy at the version the lock file pins, installed once (again when the lock changes)."""
    lock = (DEPLOY / "package-lock.json").read_bytes()
    installed = PROXY_PREFIX / "package-lock.json"
    if PROXY.exists() and installed.exists() and installed.read_bytes() == lock:
        return PROXY
    PROXY_PREFIX.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(DEPLOY / name, PROXY_PREFIX / name)
    npm(["ci", "--no-audit", "--no-fund"], "configurable-http-proxy", cwd=PROXY_PREFIX)
    return PROXY


class Hub:
    """``jupyterhub -f deploy/jupyterhub/jupyterhub_config.py`` on free loopback ports, state in ``root``."""

    def __init__(self, root: Path, store_url: str, users=USERS):
        self.root = Path(root)
        self.store_url = store_url
        self.users = tuple(users)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.password = secrets.token_urlsafe(16)
        self.service_token = secrets.token_hex(32)
        self.config_dir, self.data_dir = self.root / "jupyter-config", self.root / "jupyter-data"
        self.log_path = self.root / "jupyterhub.log"
        self.process = None
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_", "KIT_", "VOILA_"))}
        self.env.update(
            {
                "KIT_HUB_DIR": str(self.root / "state"),
                "KIT_HUB_PASSWORD": self.password,
                "KIT_HUB_USERS": ",".join(self.users),
                "KIT_HUB_PORT": str(self.port),
                "KIT_HUB_HUB_PORT": str(free_port()),
                "KIT_HUB_API_PORT": str(free_port()),
                "KIT_HUB_SERVICE_TOKEN": self.service_token,
                "KIT_HUB_JUPYTER_CONFIG_DIR": str(self.config_dir),
                "KIT_HUB_JUPYTER_DATA_DIR": str(self.data_dir),
                "KIT_HUB_ACTIVITY_INTERVAL": "5",
                "KIT_STORE_URL": store_url,
                "KIT_LANG": "nl",
            }
        )

    def configure(self) -> None:
        """What a kit image does for its servers: tools/binder_config.py into their Jupyter folders."""
        done = subprocess.run(
            [
                sys.executable,
                "tools/binder_config.py",
                f"--config-dir={self.config_dir}",
                f"--data-dir={self.data_dir}",
                "--trust-cluster-proxy",
            ],
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stdout + done.stderr

    def start(self, timeout: float = 60) -> "Hub":
        self.env["KIT_HUB_PROXY"] = str(install_proxy())
        self.configure()
        (self.root / "state").mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)],
                cwd=self.root / "state",
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub stopped at start:\n{self.log()}")
            try:
                if requests.get(f"{self.url}hub/health", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"JupyterHub did not answer within {timeout}s:\n{self.log()}")

    # ----------------------------------------------------------------- the hub's REST API
    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {self.service_token}"}
        return requests.request(method, f"{self.url}hub/api/{path}", headers=headers, timeout=30, **kwargs)

    def user(self, name: str) -> dict:
        reply = self.api("GET", f"users/{name}")
        assert reply.status_code == 200, reply.text
        return reply.json()

    def start_server(self, name: str, timeout: float = 120) -> None:
        """Start ``name``'s server through the hub's API (as the hub's spawn page does) and wait until it answers."""
        reply = self.api("POST", f"users/{name}/server")
        assert reply.status_code in (201, 202, 400), reply.text  # 400: already running
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = self.user(name)["servers"].get("")
            if server and server.get("ready"):
                return
            time.sleep(0.5)
        raise RuntimeError(f"{name}'s server did not start within {timeout}s:\n{self.log()}")

    def server_url(self, name: str) -> str:
        return f"{self.url}user/{name}/"

    # ------------------------------------------------------------------- facilitators
    def login(self, name: str) -> requests.Session:
        """A facilitator's browser without a browser: the hub's login form, its cookies kept."""
        http = requests.Session()
        form = BeautifulSoup(http.get(f"{self.url}hub/login", timeout=30).text, "html.parser")
        xsrf = form.select_one("input[name=_xsrf]")["value"]
        reply = http.post(
            f"{self.url}hub/login",
            data={"username": name, "password": self.password, "_xsrf": xsrf},
            allow_redirects=False,
            timeout=30,
        )
        assert reply.status_code == 302, f"login of {name}: {reply.status_code}"
        return http

    def browser_login(self, page, name: str, next_path: str = "") -> None:
        """Log in on the hub's page in Chromium; the hub then starts the server and opens its default page."""
        page.goto(f"{self.url}hub/login" + (f"?next={next_path}" if next_path else ""))
        page.fill("input[name=username]", name)
        page.fill("input[name=password]", self.password)
        page.locator("form [type=submit]").click()

    # ------------------------------------------------------------------------- the end
    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-8000:] if self.log_path.exists() else ""

    def processes(self) -> list:
        """Ids of the processes this hub started: everything whose environment names its state folder."""
        marker = f"KIT_HUB_DIR={self.root / 'state'}".encode()
        data = f"KIT_DATA_DIR={self.root / 'state'}".encode()
        found = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) == os.getpid():
                continue
            try:
                with open(f"/proc/{entry}/environ", "rb") as handle:
                    environ = handle.read()
            except OSError:
                continue
            if marker in environ or data in environ:
                found.append(int(entry))
        return found

    def stop(self) -> None:
        """The hub stops its servers and its proxy on SIGTERM; whatever it left behind is ended by id."""
        stop_group(self.process, grace=30)
        deadline = time.monotonic() + 10
        while self.processes() and time.monotonic() < deadline:
            time.sleep(0.3)
        for pid in self.processes():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
