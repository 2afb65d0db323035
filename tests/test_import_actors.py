import json
from pathlib import Path

import pytest

from phakhi.actors.models import Actor
from phakhi.cli import main
from phakhi.core.models import AuditEvent
from phakhi.imports.services import actors_import
from phakhi.networks.models import Membership
from phakhi.networks.services import network_create
from tests.conftest import AUTHOR
from tests.helpers import write_csv

HEADER_TH = [
    "ประเภท",
    "รหัส",
    "ชื่อ",
    "ภาคส่วน",
    "จังหวัด",
    "อำเภอ",
    "สังกัด",
    "โทรศัพท์",
    "อีเมล",
    "ไลน์",
    "ประเด็น",
    "ตำแหน่ง",
]
GOOD = [
    HEADER_TH,
    [
        "บุคคล",
        "P1",
        "นายสมชาย  ใจดี",
        "ประชาชน",
        "จ.ขอนแก่น",
        "อ.เมือง",
        "ORG1",
        "๐๘๑-๒๓๔-๕๖๗๘",
        "Somchai@Example.org",
        "somchai1",
        "สุขภาพ; ผู้สูงอายุ",
        "อสม.",
    ],
    [
        "องค์กร",
        "ORG1",
        "โรงพยาบาลขอนแก่น",
        "ภาครัฐ",
        "ขอนแก่น",
        "",
        "",
        "043-123-456",
        "",
        "",
        "สุขภาพ",
        "",
    ],
    [
        "กลุ่ม",
        "G1",
        "กลุ่มเกษตรอินทรีย์บ้านโนน",
        "เอกชน",
        "Khon Kaen",
        "",
        "",
        "",
        "",
        "",
        "เกษตรอินทรีย์",
        "",
    ],
]


def run(workspace, path: Path, **options):
    return actors_import(workspace, path, author=AUTHOR, **options)


def test_thai_headers_any_order_land_normalized(workspace, tmp_path):
    report = run(workspace, write_csv(tmp_path / "a.csv", GOOD))
    assert (report.rows, report.created, report.rejected) == (3, 3, 0)
    person = Actor.objects.get(workspace=workspace, key="P1")
    assert person.name == "นายสมชาย ใจดี"  # as written, with the doubled space folded
    assert person.name_key == "สมชายใจดี"
    assert (person.kind, person.sector) == ("person", "civil")
    assert (person.province_code, person.district_code) == ("40", "4001")
    assert person.phone == "+66812345678"
    assert person.email == "Somchai@example.org"
    assert person.organization.key == "ORG1"  # defined on a later line of the same file
    assert sorted(person.tags.values_list("name", flat=True)) == ["ผู้สูงอายุ", "สุขภาพ"]
    assert person.attributes == {"ตำแหน่ง": "อสม."}
    assert Actor.objects.get(key="G1").sector == "civil"


