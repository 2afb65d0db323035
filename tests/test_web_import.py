"""Import in the browser: upload, automatic and chosen column mapping, the CLI's report, apply,
the error file, limits, background runs with progress, permissions and bounded queries."""

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from openpyxl import Workbook, load_workbook

from phakhi.actors.models import Actor
from phakhi.cli import main
from phakhi.core.audit import Author
from phakhi.core.models import AuditEvent, Workspace
from phakhi.imports import jobs
from phakhi.imports.models import ImportJob
from phakhi.imports.services import actors_import
from tests.accounts_support import client_for, user_with_role

HEADERS = ["รหัส", "ชื่อ", "จังหวัด", "อีเมล", "หมายเหตุ"]
GOOD = [["A1", "นายสมชาย ใจดี", "ขอนแก่น", "a1@example.org", "แกนนำ"],
        ["A2", "นางสาวมาลี ศรีสุข", "กทม.", "", ""]]  # fmt: skip
BAD = [["A3", "", "ขอนแก่น", "", ""], ["A4", "นายเอก", "ไม่มีจังหวัดนี้", "not-an-email", ""]]
ROWS = [HEADERS, *GOOD, *BAD]


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


@pytest.fixture
def coordinator(workspace: Workspace) -> Any:
    return user_with_role(workspace, "coordinator")


@pytest.fixture
def client(coordinator: Any) -> Any:
    return client_for(coordinator)


def csv_bytes(rows: list[list[Any]], encoding: str = "utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(sheets: dict[str, list[list[Any]]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def upload(client: Any, workspace: Workspace, name: str, content: bytes, **fields: Any) -> Any:
    url = reverse("web:import", args=[workspace.slug])
    data = {"what": "actors", "file": SimpleUploadedFile(name, content), **fields}
    return client.post(url, data)


def uploaded(client: Any, workspace: Workspace, name: str, content: bytes, **kw: Any) -> Any:
    response = upload(client, workspace, name, content, **kw)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportJob.objects.filter(workspace=workspace).latest("id")


def job_url(name: str, job: ImportJob) -> str:
    return reverse(name, args=[job.workspace.slug, job.pk])


def check(client: Any, job: ImportJob, overrides: dict[str, str] | None = None) -> Any:
    job.refresh_from_db()
    data = {f"column_{i}": job.mapping[h] for i, h in enumerate(job.headers)}
    for header, chosen in (overrides or {}).items():
        data[f"column_{job.headers.index(header)}"] = chosen
    return client.post(job_url("web:import-check", job), data)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874"])
def test_a_csv_upload_shows_its_rows_and_maps_thai_headers(client, workspace, encoding):
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS, encoding))
    assert job.headers == HEADERS
    assert job.mapping == {"รหัส": "key", "ชื่อ": "name", "จังหวัด": "province",
                           "อีเมล": "email", "หมายเหตุ": "attribute"}  # fmt: skip
    assert job.rows_total == 4 and job.file_path().exists()
    assert str(job.file_path()).startswith(str(Path(job.file_path().parents[2])))
    page = client.get(job_url("web:import-job", job)).content.decode()
    assert "นางสาวมาลี ศรีสุข" in page  # the preview
    assert '<option value="province" selected>' in page


def test_an_xlsx_workbook_with_several_sheets_lets_the_user_choose(client, workspace):
    content = xlsx_bytes({"notes": [["เรื่อง"], ["ประชุม"]], "ภาคี": ROWS})
    job = uploaded(client, workspace, "book.xlsx", content)
    assert job.sheets == ["notes", "ภาคี"] and job.sheet == "notes"
    response = client.post(job_url("web:import-sheet", job), {"sheet": "ภาคี"})
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.sheet == "ภาคี" and job.headers == HEADERS and job.mapping["ชื่อ"] == "name"
    check(client, job)
    job.refresh_from_db()
    assert job.status == "checked" and job.report["created"] == 2 and job.report["rejected"] == 2


def test_the_report_gives_the_cli_messages_and_changes_nothing(client, workspace, tmp_path):
    content = csv_bytes(ROWS)
    job = uploaded(client, workspace, "ภาคี.csv", content)
    response = check(client, job)
    assert response.status_code == 302
    job.refresh_from_db()
    path = tmp_path / "same.csv"
    path.write_bytes(content)
    cli = actors_import(workspace, path, author=Author("test:cli"), dry_run=True)
    assert cli.rejected == 2
    assert job.report["errors"] == cli.as_json()["errors"]
    assert not Actor.objects.exists()
    page = client.get(job_url("web:import-job", job)).content.decode()
    for error in cli.errors:
        assert escape(error.reason) in page
    assert 'id="import-rejected">2<' in page


