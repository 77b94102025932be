"""The participant pages defend themselves: CSRF, capped bodies, headers, cookies, limits, a failing store."""

import pytest
import requests

from .kit_server import KitServer
from .phone import Phone


def test_pages_forbid_inline_script_other_hosts_and_framing(kit, phone, new_session):
    session = new_session()
    me = phone()
    page = me.join(session.code, "Inwoner")
    headers = page.reply.headers
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy and headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Cache-Control"] == "no-store"
    assert all(not script.string for script in page.soup.select("script"))  # no inline script
    assert not page.soup.select("[style]") and not page.soup.select("style")
    assert all(tag["src"].startswith("/kit/static/") for tag in page.soup.select("script[src]"))


def test_the_participant_cookie_is_http_only_and_same_site(kit, new_session):
    session = new_session()
    me = Phone(kit.url)
    me.get(f"kit/{session.code}")
    xsrf = me.http.cookies["_xsrf"]
    reply = me.http.post(
        f"{kit.url}kit/{session.code}/join", data={"group": "inwoner", "_xsrf": xsrf}, allow_redirects=False
    )
    assert reply.status_code == 303
    cookie = reply.headers["Set-Cookie"]
    assert cookie.startswith(f"kit_p_{session.code}=")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/kit/" in cookie


def test_a_post_without_the_forms_token_or_from_another_site_is_refused(kit, new_session, kit_store):
    session = new_session()
    me = Phone(kit.url)
    me.get(f"kit/{session.code}")
    url = f"{kit.url}kit/{session.code}/join"
    missing = me.http.post(url, data={"group": "inwoner"})
    assert missing.status_code == 403 and "Dit formulier is verlopen" in missing.text
    forged = me.http.post(url, data={"group": "inwoner", "_xsrf": "2|00|00|0"})
    assert forged.status_code == 403
    other_site = me.http.post(
        url,
        data={"group": "inwoner", "_xsrf": me.http.cookies["_xsrf"]},
        headers={"Sec-Fetch-Site": "cross-site", "Origin": "http://evil.example"},
    )
    assert other_site.status_code == 403
    assert kit_store.participant_counts(session.id) == {}


def test_a_huge_request_body_is_refused_before_it_is_read(kit, phone, new_session, kit_store):
    session = new_session()
    me = phone()
    me.join(session.code, "Inwoner")
    reply = me.http.post(
        f"{kit.url}kit/{session.code}/palet",
        data={"text": "x" * 200_000, "cell": "collectief.proces", "_xsrf": me.http.cookies["_xsrf"]},
    )
    assert reply.status_code == 413 and "te veel tekst" in reply.text
    assert kit_store.answers(session.id, "palet") == []


@pytest.fixture(scope="module")
def strict_kit(tmp_path_factory):
    """A kit with low limits, so a test can reach them without hundreds of requests."""
    server = KitServer(
        tmp_path_factory.mktemp("strict"),
        extra_args=["--KitWeb.joins_per_browser=3", "--KitWeb.unknown_codes_per_address=3"],
    ).start()
    yield server
    server.stop()


def test_one_browser_cannot_create_participant_after_participant(strict_kit):
    from widgets.model.sessions import SessionSpec
    from widgets.store import open_store

    store = open_store(f"sqlite:///{strict_kit.data_dir / 'kit.sqlite3'}")
    session, _ = store.create_session(SessionSpec(title="S", topic="wonen"))
    me = Phone(strict_kit.url)
    for _ in range(3):
        me.join(session.code, "Inwoner")
        me.get(f"kit/{session.code}/not-me")
        me.submit("form[action$='not-me']")  # each leaves without an answer: not counted (widgets/web/join.py)
    page = me.submit(group="inwoner")
    assert page.status == 429 and "Wacht een minuut" in page.text(".kit-error")
    assert store.participant_counts(session.id) == {}  # the fourth was never made


def guesser(kit, address: str) -> Phone:
    """A phone seen from ``address``, as the proxy on this machine (trusted by default) reports it."""
    me = Phone(kit.url)
    me.http.headers["X-Forwarded-For"] = address
    return me


def test_guessing_codes_is_stopped_after_a_few_tries(strict_kit):
    me = guesser(strict_kit, "203.0.113.1")
    for code in ("AAAAAA", "CCCCCC", "EEEEEE"):
        assert "Deze sessiecode kennen we niet" in me.get(f"kit/?code={code}").text(".kit-error")
    page = me.get("kit/?code=FFFFFF")
    assert page.status == 429 and "Te veel onbekende codes" in page.text()


