"""Start the kit as a user does (``python -m widgets.launch``) on a free port, for tests."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def stop_group(process, grace: float = 15) -> None:
    """End a server started with ``start_new_session``: SIGTERM to its group, SIGKILL after ``grace`` s."""
    if process and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class KitServer:
    def __init__(self, data_dir: Path, extra_args=(), env=None, port=None, root: Path = REPO):
        self.root = Path(root)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.data_dir = Path(data_dir)
        self.log_path = self.data_dir / "voila.log"
        self.args = list(extra_args)
        self.env = dict(os.environ, **(env or {}))
        self.process = None

    def command(self) -> list:
        """How a user starts the kit; a subclass may wrap it (another mount namespace, say)."""
        return [
            sys.executable,
            "-m",
            "widgets.launch",
            f"--port={self.port}",
            f"--data-dir={self.data_dir}",
            *self.args,
        ]

    def start(self, timeout: float = 90) -> "KitServer":
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            self.command(), cwd=self.root, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Voila stopped at start:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url, timeout=2) as reply:
                    if reply.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"Voila did not answer within {timeout}s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:] if self.log_path.exists() else ""

    def stop(self) -> None:
        stop_group(self.process)

    def render_url(self, notebook: str, query: str = "") -> str:
        return f"{self.url}voila/render/{notebook}" + (f"?{query}" if query else "")


def kernel_pids(server_pid: int) -> list:
    """The ipykernel processes Voila started (children of the server process)."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                command = handle.read().replace(b"\0", b" ")
        except OSError:
            continue
        if parent == server_pid and b"ipykernel" in command:
            pids.append(int(entry))
    return pids
