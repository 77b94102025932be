"""A throwaway PostgreSQL cluster for tests: initdb in a temp folder, a unix socket, removed after."""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time

from .kit_server import free_port


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(
            "PostgreSQL is not installed: run `make test` (it installs it) or `apt-get install postgresql`."
        )
    return found[-1]


class PostgresCluster:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="kit-pg-")
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        self.user = "postgres" if self.as_root else pwd.getpwuid(os.geteuid()).pw_name

    def _run(self, *args):
        command = list(args)
        if self.as_root:  # initdb refuses to run as root
            command = ["runuser", "-u", "postgres", "--"] + command
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> "PostgresCluster":
        if self.as_root:
            shutil.chown(self.dir, "postgres")
        data = os.path.join(self.dir, "data")
        self._run(_pg_bin("initdb"), "-D", data, "-A", "trust", "-U", self.user, "--no-sync", "-E", "UTF8")
        self._run(
            _pg_bin("pg_ctl"),
            "-D",
            data,
            "-l",
            os.path.join(self.dir, "log"),
            "-w",
            "start",
            "-o",
            f"-k {self.dir} -p {self.port} -c listen_addresses='' -c max_connections=200 -c fsync=off",
        )
        self._run(_pg_bin("createdb"), "-h", self.dir, "-p", str(self.port), "-U", self.user, "kit")
        return self

    def url(self, database: str = "kit") -> str:
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.dir}&port={self.port}"

    def new_database(self) -> str:
        name = f"kit_{int(time.time() * 1e6)}"
        self._run(_pg_bin("createdb"), "-h", self.dir, "-p", str(self.port), "-U", self.user, name)
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(_pg_bin("pg_ctl"), "-D", os.path.join(self.dir, "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
