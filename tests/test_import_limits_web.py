"""The limits of an import as the browser, the API and the command line show them: a clear page
instead of a bare 400, the user's file name instead of the server's path, an export that names
the cell it cannot write instead of a traceback."""

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from phakhi.actors.models import Actor
from phakhi.cli import EXIT_FAILED, main
from phakhi.core.limits import CELL_LENGTH
from phakhi.imports.models import ImportJob
from tests.accounts_support import client_for, user_with_role
from tests.api_support import role_client, send
from tests.test_web_import import check, csv_bytes, job_url, upload, uploaded, xlsx_bytes
from tests.xlsx_support import inline_row, write_parts


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Any) -> Any:
    settings.DATA_DIR = tmp_path
    return tmp_path


@pytest.fixture
def client(workspace: Any) -> Any:
    return client_for(user_with_role(workspace, "coordinator"))


def damaged_workbook(folder: Path) -> bytes:
    """An XLSX workbook whose sheet records a size that cannot be read: openpyxl's error for it
    names the path of the file it was given."""
    rows = [inline_row(1, "key", "name"), inline_row(2, "K1", "x")]
    return write_parts(folder / "damaged.xlsx", rows, dimension="A1:B2:C3").read_bytes()


def test_a_damaged_workbook_is_named_by_its_upload_name_not_the_server_path(
    client, workspace, settings, tmp_path
):
    response = upload(client, workspace, "สมาชิก 2568.xlsx", damaged_workbook(tmp_path))
    page = response.content.decode()
    assert response.status_code == 400
    assert "“สมาชิก 2568.xlsx” cannot be opened as an XLSX workbook" in page
    assert "uploads" not in page and str(settings.DATA_DIR) not in page
    assert not ImportJob.objects.exists()


def test_a_file_damaged_after_its_upload_fails_its_check_naming_the_upload(
    client, workspace, tmp_path
):
    job = uploaded(
        client, workspace, "สมาชิก.xlsx", xlsx_bytes({"s": [["key", "name"], ["K1", "x"]]})
    )
    job.file_path().write_bytes(damaged_workbook(tmp_path))
    check(client, job)
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.problem.startswith("“สมาชิก.xlsx” cannot be opened as an XLSX workbook")
    assert "uploads" not in job.problem
    page = client.get(job_url("web:import-job", job)).content.decode()
    assert "uploads/" not in page


def test_a_file_of_ten_thousand_columns_is_refused_at_upload_with_a_message(client, workspace):
    headers = ["key", "name", *(f"คอลัมน์{i}" for i in range(3, 10_001))]
    response = upload(client, workspace, "กว้าง.csv", csv_bytes([headers, ["K1", "x"]]))
    page = response.content.decode()
    assert response.status_code == 400
    assert "“กว้าง.csv” has 10000 columns; an import reads at most 200." in page
    assert "“คอลัมน์201” is number 201" in page
    assert len(page) < 100_000
    assert not ImportJob.objects.exists()


def test_two_hundred_columns_can_be_mapped_and_checked(client, workspace):
    headers = ["key", "name", *(f"c{i}" for i in range(3, 201))]
    job = uploaded(client, workspace, "a.csv", csv_bytes([headers, ["K1", "x", *["v"] * 198]]))
    response = check(client, job, {h: "ignore" for h in headers[102:]})
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == "checked" and job.report["created"] == 1


def test_keeping_more_extra_attributes_than_an_actor_has_is_explained_on_the_page(
    client, workspace
):
    headers = ["key", "name", *(f"ข้อมูล{i}" for i in range(1, 106))]
    job = uploaded(client, workspace, "a.csv", csv_bytes([headers, ["K1", "x", *["v"] * 105]]))
    response = check(client, job)
    page = response.content.decode()
    assert response.status_code == 400
    assert "“ข้อมูล101” would be extra attribute number 101; at most 100" in page
    assert page.count("would be extra attribute number") == 1
    job.refresh_from_db()
    assert job.status == "uploaded" and not Actor.objects.exists()


@pytest.fixture
def long_note(workspace: Any) -> Actor:
    """An actor stored before the limits, with a note longer than a spreadsheet cell."""
    return Actor.objects.create(
        workspace=workspace, key="P-1", name="มาลี", attributes={"บันทึก": "ก" * (CELL_LENGTH + 1)}
    )


def test_an_xlsx_export_names_the_cell_it_cannot_write_without_a_traceback(
    workspace, long_note, tmp_path, capsys
):
    argv = ["--lang", "en", "export", "--workspace", workspace.slug, "--format", "xlsx"]
    assert main([*argv, "-o", str(tmp_path / "out.xlsx")]) == EXIT_FAILED
    error = capsys.readouterr().err
    assert error.startswith("phakhi: The บันทึก of “P-1” (sheet actors) is 32768 characters long")
    assert "Traceback" not in error
    assert not list(tmp_path.iterdir())
    csv_argv = ["--lang", "en", "export", "--workspace", workspace.slug, "--format", "csv"]
    assert main([*csv_argv, "-o", str(tmp_path / "out")]) == 0


def test_the_directory_download_names_the_cell_it_cannot_write(client, workspace, long_note):
    url = reverse("web:directory-export", args=[workspace.slug])
    response = client.get(url, {"format": "xlsx"}, follow=True)
    assert response.status_code == 200
    assert "The บันทึก of “P-1” (sheet" in response.content.decode()


@pytest.mark.parametrize(
    "attributes",
    [{"ตำแหน่ง\x00": "x"}, {"ตำแหน่ง": "a\x00b"}, {"ก" * 101: "x"}, {"x": "ก" * 301}],
    ids=["NUL in a name", "NUL in a value", "long name", "long value"],
)
def test_the_api_refuses_attributes_an_import_would_refuse(workspace, attributes):
    api = role_client(workspace, "coordinator")
    body = {"key": "K1", "name": "มาลี", "attributes": attributes}
    response = send(api, "post", f"/workspaces/{workspace.slug}/actors", body)
    assert response.status_code == 422
    assert not Actor.objects.exists()


def test_the_api_refuses_more_attributes_than_an_actor_keeps(workspace):
    api = role_client(workspace, "coordinator")
    body = {"key": "K1", "name": "มาลี", "attributes": {f"a{i}": "x" for i in range(101)}}
    response = send(api, "post", f"/workspaces/{workspace.slug}/actors", body)
    assert response.status_code == 422
