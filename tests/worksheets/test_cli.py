"""``phakhi worksheet export``: the file written where asked (or named in a folder), the same
bytes a page would give, a clear refusal for what does not exist, nothing half-written."""

from pathlib import Path

import pytest
from django.utils import translation
from openpyxl import load_workbook

from phakhi import cli
from tests.worksheets.filled import Filled
from tests.worksheets.paper_support import compared, pdf_info, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _language_restored():  # type: ignore[no-untyped-def]
    yield
    translation.activate("en")


def _export(*options: str) -> list[str]:
    return ["--lang", "en", "worksheet", "export", "--workspace", "khon-kaen", *options]


def test_a_pdf_is_written_where_asked(filled: Filled, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "sheets" / "ws1.pdf"
    argv = _export("--project", "organic", "--worksheet", "1", "--format", "pdf", "-o", str(out))
    assert cli.main(argv) == cli.EXIT_OK
    assert capsys.readouterr().out.strip() == str(out)
    content = out.read_bytes()
    assert pdf_info(content, tmp_path)["Page size"] == "841.89 x 595.276 pts (A4)"
    assert compared("นายก ทม.") in compared(pdf_text(content, tmp_path))
    assert [p.name for p in out.parent.iterdir()] == ["ws1.pdf"]  # no part file left


def test_a_blank_workbook_into_a_folder(filled: Filled, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    argv = _export(
        "--project", "organic", "--worksheet", "4", "--format", "xlsx", "--blank",
        "-o", str(tmp_path),
    )  # fmt: skip
    assert cli.main(argv) == cli.EXIT_OK
    written = tmp_path / "organic-worksheet-4-blank.xlsx"
    assert capsys.readouterr().out.strip() == str(written)
    rows = list(load_workbook(written).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[-1][:2] == ("กลุ่ม", "ความสัมพันธ์เดิม")  # the header, and no row under it


@pytest.mark.parametrize(
    ("workspace_slug", "project", "message"),
    [("khon-kaen", "nowhere", "nowhere"), ("elsewhere", "organic", "elsewhere")],
)
def test_a_missing_project_is_refused(  # type: ignore[no-untyped-def]
    filled: Filled, tmp_path: Path, capsys, workspace_slug: str, project: str, message: str
) -> None:
    out = tmp_path / "x.pdf"
    argv = ["--lang", "en", "worksheet", "export", "--workspace", workspace_slug, "--project",
            project, "--worksheet", "2", "--format", "pdf", "-o", str(out)]  # fmt: skip
    assert cli.main(argv) == cli.EXIT_FAILED
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_the_command_speaks_thai_by_default(filled: Filled, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "ws1.pdf"
    argv = ["worksheet", "export", "--workspace", "khon-kaen", "--project", "organic",
            "--worksheet", "1", "--format", "pdf", "-o", str(out)]  # fmt: skip
    assert cli.main(argv) == cli.EXIT_OK
    assert "หน้า 1 / " in pdf_text(out.read_bytes(), tmp_path)
