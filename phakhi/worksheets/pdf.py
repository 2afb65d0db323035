"""Worksheets as PDF, drawn by WeasyPrint: A4 landscape, a Sarabun-family Thai font embedded,
the project's name and the date on every page, page numbers from CSS @page counters.

The font is Sarabun from the front-end build (``@fontsource/sarabun``, copied into
``assets/build/phakhi/fonts/`` by ``node assets/build.mjs``); where the build has not run, it is
Laksaman from Debian's fonts-thai-tlwg (Sarabun's metrics, the same shapes). Either way the
subset of it the document uses is embedded, so the PDF prints the same everywhere.

A PDF says which text each drawn glyph stands for (its ToUnicode map: one text a glyph), and
copying, searching and pdftotext read that. WeasyPrint gives a glyph the text of the cluster it
is first drawn in, which breaks Thai: HarfBuzz draws SARA AM (ำ) as NIKHAHIT (ํ) and SARA AA
(า), the nikhahit moved before a tone mark and often joined with it, all in one cluster — so
"กำหนด" read back as "กาหนด", and when the first า of a document was one of those, every า of
it read back as "้ำ". ``_TextMappedFonts`` gives every glyph the font names the characters it
draws instead, so the text reads back as the letters the page shows (กํา, นํ้า: ำ in its two
parts, which Unicode's compatibility decomposition and Thai normalization equate with ำ)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import pgettext
from fontTools.ttLib import TTFont
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration, get_hb_object_data
from weasyprint.urls import URLFetcher

FALLBACK_FAMILY = "Laksaman"
FAMILY = "Sarabun"
WEIGHTS = (400, 700)
# The scripts the build splits Sarabun into, with the characters each file holds (Google
# Fonts' subsets, which @fontsource/sarabun follows).
SUBSETS = {
    "thai": "U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC",
    "latin": (
        "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, "
        "U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, "
        "U+FFFD"
    ),
    "latin-ext": (
        "U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, "
        "U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, "
        "U+2113, U+2C60-2C7F, U+A720-A7FF"
    ),
}


def _font_folders() -> Iterator[Path]:
    for folder in settings.STATICFILES_DIRS:
        yield Path(folder) / "phakhi" / "fonts"


@cache
def font_faces() -> tuple[tuple[str, int, str, str], ...]:
    """(file URL, weight, subset, unicode range) of each Sarabun file the build made."""
    faces = []
    for folder in _font_folders():
        for subset, characters in SUBSETS.items():
            for weight in WEIGHTS:
                # The build names its files sarabun-<subset>-<weight>-normal-<hash>.woff2.
                found = sorted(folder.glob(f"sarabun-{subset}-{weight}-normal-*.woff2"))
                if found:
                    faces.append((found[0].as_uri(), weight, subset, characters))
    return tuple(faces)


def font_families() -> str:
    """The CSS font-family list the worksheets are set in: Sarabun's scripts when the build
    made their files, then the fallback.

    Each script's files get a family of their own ("Sarabun thai", "Sarabun latin"): WeasyPrint
    tells fonts apart by family, weight and size, and two files of one family would be taken
    for one font (one of them embedded, the other's glyphs drawn from it)."""
    families = dict.fromkeys(f'"{FAMILY} {subset}"' for _url, _w, subset, _r in font_faces())
    return ", ".join([*families, f'"{FALLBACK_FAMILY}"', "sans-serif"])


class FontsOnly(URLFetcher):
    """Fetches the worksheets' font files and nothing else: the worksheets hold the workspace's
    text, and nothing written in it may have the server read a file or call an address."""

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url not in {face[0] for face in font_faces()}:
            raise ValueError(f"not a font of the worksheets: {url}")
        return super().fetch(url, headers)


def stylesheet(font_config: FontConfiguration) -> CSS:
    css = render_to_string(
        "worksheets/pdf/print.css",
        {
            "faces": font_faces(),
            "family": FAMILY,
            "families": font_families(),
            # Here, not in the stylesheet: makemessages does not read .css files.
            "page_word": pgettext("a printed worksheet's page numbers: Page 1 / 4", "Page"),
        },
    )
    return CSS(string=css, font_config=font_config, url_fetcher=FontsOnly())


def render_pdf(html: str, extra_css: str = "") -> bytes:
    """The PDF of a worksheet's HTML (``worksheets/pdf/*.html``), with ``extra_css`` over the
    worksheets' stylesheet (templates hold no inline style: tests/test_no_inline_code.py)."""
    font_config = FontConfiguration()
    page = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=FontsOnly())
    sheets = [stylesheet(font_config)]
    if extra_css:
        sheets.append(CSS(string=extra_css, font_config=font_config, url_fetcher=FontsOnly()))
    document = page.render(stylesheets=sheets, font_config=font_config)
    document.fonts = _TextMappedFonts(document.fonts)
    pdf = document.write_pdf()
    assert pdf is not None  # written to memory
    return pdf


class _TextMappedFonts(dict[Any, Any]):
    """The document's fonts, each glyph's text the characters the font itself says it draws
    (see the module's docstring); WeasyPrint's text of its cluster for a glyph the font does
    not name.

    WeasyPrint fills this dict while it draws the pages and reads its values to write each
    font's ToUnicode map once they are drawn: the map is made right at that moment."""

    def values(self) -> Any:  # dict_values, which typing cannot name
        for font in super().values():
            characters = _characters(get_hb_object_data(font.hb_face), font.index)
            for glyph in font.to_unicode:
                font.to_unicode[glyph] = characters.get(glyph) or font.to_unicode[glyph]
        return super().values()


@cache
def _characters(font_file: bytes, index: int) -> dict[int, str]:
    """Glyph id → the characters it draws: the one the font's cmap maps to it (the lowest,
    when several); for an alternate the font substitutes for a glyph (a tone mark moved lower
    or to the left, ญ without its tail), that glyph's; for a ligature (NIKHAHIT with a tone
    mark, fi), its parts'."""
    font = TTFont(io.BytesIO(font_file), fontNumber=index, lazy=True)
    by_name = {name: chr(code) for code, name in sorted(font.getBestCmap().items(), reverse=True)}
    substitutions = list(_substitutions(font))
    while True:  # alternates of alternates, ligatures of alternates
        found = {
            new: "".join(by_name[name] for name in old)
            for old, new in substitutions
            if new not in by_name and all(name in by_name for name in old)
        }
        if not found:
            break
        by_name.update(found)
    return {font.getGlyphID(name): text for name, text in by_name.items()}


def _substitutions(font: TTFont) -> Iterator[tuple[tuple[str, ...], str]]:
    """(the glyphs replaced, the glyph replacing them) of the font's one-for-one substitutions
    and ligatures (GSUB lookup types 1, 3 and 4)."""
    if "GSUB" not in font or font["GSUB"].table.LookupList is None:
        return
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            kind = lookup.LookupType
            if kind == 7:  # an extension: the real subtable inside
                kind, table = table.ExtensionLookupType, table.ExtSubTable
            if kind == 1:
                yield from (((old,), new) for old, new in table.mapping.items())
            elif kind == 3:
                for old, alternates in table.alternates.items():
                    yield from (((old,), new) for new in alternates)
            elif kind == 4:
                for first, ligatures in table.ligatures.items():
                    for ligature in ligatures:
                        yield (first, *ligature.Component), ligature.LigGlyph
