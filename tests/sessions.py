"""One way for model and render tests to make a session by hand: only what the test is about is spelled out."""

from widgets.model.sessions import Group, Session


def a_session(
    activities: tuple[str, ...],
    groups: tuple[tuple[str, str], ...],
    *,
    open_activities: tuple[str, ...] = (),
    title: str = "Woonvisie",
    municipality: str = "Gouda",
    id: str = "s",
) -> Session:
    """An open Dutch session on wonen with code ABC123; ``groups`` as (key, label) pairs, in their order."""
    return Session(
        id=id,
        code="ABC123",
        title=title,
        topic="wonen",
        municipality=municipality,
        language="nl",
        activities=activities,
        open_activities=open_activities,
        status="open",
        groups=tuple(Group(key, label) for key, label in groups),
    )
