"""Where the kit finds its files and keeps its data, from environment variables.

The kit's files are the notebooks Voila serves (``start.ipynb``, ``workshops/``, ``lessons/``),
``datasets/``, the Voila template (``share/jupyter``) and ``voila.json``. In a checkout (and an
editable install) they are the repository's own folders; a built kit (``pip install .``, the wheel)
carries them inside the package as ``widgets/_root`` (``setup.py`` copies them there at build
time). ``KIT_ROOT`` overrides both. The launcher sets ``KIT_ROOT`` and ``KIT_DATA_DIR`` once for
the server; kernels inherit them.
"""

import os
from pathlib import Path

from platformdirs import user_data_path

PACKAGE = Path(__file__).resolve().parent
INSTALLED_FILES = "_root"  # the folder inside the package that setup.py fills
APP_NAME = "publieke-waarde-kit"


def kit_root() -> Path:
    """Where the kit's files are: KIT_ROOT, else the installed copy, else the checkout."""
    if os.environ.get("KIT_ROOT"):
        return Path(os.environ["KIT_ROOT"]).resolve()
    installed = PACKAGE / INSTALLED_FILES
    if (installed / "start.ipynb").is_file():
        return installed
    return PACKAGE.parent


def is_installed(root: Path = None) -> bool:
    """True when the files are the package's copy (in site-packages), not a folder of one's own."""
    return Path(root or kit_root()).resolve() == (PACKAGE / INSTALLED_FILES).resolve()


# Read once at import by the modules that look files up; the launcher fixes KIT_ROOT for kernels.
REPO_ROOT = kit_root()


def default_data_dir() -> Path:
    """KIT_DATA_DIR, else ``data/`` of a checkout, else the user's data folder (never site-packages).

    An installed kit keeps its sessions in one place whichever folder ``kit`` is started from:
    ``~/.local/share/publieke-waarde-kit`` on Linux, ``%LOCALAPPDATA%\\publieke-waarde-kit`` on
    Windows, ``~/Library/Application Support/publieke-waarde-kit`` on macOS.
    """
    if os.environ.get("KIT_DATA_DIR"):
        return Path(os.environ["KIT_DATA_DIR"])
    root = kit_root()
    if not is_installed(root):
        return root / "data"
    return user_data_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    """Folder for sessions and exports; git-ignored in a checkout, created on first use."""
    path = default_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_url() -> str:
    """SQLite in the data folder unless KIT_STORE_URL names another database."""
    return os.environ.get("KIT_STORE_URL") or f"sqlite:///{data_dir() / 'kit.sqlite3'}"


def datasets_dir() -> Path:
    return kit_root() / "datasets"


MIN_GROUP = 5  # the default of KIT_MIN_GROUP
LEAST_MIN_GROUP = 3  # below it, each of two people in a group would read the other's answer


def min_group() -> int:
    """KIT_MIN_GROUP: how many participants a group's figures must rest on before participants see them.

    Kit-wide, so the municipality (whoever starts the kit: ``kit --min-group``, a server's environment)
    decides it, not each facilitator, and the server and every kernel (dashboard, report) read the same
    value. Read at each call, so a test or a restarted kernel sees a change. Not a whole number: the
    default (5); a number below 3 counts as 3.
    """
    try:
        value = int(os.environ.get("KIT_MIN_GROUP", "").strip() or MIN_GROUP)
    except ValueError:
        return MIN_GROUP
    return max(value, LEAST_MIN_GROUP)


RETENTION_DAYS = 90  # the default of KIT_RETENTION_DAYS
LEAST_RETENTION_DAYS = 1
MOST_RETENTION_DAYS = 365  # longer than a year: export the session and keep the file under the municipality's rules


def retention_days() -> int:
    """KIT_RETENTION_DAYS: days after its last activity the kit deletes a session, unless its facilitator chose.

    Kit-wide (``kit --retention-days``, a server's environment), read at each call like ``min_group``.
    Not a whole number: the default (90); outside 1 to 365: the nearest of the two.
    """
    try:
        value = int(os.environ.get("KIT_RETENTION_DAYS", "").strip() or RETENTION_DAYS)
    except ValueError:
        return RETENTION_DAYS
    return min(max(value, LEAST_RETENTION_DAYS), MOST_RETENTION_DAYS)


def controller() -> tuple[str, str]:
    """Who is responsible for the data (the AVG's controller), as the administrator set it: (name, contact).

    ``KIT_CONTROLLER_NAME`` (a municipality's name) and ``KIT_CONTROLLER_CONTACT`` (an address or
    e-mail of its privacy officer), or ``kit --controller`` and ``--controller-contact``; empty when not set.
    """
    return (
        os.environ.get("KIT_CONTROLLER_NAME", "").strip(),
        os.environ.get("KIT_CONTROLLER_CONTACT", "").strip(),
    )
