"""The URL rules of the participant pages: every handler module's ``default_handlers``, joined in order.

Tornado takes the first rule that matches, so the order is part of the routes: the activity pages'
rule (``<CODE>/<key>[/<step>]``) would also match the screen's, the files' and the results' addresses
and comes last. No handler module builds routes from its siblings; this one only joins their lists.
"""

from . import activity, base, downloads, events, join, notice, presenter, results

# notice before join: ``privacy`` would otherwise be taken for a session's code
MODULES = (presenter, downloads, results, base, notice, join, events, activity)


def handlers(base_url: str, kit) -> list:
    """The URL rules under ``base_url`` (which ends in '/'); a rule's own options replace the shared ones."""
    options = {"kit": kit, "base_url": base_url}
    root = f"{base_url}kit"
    return [
        (f"{root}{pattern}", handler, *(own or [options]))
        for module in MODULES
        for pattern, handler, *own in module.default_handlers
    ]
