"""Connections cannot be hoarded: enough open files, idle ones closed, live streams capped, no log flood.

An outsider who holds many connections or live streams must not keep a phone with the code from its
page. Each kit here is started as a user starts it, under the open-files limit a laptop has
(``prlimit``, as ``ulimit -n`` would); every loop is bounded and stays on loopback.
"""

import resource
import select
import socket
import time

import pytest
import requests

from .kit_server import KitServer
from .phone import Phone

LAPTOP_FILES = 1024  # a Linux desktop's soft limit (macOS: 256)
OUTSIDER = "127.0.0.2"  # another address of this machine, not the proxy the kit trusts (127.0.0.1)
PER_ADDRESS = 20


class LimitedKit(KitServer):
    """The kit started under an open-files limit ``(soft, hard)``, as ``ulimit -n`` before ``make start``."""

    def __init__(self, data_dir, files, extra_args=()):
        super().__init__(data_dir, ["--no-preheat", *extra_args])
        self.files = files

    def command(self) -> list:
        soft, hard = self.files
        return ["prlimit", f"--nofile={soft}:{hard}", "--", *super().command()]

    def open_files_limit(self) -> int:
        for line in open(f"/proc/{self.process.pid}/limits"):
            if line.startswith("Max open files"):
                return int(line.split()[3])
        raise AssertionError("no limit found")


def enough_files_for(count: int) -> int:
    """Raise this test process's own soft limit so it can hold ``count`` connections; the hard limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < count + 256:
        pytest.skip(f"the hard open-files limit ({hard}) is too low to hold {count} connections")
    if soft != resource.RLIM_INFINITY and soft < count + 256:
        resource.setrlimit(resource.RLIMIT_NOFILE, (count + 256 if hard == resource.RLIM_INFINITY else hard, hard))
    return hard


def hold_idle_connections(port: int, count: int) -> list:
    """Up to ``count`` TCP connections that send nothing; stops early once the server lets none in."""
    held, failed = [], 0
    while len(held) < count and failed < 3:
        try:
            held.append(socket.create_connection(("127.0.0.1", port), timeout=2))
        except OSError:
            failed += 1
    return held


def close_all(sockets) -> None:
    for sock in sockets:
        sock.close()


def new_session(kit):
    from widgets.model.sessions import SessionSpec
    from widgets.store import open_store

    store = open_store(f"sqlite:///{kit.data_dir / 'kit.sqlite3'}")
    session, _ = store.create_session(SessionSpec(title="Woonvisie", topic="wonen"))
    store.set_activity_open(session.id, "palet", True)
    return session


def participant(kit, code: str, address: str) -> Phone:
    """A phone that joined session ``code``, seen from ``address`` (through the proxy the kit trusts)."""
    me = Phone(kit.url)
    me.http.headers["X-Forwarded-For"] = address
    me.join(code, "Inwoner")
    return me


def stream(me: Phone, code: str):
    """Open the live stream as the page's script does; the reply with its body still unread."""
    return me.http.get(f"{me.base_url}kit/{code}/events", stream=True, timeout=10)


def page_load_seconds(me: Phone, code: str) -> float:
    """How long the phone waits for its activity page (a fresh connection, as a phone coming back)."""
    fresh = requests.Session()
    fresh.cookies.update(me.http.cookies)
    fresh.headers.update(me.http.headers)
    started = time.monotonic()
    try:
        reply = fresh.get(f"{me.base_url}kit/{code}/palet", timeout=5)
    except requests.RequestException:
        return float("inf")
    finally:
        fresh.close()
    assert reply.status_code == 200 and "kit-" in reply.text
    return time.monotonic() - started


@pytest.fixture(scope="module")
def laptop(tmp_path_factory):
    """The kit on a laptop whose shell gives programs 1,024 open files (the hard limit is the machine's)."""
    hard = enough_files_for(1500)
    server = LimitedKit(
        tmp_path_factory.mktemp("laptop"),
        (LAPTOP_FILES, hard),
        [
            "--KitWeb.idle_timeout=5",
            "--KitWeb.streams_per_address=5",
            "--KitWeb.streams_total=8",
            f"--KitWeb.connections_per_address={PER_ADDRESS}",
        ],
    ).start()
    yield server
    server.stop()


