"""npm for the tests that need a package from the npm registry (axe-core, configurable-http-proxy)."""

import fcntl
import subprocess
from contextlib import contextmanager
from pathlib import Path


def npm(args: list, what: str, cwd=None) -> None:
    """Run ``npm <args>``; a missing npm or a failed install is said in one line, with npm's own words."""
    try:
        subprocess.run(["npm", *args], cwd=cwd, check=True, capture_output=True, text=True, timeout=300)
    except FileNotFoundError:
        raise RuntimeError(f"npm is missing: install Node.js (20 or later) to install {what}") from None
    except subprocess.CalledProcessError as error:
        raise RuntimeError(f"npm could not install {what}:\n{error.stderr}") from None


@contextmanager
def installing(prefix: Path):
    """One installer at a time per prefix: the suite runs in two worker processes (pytest-xdist)."""
    prefix.mkdir(parents=True, exist_ok=True)
    with open(prefix.parent / f".{prefix.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
