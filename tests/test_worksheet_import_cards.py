"""Worksheet 1's card table read back into a project's latest assessment."""

import csv
import datetime as dt

import pytest

from phakhi.actors.services import actor_create
from phakhi.core.models import AuditEvent
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import assessment_create
from phakhi.worksheets.imports import worksheet_import
from tests.fixtures_stakeholders import EXAMPLE_CARD
from tests.worksheet_import_support import (
    CARD_HEADERS,
    CARD_HEADERS_EN,
    CONSUMERS_ROW,
    MAYOR_ROW,
    write_csv,
    write_xlsx,
)

pytestmark = pytest.mark.django_db


def test_the_mayors_card_lands_in_a_new_assessment_dated_today(data, author, tmp_path):
    path = write_xlsx(tmp_path / "cards.xlsx", CARD_HEADERS, [MAYOR_ROW, CONSUMERS_ROW])
    report = worksheet_import(author, data["project"], path)
    assert (report.rows, report.created, report.rejected) == (2, 2, 0), report.errors
    assert report.worksheet == 1 and report.applied
    assessment = Assessment.objects.get(project=data["project"])
    assert assessment.held_on == dt.date.today()
    mayor = Stakeholder.objects.get(assessment=assessment, name="นายก ทม.")
    for name, value in EXAMPLE_CARD.items():
        assert getattr(mayor, name) == value, name
    assert (mayor.kind, mayor.sector) == ("person", "government")
    assert (mayor.influences_us, mayor.affected_by_us, mayor.interested_in_outcome) == (
        True,
        False,
        False,
    )
    assert (mayor.influence, mayor.influence_score, mayor.interest, mayor.interest_score) == (
        "high",
        5,
        "high",
        None,
    )
    consumers = Stakeholder.objects.get(assessment=assessment, name="ผู้บริโภค")
    assert (consumers.kind, consumers.sector) == ("group", "civil")
    assert (consumers.affected_by_us, consumers.interested_in_outcome) == (True, True)
    assert (consumers.influence, consumers.interest, consumers.interest_score) == (
        "low",
        "high",
        4,
    )


def test_rows_go_into_the_latest_assessment_matched_by_normalized_name(data, author, tmp_path):
    project = data["project"]
    assessment_create(author, project, held_on=dt.date(2025, 1, 10), copy_last=False)
    latest = assessment_create(author, project, held_on=dt.date(2026, 6, 1), copy_last=False)
    first = write_xlsx(tmp_path / "one.xlsx", CARD_HEADERS, [MAYOR_ROW])
    worksheet_import(author, project, first)
    # The same name written with other spacing, Thai digits and a new impact.
    again = [" นายก  ทม. ", *MAYOR_ROW[1:7], "ผลงานด้านสุขภาพ", *MAYOR_ROW[8:]]
    report = worksheet_import(
        author, project, write_xlsx(tmp_path / "two.xlsx", CARD_HEADERS, [again])
    )
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    mayor = Stakeholder.objects.get(assessment=latest)
    assert mayor.impact == "ผลงานด้านสุขภาพ"
    assert Stakeholder.objects.count() == 1


def test_a_second_run_of_the_same_file_changes_nothing(data, author, tmp_path):
    path = write_xlsx(tmp_path / "cards.xlsx", CARD_HEADERS, [MAYOR_ROW, CONSUMERS_ROW])
    worksheet_import(author, data["project"], path)
    events = AuditEvent.objects.count()
    versions = list(Stakeholder.objects.order_by("id").values_list("version", flat=True))
    report = worksheet_import(author, data["project"], path)
    assert (report.rows, report.created, report.updated, report.unchanged) == (2, 0, 0, 2)
    assert list(Stakeholder.objects.order_by("id").values_list("version", flat=True)) == versions
    assert AuditEvent.objects.count() == events + 1  # the import's own event, with its counts


