"""One colour per stakeholder group, the same on phones, the dashboard's charts and the report."""

GROUP_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


def group_color(index: int) -> str:
    return GROUP_COLORS[index % len(GROUP_COLORS)]
