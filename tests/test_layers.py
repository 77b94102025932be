"""No import cycles among the kit's modules; the layers themselves are import-linter's contracts (`make lint`).

import-linter checks which layer may import which, not cycles between single modules: a loop such
as a route table that imports its own handlers' modules while they import it is found here, in the
same import graph (grimp, import-linter's own). Imports inside functions count: a cycle hidden
behind a late import is still a cycle.
"""

import copy
import tomllib
from pathlib import Path

import grimp
import pytest
from importlinter.contracts.independence import IndependenceContract

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("widgets", cache_dir=None)


def independent(graph) -> bool:
    """Whether ``graph`` keeps pyproject's "independence" contract (no activity imports another), as lint-imports."""
    contracts = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    options = next(c for c in contracts if c["id"] == "independence")
    given = {key: value for key, value in options.items() if key not in ("id", "name", "type")}
    return IndependenceContract(options["name"], {}, given).check(copy.deepcopy(graph), verbose=False).kept


def test_no_module_of_widgets_imports_itself_through_others(graph):
    cycles = set()
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back is not None:
                loop = (importer, *back[:-1])
                first = loop.index(min(loop))  # each cycle once, from its first module by name
                cycles.add(" -> ".join(loop[first:] + loop[: first + 1]))
    assert not cycles, "import cycles:\n" + "\n".join(sorted(cycles))


def test_an_activity_that_imports_another_breaks_the_independence_contract(graph):
    assert independent(graph)
    planted = copy.deepcopy(graph)
    planted.add_import(importer="widgets.activities.driehoek.results", imported="widgets.activities.beoordelen.render")
    assert not independent(planted)
    through_shared_code = copy.deepcopy(graph)  # an activity reaches another through a shared module that names it
    through_shared_code.add_import(importer="widgets.texts", imported="widgets.activities.driehoek.model")
    assert not independent(through_shared_code)