def test_english_headers_read_the_same(data, author, tmp_path):
    path = write_csv(tmp_path / "cards.csv", CARD_HEADERS_EN, [MAYOR_ROW])
    report = worksheet_import(author, data["project"], path)
    assert (report.worksheet, report.created) == (1, 1)
    assert Stakeholder.objects.get().contact_person == EXAMPLE_CARD["contact_person"]


def test_a_name_exactly_in_the_directory_links_the_actor(data, author, tmp_path, workspace):
    health_office = actor_create(
        author, workspace, key="o-9", name="สำนักงานสาธารณสุขจังหวัด", kind="organization"
    )
    rows = [["สำนักงาน สาธารณสุข จังหวัด", "องค์กร", "ภาครัฐ"], ["นายสมชาย  ใจดี", "คน", ""]]
    path = write_csv(tmp_path / "cards.csv", CARD_HEADERS[:3], rows)
    worksheet_import(author, data["project"], path)
    linked = dict(Stakeholder.objects.values_list("name", "actor_id"))
    assert linked == {
        "สำนักงาน สาธารณสุข จังหวัด": health_office.pk,
        "นายสมชาย ใจดี": data["person"].pk,
    }


def test_an_empty_kind_is_not_written_as_a_person(data, author, tmp_path):
    path = write_csv(tmp_path / "cards.csv", CARD_HEADERS[:3], [["ป้าแดง", "", ""]])
    worksheet_import(author, data["project"], path)
    assert Stakeholder.objects.get().kind == ""


def _errors(report):  # type: ignore[no-untyped-def]
    return [(e.line, e.shown) for e in sorted(report.errors, key=lambda e: e.line)]


def test_each_bad_row_is_rejected_with_line_column_and_reason_and_the_rest_land(
    data, author, tmp_path
):
    rows = [
        MAYOR_ROW,  # line 2
        ["ผู้บริโภค", "กลุ่ม", "ประชาชน", "2", "มากมาย", "มาก"],  # 3: not a level
        ["อสม.", "กลุ่ม", "ประชาชน", "กลุ่มที่ 7", "น้อย", "น้อย"],  # 4: no such group
        ["รพ.สต.", "องค์กร", "ภาครัฐ", "1", "7", "มาก"],  # 5: 7 on a 1–5 scale
        ["", "คน", "ภาครัฐ", "1", "มาก", "มาก"],  # 6: no name
        ["สื่อท้องถิ่น", "องค์กร", "ภาครัฐ", "", "3", ""],  # 7: 3 is the middle line
    ]
    path = write_xlsx(tmp_path / "cards.xlsx", CARD_HEADERS[:6], rows)
    report = worksheet_import(author, data["project"], path)
    assert (report.rows, report.created, report.rejected) == (6, 1, 5)
    assert _errors(report) == [
        (3, "ระดับอิทธิพล"),
        (4, "กลุ่ม"),
        (5, "ระดับอิทธิพล"),
        (6, "ชื่อผู้มีส่วนได้เสีย/ภาคี"),
        (7, "ระดับอิทธิพล"),
    ]
    reasons = {e.line: e.reason for e in report.errors}
    assert "มากมาย" in reasons[3] and "มาก (4)" in reasons[3]
    assert "กลุ่มที่ 7" in reasons[4] and "กลุ่มที่มีอิทธิพลต่อโครงการเรา" in reasons[4]
    assert "1–5" in reasons[5]
    assert reasons[6] == "The name is missing."
    assert "middle" in reasons[7]
    assert list(Stakeholder.objects.values_list("name", flat=True)) == ["นายก ทม."]
    # Beside the input: the rejected rows as they were, with their line and reason.
    errors_file = tmp_path / "cards.errors.csv"
    assert report.errors_file == str(errors_file)
    with errors_file.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == [*CARD_HEADERS[:6], "error_line", "error_reason"]
    assert [line[-2] for line in lines[1:]] == ["3", "4", "5", "6", "7"]
    assert lines[1][:6] == rows[1] and "ระดับอิทธิพล:" in lines[1][-1]