def test_a_remapped_header_changes_what_is_imported(client, workspace):
    rows = [["รหัส", "code", "ชื่อ"], ["1", "K-1", "นายหนึ่ง"], ["2", "K-2", "นายสอง"]]
    job = uploaded(client, workspace, "a.csv", csv_bytes(rows))
    assert job.mapping == {"รหัส": "key", "code": "ignore", "ชื่อ": "name"}  # same column twice
    check(client, job, {"รหัส": "ignore", "code": "key"})
    job.refresh_from_db()
    assert job.status == "checked", job.problem
    client.post(job_url("web:import-apply", job))
    assert sorted(Actor.objects.values_list("key", flat=True)) == ["K-1", "K-2"]


def test_a_mapping_without_a_required_column_is_refused_next_to_the_columns(client, workspace):
    job = uploaded(client, workspace, "a.csv", csv_bytes(ROWS))
    response = check(client, job, {"ชื่อ": "ignore"})
    assert response.status_code == 400
    assert "Choose the file&#x27;s column for “name” (ชื่อ): it is required." in (
        response.content.decode()
    )
    response = check(client, job, {"หมายเหตุ": "name"})
    assert "both mean “name”" in response.content.decode()


def test_apply_writes_the_valid_actors_with_an_audit_event(client, workspace):
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    check(client, job)
    response = client.post(job_url("web:import-apply", job), follow=True)
    assert "The import has been applied." in response.content.decode()
    job.refresh_from_db()
    assert job.status == "done" and job.report["applied"] and job.report["created"] == 2
    assert Actor.objects.get(key="A1").attributes == {"หมายเหตุ": "แกนนำ"}
    event = AuditEvent.objects.get(action="import")
    assert event.object_repr == "ภาคี.csv" and event.changes["created"] == 2
    assert reverse("web:directory", args=[workspace.slug]) in response.content.decode()
    again = client.post(job_url("web:import-apply", job), follow=True)
    assert "has been applied; upload the file again" in again.content.decode()
    assert Actor.objects.count() == 2


def test_all_or_nothing_writes_nothing_when_a_row_is_rejected(client, workspace):
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    check(client, job)
    client.post(job_url("web:import-apply", job), {"all_or_nothing": "1"})
    job.refresh_from_db()
    assert job.status == "checked" and not job.report["applied"]
    assert not Actor.objects.exists()


def test_the_error_file_downloads_as_csv_with_the_rejected_rows(client, workspace):
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    check(client, job)
    response = client.get(job_url("web:import-errors", job))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(".errors.csv")
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0] == [*HEADERS, "error_line", "error_reason"]
    assert [r[:5] for r in rows[1:]] == BAD
    assert [r[5] for r in rows[1:]] == ["4", "5"]
    assert rows[1][6].startswith("ชื่อ: ")  # the column as the file names it


def test_the_error_file_of_a_workbook_is_a_workbook(client, workspace, tmp_path):
    job = uploaded(client, workspace, "book.xlsx", xlsx_bytes({"ภาคี": ROWS}))
    check(client, job)
    response = client.get(job_url("web:import-errors", job))
    path = tmp_path / "errors.xlsx"
    path.write_bytes(b"".join(response.streaming_content))
    rows = [list(r) for r in load_workbook(path).active.iter_rows(values_only=True)]
    assert rows[0] == [*HEADERS, "error_line", "error_reason"]
    assert [r[0] for r in rows[1:]] == ["A3", "A4"] and [r[5] for r in rows[1:]] == [4, 5]


def test_the_error_workbook_keeps_text_a_spreadsheet_would_run_as_text(client, workspace, tmp_path):
    """A rejected row's "+66…" or "@…" is a text cell in the Text format, as the file had it:
    no apostrophe in front, and never a formula."""
    rows = [HEADERS, ["A5", "", "ขอนแก่น", "", "@SUM(A1)"], ["A6", "", "", "", "+66812345678"]]
    job = uploaded(client, workspace, "book.xlsx", xlsx_bytes({"ภาคี": rows}))
    check(client, job)
    response = client.get(job_url("web:import-errors", job))
    path = tmp_path / "errors.xlsx"
    path.write_bytes(b"".join(response.streaming_content))
    notes = [row[4] for row in load_workbook(path).active.iter_rows(min_row=2)]
    assert [(c.value, c.data_type, c.number_format) for c in notes] == [
        ("@SUM(A1)", "s", "@"),
        ("+66812345678", "s", "@"),
    ]


