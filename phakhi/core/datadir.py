"""The data folder holds the SQLite database (and its WAL), the secret key, the admin password
and the uploaded spreadsheets, full of personal data: only the service's user may read it.

Plain Python (no Django): config/settings.py calls ``make_private`` before anything is written
there, so every process — server, worker, command line, another WSGI server — creates its
files private, and files an older version left readable are tightened at start-up."""

import os
import stat
from pathlib import Path

# Files created from now on: no bits for the group or others (0600 files, 0700 folders).
PRIVATE_UMASK = 0o077
_OPEN_TO_OTHERS = stat.S_IRWXG | stat.S_IRWXO


def make_private(folder: Path) -> list[Path]:
    """Set the process's umask to PRIVATE_UMASK and take the group's and others' access away
    from ``folder`` and everything in it; returns what was tightened (empty when nothing was
    open). Symbolic links are left as they are (their mode means nothing on Linux)."""
    os.umask(PRIVATE_UMASK)
    tightened = _tighten(folder)
    for root, folders, files in os.walk(folder):
        for name in folders + files:
            tightened += _tighten(Path(root) / name)
    return tightened


def _tighten(path: Path) -> list[Path]:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:  # removed meanwhile (an import's file, SQLite's -shm)
        return []
    if stat.S_ISLNK(mode) or not mode & _OPEN_TO_OTHERS:
        return []
    try:
        path.chmod(stat.S_IMODE(mode) & ~_OPEN_TO_OTHERS)
    except PermissionError:  # another user's file: left for its owner (and reported by none)
        return []
    return [path]


def tightened_message(folder: Path, tightened: list[Path]) -> str:
    """The operator's notice (logged once, at start-up) of what was readable by others."""
    shown = [str(p.relative_to(folder)) if p != folder else "." for p in tightened[:5]]
    more = f" and {len(tightened) - 5} more" if len(tightened) > 5 else ""
    return (
        f"{folder} held files other users could read ({', '.join(shown)}{more}); "
        "they are now private to this user (folders 0700, files 0600)"
    )