def test_idle_connections_leave_room_for_a_phone(laptop):
    session = new_session(laptop)
    me = participant(laptop, session.code, "198.51.100.10")
    assert laptop.open_files_limit() > 1100  # raised at start, from the laptop's 1,024
    held = hold_idle_connections(laptop.port, 1100)  # an outsider, more connections than the laptop's limit
    try:
        assert len(held) == 1100
        assert page_load_seconds(me, session.code) < 1
    finally:
        close_all(held)


def test_an_idle_connection_is_closed_after_the_idle_timeout(laptop):
    sock = socket.create_connection(("127.0.0.1", laptop.port), timeout=10)
    try:
        started = time.monotonic()
        assert sock.recv(1) == b""  # closed by the server, nothing sent
        assert time.monotonic() - started < 8
    finally:
        sock.close()
    sock = socket.create_connection(("127.0.0.1", laptop.port), timeout=10)
    try:
        sock.sendall(b"GET /kit/ HTTP/1.1\r\nHost: x\r\n")  # headers never finished (slowloris)
        assert sock.recv(1) == b""
    finally:
        sock.close()


def connect_from(source: str, port: int) -> socket.socket:
    sock = socket.socket()
    sock.settimeout(5)
    sock.bind((source, 0))
    sock.connect(("127.0.0.1", port))
    return sock


def closed_by_the_server(sock: socket.socket, within: float = 0) -> bool:
    """Whether the server closed ``sock`` (waiting up to ``within`` seconds); data waiting counts as open."""
    if not select.select([sock], [], [], within)[0]:
        return False
    try:
        return sock.recv(4096, socket.MSG_PEEK) == b""
    except ConnectionResetError:
        return True


def test_one_address_holds_a_capped_number_of_connections_and_its_idle_ones_go_first(laptop):
    session = new_session(laptop)
    me = participant(laptop, session.code, "198.51.100.60")
    outsider = participant(laptop, session.code, "198.51.100.61")
    live = connect_from(OUTSIDER, laptop.port)  # the outsider's own live stream: a busy connection
    cookie = f"kit_p_{session.code}={outsider.http.cookies.get(f'kit_p_{session.code}')}"
    live.sendall(f"GET /kit/{session.code}/events HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\n\r\n".encode())
    assert live.recv(4096).startswith(b"HTTP/1.1 200")
    held = []
    try:
        held = [connect_from(OUTSIDER, laptop.port) for _ in range(3 * PER_ADDRESS)]  # idle, sending nothing
        deadline = time.monotonic() + 2
        extra = len(held) - (PER_ADDRESS - 1)  # the cap less the live stream
        closed = [closed_by_the_server(sock, max(0, deadline - time.monotonic())) for sock in held[:extra]]
        assert all(closed)  # the longest-held idle ones made room for the newer ones
        assert not any(closed_by_the_server(sock) for sock in held[extra:])  # well within the idle timeout (5 s)
        assert not closed_by_the_server(live)  # busy: kept
        assert page_load_seconds(me, session.code) < 1  # a phone from elsewhere is served at once
    finally:
        close_all([live, *held])


def test_live_streams_are_capped_per_participant_per_address_and_in_all(laptop):
    session = new_session(laptop)
    code = session.code
    opened = []
    try:
        outsider = participant(laptop, code, "203.0.113.20")
        replies = [stream(outsider, code) for _ in range(10)]  # one cookie, ten streams
        opened += replies
        assert [r.status_code for r in replies] == [200] * 3 + [503] * 7
        refused = replies[-1]
        assert refused.headers["Retry-After"] == "30" and "tegelijk open om live bij te werken" in refused.text

        for _ in range(3):  # more participants from the same address: 5 streams per address
            opened.append(stream(participant(laptop, code, "203.0.113.20"), code))
        assert [r.status_code for r in opened[-3:]] == [200, 200, 503]

        others = [participant(laptop, code, f"198.51.100.{n}") for n in range(30, 34)]
        opened += [stream(other, code) for other in others]  # 8 in all
        assert [r.status_code for r in opened[-4:]] == [200, 200, 200, 503]

        me = participant(laptop, code, "198.51.100.40")
        assert page_load_seconds(me, code) < 1  # every stream slot taken: the page itself still loads
    finally:
        for reply in opened:
            reply.close()
    me = participant(laptop, code, "198.51.100.41")
    deadline = time.monotonic() + 10
    while (status := stream(me, code)).status_code != 200 and time.monotonic() < deadline:
        status.close()
        time.sleep(0.3)
    assert status.status_code == 200  # closed streams give their slots back
    status.close()