def test_no_error_file_when_every_row_is_valid(client, workspace):
    job = uploaded(client, workspace, "ok.csv", csv_bytes([HEADERS, *GOOD]))
    check(client, job)
    assert client.get(job_url("web:import-errors", job)).status_code == 404


def test_files_over_the_limit_or_of_another_kind_are_refused(client, workspace, settings):
    settings.PHAKHI_IMPORT_MAX_BYTES = 100
    response = upload(client, workspace, "big.csv", csv_bytes(ROWS * 5))
    assert response.status_code == 400
    assert "files up to 0 MB can be imported here" in response.content.decode()
    settings.PHAKHI_IMPORT_MAX_BYTES = 50 * 1024**2
    response = upload(client, workspace, "report.pdf", b"%PDF-1.4 binary")
    assert "“report.pdf” is not a CSV or XLSX file." in response.content.decode()
    response = upload(client, workspace, "old.csv", b"\xd0\xcf\x11\xe0\x00\x00" * 100)
    assert "binary data" in response.content.decode()
    assert not ImportJob.objects.exists()
    assert not list((Path(settings.DATA_DIR) / "uploads" / workspace.slug).iterdir())


def test_the_importer_reports_its_progress(workspace, tmp_path):
    rows = [["key", "name"], *[[f"K{i}", f"name {i}"] for i in range(1200)]]
    path = tmp_path / "many.csv"
    path.write_bytes(csv_bytes(rows))
    steps: list[tuple[str, int]] = []
    actors_import(workspace, path, author=Author("test"), progress=lambda *s: steps.append(s))
    assert steps == [("read", 500), ("read", 1000), ("check", 1200), ("write", 1200)]


def test_large_files_run_in_the_background_with_progress(client, workspace, settings):
    settings.PHAKHI_IMPORT_INLINE_ROWS = 3
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    assert jobs.runs_in_background(job)
    check(client, job)
    job.refresh_from_db()
    assert job.status == "checking" and job.step == "queued"  # queued for the worker
    page = client.get(job_url("web:import-job", job)).content.decode()
    assert 'hx-trigger="every 2s"' in page and "<progress" in page
    partial = client.get(job_url("web:import-progress", job), HTTP_HX_REQUEST="true")
    assert "HX-Refresh" not in partial
    jobs.job_run(job.pk, jobs.CHECK, Author("test:worker"))  # what the task runs
    job.refresh_from_db()
    assert (job.status, job.progress, job.step) == ("checked", 1.0, "done")
    assert job.report["rejected"] == 2
    partial = client.get(job_url("web:import-progress", job), HTTP_HX_REQUEST="true")
    assert partial["HX-Refresh"] == "true" and "every 2s" not in partial.content.decode()


def test_a_job_whose_worker_died_is_failed_and_can_be_checked_again(client, workspace, settings):
    settings.PHAKHI_IMPORT_INLINE_ROWS = 3
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    check(client, job)  # queued for a worker that never comes
    page = job_url("web:import-job", job)
    assert "<progress" in client.get(page).content.decode()  # a live job is left running
    assert ImportJob.objects.get(pk=job.pk).status == "checking"
    silent = jobs.STALLED_AFTER + dt.timedelta(minutes=1)
    ImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - silent)
    body = client.get(page).content.decode()
    job.refresh_from_db()
    assert (job.status, job.step) == ("failed", "failed")
    assert escape(job.problem) in body and "<progress" not in body
    settings.PHAKHI_IMPORT_INLINE_ROWS = 1_000
    check(client, job)  # checked again, this time in the request
    job.refresh_from_db()
    assert job.status == "checked" and job.report["rejected"] == 2


def test_a_running_job_reports_signs_of_life(workspace, tmp_path, client):
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    before = timezone.now() - dt.timedelta(hours=1)
    ImportJob.objects.filter(pk=job.pk).update(updated_at=before, status="checking")
    jobs._progress(job)("read", 1)
    job.refresh_from_db()
    assert job.updated_at > before and jobs.job_stalled_failed(job).status == "checking"


def test_the_background_task_applies_the_file(client, workspace, settings):
    settings.PHAKHI_IMPORT_INLINE_ROWS = 3
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    check(client, job)
    client.post(job_url("web:import-apply", job))
    job.refresh_from_db()
    assert job.status == "done" and Actor.objects.count() == 2


