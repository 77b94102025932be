"""Spreadsheet cells that stay text: OWASP's rule against formula injection in the CSV and XLSX exports.

A participant's value such as ``=HYPERLINK("http://…"&A1)`` must reach a griffier's Excel as the
words typed, never as a formula. In CSV a text that would start a formula gets a leading
apostrophe (and the import takes exactly that apostrophe off again, so a round trip changes
nothing); in XLSX such a cell is stored as a string, so the text is kept as it was typed.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def starts_formula(text) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula (also behind apostrophes of our own)."""
    return isinstance(text, str) and text.lstrip("'")[:1] in FORMULA_STARTS and text.lstrip("'") != ""


def csv_cell(value):
    return "'" + value if starts_formula(value) else value


def from_csv_cell(text: str) -> str:
    """The inverse of ``csv_cell``: the apostrophe it added, and only that one, comes off."""
    return text[1:] if text.startswith("'") and starts_formula(text[1:]) else text


def append_as_text(sheet, values) -> None:
    """``sheet.append(values)``, with any text openpyxl would take for a formula kept as a string."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"
