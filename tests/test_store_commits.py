"""A room answering at once: SQLite writes share commits (one disk flush for several), each stored once or never."""

from concurrent.futures import ThreadPoolExecutor

from widgets.model.sessions import SessionSpec
from widgets.model.validation import InputError


def test_writes_at_once_share_commits_and_a_refused_one_leaves_the_others(sqlite_store):
    store = sqlite_store
    session, _ = store.create_session(
        SessionSpec(title="Raadsavond", topic="wonen", municipality="Utrecht", activities=("palet",))
    )
    store.set_activity_open(session.id, "palet", True)
    commits = []
    store.backend._writer().set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)

    def arrive(number):  # every seventh phone picks a group that does not exist: refused, nothing stored
        group = "geen-groep" if number % 7 == 0 else "inwoner"
        try:
            person = store.join(session.code, group)
        except InputError:
            return None
        store.submit(person.token, "palet", {"a": {"text": f"waarde {number}", "cell": "collectief.proces"}})
        return person

    with ThreadPoolExecutor(max_workers=8) as pool:
        people = [p for p in pool.map(arrive, range(140)) if p is not None]

    assert len(people) == 120 and store.participant_counts(session.id) == {"inwoner": 120}
    stored = sorted(a.value["text"] for a in store.answers(session.id, "palet"))
    assert stored == sorted(f"waarde {n}" for n in range(140) if n % 7)  # each once, none of the refused
    assert len(commits) < 240  # 240 writes stored, in fewer commits: they shared them