def test_an_ipv6_client_cannot_guess_more_by_moving_through_its_64(strict_kit):
    """A home or a phone holds a whole /64 and may pick any address in it: the limit counts the /64."""
    for n, code in enumerate(("AAAAAA", "CCCCCC", "EEEEEE")):
        assert guesser(strict_kit, f"2001:db8:7:7::{n + 1}").get(f"kit/{code}").status == 404
    page = guesser(strict_kit, "2001:db8:7:7:abcd:ef01:2345:6789").get("kit/FFFFFF")
    assert page.status == 429 and "Te veel onbekende codes" in page.text()
    assert guesser(strict_kit, "2001:db8:7:8::1").get("kit/FFFFFF").status == 404  # the next /64: someone else
    for n, code in enumerate(("AAAAAA", "CCCCCC", "EEEEEE")):  # IPv4 written as IPv6 is the same address
        assert guesser(strict_kit, "203.0.113.7" if n % 2 else "::ffff:203.0.113.7").get(f"kit/{code}").status == 404
    assert guesser(strict_kit, "::ffff:cb00:7107").get("kit/FFFFFF").status == 429


def test_every_page_that_looks_a_code_up_counts_the_misses_and_then_tells_nothing(strict_kit):
    from widgets.model.sessions import SessionSpec
    from widgets.store import open_store

    store = open_store(f"sqlite:///{strict_kit.data_dir / 'kit.sqlite3'}")
    session, _ = store.create_session(SessionSpec(title="S", topic="wonen"))
    me = guesser(strict_kit, "203.0.113.2")
    for n, path in enumerate(("kit/AAAAAA", "kit/CCCCCC/scherm", "kit/EEEEEE/resultaten")):
        me.http.headers["X-Real-Ip"] = f"198.51.100.{n}"  # a client's own claim, never read
        assert me.get(path).status == 404, path
    for path in (f"kit/{session.code}", f"kit/{session.code}/scherm", "kit/FFFFFF"):
        page = me.get(path)  # a live code answers as a dead one does: the guesser learns nothing more
        assert page.status == 429 and "Te veel onbekende codes" in page.text(), path
    assert guesser(strict_kit, "203.0.113.3").get(f"kit/{session.code}").status == 200  # another address is not held


def test_the_browser_id_for_the_join_limit_is_the_servers_not_the_clients(strict_kit):
    from widgets.model.sessions import SessionSpec
    from widgets.store import open_store

    store = open_store(f"sqlite:///{strict_kit.data_dir / 'kit.sqlite3'}")
    session, _ = store.create_session(SessionSpec(title="S", topic="wonen"))
    me = guesser(strict_kit, "203.0.113.4")
    me.get(f"kit/{session.code}")
    issued = me.http.cookies.get("kit_b", path="/kit/")
    assert issued and "." in issued  # a random id and the server's signature
    for n in range(3):  # three joins, each with a browser id the client made up
        me.http.cookies.set("kit_b", f"gekozen{n}", path="/kit/")
        me.join(session.code, "Inwoner")
        me.get(f"kit/{session.code}/not-me")
        me.submit("form[action$='not-me']")
    me.http.cookies.set("kit_b", "nog-een-andere", path="/kit/")
    page = me.join(session.code, "Inwoner")
    assert page.status == 429 and "Wacht een minuut" in page.text(".kit-error")  # counted as one: the address


@pytest.mark.postgres
def test_a_database_that_goes_away_gives_a_clear_message_and_keeps_the_typed_text(tmp_path, postgres):
    from widgets.model.sessions import SessionSpec
    from widgets.store import open_store

    from .postgres import _pg_bin

    url = postgres.new_database()
    server = KitServer(tmp_path / "kit", extra_args=[f"--store={url}"]).start()
    data = f"{postgres.dir}/data"
    try:
        store = open_store(url)
        session, _ = store.create_session(SessionSpec(title="S", topic="wonen", activities=("palet",)))
        store.set_activity_open(session.id, "palet", True)
        store.backend.close()
        me = Phone(server.url)
        me.join(session.code, "Inwoner")
        me.get(f"kit/{session.code}/palet")
        postgres._run(_pg_bin("pg_ctl"), "-D", data, "-m", "fast", "-w", "stop")
        page = me.submit(".kit-form-palet", text="Betaalbaarheid", cell="individueel.materieel")
        assert page.status == 503 and "Opslaan lukte niet" in page.text(".kit-error-summary")
        assert page.all(".kit-typed li") == ["Betaalbaarheid"]  # what was typed, to copy if it takes long
        postgres._run(
            _pg_bin("pg_ctl"),
            "-D",
            data,
            "-l",
            f"{postgres.dir}/log",
            "-w",
            "start",
            "-o",
            f"-k {postgres.dir} -p {postgres.port} -c listen_addresses='' -c max_connections=200",
        )
        page = me.submit("main form")  # "Opnieuw versturen": the same answer, sent again
        assert page.text(".kit-notice") == "Opgeslagen: Betaalbaarheid."
        store = open_store(url)
        assert [a.value["text"] for a in store.answers(session.id, "palet")] == ["Betaalbaarheid"]
        store.backend.close()
    finally:
        server.stop()


