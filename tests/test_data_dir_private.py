"""The data folder (SQLite database and WAL, secret key, admin password, uploads and their error
files) is private to the service's user: real `phakhi` processes on a fresh PHAKHI_DATA_DIR
create every file 0600 and every folder 0700, and tighten what an older version left open."""

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

UPLOAD = """
from django.core.files.uploadedfile import SimpleUploadedFile
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.imports.jobs import job_check
from phakhi.imports.uploads import job_upload
upload = SimpleUploadedFile("members.csv", b"key,name\\na-1,Somchai\\n,no key\\n")
job = job_upload(Author.cli(), Workspace.objects.get(slug="ws"), what="actors", upload=upload)
job = job_check(Author.cli(), job)
assert job.errors_path, job.report
"""


def _phakhi(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "phakhi.cli", "--lang", "en", *args]
    return subprocess.run(command, env=env, check=True, timeout=180, capture_output=True, text=True)


def _modes(folder: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.stat().st_mode)
    return found


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PHAKHI_TASKS")}
    env["PHAKHI_DATA_DIR"] = str(tmp_path / "data")
    return env


def test_every_file_the_processes_write_in_the_data_folder_is_private(
    environment: dict[str, str],
) -> None:
    data = Path(environment["PHAKHI_DATA_DIR"])
    _phakhi(environment, "manage", "migrate", "--noinput", "-v", "0")
    _phakhi(environment, "admin-login")
    _phakhi(environment, "workspace", "create", "ws", "--name", "Workspace")
    _phakhi(environment, "manage", "shell", "-c", UPLOAD)
    with sqlite3.connect(data / "phakhi.sqlite3") as database:  # the WAL exists while it is open
        database.execute("PRAGMA journal_mode=WAL")
        database.execute("CREATE TABLE probe (x)")
        modes = _modes(data)
    assert {"secret_key", "admin-password", "phakhi.sqlite3", "phakhi.sqlite3-wal"} <= set(modes)
    uploads = [name for name in modes if name.startswith("uploads/ws/")]
    assert any(n.endswith(".errors.csv") for n in uploads) and any(
        n.endswith(".csv") and not n.endswith(".errors.csv") for n in uploads
    )
    folders = {name for name in modes if (data / name).is_dir()}
    assert {name: oct(modes[name]) for name in folders} == {name: "0o700" for name in folders}
    files = set(modes) - folders
    assert {name: oct(modes[name]) for name in files} == {name: "0o600" for name in files}


def test_files_left_readable_by_others_are_tightened_and_the_operator_told(
    environment: dict[str, str],
) -> None:
    data = Path(environment["PHAKHI_DATA_DIR"])
    old = data / "uploads" / "ws" / "old.csv"
    old.parent.mkdir(parents=True, mode=0o755)
    old.write_text("key,name\n")
    for path in (data, old.parent.parent, old.parent):
        path.chmod(0o755)
    old.chmod(0o644)
    told = _phakhi(environment, "manage", "check").stderr
    assert oct(stat.S_IMODE(old.stat().st_mode)) == "0o600"
    assert oct(stat.S_IMODE(data.stat().st_mode)) == "0o700"
    assert "uploads/ws/old.csv" in told and "now private" in told
    assert "now private" not in _phakhi(environment, "manage", "check").stderr  # told once
