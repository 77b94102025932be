"""The Voila pages under a regular Jupyter server (Binder, JupyterHub) have the standalone server's kernel cap.

The server is configured as Binder's postBuild does, with small numbers: two places for lessons (of 4,
the last 2 kept for the dashboard and the start page), one page per address, ten seconds to connect.
Every page is fetched with the server's token (as the facilitator's own link does) and without
JavaScript, so no page ever connects to its kernel: a link preview or a crawler given the link.
"""

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from .kit_server import REPO
from .test_token_server_browser import TokenServer

LESSON = "voila/render/lessons/01-wat-is-publieke-waarde.ipynb"


class CappedTokenServer(TokenServer):
    def configure(self) -> str:
        done = subprocess.run(
            [
                sys.executable,
                "tools/binder_config.py",
                "--max-kernels=4",
                "--kernels-per-address=1",
                "--connect-timeout=10",
                "--cull-interval=1",
            ],
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def page(self, path: str, address: str) -> tuple:
        """``(status, body)`` of a page fetched with the token, from ``address`` as the proxy on this machine says."""
        headers = {"Authorization": f"token {self.token}", "X-Forwarded-For": address}
        try:
            with urllib.request.urlopen(urllib.request.Request(self.url + path, headers=headers), timeout=90) as reply:
                return reply.status, reply.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = CappedTokenServer(tmp_path_factory.mktemp("capped-server"))
    running.configure()
    running.start()
    yield running
    running.stop()


def test_plain_fetches_of_voila_pages_cannot_fill_the_server_or_lock_the_facilitator_out(server):
    status, body = server.page(LESSON, "203.0.113.7")
    assert status == 200 and "Wat is publieke waarde" in body
    status, body = server.page(LESSON, "203.0.113.7")
    assert status == 503 and "Vanaf uw netwerkadres is al 1 dashboard of les open" in body
    assert server.page(LESSON, "2001:db8:5:5::1")[0] == 200  # another address
    status, body = server.page(LESSON, "2001:db8:5:6::1")
    assert status == 503 and "De werkplaats is vol" in body  # the lessons' two places are taken
    status, body = server.page("voila/render/start.ipynb", "198.51.100.8")
    assert status == 200  # a kept place: the start page (and the dashboard) are never locked out by lessons
    assert len(server.kernels()) == 3  # the refused pages started none

    # No page connected: their kernels go about --connect-timeout after they were sent.
    deadline = time.monotonic() + 40
    while server.kernels() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert server.kernels() == []
    assert re.search(r"did not connect within 10 s", server.log())
    deadline = time.monotonic() + 15  # room again once the manager has let go of them
    while (status := server.page(LESSON, "203.0.113.7")[0]) != 200 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert status == 200
