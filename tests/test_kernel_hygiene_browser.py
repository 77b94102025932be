"""Kernel hygiene of the Voila pages: idle kernels go, a cap with a clear page, no widgets from the browser.

The kit runs with short cull times here (seconds instead of the defaults' minutes), started as a
user does with the launcher's options.
"""

import asyncio
import json
import re
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

from .browser import LOAD, create_session, open_facilitator
from .kit_server import REPO, KitServer, kernel_pids
from .loops import in_own_loop

LESSON = "lessons/01-wat-is-publieke-waarde.ipynb"
MiB = 1024 * 1024


def eventually(condition, within: float = 40, step: float = 0.5):
    """Wait until ``condition()`` is truthy (the culler runs every second here); its last value."""
    deadline = time.monotonic() + within
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(step)


def preheated() -> int:
    """How many kernels Voila keeps preheated for pages not yet asked for (voila.json's pools)."""
    pools = json.loads((REPO / "voila.json").read_text())["VoilaKernelManager"]["kernel_pools_config"]
    assert pools.get("default", {}).get("pool_size", 0) == 0  # else every lesson would have a pool too
    return sum(config.get("pool_size", 0) for name, config in pools.items() if name != "default")


def kernels(kit) -> list:
    return sorted(kernel_pids(kit.process.pid))


def filled_pools(kit) -> list:
    """The pool kernels' processes, once every pool is full (and no other kernel runs)."""
    assert eventually(lambda: len(kernels(kit)) == preheated(), within=90), kernels(kit)
    return kernels(kit)


def kernel_alive(kit, kernel_id: str) -> bool:
    return get(f"{kit.url}api/kernels/{kernel_id}")[0] == 200


def get(url: str, address: str = ""):
    """``(status, body, headers)`` of a plain GET: no JavaScript runs, so no page ever connects to its kernel.

    With ``address``, the request comes from there as the proxy on this machine (trusted) reports it.
    """
    request = urllib.request.Request(url, headers={"X-Forwarded-For": address} if address else {})
    try:
        with urllib.request.urlopen(request, timeout=90) as reply:
            return reply.status, reply.read().decode("utf-8"), reply.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), error.headers


def test_plain_gets_leave_no_kernel_and_the_cap_shows_a_full_page(tmp_path):
    # 4 places, of which the last 2 only the facilitator's dashboard and the start page may take: 2 for lessons.
    kit = KitServer(tmp_path / "kit", ["--cull-idle=15", "--cull-interval=1", "--max-kernels=4"]).start()
    try:
        pool = filled_pools(kit)  # preheated kernels waiting for their pages: not counted against the cap
        for _ in range(2):
            status, body, _ = get(kit.render_url(LESSON))
            assert status == 200 and "Wat is publieke waarde" in body
        assert len(kernels(kit)) == len(pool) + 2  # both lessons' kernels alive

        status, body, headers = get(kit.render_url(LESSON))
        assert status == 503
        assert "De werkplaats is vol" in body and "The workshop server is full" in body
        assert "Sluit tabbladen" in body and headers["Retry-After"]
        assert len(kernels(kit)) == len(pool) + 2  # the refused page started no kernel
        assert get(f"{kit.url}kit/")[0] == 200  # phones are never affected
        status, body, _ = get(kit.render_url(LESSON, "lang=en"))
        assert status == 503 and "Close tabs with lessons" in body

        # Nobody connected to the lessons' kernels: they go. The pool kernels, idle for longer
        # still, wait for their pages (not culled, so not replaced: the same processes).
        assert eventually(lambda: kernels(kit) == pool), kernels(kit)
        status, body, _ = get(kit.render_url(LESSON))
        assert status == 200  # room again once the idle kernels are gone

        # One websocket message to a page's kernel: a 5 MB session import fits, 7 MiB is refused.
        kernel = re.search(r'"kernelId": "([0-9a-f-]{36})"', body).group(1)
        channels = f"ws://127.0.0.1:{kit.port}/api/kernels/{kernel}/channels"
        assert in_own_loop(kernel_answers(channels, 5_000_000))
        assert not in_own_loop(kernel_answers(channels, 7 * MiB))
    finally:
        kit.stop()