def test_a_full_disk_rolls_back_the_write_and_says_so(tmp_path):
    """SQLite refuses a write when its file cannot grow; the store reports it and keeps the data as it was."""
    from widgets.model.sessions import SessionSpec
    from widgets.store import StoreUnavailable, open_store

    store = open_store(f"sqlite:///{tmp_path / 'kit.sqlite3'}")
    session, _ = store.create_session(SessionSpec(title="S", topic="wonen", activities=("palet",)))
    store.set_activity_open(session.id, "palet", True)
    me = store.join(session.code, "inwoner")
    store.submit(me.token, "palet", {"a": {"text": "Groen", "cell": "collectief.proces"}})
    pages = store.backend.query("PRAGMA page_count")[0]["page_count"]
    store.backend._writer().execute(f"PRAGMA max_page_count = {pages}")  # the disk is full for the writes from here on
    with pytest.raises(StoreUnavailable):
        store.submit(me.token, "palet", {str(i): {"text": "x" * 80, "cell": "collectief.proces"} for i in range(300)})
    assert [a.value["text"] for a in store.answers(session.id, "palet")] == ["Groen"]


def test_the_static_folder_serves_nothing_but_the_pages_own_files(kit):
    assert requests.get(f"{kit.url}kit/static/participant.js", timeout=10).status_code == 200
    for path in ("kit/static/..%2fservice.py", "kit/static/%2e%2e/handlers.py", "kit/static/../../settings.py"):
        reply = requests.get(kit.url + path, timeout=10, allow_redirects=False)
        assert reply.status_code in (403, 404), path
        assert "def " not in reply.text


def test_a_stuck_write_stalls_only_the_phone_that_writes(kit, phone, new_session, kit_store):
    import sqlite3
    import threading

    session = new_session()
    writer, reader = phone(), phone()
    writer.join(session.code, "Inwoner")
    reader.join(session.code, "Ambtelijk")
    writer.get(f"kit/{session.code}/palet")
    lock = sqlite3.connect(kit.data_dir / "kit.sqlite3", isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")  # another writer holds the database, as a slow disk would
    try:
        sent = threading.Thread(
            target=writer.submit, args=(".kit-form-palet",), kwargs={"text": "Groen", "cell": "collectief.proces"}
        )
        sent.start()
        sent.join(timeout=1.0)
        assert sent.is_alive()  # the writing phone waits for the database...
        page = reader.get(f"kit/{session.code}/palet")
        assert page.status == 200 and page.text("h1") == "Waardenpalet"
        assert sent.is_alive()  # ...while another phone's page was served meanwhile
    finally:
        lock.execute("COMMIT")
        lock.close()
    sent.join(timeout=30)
    assert writer.page.text(".kit-notice") == "Opgeslagen: Groen."
    assert [a.value["text"] for a in kit_store.answers(session.id, "palet")] == ["Groen"]


def test_a_form_that_is_not_utf8_is_refused_in_dutch_and_stores_nothing(phone, new_session, kit_store):
    session = new_session(activities=("palet",))
    me = phone()
    me.join(session.code, "Inwoner")
    form = me.get(f"kit/{session.code}/palet").form(".kit-form-palet")
    fields = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    hidden = "&".join(f"{name}={value}" for name, value in fields.items()).encode()
    body = hidden + b"&text=Gr%FFen&cell=collectief.proces"  # %FF: a byte that is no UTF-8
    reply = me.http.post(
        f"{me.base_url}kit/{session.code}/palet",
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        allow_redirects=False,
    )
    assert reply.status_code == 400
    assert "Deze tekens konden we niet lezen: er is niets opgeslagen." in reply.text
    assert kit_store.answers(session.id, "palet") == []
