"""The query string of the page a kernel serves (``?sessie=...&lang=...``).

Voila gives it to a kernel in the environment. A preheated kernel starts
before anyone asks for the page, so it must wait until Voila tells it which
request it got (over a websocket, ``voila/query/<kernel_id>``). Voila's own
helper for that imports Voila's server stack into the kernel (about 45 MB per
kernel); this one needs only tornado, which ipykernel has loaded already.
"""

import asyncio
import json
import os
import threading
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

_received = False


def _query_url() -> str:
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_WS_BASE_URL") or os.environ.get("VOILA_SERVER_URL") or "/"
    protocol = os.environ.get("VOILA_WS_PROTOCOL", "ws")
    return f"{protocol}://127.0.0.1:{port}{base}voila/query/{os.environ.get('VOILA_KERNEL_ID', '')}"


async def _read_request_info(url: str):
    from tornado.websocket import websocket_connect  # only in a preheated kernel (57 modules more)

    connection = await websocket_connect(url, connect_timeout=10)
    try:
        return await connection.read_message()
    finally:
        connection.close()


def _wait_for_request() -> None:
    result = {}

    def run():
        try:
            result["info"] = asyncio.run(_read_request_info(_query_url()))
        except Exception as error:  # the page still renders, with defaults
            result["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join()
    info = result.get("info")
    if info:
        os.environ.update({key: str(value) for key, value in json.loads(info).items()})


def page_params() -> dict:
    """The page's query parameters as a dict of last values (empty outside Voila)."""
    global _received
    if os.environ.get("VOILA_PREHEAT") == "True" and not _received:
        _wait_for_request()
    _received = True
    query = os.environ.get("QUERY_STRING", "")
    return {key: values[-1] for key, values in parse_qs(query).items()}


def page_host() -> str:
    """``host[:port]`` the browser used to reach the page ('' outside Voila)."""
    name = os.environ.get("SERVER_NAME", "")
    port = os.environ.get("SERVER_PORT", "")
    return f"{name}:{port}" if name and port else name


def page_cookies() -> dict:
    """Cookies the browser sent with the page (Voila passes the Cookie header, see voila.json)."""
    jar = SimpleCookie()
    try:
        jar.load(os.environ.get("HTTP_COOKIE", ""))
    except Exception:
        return {}
    return {name: morsel.value for name, morsel in jar.items()}
