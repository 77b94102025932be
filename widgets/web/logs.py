"""The server's request log without who asked or which session: no address, no join code, no query.

A join code is the key to a session and an address can name a person's device, so by default
the log line of a request is its status, method, path with every code masked and time. The
administrator who needs them (tracing abuse) starts the kit with ``--log-addresses``
(``c.KitWeb.log_addresses = True``): then the server's own log line is written as it was.
"""

import logging
import re

from tornado.log import access_log

MASK = "******"
# A code after ``kit/`` (the participant pages, the screen, the files); ``static`` is not a code.
CODE_IN_PATH = re.compile(r"(/kit/)(?!static/)([A-Za-z0-9\-]{1,16})(?=/|$)")


def masked_path(path: str) -> str:
    """``/kit/ABC123/palet`` -> ``/kit/******/palet``; the query (a key, a code, a token) is left out."""
    return CODE_IN_PATH.sub(lambda m: m.group(1) + MASK, path.split("?", 1)[0])


def shown_address(address: str, shown: bool) -> str:
    """An address for a log line: itself when the administrator turned addresses on, else a mask."""
    return address if shown else "[adres]"


def log_request(handler) -> None:
    """Tornado's ``log_function``: status, method, masked path, time; successes and redirects at debug (a redirect
    is how every form post is answered, Post/Redirect/Get: a room's joins would write a line each)."""
    status = handler.get_status()
    if status < 400:
        level = logging.DEBUG
    elif status < 500:
        level = logging.WARNING
    else:
        level = logging.ERROR
    if not access_log.isEnabledFor(level):  # most lines: no path masked for a line nobody writes
        return
    request = handler.request
    access_log.log(
        level, "%d %s %s %.2fms", status, request.method, masked_path(request.path), 1000.0 * request.request_time()
    )


def install(web_settings: dict, addresses: bool) -> None:
    """Use ``log_request`` for every request of this server, unless the administrator wants addresses."""
    if not addresses:
        web_settings["log_function"] = log_request
