"""Small building blocks shared by the kit's views."""

import json
from html import escape

import ipywidgets as w

from ..i18n import normalize_language
from ..request import page_params
from ..texts import topic_label


def page_language(params=None) -> str:
    params = page_params() if params is None else params
    return normalize_language(params.get("lang"))


def marker(params=None, session=None, key="") -> str:
    """Hidden element the kit template's script turns into URL parameters and a facilitator cookie.

    With ``session`` (a code) the script posts ``key`` to the kit's server, whose answer sets that
    session's facilitator cookie (HttpOnly: no script can read it); an empty key removes it.
    """
    attrs = ""
    if params is not None:
        attrs += f" data-kit-params='{escape(json.dumps(params), quote=True)}'"
    if session:
        attrs += f' data-kit-key-session="{escape(session, quote=True)}" data-kit-key="{escape(key, quote=True)}"'
    return f'<span class="kit-marker" hidden{attrs}></span>'


class Message(w.HTML):
    """A feedback line under a form: error, ok or info, always escaped."""

    def show(self, text: str, kind: str = "info", scroll: bool = False) -> None:
        """``scroll``: the page's script brings the line into view (an error beside a field far from the button)."""
        into_view = " data-kit-scroll" if scroll else ""
        self.value = f'<div class="kit-message kit-message-{kind}" role="status"{into_view}>{escape(text)}</div>'

    def clear(self) -> None:
        self.value = ""


def replace_children(box, children) -> None:
    """Put ``children`` in ``box`` and close the widgets that left it (rebuilt rows would pile up in the kernel)."""
    keep = {id(child) for child in children}
    old = [child for child in box.children if id(child) not in keep]
    box.children = list(children)
    for child in old:
        close_tree(child)


def close_tree(widget) -> None:
    """Close a widget with its children, layout and style (closing a widget leaves those open)."""
    for child in getattr(widget, "children", ()):
        close_tree(child)
    for part in (getattr(widget, "layout", None), getattr(widget, "style", None)):
        if part is not None:
            part.close()
    widget.close()


class RevealSwitch(w.ToggleButton):
    """'Show to participants' for one activity, kept as that activity's ``reveal`` state in the store."""

    def __init__(self, store, session, activity: str, description: str, css_class: str, guard=None):
        super().__init__(description=description, value=False)
        self.store, self.session_id, self.activity = store, session.id, activity
        self.guard = guard  # failures.StoreGuard: a failed save is said in the view's message line
        self._reverting = False
        self.add_class(css_class)
        self.observe(self._changed, "value")

    def _changed(self, change) -> None:
        if self._reverting:
            return
        if self.guard is None:
            self._save(change["new"])
        elif not self.guard.run(self._save, change["new"]):
            self._reverting = True  # not stored: the switch shows what the participants see
            try:
                self.value = change["old"]
            finally:
                self._reverting = False

    def _save(self, value) -> None:
        if value != self.stored():
            self.store.set_state(self.session_id, self.activity, "reveal", bool(value))

    def stored(self) -> bool:
        return bool(self.store.state(self.session_id, self.activity).get("reveal"))

    def sync(self) -> None:
        self.value = self.stored()


__all__ = ["Message", "RevealSwitch", "marker", "page_language", "replace_children", "topic_label"]
