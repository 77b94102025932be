"""The store's operations. Every write is one transaction; every error leaves the data as it was."""

import functools
import hashlib
import json
import threading
import time
import uuid
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from ..model.answers import Answer
from ..model.moderation import Key, Moderation, moderate
from ..model.sessions import (
    DAY,
    Group,
    Participant,
    Session,
    SessionSpec,
    check_retention,
    group_key,
    hash_key,
    is_valid_code,
    key_matches,
    new_facilitator_key,
    new_join_code,
    new_ref,
    new_token,
    normalize_code,
)
from ..model.validation import InputError, clean_text
from .schema import migrate

# Every table that holds a session's rows, the session itself first.
HISTORY_PER_ITEM = 20  # earlier versions of one answer kept: a phone editing a note 1,500 times keeps 20
KEYS_PER_PARTICIPANT = 20  # idempotency keys of a participant's posts kept: a resend comes within seconds
SESSION_TABLES = (
    "sessions",
    "stakeholder_groups",
    "participants",
    "answers",
    "answer_history",
    "activity_state",
    "posted_keys",
    "moderation",
)
SESSION_COLUMNS = (
    "id, code, title, topic, municipality, language, activities, open_activities, status, revision, created_at, "
    "updated_at, retention_days"
)
SESSION_COLUMNS_OF_S = ", ".join(f"s.{c.strip()}" for c in SESSION_COLUMNS.split(","))  # joined as ``s``
SESSION_BY_CODE_SQLITE = (
    f"SELECT {SESSION_COLUMNS_OF_S}, (SELECT json_group_array(json_array(key, label)) FROM "
    "(SELECT key, label FROM stakeholder_groups WHERE session_id = s.id ORDER BY position)) AS groups "
    "FROM sessions s WHERE s.code = :c"
)


@dataclass(frozen=True)
class SubmitResult:
    changed: int  # answers stored or replaced; 0 for a replay of the same answers
    revision: int


class _Unchanged(Exception):
    """Internal: roll back a submission that changes nothing (a replay or double click)."""


class _Posted(Exception):
    """Internal: roll back a join whose form post was stored before; ``token`` is the participant it made."""

    def __init__(self, token: str):
        super().__init__(token)
        self.token = token


def encode(value) -> str:
    """Answers are JSON; one canonical spelling so a replay compares equal."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def decode(text: str):
    return json.loads(text)


@functools.lru_cache(maxsize=1024)
def _groups(stored: str) -> tuple:
    """A session's groups as SQLite lists them (``[[key, label], ...]``), read once per value."""
    return tuple(Group(key, label) for key, label in json.loads(stored))


@functools.lru_cache(maxsize=1024)
def _names(stored: str) -> tuple:
    """A session's activities as stored (a JSON list), read once per value: every participant page reads them."""
    return tuple(json.loads(stored))


