"""eigen in a follow-up session: the same own statements again, so their scores can be compared."""

from .model import ACTIVITY, STATE, stored_statements


def carry(store, session, previous: dict) -> None:
    """The facilitator's statements of the earlier session, copied into the follow-up's state."""
    own = stored_statements(previous.get("state", {}).get(ACTIVITY, {}))
    if own:
        store.set_state(session.id, ACTIVITY, STATE, own)
