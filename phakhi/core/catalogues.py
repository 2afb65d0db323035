"""The translations as Django reads them: .mo catalogues compiled from the .po files with polib
(no GNU gettext needed).

A source checkout (a clone, ``pip install -e .``) has only the .po files, under ``locale/``: they
are compiled beside themselves when the settings load, whenever a .mo is missing or older than
its .po, so Thai never depends on having run ``make`` (the command printed English on such an
install). A wheel (``pip install .``) carries them compiled in ``phakhi/locale/`` (setup.py's
build step). This module imports nothing of Django: the settings and the build use it."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import polib

PACKAGED = Path(__file__).resolve().parent.parent / "locale"  # phakhi/locale, in a wheel

_PERCENT = re.compile(r"%(?:\((?P<name>[^)]*)\))?[#0 +\-]*(?:\d+|\*)?(?:\.\d+)?(?P<kind>[a-zA-Z%])")
_BRACE = re.compile(r"(?<!\{)\{(?P<name>[A-Za-z_]\w*)(?:[!:][^{}]*)?\}(?!\})")


def _percent_placeholders(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    named: set[str] = set()
    positional: list[str] = []
    for match in _PERCENT.finditer(text):
        if match["kind"] == "%":
            continue
        if match["name"] is not None:
            named.add(match["name"])
        else:
            positional.append(match["kind"])
    return frozenset(named), tuple(positional)


def placeholder_problems(po: polib.POFile, path: Path) -> list[str]:
    """Translations whose placeholders differ from their msgid's (``%(name)s``, ``%d``,
    ``{name}``): they would fail at run time."""
    problems = []
    for entry in po.translated_entries():
        pairs = [(entry.msgid, entry.msgstr)] if entry.msgstr else []
        for index, text in sorted(entry.msgstr_plural.items()):
            pairs.append((entry.msgid_plural if index else entry.msgid, text))
        for msgid, msgstr in pairs:
            if "python-format" in entry.flags:
                wanted, found = _percent_placeholders(msgid), _percent_placeholders(msgstr)
                # A plural translation may leave out the count, as msgfmt allows.
                if found != wanted and not (entry.msgid_plural and found[0] == wanted[0]):
                    problems.append(f"{path}:{entry.linenum}: placeholders differ in {msgid!r}")
            if "python-brace-format" in entry.flags:
                wanted_b = {m["name"] for m in _BRACE.finditer(msgid)}
                found_b = {m["name"] for m in _BRACE.finditer(msgstr)}
                if wanted_b != found_b:
                    problems.append(f"{path}:{entry.linenum}: placeholders differ in {msgid!r}")
    return problems


def compile_po(po_path: Path, mo_path: Path | None = None) -> Path:
    """Write the .mo (beside ``po_path`` unless given) atomically: parallel processes may read
    it. Fuzzy and untranslated entries are left out, as msgfmt does."""
    po = polib.pofile(str(po_path), wrapwidth=0)
    problems = placeholder_problems(po, po_path)
    if problems:
        raise ValueError("\n".join(problems))
    mo_path = mo_path or po_path.with_suffix(".mo")
    handle, temporary = tempfile.mkstemp(prefix=f".{mo_path.name}.", dir=mo_path.parent)
    os.close(handle)
    try:
        po.save_as_mofile(temporary)
        os.chmod(temporary, 0o644)  # a catalogue is no secret: readable as the .po is
        os.replace(temporary, mo_path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return mo_path


def is_stale(po_path: Path, mo_path: Path | None = None) -> bool:
    mo_path = mo_path or po_path.with_suffix(".mo")
    return not mo_path.is_file() or mo_path.stat().st_mtime < po_path.stat().st_mtime


def po_files(locale_dir: Path) -> list[Path]:
    return sorted(locale_dir.glob("*/LC_MESSAGES/*.po"))


def compile_all(
    locale_dir: Path, paths: list[Path] | None = None, *, if_stale: bool = False
) -> list[Path]:
    """Compile ``paths`` (default: every catalogue under ``locale_dir``); returns the .mo
    files written."""
    written = []
    for po_path in paths or po_files(locale_dir):
        if if_stale and not is_stale(po_path):
            continue
        written.append(compile_po(po_path))
    return written


def compile_into(locale_dir: Path, target: Path) -> list[Path]:
    """Compile every catalogue under ``locale_dir`` into the same layout under ``target``."""
    written = []
    for po_path in po_files(locale_dir):
        mo_path = target / po_path.relative_to(locale_dir).with_suffix(".mo")
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        written.append(compile_po(po_path, mo_path))
    return written


def locale_paths(source: Path, cache: Path) -> list[Path]:
    """Where Django finds the compiled catalogues: the source tree's (compiled now where stale,
    into ``cache`` where the tree is read-only), else the wheel's."""
    if not po_files(source):
        return [PACKAGED]
    try:
        compile_all(source, if_stale=True)
        return [source]
    except OSError:  # a read-only checkout: compile into the data folder instead
        for po_path in po_files(source):
            mo_path = cache / po_path.relative_to(source).with_suffix(".mo")
            if is_stale(po_path, mo_path):
                mo_path.parent.mkdir(parents=True, exist_ok=True)
                compile_po(po_path, mo_path)
        return [cache]
