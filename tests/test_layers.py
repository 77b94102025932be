"""No import cycles among the kit's modules; the layers themselves are import-linter's contracts (`make lint`).

import-linter checks which layer may import which, not cycles between single modules: a loop such
as a route table that imports its own handlers' modules while they import it is found here, in the
same import graph (grimp, import-linter's own). Imports inside functions count: a cycle hidden
behind a late import is still a cycle.
"""

import grimp


def test_no_module_of_widgets_imports_itself_through_others():
    graph = grimp.build_graph("widgets", cache_dir=None)
    cycles = set()
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back is not None:
                loop = (importer, *back[:-1])
                first = loop.index(min(loop))  # each cycle once, from its first module by name
                cycles.add(" -> ".join(loop[first:] + loop[: first + 1]))
    assert not cycles, "import cycles:\n" + "\n".join(sorted(cycles))
