"""Where the kit finds its files and keeps its data, from environment variables.

The launcher sets these once for the server; kernels inherit them.
"""

import os
from pathlib import Path

REPO_ROOT = Path(os.environ.get("KIT_ROOT") or Path(__file__).resolve().parent.parent)


def data_dir() -> Path:
    """Folder for sessions and exports; git-ignored, created on first use."""
    path = Path(os.environ.get("KIT_DATA_DIR") or REPO_ROOT / "data")
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_url() -> str:
    """SQLite in the data folder unless KIT_STORE_URL names another database."""
    return os.environ.get("KIT_STORE_URL") or f"sqlite:///{data_dir() / 'kit.sqlite3'}"


def datasets_dir() -> Path:
    return REPO_ROOT / "datasets"
