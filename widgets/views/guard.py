"""Refuse widgets a browser asks a page's kernel to create.

ipywidgets lets the front end open a ``jupyter.widget`` comm, and the kernel then builds
whatever widget the message describes: a page could grow its kernel by hundreds of MB (twenty
5 MiB Text widgets). The kit's pages create every widget in Python and never need this, so the
target is replaced by one that closes the comm. ``jupyter.widget.control`` (the front end
fetching the state of the kernel's own widgets, which Voila uses) keeps working.
"""

import logging

import ipywidgets  # noqa: F401  registers ipywidgets' own targets first, so ours wins
from comm import get_comm_manager
from IPython import get_ipython

log = logging.getLogger(__name__)

WIDGET_TARGET = "jupyter.widget"


def refuse(comm, msg) -> None:
    """The comm target that builds nothing: the comm is closed, the kernel keeps no state."""
    log.warning("Refused a widget the front end asked to create (comm %s).", comm.comm_id)
    comm.close()


def refuse_front_end_widgets() -> bool:
    """In a running kernel, make ``jupyter.widget`` comm_open refuse; elsewhere do nothing. True if installed."""
    shell = get_ipython()
    if shell is None or getattr(shell, "kernel", None) is None:
        return False
    get_comm_manager().register_target(WIDGET_TARGET, refuse)  # replaces Widget.handle_comm_opened
    return True
