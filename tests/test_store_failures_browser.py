"""The store failing under a real Voila page in Chromium: a read-only data folder, a full disk, a lost PostgreSQL.

The SQLite kit runs in its own mount namespace with its data folder on a small tmpfs, so the
test can remount it read-only and fill it to the last byte: the kernel's real ENOSPC / EROFS
reach SQLite, as on a laptop whose disk is full. That works as root (where chmod stops no
write) and needs ``unshare``; the test sees the namespace's files through /proc/<pid>/root.
"""

import json
import os
import shutil
import subprocess
import sys

import pytest

from widgets.model.sessions import SessionSpec
from widgets.store import open_store

from .browser import LOAD
from .kit_server import KitServer


class NamespacedKit(KitServer):
    """The kit with its data folder on its own small tmpfs, in a private mount namespace."""

    def __init__(self, data_dir, *args, **kwargs):
        super().__init__(data_dir, *args, **kwargs)
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}-voila.log"  # outside the tmpfs

    def command(self) -> list:
        user = () if os.geteuid() == 0 else ("-r",)
        script = f'mount -t tmpfs -o size=6m tmpfs "{self.data_dir}" && exec "$@"'
        return ["unshare", *user, "-m", "--propagation", "private", "sh", "-c", script, "sh", *super().command()]

    def inside(self, path="") -> str:
        """A path in the kit's data folder as this process reaches it."""
        return f"/proc/{self.process.pid}/root{self.data_dir}/{path}"

    def enter(self, *command, **run) -> subprocess.CompletedProcess:
        """Run a command in the kit's mount namespace (SQLite resolves /proc/<pid>/root to the outside path)."""
        user = () if os.geteuid() == 0 else ("-U", "--preserve-credentials")
        return subprocess.run(
            ["nsenter", "-t", str(self.process.pid), *user, "-m", *command],
            check=True,
            capture_output=True,
            text=True,
            **run,
        )

    def remount(self, mode: str) -> None:
        self.enter("mount", "-o", f"remount,{mode}", str(self.data_dir))

    def store(self, code: str) -> dict:
        """Run ``code`` (Python, with ``store`` open on the kit's database) inside; its ``result`` as JSON."""
        script = (
            f"import json; from widgets.store import open_store; "
            f"store = open_store('sqlite:///{self.data_dir}/kit.sqlite3'); result = None\n{code}\n"
            f"print(json.dumps(result))"
        )
        return json.loads(self.enter(sys.executable, "-c", script, cwd=self.root).stdout)


@pytest.fixture(scope="module")
def tmpfs_kit(tmp_path_factory):
    user = () if os.geteuid() == 0 else ("-r",)
    if (
        not (shutil.which("unshare") and shutil.which("nsenter"))
        or subprocess.run(
            ["unshare", *user, "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"], capture_output=True
        ).returncode
    ):
        pytest.skip("needs mount namespaces (unshare) to give the kit a real read-only or full file system")
    # No retention sweep: its connection would hold the database open for writing, and Linux refuses to remount
    # a file system read-only under an open writer (EBUSY) -- the test's way to make the folder read-only.
    server = NamespacedKit(tmp_path_factory.mktemp("tmpfs") / "data", ["--KitWeb.purge_interval=0"]).start()
    yield server
    server.stop()


def fill(folder: str) -> str:
    """Write a file until the file system is full; returns its path (delete it to free the disk)."""
    path = os.path.join(folder, "filler")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for size in (65536, 1):  # big blocks, then the last bytes
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError:
                pass
    finally:
        os.close(fd)
    return path


def dashboard(context, kit, code, key, lang="nl"):
    page = context.new_page()
    page.goto(kit.render_url("workshops/facilitator.ipynb", f"sessie={code}&sleutel={key}&lang={lang}"))
    page.wait_for_selector(".kit-dashboard-palet", timeout=LOAD)
    page.wait_for_selector("button.kit-bar-reveal", timeout=LOAD)
    return page


