"""Workshop sessions: join codes, facilitator keys, stakeholder groups, activities."""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field

from ..activities import CORE, KEYS
from ..i18n import normalize_language
from ..settings import LEAST_RETENTION_DAYS, MOST_RETENTION_DAYS
from .validation import InputError, clean_text

# No look-alikes: 0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B are left out.
JOIN_ALPHABET = "ACEFGHJKMNPRTUVWXY34679"
CODE_LENGTH = 6

# The activities of a publieke waarde tafel (*Werken aan publieke waarde*, Box 5.5), in the order it runs
# them: a new session has these unless the facilitator picks others. Every activity a session can have is
# a folder of ``widgets.activities``, in the order the dashboard lists them.
TAFEL = CORE
ACTIVITIES = KEYS

# Stakeholder groups of *Werken aan publieke waarde* (§1.3, Bijlage 2), plus residents. The
# facilitator's form offers them in the session's language (catalog "facilitator.default_groups").
DEFAULT_GROUPS = ("Bestuurlijk-politiek", "Ambtelijk", "Maatschappelijke partner", "Inwoner")

# Opgaven with an example palette and national reference in *Werken aan publieke waarde*.
TOPICS = ("wonen", "arbeidsintegratie", "lokale democratie", "verkeersbeleid")

# An activity's setting that shows the room's results on the phones and the screen: the dashboard's switch.
REVEAL = "reveal"
DAY = 24 * 60 * 60  # seconds


def check_retention(days) -> int:
    """Days a session is kept after its last activity, as a facilitator typed them: 1 to a year, or InputError."""
    try:
        value = int(str(days).strip())
    except ValueError:
        raise InputError("error.retention_days", least=LEAST_RETENTION_DAYS, most=MOST_RETENTION_DAYS) from None
    if not LEAST_RETENTION_DAYS <= value <= MOST_RETENTION_DAYS:
        raise InputError("error.retention_days", least=LEAST_RETENTION_DAYS, most=MOST_RETENTION_DAYS)
    return value


@dataclass(frozen=True)
class Group:
    key: str
    label: str


@dataclass(frozen=True)
class Session:
    id: str
    code: str
    title: str
    topic: str
    municipality: str
    language: str
    activities: tuple
    open_activities: tuple
    status: str  # "open" or "closed"
    groups: tuple = ()
    revision: int = 0
    created_at: float = 0.0
    updated_at: float = 0.0  # the last write to the session (a join, an answer, a facilitator's change)
    retention_days: int | None = None  # the facilitator's own choice; None: the kit's (``settings.retention_days``)

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def purge_at(self, default_days: int) -> float:
        """When the kit deletes this session by itself: its retention after the last activity (Unix seconds)."""
        return self.updated_at + (self.retention_days or default_days) * DAY

    def group_label(self, key: str) -> str:
        return next((g.label for g in self.groups if g.key == key), key)


@dataclass(frozen=True)
class Participant:
    token: str  # secret: identifies the participant's browser
    ref: str  # public: used in exports instead of the token
    session_id: str
    group_key: str
    name: str = ""


@dataclass
class SessionSpec:
    """What the facilitator fills in to create a session (validated by ``cleaned``)."""

    title: str
    topic: str
    municipality: str = ""
    language: str = "nl"
    activities: tuple = TAFEL
    groups: tuple = field(default_factory=lambda: DEFAULT_GROUPS)

    def cleaned(self) -> "SessionSpec":
        groups = tuple(clean_text(g, "group") for g in self.groups if str(g).strip())
        if not groups:
            raise InputError("error.no_groups")
        keys = [group_key(g) for g in groups]
        if len(set(keys)) != len(keys):
            raise InputError("error.duplicate_groups")
        unknown = [a for a in self.activities if a not in ACTIVITIES]
        if unknown:
            raise InputError("error.unknown_activity", name=unknown[0])
        return SessionSpec(
            title=clean_text(self.title, "title"),
            topic=clean_text(self.topic, "topic"),
            municipality=clean_text(self.municipality, "municipality", required=False),
            language=normalize_language(self.language),  # a language the kit has a catalog for
            activities=tuple(a for a in ACTIVITIES if a in self.activities),
            groups=groups,
        )


def group_key(label: str) -> str:
    """A stable key for a group label: lower case, letters and digits joined by '-'."""
    key = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    return key or hashlib.sha256(label.encode()).hexdigest()[:8]


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text) -> str:
    """What a participant typed, as a code: upper case, spaces and dashes removed."""
    return re.sub(r"[\s\-]+", "", str(text or "")).upper()


def is_valid_code(code: str) -> bool:
    return len(code) == CODE_LENGTH and all(c in JOIN_ALPHABET for c in code)


def new_facilitator_key() -> str:
    """About 190 bits, URL-safe: never guessable from the join code."""
    return secrets.token_urlsafe(24)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def key_matches(key: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_key(key or ""), stored_hash or "")


def new_token() -> str:
    return secrets.token_urlsafe(16)


def new_ref() -> str:
    return "d-" + secrets.token_hex(5)
