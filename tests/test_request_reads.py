"""A participant page reads each of a session's settings once per request, and afresh after it wrote."""

from widgets.model.sessions import SessionSpec
from widgets.web.live import public_state
from widgets.web.reads import RequestReads


def counted(store) -> list:
    """The SQL the store runs from now on."""
    ran, query = [], store.backend.query

    def query_and_count(sql, params=None):
        ran.append(sql)
        return query(sql, params)

    store.backend.query = query_and_count
    return ran


def test_a_request_reads_the_settings_once_and_again_after_a_write(sqlite_store):
    spec = SessionSpec(title="Woonvisie", topic="wonen", activities=("palet", "beoordelen"))
    session, _ = sqlite_store.create_session(spec)
    sqlite_store.set_state(session.id, "palet", "merges", [["groen", "groene wijk"]])
    ran = counted(sqlite_store)
    reads = RequestReads(sqlite_store)
    state = public_state(reads, session)
    assert reads.state(session.id, "palet") == {"merges": [["groen", "groene wijk"]]}
    assert reads.state(session.id, "beoordelen") == {} and reads.state(session.id, "resultaten") == {}
    assert len(ran) == 1  # every activity's settings in one query
    reads.state(session.id, "palet")["reveal"] = True  # a page changing what it got changes nothing kept
    assert "reveal" not in reads.state(session.id, "palet")
    reads.set_state(session.id, "palet", "reveal", True)  # a write: what was read is read again
    assert reads.state(session.id, "palet")["reveal"] is True
    assert public_state(reads, session) == public_state(sqlite_store, session) != state  # the phones follow


def test_a_session_by_its_code_is_the_session_with_its_groups_in_order(sqlite_store):
    spec = SessionSpec(title="Zorg", topic="wonen", activities=("palet",))
    spec.groups = ("Wijkteam", "Huisarts", "Inwoner")
    session, _ = sqlite_store.create_session(spec)
    ran = counted(sqlite_store)
    found = sqlite_store.session_by_code(session.code.lower())
    assert len(ran) == 1 and found == sqlite_store.session(session.id)
    assert [g.label for g in found.groups] == ["Wijkteam", "Huisarts", "Inwoner"]
    assert sqlite_store.session_by_code("ZZZZZZ") is None
