"""One colour per stakeholder group, the same on phones, the dashboard's charts and the report."""

GROUP_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


def group_color(index: int) -> str:
    return GROUP_COLORS[index % len(GROUP_COLORS)]


# Ordered categories (agree to disagree, the rungs of a ladder): one hue to another through a light grey,
# each step told apart from its neighbours; the percentages are always written beside them.
ORDERED_COLORS = ("#1d4f91", "#4f86c6", "#a9c8e8", "#bdb29c", "#f0a46e", "#c0561f", "#6b2a0c")
# Categories without an order (the four perspectives): the group colours' later hues, so a category
# is not read as a group.
UNORDERED_COLORS = ("#8c564b", "#17becf", "#bcbd22", "#e377c2", "#7f7f7f", "#9467bd")


def category_colors(count: int, ordered: bool = True) -> tuple[str, ...]:
    """``count`` colours for a block's categories: spread over the ordered scale, or the unordered set."""
    if not ordered:
        return tuple(UNORDERED_COLORS[i % len(UNORDERED_COLORS)] for i in range(count))
    if count >= len(ORDERED_COLORS):
        return tuple(ORDERED_COLORS[i % len(ORDERED_COLORS)] for i in range(count))
    last = len(ORDERED_COLORS) - 1
    return tuple(ORDERED_COLORS[int(i * last / max(count - 1, 1) + 0.5)] for i in range(count))  # halves up
