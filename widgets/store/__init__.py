"""Sessions, participants and answers on disk.

SQLite (standard library only) by default; any other SQLAlchemy URL, such as
PostgreSQL, when ``KIT_STORE_URL`` names one. Both run the same SQL.
"""

from ..settings import store_url
from .backends import StoreUnavailable, connect
from .repository import Store, SubmitResult

__all__ = ["Store", "StoreUnavailable", "SubmitResult", "open_store"]


def open_store(url=None) -> "Store":
    """The kit's store at ``url`` (default: settings.store_url())."""
    try:
        url = url or store_url()
    except OSError as error:  # the data folder cannot be created (read-only parent, full disk)
        raise StoreUnavailable(str(error)) from error
    return Store(connect(url))
