"""HTML printed to PDF by headless Chromium, where it is installed (laptop, server, CI).

On Binder, where it is not, callers offer the HTML and say: Print > Save as PDF. Page size,
margins and page numbers come from the document's own ``@page`` rules.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


def chromium() -> str:
    """The Chromium binary, or '' where there is none."""
    return CHROMIUM if Path(CHROMIUM).exists() else (shutil.which("chromium") or "")


def html_to_pdf(html_path: Path, pdf_path: Path) -> bool:
    """Print ``html_path`` to ``pdf_path``; False where Chromium is not installed."""
    binary = chromium()
    if not binary:
        return False
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--virtual-time-budget=10000",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf_path}",
                Path(html_path).resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return Path(pdf_path).exists()


def print_pdf(html: str) -> bytes:
    """The PDF of an HTML document given as text; b'' where Chromium is not installed."""
    with tempfile.TemporaryDirectory() as folder:
        source, pdf = Path(folder) / "document.html", Path(folder) / "document.pdf"
        source.write_text(html, encoding="utf-8")
        return pdf.read_bytes() if html_to_pdf(source, pdf) else b""
