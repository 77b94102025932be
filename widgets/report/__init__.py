"""Everything made from a session's export: the report, the spreadsheets, the paper sheets, the files.

Kept apart from the store (which only keeps answers) and from the pages: each module here takes the
export dict (``transfer.export_session``) and makes a document, so a session can be reported,
exported or followed up after the server that ran it is gone. Each activity's part of a document
comes from its folder (``widgets.activities``).

    python -m widgets.report sessie-K7P3QX.json [--pdf]        the report (HTML, PDF)
    python -m widgets.report.exports sessie-K7P3QX.json [--xlsx]  the answers as CSV or Excel
"""
