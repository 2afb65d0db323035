#!/usr/bin/env python3
"""Compile the translations (locale/*/LC_MESSAGES/*.po → .mo) with polib, so that setting Phakhi
up needs no GNU gettext. Fuzzy and untranslated entries are left out, as msgfmt does.

A translation whose placeholders differ from its msgid's (``%(name)s``, ``%d``, ``{name}``) would
fail at run time, so it is refused here with the file and line.

Usage: python scripts/compile_messages.py [--if-stale] [PO_FILE ...]
       (no files: every .po under locale/)
"""

import argparse
import os
import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale"

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


def compile_po(po_path: Path) -> Path:
    """Write the .mo beside ``po_path`` (atomically: parallel test workers may read it)."""
    po = polib.pofile(str(po_path), wrapwidth=0)
    problems = placeholder_problems(po, po_path)
    if problems:
        raise ValueError("\n".join(problems))
    mo_path = po_path.with_suffix(".mo")
    temporary = mo_path.with_name(f".{mo_path.name}.{os.getpid()}.tmp")
    try:
        po.save_as_mofile(str(temporary))
        os.replace(temporary, mo_path)
    finally:
        temporary.unlink(missing_ok=True)
    return mo_path


def is_stale(po_path: Path) -> bool:
    mo_path = po_path.with_suffix(".mo")
    return not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime


def all_po_files() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def compile_all(paths: list[Path] | None = None, *, if_stale: bool = False) -> list[Path]:
    """Compile ``paths`` (default: every catalogue); returns the .mo files written."""
    written = []
    for po_path in paths or all_po_files():
        if if_stale and not is_stale(po_path):
            continue
        written.append(compile_po(po_path))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help=".po files (default: all)")
    parser.add_argument(
        "--if-stale", action="store_true", help="only those older than their .po file"
    )
    args = parser.parse_args(argv)
    try:
        written = compile_all(args.files or None, if_stale=args.if_stale)
    except (OSError, ValueError) as error:
        print(f"compile_messages: {error}", file=sys.stderr)
        return 1
    for mo_path in written:
        try:
            shown = mo_path.relative_to(ROOT)
        except ValueError:
            shown = mo_path
        print(f"compiled {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
