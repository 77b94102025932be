"""Prioriteren's HTML of its own: the follow-up's change (its results are ``results.blocks``, drawn by the kit)."""

from ...render.followup import fragment


def followup_html(change, frame, chart="") -> str:
    """Each value's share of all points then and now, biggest move first."""
    return fragment("prioriteren_followup.html", change, frame, chart)
