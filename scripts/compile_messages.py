#!/usr/bin/env python3
"""Compile the translations (locale/*/LC_MESSAGES/*.po → .mo) with polib, so that setting Phakhi
up needs no GNU gettext. Fuzzy and untranslated entries are left out, as msgfmt does.

A translation whose placeholders differ from its msgid's (``%(name)s``, ``%d``, ``{name}``) would
fail at run time, so it is refused here with the file and line.

Usage: python scripts/compile_messages.py [--if-stale] [PO_FILE ...]
       (no files: every .po under locale/)
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale"
sys.path.insert(0, str(ROOT))

from phakhi.core import catalogues  # noqa: E402  (the project's root, put on the path above)
from phakhi.core.catalogues import compile_po, is_stale, placeholder_problems  # noqa: E402

__all__ = ["compile_all", "compile_po", "is_stale", "placeholder_problems"]


def compile_all(paths: list[Path] | None = None, *, if_stale: bool = False) -> list[Path]:
    """Compile ``paths`` (default: every catalogue); returns the .mo files written."""
    return catalogues.compile_all(LOCALE_DIR, paths, if_stale=if_stale)


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