def reveal(page):
    """The control bar's "Resultaten tonen" for the palette (its only activity); a failure is said in its tab."""
    page.locator("button.kit-bar-reveal").click()


PALETTE_MESSAGE = ".kit-dashboard-palet .kit-message-error"


def server_log(kit) -> str:
    """Everything the server wrote (KitServer.log() keeps only the end)."""
    return kit.log_path.read_text(errors="replace")


def test_a_read_only_data_folder_gives_the_kits_message_on_the_page(tmpfs_kit, watched):
    kit = tmpfs_kit
    kit.remount("ro")
    try:
        page = watched().new_page()
        page.goto(kit.render_url("workshops/facilitator.ipynb", "lang=nl"))
        page.wait_for_selector(".kit-store-failure", timeout=LOAD)
        text = page.inner_text(".kit-store-failure")
        assert f"Deze pagina kan niet starten: de map {kit.data_dir} is alleen-lezen" in text
        assert "There was an error" not in page.content()
        assert "page could not be built, the store failed: unable to open database file" in server_log(kit)
    finally:
        kit.remount("rw")


NEW_SESSION = """
from widgets.model.sessions import SessionSpec
session, key = store.create_session(SessionSpec(title="Woonvisie 2030", topic="wonen", municipality="Utrecht",
                                                activities=("palet",)))
result = [session.id, session.code, key]
"""


def stored(kit, session_id):
    return kit.store(f"result = [store.state({session_id!r}, 'palet'), store.revision({session_id!r})]")


def test_a_full_disk_is_said_on_the_dashboard_and_stores_nothing(tmpfs_kit, watched):
    kit = tmpfs_kit
    session_id, code, key = kit.store(NEW_SESSION)
    page = dashboard(watched(), kit, code, key)
    before = stored(kit, session_id)
    filler = fill(kit.inside())
    try:
        reveal(page)
        page.wait_for_selector(PALETTE_MESSAGE, timeout=10_000)
        text = page.inner_text(PALETTE_MESSAGE)
        assert "De gegevens konden niet worden opgeslagen: de schijf is vol" in text
        assert "wat u invulde staat nog in het formulier" in text
        assert "store write failed: database or disk is full" in server_log(kit)
        assert stored(kit, session_id) == before
    finally:
        os.remove(filler)
    reveal(page)  # room again: the same click works and the message goes
    page.wait_for_selector(PALETTE_MESSAGE, state="detached", timeout=10_000)
    assert stored(kit, session_id)[0].get("reveal") is True


@pytest.mark.postgres
def test_a_lost_postgresql_connection_is_said_on_the_dashboard_and_stores_nothing(postgres, tmp_path, watched):
    from .test_store_failures import _admin, cut_off

    url = postgres.new_database()
    database = url.split("/")[3].split("?")[0]
    kit = KitServer(tmp_path / "data", extra_args=[f"--store={url}"]).start()
    store, page = open_store(url), None
    try:
        session, key = store.create_session(
            SessionSpec(title="Woonvisie 2030", topic="wonen", municipality="Utrecht", activities=("palet",))
        )
        browser = watched()
        page = dashboard(browser, kit, session.code, key, lang="en")
        cut_off(postgres, database)
        try:
            reveal(page)
            page.wait_for_selector(PALETTE_MESSAGE, timeout=15_000)
            assert "The data could not be saved: the database cannot be reached" in page.inner_text(PALETTE_MESSAGE)
            assert "store write failed" in server_log(kit)
            assert "not currently accepting connections" in server_log(kit) or "terminat" in server_log(kit)
        finally:
            _admin(postgres, f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
        assert store.state(session.id, "palet") == {}
    finally:
        if page is not None:
            page.close()  # before the server goes, or the page's lost websocket is a console error
            # the kit's own requests answered 503 while the database was away: what it should say then
            browser.console_errors[:] = [m for m in browser.console_errors if "status of 503" not in m]
        store.backend.close()
        kit.stop()
