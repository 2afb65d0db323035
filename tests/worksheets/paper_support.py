"""Reading a worksheet's PDF back as pdftotext (poppler) and pdfinfo see it."""

import re
import subprocess
from pathlib import Path

_SPACE = re.compile(r"\s+")
# HarfBuzz draws SARA AM (ำ) as NIKHAHIT and SARA AA, the nikhahit before a tone mark; the PDF's
# text says so (กํา, นํ้า). Unicode's compatibility decomposition of ำ is the same two letters.
_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")


def compared(text: str) -> str:
    """Text as compared with what was put in: without the spaces and line breaks the layout
    adds or moves, and with ำ drawn in two parts read as ำ."""
    return _SARA_AM.sub("\\1\u0e33", _SPACE.sub("", text))


def pdf_text(content: bytes, tmp_path: Path) -> str:
    """pdftotext's text in content order (-raw: the order the letters were written in)."""
    path = tmp_path / "sheet.pdf"
    path.write_bytes(content)
    run = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return run.stdout


def pdf_info(content: bytes, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "info.pdf"
    path.write_bytes(content)
    run = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return {
        key.strip(): value.strip()
        for key, _sep, value in (line.partition(":") for line in run.stdout.splitlines())
    }


def pdf_fonts(content: bytes, tmp_path: Path) -> list[list[str]]:
    """pdffonts' rows: name, type, encoding, embedded, subset, unicode map, object, generation."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(content)
    run = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split() for line in run.stdout.splitlines()[2:]]
