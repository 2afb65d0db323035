"""Thai without `make`: a plain `pip install .` (a wheel) carries the compiled catalogues, and a
source checkout (`pip install -e .`, a clone) gets them compiled from the .po files when the
settings load — the command printed English on such installs."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import polib
from django.conf import settings

from phakhi.core.catalogues import PACKAGED, locale_paths

ROOT = Path(settings.BASE_DIR)
THAI = ("Recent changes", "การเปลี่ยนแปลงล่าสุด")


def _tracked_tree(target: Path) -> Path:
    """A copy of the checkout's tracked files (the source a wheel is built from)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file() and not name.startswith(("tests/", "benchmarks/", "docs/")):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def _translation(mo_bytes: bytes, tmp_path: Path) -> str:
    path = tmp_path / "django.mo"
    path.write_bytes(mo_bytes)
    return {entry.msgid: entry.msgstr for entry in polib.mofile(str(path))}[THAI[0]]


def test_the_wheel_carries_the_compiled_thai_catalogue(tmp_path):
    source = _tracked_tree(tmp_path / "source")
    assert not list(source.glob("locale/*/LC_MESSAGES/*.mo"))  # as in a fresh clone
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps",
         "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = (tmp_path / "dist").glob("phakhi-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert "phakhi/locale/th/LC_MESSAGES/django.mo" in names
        assert "phakhi/locale/en/LC_MESSAGES/django.mo" in names
        thai = archive.read("phakhi/locale/th/LC_MESSAGES/django.mo")
    assert _translation(thai, tmp_path) == THAI[1]


def test_a_checkout_without_compiled_catalogues_gets_them_compiled(tmp_path):
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", locale, ignore=shutil.ignore_patterns("*.mo"))
    assert locale_paths(locale, tmp_path / "cache") == [locale]
    mo = locale / "th" / "LC_MESSAGES" / "django.mo"
    assert _translation(mo.read_bytes(), tmp_path) == THAI[1]
    before = mo.stat().st_mtime_ns
    assert locale_paths(locale, tmp_path / "cache") == [locale]
    assert mo.stat().st_mtime_ns == before  # up to date: not compiled again


def test_a_checkout_where_the_catalogues_cannot_be_written_compiles_into_the_data_folder(
    tmp_path,
):
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", locale, ignore=shutil.ignore_patterns("*.mo"))
    (locale / "th" / "LC_MESSAGES" / "django.mo").mkdir()  # not writable as a file (even by root)
    cache = tmp_path / "data" / "locale"
    assert locale_paths(locale, cache) == [cache]
    mo = cache / "th" / "LC_MESSAGES" / "django.mo"
    assert _translation(mo.read_bytes(), tmp_path) == THAI[1]


def test_an_installed_package_reads_its_own_catalogues(tmp_path):
    assert locale_paths(tmp_path / "no-source", tmp_path / "cache") == [PACKAGED]


def test_the_command_speaks_thai_by_default_from_a_fresh_checkout(tmp_path):
    source = _tracked_tree(tmp_path / "source")
    script = (
        "from phakhi import cli; cli._setup(cli._parser().parse_args(['workspace', 'list']).lang)\n"
        "from django.utils.translation import gettext; print(gettext('Recent changes'))"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script],
        cwd=source, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "PHAKHI_DATA_DIR": str(tmp_path / "data"),
             "PYTHONPATH": str(source)},
    )  # fmt: skip
    assert ran.stdout.strip() == THAI[1], ran.stdout + ran.stderr
    assert (source / "locale" / "th" / "LC_MESSAGES" / "django.mo").exists()
