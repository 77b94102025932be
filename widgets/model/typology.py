"""The typology of public values (*Werken aan publieke waarde*, §1.2.1, Tabel 1.1).

Two perspectives (individual, collective) by three kinds (material,
immaterial, process). In the book's tables the process column often spans
both perspectives; such values carry the perspective ``beide``.
"""

import random
from dataclasses import dataclass

PERSPECTIVES = ("individueel", "collectief")
KINDS = ("materieel", "immaterieel", "proces")
CELLS = tuple((perspective, kind) for perspective in PERSPECTIVES for kind in KINDS)


@dataclass(frozen=True)
class PaletteValue:
    table: str
    topic: str
    perspective: str  # individueel | collectief | beide
    kind: str  # materieel | immaterieel | proces
    value: str


def placement_is_right(value: PaletteValue, perspective: str, kind: str) -> bool:
    """Whether placing ``value`` in a cell agrees with the book."""
    if kind != value.kind:
        return False
    return value.perspective == "beide" or perspective == value.perspective


def palette_values(rows) -> list:
    return [PaletteValue(r["table"], r["topic"], r["perspective"], r["kind"], r["value"]) for r in rows]


def sample_values(values, n: int, seed=None) -> list:
    """``n`` values spread over as many cells as possible, in shuffled order."""
    rng = random.Random(seed)
    by_cell: dict[tuple[str, str], list[PaletteValue]] = {}
    for value in values:
        by_cell.setdefault((value.perspective, value.kind), []).append(value)
    for bucket in by_cell.values():
        rng.shuffle(bucket)
    picked: list[PaletteValue] = []
    while len(picked) < n and any(by_cell.values()):
        for bucket in by_cell.values():
            if bucket and len(picked) < n:
                picked.append(bucket.pop())
    rng.shuffle(picked)
    return picked