def test_reimport_is_idempotent_and_a_changed_row_updates_with_audit(workspace, tmp_path):
    path = write_csv(tmp_path / "a.csv", GOOD)
    run(workspace, path)
    again = run(workspace, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    changed = [row[:] for row in GOOD]
    changed[1][7] = "089-999-0000"
    report = run(workspace, write_csv(tmp_path / "b.csv", changed))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    event = AuditEvent.objects.get(action="update", object_type="actors.actor")
    assert event.changes["phone"] == ["+66812345678", "+66899990000"]
    assert event.by == AUTHOR.label


def test_absent_columns_keep_stored_values_and_empty_cells_clear(workspace, tmp_path):
    run(workspace, write_csv(tmp_path / "a.csv", GOOD))
    report = run(
        workspace,
        write_csv(tmp_path / "b.csv", [["key", "name", "email"], ["P1", "นายสมชาย ใจดี", ""]]),
    )
    assert report.updated == 1
    person = Actor.objects.get(key="P1")
    assert person.email == "" and person.phone == "+66812345678" and person.sector == "civil"


@pytest.mark.parametrize(
    ("row", "column", "expected"),
    [
        (["P2", "", "", ""], "name", "missing"),
        (["P2", "ก", "โรงเรียน", ""], "kind", "person"),
        (["P2", "ก", "", "เชียงใหม"], "province", "เชียงใหม่"),
        (["P2", "ก", "", "", "bad@"], "email", "e-mail"),
        (["P2", "ก", "", "", "", "12345"], "phone", "phone"),
        # 98 characters as typed, 124 once written +66…: too long for the stored column
        (["P2", "ก", "", "", "", ",".join(f"081234567{i}" for i in range(1, 10))], "phone", "100"),
        (["P2", "ก", "", "", "", "", "NOPE"], "organization", "NOPE"),
        (["P2", "ก", "", "", "", "", "P2"], "organization", "own organization"),
    ],
)
def test_each_bad_row_is_rejected_with_line_column_and_reason(
    workspace, tmp_path, row, column, expected
):
    header = ["key", "name", "kind", "province", "email", "phone", "organization"]
    rows = [header, ["P1", "สมศรี", "", "", "", "", ""], row + [""] * (7 - len(row))]
    report = run(workspace, write_csv(tmp_path / "a.csv", rows))
    assert (report.created, report.rejected) == (1, 1)
    [error] = [e for e in report.errors if e.column == column]
    assert error.line == 3 and expected in error.reason


def test_repeated_key_and_dependent_organization_are_rejected(workspace, tmp_path):
    rows = [
        ["key", "name", "organization", "email"],
        ["ORG", "มูลนิธิ", "", "bad"],  # rejected: its people cannot join it
        ["P1", "สมชาย", "ORG", ""],
        ["P2", "สมหญิง", "P1", ""],
        ["P2", "สมหญิง ซ้ำ", "", ""],
    ]
    report = run(workspace, write_csv(tmp_path / "a.csv", rows))
    reasons = {e.line: e.reason for e in report.errors}
    assert report.rejected == 4 and report.created == 0
    assert "line 2" in reasons[3] or "2" in reasons[3]
    assert "first on line 4" in reasons[5]
    assert not Actor.objects.exists()


def test_error_file_beside_input_can_be_fixed_and_reimported(workspace, tmp_path):
    rows = [
        ["key", "name", "province", "note"],
        ["P1", "สมชาย", "ขอนแก่น", "a"],
        ["P2", "สมหญิง", "ขอนแก้น", "b"],
    ]
    report = run(workspace, write_csv(tmp_path / "members.csv", rows))
    errors_file = tmp_path / "members.errors.csv"
    assert report.errors_file == str(errors_file)
    text = errors_file.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "key,name,province,note,error_line,error_reason"
    assert lines[1].startswith("P2,สมหญิง,ขอนแก้น,b,3,province:") and "ขอนแก่น" in lines[1]
    errors_file.write_text(text.replace("ขอนแก้น", "ขอนแก่น"), encoding="utf-8-sig")
    fixed = run(workspace, errors_file)
    assert (fixed.created, fixed.rejected) == (1, 0)
    assert Actor.objects.get(key="P2").attributes == {"note": "b"}
    assert fixed.errors_file is None
    assert not (tmp_path / "members.errors.errors.csv").exists()


def test_all_or_nothing_and_dry_run_change_nothing(workspace, tmp_path):
    rows = [["key", "name"], ["P1", "สมชาย"], ["P2", ""]]
    path = write_csv(tmp_path / "a.csv", rows)
    report = run(workspace, path, all_or_nothing=True)
    assert not report.applied and report.created == 1 and report.rejected == 1
    assert run(workspace, path, dry_run=True).applied is False
    assert not Actor.objects.exists()
    assert not AuditEvent.objects.filter(action="import").exists()


def test_possible_duplicates_are_reported_not_merged(workspace, tmp_path):
    rows = [
        ["key", "name", "organization", "phone", "email"],
        ["ORG", "อบต.บ้านโนน", "", "", ""],
        ["P1", "นายสมชาย ใจดี", "ORG", "0812345678", ""],
        ["P2", "สมชาย  ใจดี", "ORG", "", "a@example.org"],
        ["P3", "สมศักดิ์", "", "081-234-5678", "A@example.org"],
    ]
    report = run(workspace, write_csv(tmp_path / "a.csv", rows))
    found = {(d.keys, d.reason) for d in report.possible_duplicates}
    assert (("P1", "P2"), "same name in the same organization") in found
    assert (("P1", "P3"), "same phone number") in found
    assert (("P2", "P3"), "same e-mail address") in found
    assert Actor.objects.count() == 4


def test_network_option_adds_members_once(workspace, tmp_path):
    network = network_create(AUTHOR, workspace, slug="health", name="เครือข่ายสุขภาพ")
    path = write_csv(tmp_path / "a.csv", GOOD)
    assert run(workspace, path, network=network).memberships_added == 3
    assert run(workspace, path, network=network).memberships_added == 0
    assert Membership.objects.filter(network=network).count() == 3


def test_cli_json_report_counts_add_up(workspace, tmp_path, capsys):
    rows = [*GOOD, ["บุคคล", "P9", "", "", "", "", "", "", "", "", "", ""]]
    path = write_csv(tmp_path / "a.csv", rows)
    code = main(
        ["--lang", "en", "import", "actors", str(path), "--workspace", workspace.slug, "--json"]
    )
    report = json.loads(capsys.readouterr().out)
    assert code == 3
    assert report["rows"] == 4
    assert report["created"] + report["updated"] + report["unchanged"] + report["rejected"] == 4
    assert report["errors"] == [
        {"line": 5, "column": "name", "reason": "The name is missing.", "header": "ชื่อ"}
    ]
    assert report["errors_file"].endswith("a.errors.csv")
    assert set(report) >= {"possible_duplicates"}


def test_cli_messages_are_thai_by_default(workspace, tmp_path, capsys):
    path = write_csv(tmp_path / "a.csv", [["key", "name"], ["P1", ""]])
    main(["import", "actors", str(path), "--workspace", workspace.slug])
    out = capsys.readouterr().out
    assert "ไม่มีชื่อ" in out or "ชื่อ" in out
