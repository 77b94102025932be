"""A chart's figures as a table on the dashboard, under a checkbox that survives the live updates.

The phones and the screen fold a table in ``<details>``; on the dashboard the table is rewritten
on every answer, which would close a ``<details>`` the facilitator had opened. A checkbox keeps
its state across updates; it names the chart, so it is also the chart's caption for a screen reader.
"""

import ipywidgets as w

from ..i18n import t


class ChartTable(w.VBox):
    """Under one chart: 'Gemiddelde per stelling per groep: de cijfers als tabel' and, when ticked, the table."""

    def __init__(self, title: str, lang: str, css_class: str):
        self.show = w.Checkbox(value=False, description=t("chart_table.caption", lang, chart=title), indent=False)
        self.show.add_class("kit-chart-show")
        self.table = w.HTML(layout=w.Layout(display="none"))
        self.table.add_class("kit-chart-table")
        self.show.observe(self._toggle, "value")
        super().__init__([self.show, self.table])
        self.add_class(css_class)

    def _toggle(self, change) -> None:
        self.table.layout.display = "" if change["new"] else "none"

    @property
    def value(self) -> str:
        """The table's HTML (rendered by an activity's tables (``beoordelen/tables.py``) with ``folded=False``)."""
        return self.table.value

    @value.setter
    def value(self, html: str) -> None:
        self.table.value = html
        self.layout.display = "" if html.strip() else "none"  # no figures yet: no checkbox for an empty table