class Store:
    def __init__(self, backend):
        self.backend = backend
        self._post = threading.local()  # the form post this thread's writes belong to (``once``)
        migrate(backend)

    # --------------------------------------------------------- form posts once
    @contextmanager
    def once(self, key: str, scope: str):
        """The participant writes in this block store one form post, identified by ``key`` within ``scope``.

        A post sent again with the same key (a proxy lost the answer, the page's script resent it)
        stores nothing: ``submit`` and ``retract`` change nothing, ``join`` returns the participant it
        made the first time. The key is claimed inside the write's own transaction, so a post that
        failed stored no key either and its resend is tried afresh, and two copies at once store one.
        ``scope`` keeps one participant's (or one browser's) keys apart from everyone else's.
        """
        self._post.claim = hashlib.sha256(f"{scope}\0{key}".encode()).hexdigest() if key else None
        try:
            yield
        finally:
            self._post.claim = None

    def _claim(self, tx, session_id: str, participant: str):
        """Claim this thread's post key for ``participant``; None the first time, else the participant it was for."""
        claim = getattr(self._post, "claim", None)
        if claim is None:
            return None
        now = time.time()
        if tx.execute(
            "INSERT INTO posted_keys (key_hash, session_id, participant, created_at) VALUES (:k, :s, :p, :now) "
            "ON CONFLICT (key_hash) DO NOTHING",
            {"k": claim, "s": session_id, "p": participant, "now": now},
        ):
            kept = tx.query(
                "SELECT created_at FROM posted_keys WHERE participant = :p ORDER BY created_at DESC LIMIT :n",
                {"p": participant, "n": KEYS_PER_PARTICIPANT},
            )
            if len(kept) >= KEYS_PER_PARTICIPANT:
                tx.execute(
                    "DELETE FROM posted_keys WHERE participant = :p AND created_at < :oldest",
                    {"p": participant, "oldest": kept[-1]["created_at"]},
                )
            return None
        return tx.query("SELECT participant FROM posted_keys WHERE key_hash = :k", {"k": claim})[0]["participant"]

    # ----------------------------------------------------------------- sessions
    def create_session(self, spec: SessionSpec, code: str | None = None) -> tuple[Session, str]:
        """A new session and its facilitator key (shown once; only its hash is kept)."""
        spec = spec.cleaned()
        key = new_facilitator_key()
        now = time.time()
        for _attempt in range(20):
            candidate = code if code and is_valid_code(code) else new_join_code()
            code = None  # a requested code is tried once
            with self.backend.transaction() as tx:
                if tx.query("SELECT 1 FROM sessions WHERE code = :c", {"c": candidate}):
                    continue
                session_id = uuid.uuid4().hex
                tx.execute(
                    "INSERT INTO sessions (id, code, key_hash, title, topic, municipality, language, "
                    "activities, open_activities, status, revision, created_at, updated_at) VALUES "
                    "(:id, :code, :kh, :title, :topic, :mun, :lang, :acts, '[]', 'open', 1, :now, :now)",
                    {
                        "id": session_id,
                        "code": candidate,
                        "kh": hash_key(key),
                        "title": spec.title,
                        "topic": spec.topic,
                        "mun": spec.municipality,
                        "lang": spec.language,
                        "acts": json.dumps(list(spec.activities)),
                        "now": now,
                    },
                )
                for position, label in enumerate(spec.groups):
                    tx.execute(
                        "INSERT INTO stakeholder_groups (session_id, key, label, position) VALUES (:s, :k, :l, :p)",
                        {"s": session_id, "k": group_key(label), "l": label, "p": position},
                    )
            return self.session(session_id), key
        raise RuntimeError("no free join code found")

    def _session_from_row(self, row, groups: tuple) -> Session:
        return Session(
            id=row["id"],
            code=row["code"],
            title=row["title"],
            topic=row["topic"],
            municipality=row["municipality"],
            language=row["language"],
            activities=_names(row["activities"]),
            open_activities=_names(row["open_activities"]),
            status=row["status"],
            revision=int(row["revision"]),
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            retention_days=row["retention_days"],
            groups=groups,
        )

    def session(self, session_id: str):
        rows = self.backend.query(f"SELECT {SESSION_COLUMNS} FROM sessions WHERE id = :id", {"id": session_id})
        return self._with_groups(rows[0]) if rows else None

    def _with_groups(self, row) -> Session:
        rows = self.backend.query(
            "SELECT key, label FROM stakeholder_groups WHERE session_id = :id ORDER BY position", {"id": row["id"]}
        )
        return self._session_from_row(row, tuple(Group(g["key"], g["label"]) for g in rows))

    def session_by_code(self, code: str):
        """The session of a join code, or None: asked by every participant page, so one query with its groups."""
        code = normalize_code(code)
        if not is_valid_code(code):
            return None
        if self.backend.dialect == "sqlite":  # one row, its groups as JSON: a third of the work of a row per group
            rows = self.backend.query(SESSION_BY_CODE_SQLITE, {"c": code})
            return self._session_from_row(rows[0], _groups(rows[0]["groups"])) if rows else None
        rows = self.backend.query(
            f"SELECT {SESSION_COLUMNS_OF_S}, g.key AS group_key, g.label AS group_label FROM sessions s "
            "LEFT JOIN stakeholder_groups g ON g.session_id = s.id WHERE s.code = :c ORDER BY g.position",
            {"c": code},
        )
        if not rows:
            return None
        groups = tuple(Group(r["group_key"], r["group_label"]) for r in rows if r["group_key"] is not None)
        return self._session_from_row(rows[0], groups)

    def facilitator_session(self, code: str, key: str) -> Session:
        """The session if ``key`` is its facilitator key; one message for any mismatch."""
        code = normalize_code(code)
        rows = (
            self.backend.query("SELECT id, key_hash FROM sessions WHERE code = :c", {"c": code})
            if is_valid_code(code)
            else []
        )
        if not rows or not key_matches(str(key or "").strip(), rows[0]["key_hash"]):
            raise InputError("error.wrong_key")
        return self.session(rows[0]["id"])

    def revision(self, session_id: str):
        """Changes whenever anything in the session changes; None once it is deleted."""
        rows = self.backend.query("SELECT revision FROM sessions WHERE id = :id", {"id": session_id})
        return int(rows[0]["revision"]) if rows else None

    def _bump(self, tx, session_id: str) -> None:
        tx.execute(
            "UPDATE sessions SET revision = revision + 1, updated_at = :now WHERE id = :id",
            {"now": time.time(), "id": session_id},
        )

    def set_activity_open(self, session_id: str, activity: str, is_open: bool) -> Session:
        with self.backend.transaction() as tx:
            rows = tx.query("SELECT activities, open_activities FROM sessions WHERE id = :id", {"id": session_id})
            if not rows:
                raise InputError("error.session_gone")
            enabled = json.loads(rows[0]["activities"])
            if activity not in enabled:
                raise InputError("error.unknown_activity", name=activity)
            current = [a for a in json.loads(rows[0]["open_activities"]) if a != activity]
            if is_open:
                current.append(activity)
            ordered = [a for a in enabled if a in current]
            tx.execute(
                "UPDATE sessions SET open_activities = :o WHERE id = :id", {"o": json.dumps(ordered), "id": session_id}
            )
            self._bump(tx, session_id)
        return self.session(session_id)

    def set_open_activities(self, session_id: str, activities) -> Session:
        """Open exactly ``activities`` and close the others, in one transaction (a run sheet's step)."""
        with self.backend.transaction() as tx:
            rows = tx.query("SELECT activities FROM sessions WHERE id = :id", {"id": session_id})
            if not rows:
                raise InputError("error.session_gone")
            enabled = json.loads(rows[0]["activities"])
            unknown = [a for a in activities if a not in enabled]
            if unknown:
                raise InputError("error.unknown_activity", name=unknown[0])
            tx.execute(
                "UPDATE sessions SET open_activities = :o WHERE id = :id",
                {"o": json.dumps([a for a in enabled if a in set(activities)]), "id": session_id},
            )
            self._bump(tx, session_id)
        return self.session(session_id)

    def set_status(self, session_id: str, status: str) -> Session:
        if status not in ("open", "closed"):
            raise ValueError(status)
        with self.backend.transaction() as tx:
            if not tx.execute("UPDATE sessions SET status = :s WHERE id = :id", {"s": status, "id": session_id}):
                raise InputError("error.session_gone")
            self._bump(tx, session_id)
        return self.session(session_id)

    def delete_session(self, session_id: str) -> None:
        """Removes the session and every row that belongs to it, also from the database's log on disk."""
        with self.backend.transaction() as tx:
            tx.execute("DELETE FROM sessions WHERE id = :id", {"id": session_id})
            self._delete_rows(tx, session_id)
        self.backend.forget(SESSION_TABLES)

    @staticmethod
    def _delete_rows(tx, session_id: str) -> None:
        for table in SESSION_TABLES[1:]:
            tx.execute(f"DELETE FROM {table} WHERE session_id = :id", {"id": session_id})

    # ---------------------------------------------------------------- retention
    def set_retention(self, session_id: str, days) -> Session:
        """The facilitator's own retention for this session (1 to 365 days after the last activity)."""
        days = check_retention(days)
        with self.backend.transaction() as tx:
            if not tx.execute("UPDATE sessions SET retention_days = :d WHERE id = :id", {"d": days, "id": session_id}):
                raise InputError("error.session_gone")
            self._bump(tx, session_id)
        return self.session(session_id)

    def purge_expired(self, default_days: int, now: float | None = None) -> int:
        """Delete every session whose retention after its last activity has passed; returns how many.

        Each session goes in its own transaction that asks again whether it is past its retention, so an
        answer that arrives meanwhile (it moves ``updated_at``) keeps its session. Then, once, the
        backend's ``forget``: SQLite's log emptied (``secure_delete`` already overwrote the rows),
        PostgreSQL's tables vacuumed.
        """
        now = time.time() if now is None else now
        expired = "updated_at + COALESCE(retention_days, :days) * :day <= :now"
        params = {"days": int(default_days), "day": DAY, "now": now}
        purged = 0
        for row in self.backend.query(f"SELECT id FROM sessions WHERE {expired}", params):
            with self.backend.transaction() as tx:
                if tx.execute(f"DELETE FROM sessions WHERE id = :id AND {expired}", {**params, "id": row["id"]}):
                    self._delete_rows(tx, row["id"])
                    purged += 1
        if purged:
            self.backend.forget(SESSION_TABLES)
        return purged

    # ------------------------------------------------------------- participants
    def join(self, code: str, group: str, name: str = "", session: Session | None = None) -> Participant:
        """A new participant of ``group``; ``session``: the code's session as the caller just read it (one look-up
        less per join; whether it is still open is checked again inside the write)."""
        if session is None or session.code != normalize_code(code):
            session = self.session_by_code(code)
        if session is None:
            raise InputError("error.unknown_code")
        if not session.is_open:
            raise InputError("error.session_closed")
        if group not in {g.key for g in session.groups}:
            raise InputError("error.choose_group")
        name = clean_text(name, "name", required=False)
        participant = Participant(new_token(), new_ref(), session.id, group, name)
        try:
            with self.backend.transaction() as tx:
                self._join(tx, session, participant)
        except _Posted as posted:  # this join form was sent before: the participant it made
            earlier = self.participant(posted.token)
            if earlier is None:
                raise InputError("error.unknown_participant") from None
            return earlier
        return participant

    def _join(self, tx, session, participant) -> None:
        earlier = self._claim(tx, session.id, participant.token)
        if earlier is not None:
            raise _Posted(earlier)
        if not tx.execute(
            "UPDATE sessions SET revision = revision + 1, updated_at = :now WHERE id = :id AND status = 'open'",
            {"now": time.time(), "id": session.id},
        ):
            raise InputError("error.session_closed")
        tx.execute(
            "INSERT INTO participants (token, ref, session_id, group_key, name, created_at) "
            "VALUES (:t, :r, :s, :g, :n, :now)",
            {
                "t": participant.token,
                "r": participant.ref,
                "s": session.id,
                "g": participant.group_key,
                "n": participant.name,
                "now": time.time(),
            },
        )

    def participant(self, token: str):
        if not token:
            return None
        rows = self.backend.query(
            "SELECT token, ref, session_id, group_key, name FROM participants WHERE token = :t", {"t": token}
        )
        if not rows:
            return None
        r = rows[0]
        return Participant(r["token"], r["ref"], r["session_id"], r["group_key"], r["name"])

    def leave(self, token: str, session_id: str) -> bool:
        """A phone says "I am someone else": its participant goes if it never answered (True), else it stays.

        So a phone that rejoins after a mistaken tap is counted once; someone who answered keeps counting.
        """
        with self.backend.transaction() as tx:
            answered = tx.query(
                "SELECT 1 FROM answers WHERE participant = :t "
                "UNION SELECT 1 FROM answer_history WHERE participant = :t",
                {"t": token},
            )
            if answered or not tx.execute(
                "DELETE FROM participants WHERE token = :t AND session_id = :s", {"t": token, "s": session_id}
            ):
                return False
            tx.execute("DELETE FROM posted_keys WHERE participant = :t", {"t": token})
            self._bump(tx, session_id)
        return True

    def participant_counts(self, session_id: str) -> dict:
        rows = self.backend.query(
            "SELECT group_key, COUNT(*) AS n FROM participants WHERE session_id = :s GROUP BY group_key",
            {"s": session_id},
        )
        return {r["group_key"]: int(r["n"]) for r in rows}

    # ------------------------------------------------------------------ answers
    def submit(
        self,
        token: str,
        activity: str,
        answers: dict,
        replace_all: bool = False,
        most: int | None = None,
        too_many: str = "error.too_many_answers",
    ) -> SubmitResult:
        """Store a participant's answers to ``activity`` (item -> JSON value) in one transaction.

        The same answers again change nothing (idempotent); a changed answer replaces the
        earlier one, which moves to the history (the last ``HISTORY_PER_ITEM`` earlier
        versions of an item are kept). ``replace_all`` also removes the participant's other
        items of this activity (a list the participant edited). ``most``: how many items of
        this activity a participant may hold; counted inside the transaction, so many posts at
        once cannot pass it together (InputError ``too_many``, nothing stored).
        """
        participant = self.participant(token)
        if participant is None:
            raise InputError("error.unknown_participant")
        now = time.time()
        try:
            with self.backend.transaction() as tx:
                if self._claim(tx, participant.session_id, token) is not None:
                    raise _Unchanged()  # this form post was stored before: the same answer, nothing again
                # Lock the session row first (PostgreSQL): a concurrent delete or close waits for us.
                self._lock_open_activity(tx, participant.session_id, activity, now)
                existing = {
                    r["item"]: r
                    for r in tx.query(
                        "SELECT item, value, updated_at FROM answers WHERE participant = :p AND activity = :a",
                        {"p": token, "a": activity},
                    )
                }
                changed = 0
                for item, value in answers.items():
                    text = encode(value)
                    old = existing.get(str(item))
                    if old is not None and old["value"] == text:
                        continue
                    if old is not None:
                        self._archive(tx, participant, activity, old, now)
                        tx.execute(
                            "UPDATE answers SET value = :v, updated_at = :now "
                            "WHERE participant = :p AND activity = :a AND item = :i",
                            {"v": text, "now": now, "p": token, "a": activity, "i": str(item)},
                        )
                    else:
                        tx.execute(
                            "INSERT INTO answers (session_id, participant, activity, item, value, updated_at) "
                            "VALUES (:s, :p, :a, :i, :v, :now)",
                            {
                                "s": participant.session_id,
                                "p": token,
                                "a": activity,
                                "i": str(item),
                                "v": text,
                                "now": now,
                            },
                        )
                    changed += 1
                if replace_all:
                    for item, old in existing.items():
                        if item not in {str(k) for k in answers}:
                            self._archive(tx, participant, activity, old, now)
                            tx.execute(
                                "DELETE FROM answers WHERE participant = :p AND activity = :a AND item = :i",
                                {"p": token, "a": activity, "i": item},
                            )
                            changed += 1
                if most is not None and changed:
                    held = tx.query(
                        "SELECT COUNT(*) AS n FROM answers WHERE participant = :p AND activity = :a",
                        {"p": token, "a": activity},
                    )[0]["n"]
                    if int(held) > most:
                        raise InputError(too_many, max=most)
                if not changed:
                    raise _Unchanged()
        except _Unchanged:
            return SubmitResult(0, self.revision(participant.session_id) or 0)
        return SubmitResult(changed, self.revision(participant.session_id) or 0)

    def _archive(self, tx, participant, activity, old, now) -> None:
        """Keep the earlier version of an answer; of one item only the latest ``HISTORY_PER_ITEM``."""
        where = "participant = :p AND activity = :a AND item = :i"
        keys = {"p": participant.token, "a": activity, "i": old["item"]}
        kept = tx.query(
            f"SELECT replaced_at FROM answer_history WHERE {where} ORDER BY replaced_at DESC LIMIT :n",
            {**keys, "n": HISTORY_PER_ITEM},
        )
        if len(kept) >= HISTORY_PER_ITEM:
            tx.execute(
                f"DELETE FROM answer_history WHERE {where} AND replaced_at <= :oldest",
                {**keys, "oldest": kept[-1]["replaced_at"]},
            )
        tx.execute(
            "INSERT INTO answer_history (session_id, participant, activity, item, value, answered_at, "
            "replaced_at) VALUES (:s, :p, :a, :i, :v, :at, :now)",
            {
                "s": participant.session_id,
                "p": participant.token,
                "a": activity,
                "i": old["item"],
                "v": old["value"],
                "at": old["updated_at"],
                "now": now,
            },
        )

    def retract(self, token: str, activity: str, item: str) -> SubmitResult:
        """Withdraw one answer (it moves to the history); refused once the activity is closed."""
        participant = self.participant(token)
        if participant is None:
            raise InputError("error.unknown_participant")
        now = time.time()
        try:
            with self.backend.transaction() as tx:
                if self._claim(tx, participant.session_id, token) is not None:
                    raise _Unchanged()  # this form post was stored before
                old = self._retract(tx, participant, activity, item, now)
        except _Unchanged:
            return SubmitResult(0, self.revision(participant.session_id) or 0)
        return SubmitResult(len(old), self.revision(participant.session_id) or 0)

    def _retract(self, tx, participant, activity: str, item: str, now: float) -> list:
        token = participant.token
        self._lock_open_activity(tx, participant.session_id, activity, now)
        old = tx.query(
            "SELECT item, value, updated_at FROM answers WHERE participant = :p AND activity = :a AND item = :i",
            {"p": token, "a": activity, "i": str(item)},
        )
        if old:
            self._archive(tx, participant, activity, old[0], now)
            tx.execute(
                "DELETE FROM answers WHERE participant = :p AND activity = :a AND item = :i",
                {"p": token, "a": activity, "i": str(item)},
            )
        return old

    def _lock_open_activity(self, tx, session_id: str, activity: str, now: float) -> None:
        """Raise the revision, locking the session row (PostgreSQL); refuse if closed or gone."""
        if not tx.execute(
            "UPDATE sessions SET revision = revision + 1, updated_at = :now WHERE id = :id AND status = 'open'",
            {"now": now, "id": session_id},
        ):
            gone = not tx.query("SELECT 1 FROM sessions WHERE id = :id", {"id": session_id})
            raise InputError("error.session_gone" if gone else "error.session_closed")
        row = tx.query("SELECT open_activities FROM sessions WHERE id = :id", {"id": session_id})[0]
        if activity not in json.loads(row["open_activities"]):
            raise InputError("error.activity_closed")

    # --------------------------------------------------------- facilitator state
    def set_state(self, session_id: str, activity: str, key: str, value) -> None:
        """A facilitator setting of one activity (e.g. merges, 'show to participants')."""
        self.set_states(session_id, activity, {key: value})

    def set_states(self, session_id: str, activity: str, values: dict) -> None:
        """Several settings of one activity in one transaction: all stored, or none."""
        with self.backend.transaction() as tx:
            if not tx.query("SELECT 1 FROM sessions WHERE id = :id", {"id": session_id}):
                raise InputError("error.session_gone")
            for key, value in values.items():
                tx.execute(
                    "DELETE FROM activity_state WHERE session_id = :s AND activity = :a AND key = :k",
                    {"s": session_id, "a": activity, "k": key},
                )
                tx.execute(
                    "INSERT INTO activity_state (session_id, activity, key, value, updated_at) "
                    "VALUES (:s, :a, :k, :v, :now)",
                    {"s": session_id, "a": activity, "k": key, "v": encode(value), "now": time.time()},
                )
            self._bump(tx, session_id)

    def state(self, session_id: str, activity: str) -> dict[str, Any]:
        rows = self.backend.query(
            "SELECT key, value FROM activity_state WHERE session_id = :s AND activity = :a",
            {"s": session_id, "a": activity},
        )
        return {r["key"]: decode(r["value"]) for r in rows}

    def states(self, session_id: str) -> dict[str, dict[str, Any]]:
        """Every activity's settings of a session in one query, ``{activity: state}`` (a page asks for several)."""
        rows = self.backend.query(
            "SELECT activity, key, value FROM activity_state WHERE session_id = :s", {"s": session_id}
        )
        found: dict[str, dict[str, Any]] = {}
        for r in rows:
            found.setdefault(r["activity"], {})[r["key"]] = decode(r["value"])
        return found

    def my_answers(self, token: str, activity: str) -> dict[str, Any]:
        """A participant's own answers to ``activity``: ``{item: value}``, in the order given."""
        rows = self.backend.query(
            "SELECT item, value FROM answers WHERE participant = :p AND activity = :a ORDER BY updated_at, item",
            {"p": token, "a": activity},
        )
        return {r["item"]: decode(r["value"]) for r in rows}

    def answers(self, session_id: str, activity: str | None = None, everything: bool = False) -> list[Answer]:
        """The current answers as the room may see them (``moderate``: no hidden or unapproved text), with the
        participant's public ref and group (no tokens); ``everything``: every text, for the facilitator's files."""
        answers = self._answers(session_id, activity)
        return answers if everything else moderate(answers, self.moderation(session_id))

    def _answers(self, session_id: str, activity: str | None = None) -> list[Answer]:
        sql = (
            "SELECT a.activity, a.item, a.value, a.updated_at, p.ref, p.group_key FROM answers a "
            "JOIN participants p ON p.token = a.participant WHERE a.session_id = :s"
        )
        params = {"s": session_id}
        if activity:
            sql += " AND a.activity = :a"
            params["a"] = activity
        rows = self.backend.query(sql + " ORDER BY a.updated_at, p.ref, a.item", params)
        return [
            Answer(
                activity=r["activity"],
                participant=r["ref"],
                group=r["group_key"],
                item=r["item"],
                value=decode(r["value"]),
                updated_at=r["updated_at"],
            )
            for r in rows
        ]

    # --------------------------------------------------------------- moderation
    def moderation(self, session_id: str) -> Moderation:
        """The session's moderation (``widgets.model.moderation``); nothing withheld for a session that is gone."""
        first = self.backend.query("SELECT approve_first FROM sessions WHERE id = :s", {"s": session_id})
        rows = self.backend.query(
            "SELECT participant, activity, item, part, hidden, approved FROM moderation WHERE session_id = :s",
            {"s": session_id},
        )
        key = lambda r: (r["activity"], r["participant"], r["item"], r["part"])  # noqa: E731
        return Moderation(
            approve_first=bool(first and first[0]["approve_first"]),
            hidden=frozenset(key(r) for r in rows if r["hidden"]),
            approved={key(r): r["approved"] for r in rows if r["approved"]},
        )

    def set_approve_first(self, session_id: str, on: bool) -> None:
        """ "Teksten eerst goedkeuren": from now on a text reaches the room only once approved."""
        with self.backend.transaction() as tx:
            if not tx.execute(
                "UPDATE sessions SET approve_first = :on WHERE id = :id", {"on": 1 if on else 0, "id": session_id}
            ):
                raise InputError("error.session_gone")
            self._bump(tx, session_id)

    def hide_text(self, session_id: str, key: Key, hidden: bool = True) -> None:
        """Hide a participant's text from the room, or show it again (``hidden=False``)."""
        self._moderate(session_id, key, hidden=hidden)

    def approve_text(self, session_id: str, key: Key, fingerprint: str) -> None:
        """Approve the text with this ``fingerprint`` (the words the facilitator read); a changed text waits again."""
        self._moderate(session_id, key, approved=fingerprint)

    def approve_texts(self, session_id: str, approvals: Iterable[tuple[Key, str]]) -> None:
        """Approve several texts (``(key, fingerprint)``) in one transaction: all of them, or none."""
        with self.backend.transaction() as tx:
            for key, fingerprint in approvals:
                self._moderate_in(tx, session_id, key, None, fingerprint)
            self._bump(tx, session_id)

    def _moderate(self, session_id: str, key: Key, hidden: bool | None = None, approved: str | None = None) -> None:
        with self.backend.transaction() as tx:
            self._moderate_in(tx, session_id, key, hidden, approved)
            self._bump(tx, session_id)

    def _moderate_in(self, tx, session_id: str, key: Key, hidden: bool | None, approved: str | None) -> None:
        activity, ref, item, part = key
        if not tx.query("SELECT 1 FROM participants WHERE session_id = :s AND ref = :r", {"s": session_id, "r": ref}):
            raise InputError("error.unknown_participant")
        where = "session_id = :s AND participant = :p AND activity = :a AND item = :i AND part = :part"
        keys = {"s": session_id, "p": ref, "a": activity, "i": item, "part": part}
        old = tx.query(f"SELECT hidden, approved FROM moderation WHERE {where}", keys)
        now_hidden = bool(old and old[0]["hidden"]) if hidden is None else hidden
        now_approved = (old[0]["approved"] if old else "") if approved is None else approved
        tx.execute(f"DELETE FROM moderation WHERE {where}", keys)
        if now_hidden or now_approved:
            tx.execute(
                "INSERT INTO moderation (session_id, participant, activity, item, part, hidden, approved, "
                "updated_at) VALUES (:s, :p, :a, :i, :part, :h, :ok, :now)",
                {**keys, "h": 1 if now_hidden else 0, "ok": now_approved, "now": time.time()},
            )

    def _merge_moderation(self, tx, session_id: str, moderation: Moderation) -> None:
        """An import's moderation, added to the session's: a text hidden in either stays hidden, an approval kept."""
        if moderation.approve_first:
            tx.execute("UPDATE sessions SET approve_first = 1 WHERE id = :id", {"id": session_id})
        for key in set(moderation.hidden) | set(moderation.approved):
            activity, ref, item, part = key
            keys = {"s": session_id, "p": ref, "a": activity, "i": item, "part": part}
            where = "session_id = :s AND participant = :p AND activity = :a AND item = :i AND part = :part"
            old = tx.query(f"SELECT hidden, approved FROM moderation WHERE {where}", keys)
            hidden = key in moderation.hidden or bool(old and old[0]["hidden"])
            approved = (old[0]["approved"] if old else "") or moderation.approved.get(key, "")
            tx.execute(f"DELETE FROM moderation WHERE {where}", keys)
            tx.execute(
                "INSERT INTO moderation (session_id, participant, activity, item, part, hidden, approved, "
                "updated_at) VALUES (:s, :p, :a, :i, :part, :h, :ok, :now)",
                {**keys, "h": 1 if hidden else 0, "ok": approved, "now": time.time()},
            )

    def participant_answers(self, session_id: str) -> list[tuple[str, str, str, float, int]]:
        """``(ref, group, name, joined, how many answers)`` of every participant of the session, in the order they
        joined (``joined`` in Unix seconds; ``name`` as they gave it, or "")."""
        rows = self.backend.query(
            "SELECT p.ref, p.group_key, p.name, p.created_at, COUNT(a.item) AS n FROM participants p "
            "LEFT JOIN answers a ON a.participant = p.token WHERE p.session_id = :s "
            "GROUP BY p.ref, p.group_key, p.name, p.created_at "
            "ORDER BY p.created_at, p.ref",
            {"s": session_id},
        )
        return [(r["ref"], r["group_key"], r["name"] or "", float(r["created_at"]), int(r["n"])) for r in rows]

    def remove_participant(self, session_id: str, ref: str) -> int:
        """Remove a participant and everything they gave from the session (their answers, history, moderation);
        returns how many answers went. Their phone is a stranger afterwards and may join again."""
        with self.backend.transaction() as tx:
            rows = tx.query(
                "SELECT token FROM participants WHERE session_id = :s AND ref = :r", {"s": session_id, "r": ref}
            )
            if not rows:
                raise InputError("error.unknown_participant")
            token = rows[0]["token"]
            gone = int(tx.query("SELECT COUNT(*) AS n FROM answers WHERE participant = :p", {"p": token})[0]["n"])
            for table in ("answers", "answer_history", "posted_keys"):
                tx.execute(
                    f"DELETE FROM {table} WHERE session_id = :s AND participant = :p", {"s": session_id, "p": token}
                )
            tx.execute("DELETE FROM moderation WHERE session_id = :s AND participant = :r", {"s": session_id, "r": ref})
            tx.execute("DELETE FROM participants WHERE token = :t", {"t": token})
            self._bump(tx, session_id)
        self.backend.forget(("participants", "answers", "answer_history", "posted_keys", "moderation"))
        return gone

    def answer_counts(self, session_id: str) -> dict:
        """``{activity: {group: participants who answered}}``, for the live dashboard."""
        rows = self.backend.query(
            "SELECT a.activity, p.group_key, COUNT(DISTINCT a.participant) AS n FROM answers a "
            "JOIN participants p ON p.token = a.participant WHERE a.session_id = :s "
            "GROUP BY a.activity, p.group_key",
            {"s": session_id},
        )
        counts: dict[str, dict[str, int]] = {}
        for r in rows:
            counts.setdefault(r["activity"], {})[r["group_key"]] = int(r["n"])
        return counts

    def history_count(self, session_id: str) -> int:
        return int(
            self.backend.query("SELECT COUNT(*) AS n FROM answer_history WHERE session_id = :s", {"s": session_id})[0][
                "n"
            ]
        )

    # ------------------------------------------------------------------- import
    def merge(
        self, session_id: str, groups, participants, answers: Iterable[Answer], moderation: Moderation | None = None
    ) -> dict:
        """Add exported or paper records to a session without duplicates (one transaction).

        Groups are matched by key, participants by their public ref, answers by
        (participant, activity, item); of two versions of an answer the newer stays.
        """
        added = {"groups": 0, "participants": 0, "answers": 0}
        now = time.time()
        with self.backend.transaction() as tx:
            if not tx.query("SELECT 1 FROM sessions WHERE id = :id", {"id": session_id}):
                raise InputError("error.session_gone")
            known_groups = {
                r["key"]
                for r in tx.query("SELECT key FROM stakeholder_groups WHERE session_id = :s", {"s": session_id})
            }
            position = len(known_groups)
            for label in groups:
                label = clean_text(label, "group")
                if group_key(label) not in known_groups:
                    tx.execute(
                        "INSERT INTO stakeholder_groups (session_id, key, label, position) VALUES (:s, :k, :l, :p)",
                        {"s": session_id, "k": group_key(label), "l": label, "p": position},
                    )
                    known_groups.add(group_key(label))
                    position += 1
                    added["groups"] += 1
            tokens = {
                r["ref"]: r["token"]
                for r in tx.query("SELECT ref, token FROM participants WHERE session_id = :s", {"s": session_id})
            }
            for p in participants:
                ref = clean_text(p["ref"], "name")
                if ref in tokens:
                    continue
                if p["group"] not in known_groups:
                    raise InputError("error.import_unknown_group", group=p["group"])
                tokens[ref] = new_token()
                tx.execute(
                    "INSERT INTO participants (token, ref, session_id, group_key, name, created_at) "
                    "VALUES (:t, :r, :s, :g, :n, :now)",
                    {
                        "t": tokens[ref],
                        "r": ref,
                        "s": session_id,
                        "g": p["group"],
                        "n": clean_text(p.get("name", ""), "name", required=False),
                        "now": now,
                    },
                )
                added["participants"] += 1
            for a in answers:
                token = tokens.get(a.participant)
                if token is None:
                    raise InputError("error.import_unknown_participant", ref=a.participant)
                text, stamp = encode(a.value), float(a.updated_at or now)
                old = tx.query(
                    "SELECT item, value, updated_at FROM answers WHERE participant = :p AND activity = :a "
                    "AND item = :i",
                    {"p": token, "a": a.activity, "i": str(a.item)},
                )
                if old and (old[0]["value"] == text or float(old[0]["updated_at"]) >= stamp):
                    continue
                if old:  # the replaced answer goes to the history, as with an answer from a phone
                    owner = SimpleNamespace(session_id=session_id, token=token)
                    self._archive(tx, owner, a.activity, old[0], now)
                tx.execute(
                    "DELETE FROM answers WHERE participant = :p AND activity = :a AND item = :i",
                    {"p": token, "a": a.activity, "i": str(a.item)},
                )
                tx.execute(
                    "INSERT INTO answers (session_id, participant, activity, item, value, updated_at) "
                    "VALUES (:s, :p, :a, :i, :v, :at)",
                    {"s": session_id, "p": token, "a": a.activity, "i": str(a.item), "v": text, "at": stamp},
                )
                added["answers"] += 1
            if moderation is not None:
                self._merge_moderation(tx, session_id, moderation)
            self._bump(tx, session_id)
        return added
