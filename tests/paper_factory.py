"""Small PDFs made on the spot with fpdf2's core fonts (no font file needed), for the bad-input tests."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF


def make_paper(path: Path, paragraphs: list[str], symbol: str = "", pages: int = 1, password: str = "") -> Path:
    """An English (or other Latin-script) paper: a cover line with its symbol, then paragraphs, over `pages` pages."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=11)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    for page in range(1, pages + 1):
        pdf.add_page()
        if page > 1:
            pdf.set_font("Helvetica", size=8)
            pdf.text(480, 40, f"{symbol} {page}".strip())
            pdf.set_font("Helvetica", size=11)
        y = 80.0
        if page == 1 and symbol:
            pdf.set_font("Helvetica", "B", 12)
            pdf.text(420, 60, symbol)
            pdf.set_font("Helvetica", "B", 15)
            pdf.text(150, 110, "REPORT OF THE SECRETARY")
            pdf.set_font("Helvetica", size=11)
            y = 150.0
        for number, text in enumerate(paragraphs if page == 1 else [f"Page {page} continues the report."], start=1):
            pdf.text(72, y, f"{number}.")
            pdf.text(108, y, text)
            y += 24
    pdf.output(str(path))
    return path
