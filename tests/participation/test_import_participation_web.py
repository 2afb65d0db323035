"""The browser import of activities and attendance: the same wizard as actors and ties (upload,
Thai headers mapped, check with the command line's messages, apply, the rejected rows), and the
templates that import as they are — actors, then activities, then who took part."""

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from phakhi.imports.columns import ACTIVITY_COLUMNS, ATTENDANCE_COLUMNS
from phakhi.imports.examples import ACTIVITY_EXAMPLES, ATTENDANCE_EXAMPLES
from phakhi.imports.models import ImportJob
from phakhi.imports.services import actors_import
from phakhi.participation.imports import activities_import, attendance_import
from phakhi.participation.models import Activity, Attendance
from phakhi.ties.models import Tie
from tests.accounts_support import AUTHOR, client_for, user_with_role
from tests.helpers import write_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path / "data"
    return tmp_path


@pytest.fixture
def client(workspace) -> Any:
    return client_for(user_with_role(workspace, "coordinator"))


def download(client, workspace, name: str, folder: Path) -> Path:
    response = client.get(reverse("web:import-template", args=[workspace.slug, name]))
    assert response.status_code == 200
    path = folder / name
    path.write_bytes(response.content)
    return path


def test_the_templates_import_actors_activities_then_attendance(client, workspace, tmp_path):
    page = client.get(reverse("web:import", args=[workspace.slug])).content.decode()
    for name in ("phakhi-activities.csv", "phakhi-attendance.csv", "phakhi-activities.xlsx"):
        assert reverse("web:import-template", args=[workspace.slug, name]) in page
    actors = download(client, workspace, "phakhi-actors.csv", tmp_path)
    activities = download(client, workspace, "phakhi-activities.csv", tmp_path)
    attendance = download(client, workspace, "phakhi-attendance.csv", tmp_path)
    assert activities.read_bytes().startswith("\ufeffรหัส,ชื่อกิจกรรม,".encode())
    assert actors_import(workspace, actors, author=AUTHOR).rejected == 0
    report = activities_import(workspace, activities, author=AUTHOR)
    assert (report.created, report.errors) == (len(ACTIVITY_EXAMPLES), [])
    report = attendance_import(workspace, attendance, author=AUTHOR)
    assert (report.created, report.errors) == (len(ATTENDANCE_EXAMPLES), [])
    forum = Activity.objects.get(key="ACT-02")
    assert (forum.kind, forum.iap2_planned, forum.iap2_achieved) == ("forum", 3, 3)
    assert Attendance.objects.get(activity__key="ACT-01", actor__key="P-03").role == "speaker"
    assert Tie.objects.filter(workspace=workspace, kind="co-participation").exists()


def test_the_workbook_has_a_sheet_each_and_imports_sheet_by_sheet(client, workspace, tmp_path):
    path = download(client, workspace, "phakhi-activities.xlsx", tmp_path)
    workbook = load_workbook(io.BytesIO(path.read_bytes()))
    assert workbook.sheetnames == ["กิจกรรม", "การเข้าร่วม"]
    assert [c.value for c in workbook["กิจกรรม"][1]] == [c.thai for c in ACTIVITY_COLUMNS]
    assert [c.value for c in workbook["การเข้าร่วม"][1]] == [c.thai for c in ATTENDANCE_COLUMNS]
    actors = download(client, workspace, "phakhi-actors.csv", tmp_path)
    actors_import(workspace, actors, author=AUTHOR)
    first = activities_import(workspace, path, author=AUTHOR, sheet="กิจกรรม")
    second = attendance_import(workspace, path, author=AUTHOR, sheet="การเข้าร่วม")
    assert (first.rejected, second.rejected) == (0, 0)
    assert Attendance.objects.count() == len(ATTENDANCE_EXAMPLES)


def upload(client, workspace, what: str, rows: list[list[str]], tmp_path: Path) -> ImportJob:
    content = write_csv(tmp_path / f"{what}.csv", rows).read_bytes()
    url = reverse("web:import", args=[workspace.slug])
    response = client.post(url, {"what": what, "file": SimpleUploadedFile(f"{what}.csv", content)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportJob.objects.filter(workspace=workspace).latest("id")


def post_mapping(client, job: ImportJob, action: str = "web:import-check") -> Any:
    job.refresh_from_db()
    data = {f"column_{i}": job.mapping[h] for i, h in enumerate(job.headers)}
    return client.post(reverse(action, args=[job.workspace.slug, job.pk]), data)


def test_activities_and_attendance_through_the_wizard(client, workspace, tmp_path):
    actors = [["key", "name"], ["P1", "นายสมชาย ใจดี"], ["P2", "นางสาวมาลี ศรีสุข"]]
    actors_import(workspace, write_csv(tmp_path / "a.csv", actors), author=AUTHOR)
    rows = [
        ["รหัส", "ชื่อกิจกรรม", "วันที่", "ระดับที่วางแผน", "หมายเหตุ"],
        ["M1", "ประชุมคณะทำงาน", "15/03/2567", "ปรึกษาหารือ", "ห้อง 2"],
        ["M2", "เวทีประชาคม", "31/02/2567", "2", ""],
    ]
    job = upload(client, workspace, "activities", rows, tmp_path)
    assert job.mapping == {
        "รหัส": "key",
        "ชื่อกิจกรรม": "title",
        "วันที่": "start",
        "ระดับที่วางแผน": "iap2_planned",
        "หมายเหตุ": "ignore",  # an activity keeps no extra attributes
    }
    page = client.get(reverse("web:import-job", args=[workspace.slug, job.pk])).content.decode()
    assert 'value="attribute"' not in page and 'value="iap2_achieved"' in page
    assert post_mapping(client, job).status_code == 302
    job.refresh_from_db()
    assert job.status == "checked" and not Activity.objects.exists()
    assert job.report["errors"][0]["line"] == 3 and job.report["errors"][0]["header"] == "วันที่"
    apply = reverse("web:import-apply", args=[workspace.slug, job.pk])
    assert client.post(apply).status_code == 302
    job.refresh_from_db()
    assert job.status == "done" and Activity.objects.get().iap2_planned == 2
    errors = client.get(reverse("web:import-errors", args=[workspace.slug, job.pk]))
    assert b"31/02/2567" in b"".join(errors.streaming_content)

    rows = [["กิจกรรม", "ภาคี", "บทบาท"], ["M1", "P1", "ผู้จัด"], ["M1", "P2", ""]]
    job = upload(client, workspace, "attendance", rows, tmp_path)
    assert job.mapping == {"กิจกรรม": "activity", "ภาคี": "actor", "บทบาท": "role"}
    post_mapping(client, job)
    client.post(reverse("web:import-apply", args=[workspace.slug, job.pk]))
    job.refresh_from_db()
    assert job.status == "done" and job.report["created"] == 2
    assert Tie.objects.filter(workspace=workspace, kind="co-participation").count() == 1
    page = client.get(reverse("web:import-job", args=[workspace.slug, job.pk])).content.decode()
    assert "Co-participation ties brought up to date" in page


def test_an_attribute_mapping_is_refused_for_activities(client, workspace, tmp_path):
    rows = [["key", "title", "start", "note"], ["M1", "x", "2024-01-01", "y"]]
    job = upload(client, workspace, "activities", rows, tmp_path)
    job.mapping["note"] = "attribute"
    job.save()
    response = post_mapping(client, job)
    assert response.status_code == 400
