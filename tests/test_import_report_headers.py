"""The import report names a column as the file does (เบอร์โทร, ถึงวันที่), in the command's
summary, on the import page and in the error file, while the JSON keeps the field's name."""

import csv

from phakhi.actors.services import actor_create
from phakhi.imports.services import actors_import, ties_import
from phakhi.imports.summary import summary_text
from tests.conftest import AUTHOR
from tests.helpers import write_csv


def test_an_actor_import_names_the_files_own_column(workspace, tmp_path):
    rows = [["รหัส", "ชื่อ", "เบอร์โทร"], ["A1", "นายสมชาย ใจดี", "12"]]
    report = actors_import(workspace, write_csv(tmp_path / "a.csv", rows), author=AUTHOR)
    [error] = report.errors
    assert (error.column, error.header) == ("phone", "เบอร์โทร")
    assert ", เบอร์โทร: " in summary_text(report) and ", phone: " not in summary_text(report)
    assert report.as_json()["errors"][0]["column"] == "phone"
    with open(report.errors_file, encoding="utf-8-sig", newline="") as handle:
        reasons = [row[-1] for row in csv.reader(handle)][1:]
    assert reasons[0].startswith("เบอร์โทร: ")


def test_a_tie_import_names_the_files_own_column(workspace, tmp_path):
    for key in "AB":
        actor_create(AUTHOR, workspace, key=key, name=f"ภาคี {key}")
    rows = [["จาก", "ถึง", "ระดับความสัมพันธ์", "ถึงวันที่"], ["A", "B", "2", "ไม่ใช่วันที่"]]
    report = ties_import(workspace, write_csv(tmp_path / "t.csv", rows), author=AUTHOR)
    [error] = report.errors
    assert (error.column, error.header) == ("until", "ถึงวันที่")
    assert "ถึงวันที่: " in summary_text(report)


def test_the_import_page_names_the_files_own_columns(workspace, settings, tmp_path):
    import re

    from django.urls import reverse

    from tests.accounts_support import client_for, user_with_role
    from tests.test_web_import import ROWS, check, csv_bytes, uploaded

    settings.DATA_DIR = tmp_path
    client = client_for(user_with_role(workspace, "coordinator"))
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    check(client, job)
    page = client.get(reverse("web:import-job", args=[workspace.slug, job.pk])).content.decode()
    cells = re.findall(r"<tr><td>(\d+)</td><td>([^<]*)</td>", page)
    assert ("5", "อีเมล") in cells and ("5", "จังหวัด") in cells and ("4", "ชื่อ") in cells
    assert not any(column in {"email", "province", "name"} for _line, column in cells)