def test_the_error_file_fixed_imports_as_it_is(data, author, tmp_path):
    rows = [MAYOR_ROW[:6], ["ผู้บริโภค", "กลุ่ม", "ประชาชน", "2", "มากมาย", "มาก"]]
    path = write_csv(tmp_path / "cards.csv", CARD_HEADERS[:6], rows)
    first = worksheet_import(author, data["project"], path)
    errors_file = tmp_path / "cards.errors.csv"
    fixed = errors_file.read_text(encoding="utf-8-sig").replace("มากมาย", "มาก")
    errors_file.write_text(fixed, encoding="utf-8-sig")
    second = worksheet_import(author, data["project"], errors_file)
    assert (first.rejected, second.rows, second.created, second.rejected) == (1, 1, 1, 0)
    assert Stakeholder.objects.get(name="ผู้บริโภค").influence == "high"
    assert not (tmp_path / "cards.errors.errors.csv").exists()


def test_a_name_twice_in_the_file_is_rejected_the_second_time(data, author, tmp_path):
    rows = [MAYOR_ROW[:3], ["นายก  ทม.", "คน", "วิชาการ"]]
    report = worksheet_import(
        author, data["project"], write_csv(tmp_path / "c.csv", CARD_HEADERS[:3], rows)
    )
    assert (report.created, report.rejected) == (1, 1)
    assert report.errors[0].line == 3 and "line 2" in report.errors[0].reason
    assert Stakeholder.objects.get().sector == "government"


def test_a_dry_run_reports_the_same_and_writes_nothing(data, author, tmp_path):
    rows = [MAYOR_ROW, CONSUMERS_ROW, ["", "คน"]]
    path = write_xlsx(tmp_path / "cards.xlsx", CARD_HEADERS, rows)
    events = AuditEvent.objects.count()
    report = worksheet_import(author, data["project"], path, dry_run=True)
    assert (report.rows, report.created, report.rejected, report.applied) == (3, 2, 1, False)
    assert not Assessment.objects.exists() and not Stakeholder.objects.exists()
    assert AuditEvent.objects.count() == events
    applied = worksheet_import(author, data["project"], path)
    assert (applied.created, applied.rejected) == (report.created, report.rejected)


def test_a_row_refused_by_the_service_names_its_column(data, author, tmp_path):
    # Only the stakeholder's own checks know a contact person's longest length.
    rows = [["ผู้บริโภค", "กลุ่ม", "ก" * 301], ["อสม.", "กลุ่ม", "ป้าแดง"]]
    headers = [CARD_HEADERS[0], CARD_HEADERS[1], "ชื่อคนที่ติดต่อได้"]
    report = worksheet_import(author, data["project"], write_csv(tmp_path / "c.csv", headers, rows))
    assert (report.created, report.rejected) == (1, 1)
    error = report.errors[0]
    assert (error.line, error.column, error.shown) == (2, "contact_person", "ชื่อคนที่ติดต่อได้")
    assert "300" in error.reason


def test_the_mayors_card_is_not_matched_to_the_municipality(data, author, tmp_path):
    """The mayor ("นายก ทม.", an office) keeps its นาย, so the mayor's card does not land
    on the organization "กทม.": it is added beside it."""
    from phakhi.stakeholders.services import stakeholder_add

    assessment = assessment_create(author, data["project"], held_on=dt.date(2026, 1, 5))
    bangkok = stakeholder_add(author, assessment, name="กทม.", kind="organization")
    path = write_csv(tmp_path / "c.csv", CARD_HEADERS[:3], [MAYOR_ROW[:3]])
    report = worksheet_import(author, data["project"], path)
    assert (report.updated, report.created, report.rejected) == (0, 1, 0)
    assert assessment.stakeholders.filter(name="นายก ทม.").exists()
    bangkok.refresh_from_db()
    assert (bangkok.kind, bangkok.sector, bangkok.version) == ("organization", "", 1)
