"""The store's tables and their migrations.

``MIGRATIONS[n]`` brings a database from version n to n+1; ``migrate`` applies
the missing ones in one transaction each and records the version. Add a new
entry at the end for any change; never edit an applied one.
"""

MIGRATIONS = [
    # 0 -> 1: sessions, groups, participants, answers with history
    [
        """CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            key_hash TEXT NOT NULL,
            title TEXT NOT NULL,
            topic TEXT NOT NULL,
            municipality TEXT NOT NULL,
            language TEXT NOT NULL,
            activities TEXT NOT NULL,
            open_activities TEXT NOT NULL,
            status TEXT NOT NULL,
            revision BIGINT NOT NULL,
            created_at DOUBLE PRECISION NOT NULL,
            updated_at DOUBLE PRECISION NOT NULL
        )""",
        """CREATE TABLE stakeholder_groups (
            session_id TEXT NOT NULL,
            key TEXT NOT NULL,
            label TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (session_id, key)
        )""",
        """CREATE TABLE participants (
            token TEXT PRIMARY KEY,
            ref TEXT NOT NULL,
            session_id TEXT NOT NULL,
            group_key TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at DOUBLE PRECISION NOT NULL,
            UNIQUE (session_id, ref)
        )""",
        "CREATE INDEX participants_session ON participants (session_id)",
        """CREATE TABLE answers (
            session_id TEXT NOT NULL,
            participant TEXT NOT NULL,
            activity TEXT NOT NULL,
            item TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (participant, activity, item)
        )""",
        "CREATE INDEX answers_session ON answers (session_id, activity)",
        """CREATE TABLE answer_history (
            session_id TEXT NOT NULL,
            participant TEXT NOT NULL,
            activity TEXT NOT NULL,
            item TEXT NOT NULL,
            value TEXT NOT NULL,
            answered_at DOUBLE PRECISION NOT NULL,
            replaced_at DOUBLE PRECISION NOT NULL
        )""",
        "CREATE INDEX answer_history_session ON answer_history (session_id)",
    ],
    # 1 -> 2: the facilitator's settings per activity (merges, what is shown to participants)
    [
        """CREATE TABLE activity_state (
            session_id TEXT NOT NULL,
            activity TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (session_id, activity, key)
        )""",
    ],
    # 2 -> 3: the idempotency keys of participants' form posts (a resend through a proxy stores nothing twice)
    [
        """CREATE TABLE posted_keys (
            key_hash TEXT PRIMARY KEY,
            session_id TEXT NOT NULL,
            participant TEXT NOT NULL,
            created_at DOUBLE PRECISION NOT NULL
        )""",
        "CREATE INDEX posted_keys_participant ON posted_keys (participant, created_at)",
        "CREATE INDEX posted_keys_session ON posted_keys (session_id)",
    ],
    # 3 -> 4: moderation: participants' texts hidden from or approved for the room, and "Teksten eerst goedkeuren"
    [
        """CREATE TABLE moderation (
            session_id TEXT NOT NULL,
            participant TEXT NOT NULL,
            activity TEXT NOT NULL,
            item TEXT NOT NULL,
            part TEXT NOT NULL,
            hidden INTEGER NOT NULL,
            approved TEXT NOT NULL,
            updated_at DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (session_id, participant, activity, item, part)
        )""",
        "ALTER TABLE sessions ADD COLUMN approve_first INTEGER NOT NULL DEFAULT 0",
    ],
    # 4 -> 5: how long a session is kept after its last activity, if its facilitator chose (NULL: the kit's setting)
    [
        "ALTER TABLE sessions ADD COLUMN retention_days INTEGER",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)


def current_version(backend) -> int:
    try:
        rows = backend.query("SELECT version FROM kit_schema")
    except Exception:
        return 0
    return rows[0]["version"] if rows else 0


def _lock_migrations(backend, tx) -> None:
    """PostgreSQL: one migrating process at a time (SQLite's IMMEDIATE already serialises)."""
    if backend.dialect == "postgresql":
        tx.query("SELECT pg_advisory_xact_lock(724231)")


def migrate(backend) -> int:
    """Bring the database to SCHEMA_VERSION; safe to call from many processes at once."""
    if current_version(backend) == SCHEMA_VERSION:
        return SCHEMA_VERSION
    with backend.transaction() as tx:
        _lock_migrations(backend, tx)
        tx.execute("CREATE TABLE IF NOT EXISTS kit_schema (version INTEGER NOT NULL)")
        rows = tx.query("SELECT version FROM kit_schema")
        if not rows:
            tx.execute("INSERT INTO kit_schema (version) VALUES (0)")
    version = current_version(backend)
    while version < SCHEMA_VERSION:
        with backend.transaction() as tx:
            _lock_migrations(backend, tx)
            # re-read inside the write transaction: another process may have migrated meanwhile
            version = tx.query("SELECT version FROM kit_schema")[0]["version"]
            if version >= SCHEMA_VERSION:
                break
            for statement in MIGRATIONS[version]:
                tx.execute(statement)
            tx.execute("UPDATE kit_schema SET version = :v", {"v": version + 1})
            version += 1
    return current_version(backend)
