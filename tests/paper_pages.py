"""What a printed answer sheet holds, page by page, as a person reading the PDF sees it."""

import subprocess


def pdf_pages(pdf: bytes, tmp_path, name: str = "blad") -> tuple:
    """``(paper size line, [text of each page])`` of a PDF (pdfinfo; pdftotext in the order the text is drawn)."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    pages = [
        subprocess.run(
            ["pdftotext", "-raw", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]
    return next(line for line in info.splitlines() if line.startswith("Page size:")), pages


def bare(text: str) -> str:
    """Text without spaces, line breaks and hyphens, so a sentence wrapped over lines reads as one."""
    return "".join(c for c in text if not c.isspace() and c != "-")


def whole_on_one_page(text: str, pages: list) -> bool:
    """Whether ``text`` is printed whole on exactly one of the pages (not cut off, not split, not twice)."""
    return sum(bare(text) in bare(page) for page in pages) == 1


def paper_answers(store, session, activity: str) -> dict:
    """``{(participant, item): value}`` of the answers typed in from paper sheets (their participants' refs
    start with ``papier-``)."""
    return {
        (a.participant, a.item): a.value
        for a in store.answers(session.id, activity)
        if a.participant.startswith("papier-")
    }
