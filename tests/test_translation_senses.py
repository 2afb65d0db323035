"""One English word, two meanings, two Thai words: the import's last button and the map's filter
button are both "Apply" in English, and must not share a Thai translation (the import's read
ใช้ตัวกรอง, "apply filter"). Such words carry a translation context (pgettext)."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse

from tests.accounts_support import client_for, user_with_role
from tests.test_web_import import ROWS, check, csv_bytes, uploaded

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "th" / "LC_MESSAGES" / "django.po"
# msgid → the contexts it is used in: each meaning its own entry, none without a context.
SENSES = {
    "Apply": {"import: write the checked rows", "map: show the chosen filters"},
    "Role": {"a user's role in a workspace", "a member's role in a network"},
}


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path


def _buttons(html: str) -> list[str]:
    found = re.findall(r"<button[^>]*>(.*?)</button>", html, flags=re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip() for text in found]


def test_the_import_and_the_map_buttons_read_differently_in_thai(workspace):
    client = client_for(user_with_role(workspace, "coordinator"))
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    thai = {"Accept-Language": "th"}
    check(client, job)
    job_page = client.get(reverse("web:import-job", args=[workspace.slug, job.pk]), headers=thai)
    map_page = client.get(reverse("web:map", args=[workspace.slug]), headers=thai)
    assert job_page.status_code == map_page.status_code == 200

    import_buttons, map_buttons = (
        _buttons(job_page.content.decode()),
        _buttons(map_page.content.decode()),
    )
    assert "นำเข้าข้อมูลนี้" in import_buttons
    assert "ใช้ตัวกรอง" not in import_buttons
    assert "ใช้ตัวกรอง" in map_buttons
    english = client.get(reverse("web:import-job", args=[workspace.slug, job.pk]))
    assert "Apply" in _buttons(english.content.decode())


def test_words_of_several_meanings_have_one_thai_entry_per_meaning():
    catalogue = polib.pofile(str(CATALOGUE))
    for msgid, contexts in SENSES.items():
        entries = [e for e in catalogue if e.msgid == msgid and not e.obsolete]
        assert {e.msgctxt for e in entries} == contexts, msgid  # none without a context
        assert all(e.msgstr for e in entries), msgid
        assert len({e.msgstr for e in entries}) == len(entries), f"{msgid}: one Thai for all"


# Words the catalogue spells one way (the Royal Institute's): the second spelling is refused.
ONE_SPELLING = {"โทเค็น": "โทเคน"}


def test_one_spelling_per_word_across_the_thai_catalogue():
    catalogue = polib.pofile(str(CATALOGUE))
    for kept, refused in ONE_SPELLING.items():
        wrong = [e.msgid for e in catalogue if not e.obsolete and refused in e.msgstr]
        wrong += [
            e.msgid for e in catalogue for text in e.msgstr_plural.values() if refused in text
        ]
        assert wrong == [], f"spelled {refused}, not {kept}"
