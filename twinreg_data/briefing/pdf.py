"""The briefing as a PDF: the PowerPoint deck converted by LibreOffice (headless) when it is installed; without it
the app and the CLI offer the .pptx alone and say how to get LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .model import Briefing
from .powerpoint import write_pptx

PDF_TIMEOUT_S = 180
PDF_INSTALL_HINT = "apt-get install libreoffice-impress"


class PdfUnavailable(RuntimeError):
    """LibreOffice is missing or failed; the message says how to get it."""


def soffice_path() -> str | None:
    """LibreOffice's command (Debian names it soffice and libreoffice), or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_available() -> bool:
    """Whether a PDF can be made here (the Meeting page offers the download only then)."""
    return soffice_path() is not None


def convert_to_pdf(pptx_path: str | Path, out_dir: str | Path | None = None) -> Path:
    """Convert a deck with LibreOffice headless; returns the PDF's path (next to the deck by default)."""
    soffice = soffice_path()
    if soffice is None:
        raise PdfUnavailable(f"LibreOffice is not installed; install it with `{PDF_INSTALL_HINT}` to get a PDF.")
    pptx_path = Path(pptx_path).resolve()
    out_dir = Path(out_dir or pptx_path.parent).resolve()
    with tempfile.TemporaryDirectory(prefix="twinreg-lo-") as profile:
        # A private profile: a LibreOffice already open on the machine (or a parallel conversion) would
        # otherwise take the request or lock the profile.
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(out_dir), str(pptx_path)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=PDF_TIMEOUT_S,
                                    stdin=subprocess.DEVNULL, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PdfUnavailable(f"LibreOffice did not finish the PDF within {PDF_TIMEOUT_S} s.") from exc
    pdf = out_dir / (pptx_path.stem + ".pdf")
    if result.returncode != 0 or not pdf.is_file():
        raise PdfUnavailable(f"LibreOffice could not convert the deck: {(result.stderr or result.stdout).strip()}")
    return pdf


def pdf_bytes(briefing: Briefing) -> bytes:
    """The briefing as PDF bytes: written as a deck in a scratch directory, then converted."""
    with tempfile.TemporaryDirectory(prefix="twinreg-pdf-") as work:
        deck = write_pptx(briefing, Path(work) / f"{briefing.file_stem()}.pptx")
        return convert_to_pdf(deck).read_bytes()

