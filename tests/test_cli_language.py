"""The command's language: Thai by default, English with --lang en, before or after the
subcommand (``phakhi import actors f.csv --lang en``)."""

import pytest
from django.utils import translation

from phakhi import cli


@pytest.fixture(autouse=True)
def _language_restored():
    yield
    translation.activate("en")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["import", "actors", "f.csv", "--workspace", "nowhere"], "ไม่มีหน่วยงาน “nowhere”"),
        (["import", "actors", "f.csv", "--workspace", "nowhere", "--lang", "en"],
         "There is no workspace “nowhere”"),
        (["--lang", "en", "import", "actors", "f.csv", "--workspace", "nowhere"],
         "There is no workspace “nowhere”"),
        (["analyze", "--workspace", "nowhere", "--lang", "en"], "There is no workspace “nowhere”"),
    ],
)  # fmt: skip
def test_lang_is_taken_before_or_after_the_subcommand(db, capsys, argv, expected):
    assert cli.main(argv) == cli.EXIT_FAILED
    assert expected in capsys.readouterr().err
