"""Importing a filled worksheet on the project's tab: upload, check, import, the report and the
rejected rows to download."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from phakhi.expansion.models import PlanRow
from phakhi.stakeholders.models import Stakeholder
from tests.accounts_support import client_for, user_with_role
from tests.worksheet_import_support import (
    CARD_HEADERS,
    MAYOR_ROW,
    PLAN_HEADERS,
    plan_rows,
    write_csv,
    write_xlsx,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(data, settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.DATA_DIR = tmp_path / "data"
    return client_for(user_with_role(data["workspace"], "coordinator"))


def _url(name: str, **kwargs: str) -> str:
    return reverse(f"web:{name}", kwargs={"workspace": "khon-kaen", "project": "clinic", **kwargs})


def _upload(path, name=None):  # type: ignore[no-untyped-def]
    return SimpleUploadedFile(name or path.name, path.read_bytes())


def test_the_tab_explains_the_columns_and_offers_the_upload(coordinator):
    page = coordinator.get(_url("worksheet-import"))
    text = page.content.decode()
    assert page.status_code == 200
    assert 'name="file"' in text and 'value="check"' in text and 'value="import"' in text
    assert "ชื่อผู้มีส่วนได้เสีย/ภาคี" in text and "How to reach them" in text
    assert "ความสัมพันธ์ใหม่" in text and "จากผังเครือข่าย" not in text
    assert f'href="{_url("worksheet-import")}" aria-current="page"' in text
    assert f'href="{_url("project-paper")}"' in text  # where the worksheet's own file is


def test_a_viewer_reads_the_tab_without_the_upload(data):
    viewer = client_for(user_with_role(data["workspace"], "viewer"))
    text = viewer.get(_url("worksheet-import")).content.decode()
    assert 'name="file"' not in text
    assert "the project's lead network" in text and "เครือข่ายสุขภาพ" in text


def test_check_then_import_the_checked_file(coordinator, tmp_path):
    rows = [*plan_rows(), ["", "หลวม", "ไม่มี"]]
    path = write_xlsx(tmp_path / "แผนขยายเครือข่าย.xlsx", PLAN_HEADERS, rows)
    response = coordinator.post(
        _url("worksheet-import"), {"file": _upload(path), "action": "check"}
    )
    assert response.status_code == 302
    report_url = response["Location"]
    page = coordinator.get(report_url)
    text = page.content.decode()
    assert "Check report" in text and "แผนขยายเครือข่าย.xlsx" in text
    assert 'id="import-created">6<' in text and 'id="import-rejected">1<' in text
    assert "worksheet 4 (cross-issue expansion plan)" in text
    assert not PlanRow.objects.exists()
    apply_url = report_url + "apply/"
    assert f'action="{apply_url}"' in text
    assert coordinator.post(apply_url)["Location"] == report_url
    applied = coordinator.get(report_url).content.decode()
    assert "What the import did" in applied and 'id="import-created">6<' in applied
    assert f'action="{apply_url}"' not in applied
    assert PlanRow.objects.count() == 6
    download = coordinator.get(report_url + "errors/")
    assert download["Content-Disposition"].startswith("attachment")
    assert "errors.csv" in download["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    assert lines[0][-2:] == ["error_line", "error_reason"] and lines[1][-2] == "8"


def test_import_at_once_and_again_changes_nothing(coordinator, data, tmp_path):
    path = write_csv(tmp_path / "cards.csv", CARD_HEADERS, [MAYOR_ROW])
    for expected in ('id="import-created">1<', 'id="import-unchanged">1<'):
        response = coordinator.post(
            _url("worksheet-import"), {"file": _upload(path), "action": "import"}
        )
        text = coordinator.get(response["Location"]).content.decode()
        assert expected in text and "What the import did" in text
    assert Stakeholder.objects.get().name == "นายก ทม."
    assert "Download the rejected rows" not in text


def test_a_file_of_no_worksheet_and_a_file_of_no_table(coordinator, tmp_path):
    path = write_csv(tmp_path / "actors.csv", ["key", "name"], [["a-1", "สมหญิง"]])
    response = coordinator.post(_url("worksheet-import"), {"file": _upload(path)})
    text = coordinator.get(response["Location"]).content.decode()
    assert "The file could not be imported" in text and "neither a worksheet 1" in text
    assert "/apply/" not in text
    bad = coordinator.post(
        _url("worksheet-import"), {"file": SimpleUploadedFile("photo.jpg", b"\xff\xd8")}
    )
    assert bad.status_code == 400 and "is not a CSV or XLSX file" in bad.content.decode()


def test_an_upload_of_another_project_or_no_upload_is_not_found(
    coordinator, data, author, tmp_path
):
    from phakhi.projects.services import project_create

    path = write_csv(tmp_path / "cards.csv", CARD_HEADERS, [MAYOR_ROW])
    response = coordinator.post(_url("worksheet-import"), {"file": _upload(path)})
    token = response["Location"].rstrip("/").rsplit("/", 1)[1]
    project_create(
        author, data["workspace"], slug="other", name="อีกโครงการ", network=data["network"]
    )
    other = reverse(
        "web:worksheet-import-report",
        kwargs={"workspace": "khon-kaen", "project": "other", "upload": token},
    )
    assert coordinator.get(other).status_code == 404
    assert coordinator.get(_url("worksheet-import-report", upload="0" * 32)).status_code == 404
    assert coordinator.get(_url("worksheet-import-report", upload="..")).status_code == 404


def test_a_larger_file_runs_in_the_background_and_its_report_comes_when_done(
    coordinator, data, monkeypatch, settings, tmp_path
):
    from phakhi.worksheets import background
    from phakhi.worksheets.tasks import worksheet_import_task

    monkeypatch.setattr(background, "INLINE_ROWS", 3)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    path = write_xlsx(tmp_path / "plan.xlsx", PLAN_HEADERS, plan_rows())
    response = coordinator.post(_url("worksheet-import"), {"file": _upload(path)})
    report_url = response["Location"]
    waiting = coordinator.get(report_url).content.decode()
    assert "Checking the file in the background." in waiting
    assert f'hx-get="{report_url}"' in waiting and 'hx-trigger="every 2s"' in waiting
    assert "No background worker is running" in waiting  # nobody to run it: the page says so
    assert 'id="import-created"' not in waiting
    # The worker takes the task, in the language of the one who started it.
    token = report_url.rstrip("/").rsplit("/", 1)[1]
    worksheet_import_task.call(data["project"].pk, token, True, "web:coordinator", None, "en")
    done = coordinator.get(report_url).content.decode()
    assert "Check report" in done and 'id="import-created">6<' in done
    assert "hx-trigger" not in done and not PlanRow.objects.exists()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    coordinator.post(report_url + "apply/")
    assert "What the import did" in coordinator.get(report_url).content.decode()
    assert PlanRow.objects.count() == 6


def test_a_run_silent_for_too_long_is_reported_stopped(coordinator, data, tmp_path):
    import datetime as dt
    import json

    from phakhi.worksheets import background, uploads

    upload = uploads.upload_store(
        data["project"], _upload(write_csv(tmp_path / "c.csv", CARD_HEADERS, [MAYOR_ROW]))
    )
    long_ago = dt.datetime.now(dt.UTC) - background.STALLED_AFTER - dt.timedelta(minutes=1)
    marker = {"dry_run": False, "started_at": long_ago.isoformat()}
    (upload.folder / background.RUNNING).write_text(json.dumps(marker))
    page = coordinator.get(_url("worksheet-import-report", upload=upload.token)).content.decode()
    assert "The run stopped before it finished" in page and "hx-trigger" not in page
    assert "The rows written before it stopped stay" in page