def test_plain_gets_of_lessons_do_not_lock_the_facilitator_out(tmp_path):
    """Ten plain GETs of a lesson (no page ever connects) used to fill every place for a quarter of an hour."""
    kit = KitServer(
        tmp_path / "kit", ["--no-preheat", "--max-kernels=4", "--kernels-per-address=1", "--connect-timeout=15"]
    ).start()
    try:
        outsider = "203.0.113.7"
        with ThreadPoolExecutor(max_workers=10) as pool:
            replies = list(pool.map(lambda _: get(kit.render_url(LESSON), outsider), range(10)))
        assert sorted(status for status, _, _ in replies) == [200] + [503] * 9  # one per address
        refused = next(body for status, body, _ in replies if status == 503)
        assert "Vanaf uw netwerkadres is al 1 dashboard of les open" in refused
        assert get(kit.render_url(LESSON), "198.51.100.6")[0] == 200
        status, body, _ = get(kit.render_url(LESSON), "198.51.100.7")
        assert status == 503 and "De werkplaats is vol" in body  # the lessons' 2 places are taken

        status, body, _ = get(kit.render_url("workshops/facilitator.ipynb"), "198.51.100.8")
        assert status == 200  # a reserved place: the facilitator is never locked out by lessons
        status, body, _ = get(kit.render_url("start.ipynb"))  # from this machine: no limit per address
        assert status == 200
        started = time.monotonic()
        kernel = re.search(r'"kernelId": "([0-9a-f-]{36})"', body).group(1)
        channels = f"ws://127.0.0.1:{kit.port}/api/kernels/{kernel}/channels"
        assert in_own_loop(kernel_answers(channels, 1000))  # the start page's script connects, as a browser would

        # The pages that never connected lose their kernels about --connect-timeout after they were sent.
        assert eventually(lambda: len(kernels(kit)) == 1, within=40), kernels(kit)
        assert time.monotonic() - started < 30
        assert kernel_alive(kit, kernel)  # the connected page keeps its kernel
        assert "did not connect within 15 s" in kit.log()
        # room again, once the manager has let go of the culled kernels (a moment later on a busy machine)
        assert eventually(lambda: get(kit.render_url(LESSON), outsider)[0] == 200, within=15)
    finally:
        kit.stop()


async def kernel_answers(channels: str, size: int) -> bool:
    """Send a ``size``-byte message on a kernel's websocket, as a page would: True if the kernel replied."""
    from tornado.websocket import WebSocketClosedError, websocket_connect

    socket = await websocket_connect(f"{channels}?session_id={uuid.uuid4()}")
    msg_id = uuid.uuid4().hex
    header = {
        "msg_id": msg_id,
        "msg_type": "comm_info_request",
        "username": "",
        "session": "test",
        "version": "5.3",
        "date": "",
    }
    message = {
        "header": header,
        "parent_header": {},
        "metadata": {},
        "channel": "shell",
        "content": {"target_name": "x" * (size - 300)},
        "buffers": [],
    }
    try:
        await socket.write_message(json.dumps(message))
        while True:
            reply = await asyncio.wait_for(socket.read_message(), 30)
            if reply is None:
                return False  # the server closed the connection (1009: message too big)
            if msg_id in reply and "comm_info_reply" in reply:
                return True
    except WebSocketClosedError:
        return False  # closed while the message was still being sent
    finally:
        socket.close()


def widget_open(client, value: str) -> str:
    """Send the comm_open a browser would send to create an ipywidgets Text; its comm id."""
    comm_id = uuid.uuid4().hex
    state = {
        "_model_module": "@jupyter-widgets/controls",
        "_model_module_version": "2.0.0",
        "_model_name": "TextModel",
        "_view_module": "@jupyter-widgets/controls",
        "_view_module_version": "2.0.0",
        "_view_name": "TextView",
        "value": value,
    }
    msg = client.session.msg(
        "comm_open",
        {"comm_id": comm_id, "target_name": "jupyter.widget", "data": {"state": state, "buffer_paths": []}},
        metadata={"version": "2.1.0"},
    )
    client.shell_channel.send(msg)
    return comm_id


def run(client, code: str) -> str:
    """Execute ``code`` in the kernel (after every message sent before it); its printed output."""
    out = []
    client.execute_interactive(code, timeout=60, output_hook=lambda m: out.append(m["content"].get("text", "")))
    return "".join(out).strip()


def test_a_page_kernel_builds_no_widget_the_browser_asks_for():
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3", cwd=str(REPO))
    count = "from ipywidgets.widgets.widget import _instances; print(len(_instances))"
    try:
        run(client, "import ipywidgets")
        widget_open(client, "x" * 1024)
        assert run(client, count) == "1"  # plain ipywidgets: the browser just created a widget

        run(client, "import widgets.views")  # what every page's glue imports
        refused = widget_open(client, "x" * (5 * 1024 * 1024))
        assert run(client, count) == "1"  # the 5 MiB widget was not built
        assert run(client, f"import comm; print({refused!r} in comm.get_comm_manager().comms)") == "False"
        assert (
            run(client, "import comm; print(sorted(comm.get_comm_manager().targets))")
            == "['jupyter.widget', 'jupyter.widget.control']"
        )  # the front end can still ask for the kernel's widgets
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_the_dashboard_reopens_from_its_cookie_after_its_kernel_was_culled(tmp_path, browser):
    kit = KitServer(tmp_path / "kit", ["--cull-idle=3", "--cull-connected=4", "--cull-interval=1"]).start()
    try:
        context = browser.new_context()
        page = open_facilitator(context, kit)
        code = create_session(page, activities=["Waardenpalet"])
        assert eventually(lambda: any(c["name"] == f"kit_f_{code}" for c in context.cookies()))  # the server sets it
        kernel = re.search(r'"kernelId": "([0-9a-f-]{36})"', page.content()).group(1)
        assert kernel_alive(kit, kernel)
        # The page stays open and idle: its kernel is culled after --cull-connected seconds.
        assert eventually(lambda: not kernel_alive(kit, kernel))

        page.reload()
        page.wait_for_selector("[data-kit-join-code]", timeout=LOAD)
        assert page.inner_text("[data-kit-join-code]").strip() == code  # same session, no key typed
        assert "sleutel" not in page.url
        context.close()
    finally:
        kit.stop()
