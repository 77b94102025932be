"""A team answering a published survey's statements and comparing (*Village Deals*, Afbeelding 4).

The team counts hands per statement; percentages make a small team comparable
with the survey's respondents. Nothing is stored.
"""

from .validation import InputError

MAX_TEAM = 500


def team_percentages(counts) -> list:
    """Percentages per answer for one statement's counts, or InputError (Dutch message key)."""
    values = []
    for count in counts:
        if count is None or count == "":
            values.append(0)
            continue
        try:
            value = int(count)
        except (TypeError, ValueError):
            raise InputError("error.survey_not_a_number") from None
        if value < 0:
            raise InputError("error.survey_negative")
        values.append(value)
    total = sum(values)
    if total == 0:
        raise InputError("error.survey_empty")
    if total > MAX_TEAM:
        raise InputError("error.survey_too_many", max=MAX_TEAM)
    return [100 * v / total for v in values]


def compare(published, team_counts) -> list:
    """Per statement ``(published percentages, team percentages or None)``; all-empty rows are skipped.

    Raises InputError when no statement was answered or a row has a bad count.
    """
    out: list[tuple[list, list | None]] = []
    answered = 0
    for percentages, counts in zip(published, team_counts, strict=False):
        if all(c in (None, "", 0) for c in counts):
            out.append((list(percentages), None))
            continue
        out.append((list(percentages), team_percentages(counts)))
        answered += 1
    if not answered:
        raise InputError("error.survey_empty")
    return out