def test_out_of_files_the_server_pauses_and_logs_once(tmp_path):
    """With no file left the server stops accepting for a moment and says so once, not in a tight loop."""
    enough_files_for(600)
    kit = LimitedKit(tmp_path / "kit", (200, 200)).start()  # a limit it cannot raise
    try:
        session = new_session(kit)
        me = participant(kit, session.code, "198.51.100.50")
        before = kit.log_path.stat().st_size
        held = hold_idle_connections(kit.port, 400)
        try:
            time.sleep(3)
            grown = kit.log_path.stat().st_size - before
            assert grown < 20_000, kit.log()[-2000:]  # Tornado's own accept loop: megabytes of tracebacks
            assert kit.log_path.read_text(errors="replace").count("No file left for a new connection") == 1
            assert page_load_seconds(me, session.code) == float("inf")  # no file for this phone either
        finally:
            close_all(held)
        deadline = time.monotonic() + 10
        while (seconds := page_load_seconds(me, session.code)) > 1 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert seconds < 1  # files are back: the phone is served at once
    finally:
        kit.stop()


def test_live_streams_per_address_count_an_ipv6_client_by_its_64(laptop):
    session = new_session(laptop)
    code = session.code
    one_home = [participant(laptop, code, f"2001:db8:9:9::{n}") for n in range(1, 7)]  # six addresses, one /64
    neighbour = participant(laptop, code, "2001:db8:9:a::1")
    opened = []
    try:
        deadline = time.monotonic() + 10  # the slots of the streams closed before this test come back
        while (first := stream(one_home[0], code)).status_code != 200 and time.monotonic() < deadline:
            first.close()
            time.sleep(0.3)
        opened.append(first)
        opened += [stream(me, code) for me in one_home[1:]]
        assert [r.status_code for r in opened] == [200] * 5 + [503]  # 5 per address: the /64 is one
        opened.append(stream(neighbour, code))
        assert opened[-1].status_code == 200  # the next /64 is someone else (and there was room in all)
    finally:
        for reply in opened:
            reply.close()


def test_a_room_that_taps_the_link_at_once_waits_in_the_servers_queue_not_for_a_second_try():
    """While the server is busy with the first phones, the others' connections wait in the listening socket's
    queue. Tornado listens with a queue of 128: the 129th phone's connection was dropped and tried again a second
    (then three) later, the tail of a 1,000-phone join burst."""
    from tornado.netutil import bind_sockets

    from widgets.web.connections import GuardedHTTPServer

    from .loops import in_own_loop

    room = 400
    enough_files_for(room)

    async def busy_server() -> int:
        listening = bind_sockets(0, "127.0.0.1")  # as Tornado's Application.listen makes it: a queue of 128
        port = listening[0].getsockname()[1]
        server = GuardedHTTPServer(lambda request: None)
        server.add_sockets(listening)
        phones = []
        try:
            for _ in range(room):
                phone = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                phone.setblocking(False)
                phone.connect_ex(("127.0.0.1", port))
                phones.append(phone)
            time.sleep(0.5)  # the server's loop is busy (nothing accepted): where do the phones wait?
            _, connected, _ = select.select([], phones, [], 0)
            return sum(1 for phone in connected if phone.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0)
        finally:
            server.stop()
            close_all(phones)

    assert in_own_loop(busy_server()) == room  # each one in the queue, none left to try again later