@pytest.mark.parametrize("role", ["viewer", "member"])
def test_viewers_and_members_may_not_import(client, workspace, role):
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    check(client, job)
    other = client_for(user_with_role(workspace, role))
    assert other.get(reverse("web:import", args=[workspace.slug])).status_code == 403
    for name in ("web:import-job", "web:import-errors", "web:import-progress"):
        assert other.get(job_url(name, job)).status_code == 403
    assert other.post(job_url("web:import-apply", job)).status_code == 403
    assert upload(other, workspace, "x.csv", csv_bytes(ROWS)).status_code == 403


def test_another_workspaces_import_is_not_found(client, workspace, other_workspace):
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    check(client, job)
    stranger = client_for(user_with_role(other_workspace, "admin"))
    for name in ("web:import-job", "web:import-errors", "web:import-progress"):
        url = reverse(name, args=[other_workspace.slug, job.pk])
        assert stranger.get(url).status_code == 404
    url = reverse("web:import-apply", args=[other_workspace.slug, job.pk])
    assert stranger.post(url).status_code == 404


def checked_with_files(client: Any, workspace: Workspace) -> tuple[ImportJob, list[Path]]:
    """A checked job with its upload and error file on disk."""
    job = uploaded(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    check(client, job)
    job.refresh_from_db()
    files = job.stored_files()
    assert len(files) == 2 and all(p.exists() for p in files)
    return job, files


def test_deleting_an_import_removes_its_files(
    client, workspace, django_capture_on_commit_callbacks
):
    job, files = checked_with_files(client, workspace)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(job_url("web:import-delete", job))
    assert not ImportJob.objects.exists()
    assert not any(p.exists() for p in files)


def test_a_deleted_workspace_takes_its_uploads_with_it(
    client, workspace, django_capture_on_commit_callbacks
):
    _, files = checked_with_files(client, workspace)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        workspace.delete()  # a cascade: no service runs
    assert all(p.exists() for p in files)  # not before the deletion commits
    for callback in callbacks:
        callback()
    assert not ImportJob.objects.exists() and not any(p.exists() for p in files)


def test_old_uploads_are_pruned_with_their_files(
    client, workspace, settings, django_capture_on_commit_callbacks
):
    old = uploaded(client, workspace, "old.csv", csv_bytes(ROWS))
    ImportJob.objects.filter(pk=old.pk).update(created_at="2020-01-01T00:00:00Z")
    uploaded_path = old.file_path()
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, workspace, "new.csv", csv_bytes(ROWS))
    assert list(ImportJob.objects.values_list("file_name", flat=True)) == ["new.csv"]
    assert not uploaded_path.exists()


def test_the_command_line_prunes_old_uploads(
    client, workspace, capsys, django_capture_on_commit_callbacks
):
    old = uploaded(client, workspace, "old.csv", csv_bytes(ROWS))
    recent = uploaded(client, workspace, "recent.csv", csv_bytes(ROWS))
    ImportJob.objects.filter(pk=old.pk).update(created_at="2020-01-01T00:00:00Z")
    with django_capture_on_commit_callbacks(execute=True):
        assert main(["import", "prune"]) == 0
    assert "pruned 1 uploads" in capsys.readouterr().out
    assert list(ImportJob.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not old.file_path().exists() and recent.file_path().exists()


def test_job_and_list_pages_run_a_bounded_number_of_queries(
    client, workspace, django_assert_max_num_queries
):
    rows = [HEADERS, *[[f"B{i}", "", "", "", ""] for i in range(300)]]
    job = uploaded(client, workspace, "bad.csv", csv_bytes(rows))
    check(client, job)
    for _n in range(12):
        upload(client, workspace, "ภาคี.csv", csv_bytes(ROWS))
    with django_assert_max_num_queries(12):
        response = client.get(job_url("web:import-job", job))
    assert response.content.decode().count("The name is missing.") == 50
    with django_assert_max_num_queries(12):
        assert client.get(reverse("web:import", args=[workspace.slug])).status_code == 200


def test_ties_import_through_the_browser(client, workspace, data):
    rows = [["จาก", "ถึง", "ระดับความสัมพันธ์"], ["org-1", "p-2", "4"], ["p-1", "nobody", "2"]]
    job = uploaded(client, workspace, "ties.csv", csv_bytes(rows), what="ties")
    assert job.mapping == {"จาก": "source", "ถึง": "target", "ระดับความสัมพันธ์": "strength"}
    check(client, job)
    client.post(job_url("web:import-apply", job))
    job.refresh_from_db()
    assert job.status == "done" and job.report["created"] == 1 and job.report["rejected"] == 1
    assert "“nobody” is not the key" in job.report["errors"][0]["reason"]
