"""Import in a real Chromium: upload a CSV with two bad rows, see the guessed mapping, check,
see the two errors, apply, and download the error file."""

import csv
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from phakhi.actors.models import Actor
from phakhi.core.models import Workspace
from tests.helpers import write_csv

pytestmark = pytest.mark.browser

HEADERS = ["รหัส", "ชื่อ", "จังหวัด", "อีเมล"]
GOOD = [["A1", "นายสมชาย ใจดี", "ขอนแก่น", "a1@example.org"], ["A2", "นางสาวมาลี ศรีสุข", "กทม.", ""]]
BAD = [["A3", "", "ขอนแก่น", ""], ["A4", "นายเอก", "ขอนแก่น", "not-an-email"]]


def test_import_a_file_with_errors_and_download_the_error_file(
    signed_in_page: Page, workspace: Workspace, settings: Any, tmp_path: Path
) -> None:
    settings.DATA_DIR = tmp_path / "data"
    source = write_csv(tmp_path / "ภาคี.csv", [HEADERS, *GOOD, *BAD])
    page = signed_in_page
    page.goto(reverse("web:import", args=[workspace.slug]))
    page.locator("#id_file").set_input_files(source)
    page.locator("form.import-upload button[type=submit]").click()

    mapping = page.locator("form.import-mapping")
    expect(mapping).to_be_visible()
    expect(page.locator("#id_column_0")).to_have_value("key")
    expect(page.locator("#id_column_1")).to_have_value("name")
    expect(page.locator("#id_column_2")).to_have_value("province")
    expect(page.locator(".import-preview tbody tr")).to_have_count(4)
    mapping.locator("button[type=submit]").click()

    expect(page.locator("#import-rejected")).to_have_text("2")
    expect(page.locator("#import-created")).to_have_text("2")
    expect(page.locator(".import-errors tbody tr")).to_have_count(2)
    assert not Actor.objects.filter(workspace=workspace).exists()
    page.locator("form.import-apply button[type=submit]").click()

    directory = reverse("web:directory", args=[workspace.slug])
    expect(page.locator(f".import-report a[href='{directory}']")).to_be_visible()
    expect(page.locator("form.import-apply")).to_have_count(0)
    assert sorted(Actor.objects.filter(workspace=workspace).values_list("key", flat=True)) == [
        "A1",
        "A2",
    ]
    with page.expect_download() as info:
        page.locator("a[href*='/errors/']").click()
    path = info.value.path()
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [*HEADERS, "error_line", "error_reason"]
    assert [row[:4] for row in rows[1:]] == BAD
    assert [row[4] for row in rows[1:]] == ["4", "5"]
    assert page.errors == []  # type: ignore[attr-defined]
