"""Prioriteren on a phone: spread exactly 100 points over the group's merged palette values.

Each value has a number field named after its key (``points.<key>``), so what was typed
follows the value, not its place in the list, when the list changes under the participant
(a new palette value, a merge, the facilitator's selection) or the script refreshes the page.
The script adds +/- steppers and keeps the counter up to date; without it the counter is
the server's and every refusal says what to change.
"""

from ...i18n import error_message
from ...model.validation import InputError
from ...web.pages import ActivityPage
from ..palet.model import ACTIVITY as PALETTE
from .model import ACTIVITY, ITEM, POINTS, check_allocation, spreadable_values
from .results import blocks

PREFIX = "points."
STEP = 5


def typed_total(typed: dict) -> int:
    """What the counter adds up (as the script does): whole numbers above zero, anything else counts 0."""
    total = 0
    for text in typed.values():
        try:
            number = int(float(str(text).strip()))
        except (TypeError, ValueError, OverflowError):
            continue
        total += max(number, 0)
    return total


class Page(ActivityPage):
    key = ACTIVITY

    def values(self, visit, selection=None) -> list:
        """``[(key, label, mentions)]``: the merged palette, narrowed to the facilitator's selection."""
        store, session = visit.store, visit.session
        if selection is None:
            selection = store.state(session.id, ACTIVITY).get("selection") or []
        merges = store.state(session.id, PALETTE).get("merges")
        return spreadable_values(store.answers(session.id, PALETTE), merges, selection)

    def stored(self, visit) -> dict:
        return visit.store.my_answers(visit.participant.token, ACTIVITY).get(ITEM) or {}

    def get(self, visit, rest: str):
        if rest:
            return visit.redirect(ACTIVITY)
        stored = self.stored(visit)
        notice = visit.t("prioriteren.saved") if visit.extra.get("ok") == "saved" and stored else ""
        typed = {key: str(points) for key, points in stored.items()}
        return self.page(visit, stored, typed, notice=notice)

    def post(self, visit, rest: str, form):
        values = self.values(visit)
        allowed = [key for key, _, _ in values]
        posted = form.items_with_prefix(PREFIX)
        typed = {key: text.strip() for key, text in posted.items()}
        allocation = {key: text for key, text in typed.items() if text}  # an empty field: no points
        stored = self.stored(visit)
        try:
            cleaned = check_allocation(allocation, allowed)
        except InputError as error:
            return self.page(
                visit, stored, typed, values=values, errors=self.refusal(visit, error, allocation, allowed, values)
            )
        message = visit.save(lambda: visit.store.submit(visit.participant.token, ACTIVITY, {ITEM: cleaned}))
        if message:
            return self.page(visit, stored, typed, values=values, errors={"points": message})
        return self.landing(visit, f"{ACTIVITY}?ok=saved")

    def refusal(self, visit, error, allocation, allowed, values) -> dict:
        """The message above the field that is wrong (a number), or above the whole list (the total)."""
        if error.key == "prioriteren.error.number":
            field_ids = {key: f"points-{i}" for i, (key, _, _) in enumerate(values, start=1)}
            for key, text in allocation.items():
                try:
                    check_allocation({key: text}, allowed)
                except InputError as single:
                    if single.key == "prioriteren.error.number" and key in field_ids:
                        return {field_ids[key]: error_message(single, visit.lang)}
        return {"points": error_message(error, visit.lang)}

    def page(self, visit, stored, typed, values=None, errors=None, notice="", status=200):
        values = self.values(visit) if values is None else values
        fields = [
            {
                "id": f"points-{i}",
                "name": PREFIX + key,
                "key": key,
                "label": label,
                "mentions": mentions,
                "value": typed.get(key, ""),
            }
            for i, (key, label, mentions) in enumerate(values, start=1)
        ]
        left = POINTS - typed_total({f["key"]: f["value"] for f in fields})
        labels = {key: label for key, label, _ in self.values(visit, selection=())} if stored else {}
        mine = sorted(
            ((labels.get(key, key), points) for key, points in stored.items() if points),
            key=lambda row: (-row[1], row[0].lower()),
        )
        return visit.render(
            "prioriteren.html",
            status,
            fields=fields,
            errors=errors or {},
            notice=notice,
            left=left,
            total=POINTS,
            step=STEP,
            mine=mine,
            action=self.url(visit),
            results=self.room_results(visit),
        )

    def blocks(self, visit) -> list:
        """The ranking's block (``results.blocks``), of the points now and the palette's values they went to."""
        store, session = visit.store, visit.session
        answers = {key: store.answers(session.id, key) for key in (ACTIVITY, PALETTE)}
        state = {key: store.state(session.id, key) for key in (ACTIVITY, PALETTE)}
        return blocks(answers, state, session, visit.lang)
