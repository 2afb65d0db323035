"""`phakhi survey import`: a round's responses from a Google Form or paper, one row per
respondent and partner — Thai and English headers and words, CSV in UTF-8 and Windows-874 and
XLSX; the survey ties and results they make; consent; the respondent's answers replaced whole
on a new file and nothing changed by the same file again; every refusal with its line and
column; the roster; answers given on the web left alone."""

import json
from typing import Any

import pytest

from phakhi.core.models import AuditEvent
from phakhi.monitoring.models import PartnerReport, Respondent
from phakhi.monitoring.survey_imports import survey_responses_import
from phakhi.monitoring.survey_services import survey_open
from phakhi.ties.models import Tie
from phakhi.ties.vocabulary import CONFIRMED, SURVEY_ROUND, SURVEYED
from tests.helpers import write_csv, write_xlsx
from tests.monitoring.survey_support import AUTHOR, answer, respondent_of

pytestmark = pytest.mark.django_db

HEADERS = [
    "ผู้ตอบ", "ภาคีที่ทำงานด้วย", "ระดับความสัมพันธ์", "ความถี่", "สิ่งที่แลกเปลี่ยน",
    "การเปิดรับการสื่อสาร", "ความน่าเชื่อถือ", "การสนับสนุนพันธกิจร่วม", "อำนาจและอิทธิพล",
    "ทรัพยากรที่ร่วมสนับสนุน", "ระดับการมีส่วนร่วม", "ความยินยอม",
]  # fmt: skip
GOOD = [
    HEADERS,
    ["m-a", "m-b", "แน่นแฟ้น", "เดือนละครั้ง", "ข้อมูล; งบประมาณ", "4", "3", "4", "3", "3", "4", "ยินยอม"],
    ["m-a", "m-c", "2", "ปีละครั้ง", "", "๓", "", "2", "1", "", "2", "ยินยอม"],
    ["m-b", "m-a", "3", "weekly", "mentoring", "4", "4", "4", "4", "4", "4", "yes"],
    ["m-d", "m-a", "4", "", "", "", "", "", "", "", "", "ไม่ยินยอม"],
    ["m-e", "", "", "", "", "", "", "", "", "", "", "ยินยอม"],
]  # fmt: skip


@pytest.fixture
def round_(surveyed: dict[str, Any]) -> dict[str, Any]:
    survey_open(AUTHOR, surveyed["survey"])
    surveyed["survey"].refresh_from_db()
    return surveyed


def run(world: dict[str, Any], path, **options):
    return survey_responses_import(
        world["workspace"], path, survey=world["survey"], author=AUTHOR, **options
    )


def reports(world: dict[str, Any]) -> dict[tuple[str, str], tuple]:
    rows = PartnerReport.objects.filter(respondent__survey=world["survey"]).values_list(
        "respondent__actor__key",
        "partner__key",
        "level",
        "frequency",
        "flows",
        "trust_openness",
        "trust_reliability",
        "trust_mission",
        "value_power",
        "value_resources",
        "value_involvement",
    )
    return {(r[0], r[1]): r[2:] for r in rows}


def survey_ties(world: dict[str, Any]) -> dict[tuple[str, str], tuple[int, bool, str]]:
    ties = Tie.objects.filter(workspace=world["workspace"], kind=SURVEYED)
    return {
        (t.source.key, t.target.key): (t.strength, t.attributes[CONFIRMED], t.origin)
        for t in ties.select_related("source", "target")
    }


EXPECTED = {
    ("m-a", "m-b"): (4, "monthly", ["information", "funding"], 4, 3, 4, 3, 3, 4),
    ("m-a", "m-c"): (2, "yearly", [], 3, None, 2, 1, None, 2),
    ("m-b", "m-a"): (3, "weekly", ["mentoring"], 4, 4, 4, 4, 4, 4),
}


def test_thai_file_makes_reports_respondents_and_confirmed_ties(round_, tmp_path):
    result = run(round_, write_csv(tmp_path / "r.csv", GOOD))
    report, outcome = result.report, result.outcome
    assert (report.rows, report.created, report.rejected, report.applied) == (5, 4, 0, True)
    assert reports(round_) == EXPECTED
    assert (outcome.respondents, outcome.declined, outcome.declined_rows) == (3, ["m-d"], 1)
    counted_rows = report.created + report.updated + report.unchanged + report.rejected
    assert counted_rows + outcome.declined_rows == report.rows
    survey = round_["survey"]
    counted = Respondent.objects.filter(survey=survey, submitted_at__isnull=False)
    assert sorted(counted.values_list("actor__key", flat=True)) == ["m-a", "m-b", "m-e"]
    assert set(counted.values_list("source", flat=True)) == {"import"}
    assert set(counted.values_list("consent_notice", flat=True)) == {survey.notice_version}
    d = respondent_of(survey, round_["D"])
    assert (d.consented_at, d.submitted_at, d.source) == (None, None, "web")
    assert survey_ties(round_) == {
        ("m-a", "m-b"): (4, True, "survey"),
        ("m-b", "m-a"): (3, True, "survey"),
        ("m-a", "m-c"): (2, False, "survey"),
    }
    assert outcome.ties == {"created": 3, "updated": 0, "deleted": 0}
    tie = Tie.objects.get(kind=SURVEYED, source__key="m-a", target__key="m-b")
    assert tie.attributes[SURVEY_ROUND] == "round-1"
    assert "trust_openness" not in json.dumps(tie.attributes)


def test_the_audit_trail_has_counts_never_answers(round_, tmp_path):
    run(round_, write_csv(tmp_path / "r.csv", GOOD))
    events = AuditEvent.objects.filter(workspace=round_["workspace"])
    imported = events.get(action="import", object_type="monitoring.respondent")
    assert imported.changes["created"] == 4 and imported.changes["rows"] == 5
    per_respondent = events.filter(action="update", object_type="monitoring.respondent")
    assert sorted(e.object_repr for e in per_respondent) == [
        "round-1 · m-a",
        "round-1 · m-b",
        "round-1 · m-e",
    ]
    a = per_respondent.get(object_repr="round-1 · m-a")
    assert a.changes == {"response": [None, "import"], "reports": [0, 2]}
    for event in events.filter(object_type__startswith="monitoring"):
        assert "trust" not in json.dumps(event.changes) and "ข้อมูล" not in json.dumps(event.changes)


def test_windows_874_csv_and_xlsx_read_the_same(round_, tmp_path):
    result = run(round_, write_csv(tmp_path / "r.csv", GOOD, encoding="cp874"))
    assert result.report.description.startswith("CSV, Windows-874")
    assert reports(round_) == EXPECTED
    PartnerReport.objects.all().delete()
    Respondent.objects.update(consented_at=None, submitted_at=None, source="web")
    numbers = [[int(c) if c.isdigit() else c for c in row] for row in GOOD]
    result = run(round_, write_xlsx(tmp_path / "r.xlsx", {"คำตอบ": numbers}))
    assert (result.report.created, result.report.rejected) == (4, 0)
    assert result.report.description.startswith("XLSX")
    assert reports(round_) == EXPECTED


def test_english_headers_and_a_google_form_s_extra_columns(round_, tmp_path):
    rows = [
        ["Timestamp", "respondent", "partner", "level", "frequency", "flows", "consent",
         "Email address", "trust_reliability"],
        ["2026/12/01 10:00", "m-c", "m-d", "coordinate", "quarterly", "information, resources",
         "I agree", "c@example.org", "3"],
    ]  # fmt: skip
    result = run(round_, write_csv(tmp_path / "form.csv", rows))
    assert (result.report.created, result.report.rejected) == (1, 0)
    assert result.report.ignored_columns == ["Timestamp", "Email address"]
    assert reports(round_)[("m-c", "m-d")] == (
        2, "quarterly", ["information", "resources"], None, 3, None, None, None, None,
    )  # fmt: skip


def test_the_same_file_again_changes_nothing(round_, tmp_path):
    path = write_csv(tmp_path / "r.csv", GOOD)
    run(round_, path)
    submitted = dict(Respondent.objects.values_list("actor__key", "submitted_at"))
    ties = set(Tie.objects.values_list("id", "version"))
    again = run(round_, path)
    assert (again.report.created, again.report.updated, again.report.unchanged) == (0, 0, 4)
    assert again.outcome.ties == {} and again.outcome.withdrawn == 0
    assert dict(Respondent.objects.values_list("actor__key", "submitted_at")) == submitted
    assert set(Tie.objects.values_list("id", "version")) == ties


def test_a_new_file_replaces_the_respondent_s_answers(round_, tmp_path):
    run(round_, write_csv(tmp_path / "r.csv", GOOD))
    rows = [HEADERS, [*GOOD[1][:2], "3", *GOOD[1][3:]], GOOD[3]]
    result = run(round_, write_csv(tmp_path / "r2.csv", rows))
    assert (result.report.updated, result.report.unchanged) == (1, 1)
    assert result.outcome.reports_removed == 1
    assert reports(round_)[("m-a", "m-b")][0] == 3 and ("m-a", "m-c") not in reports(round_)
    assert survey_ties(round_)[("m-a", "m-b")] == (3, True, "survey")
    assert ("m-a", "m-c") not in survey_ties(round_)
    assert result.outcome.ties == {"created": 0, "updated": 1, "deleted": 1}


def test_without_consent_nothing_is_kept_and_earlier_answers_go(round_, tmp_path):
    run(round_, write_csv(tmp_path / "r.csv", GOOD))
    # m-a's consent on one row only: nothing of theirs is kept (consent goes on every row).
    rows = [HEADERS, GOOD[1], [*GOOD[2][:-1], ""], GOOD[3]]
    result = run(round_, write_csv(tmp_path / "r2.csv", rows))
    assert (result.report.rejected, result.report.errors) == (0, [])
    assert (result.outcome.declined, result.outcome.withdrawn) == (["m-a"], 1)
    assert {pair[0] for pair in reports(round_)} == {"m-b"}
    a = respondent_of(round_["survey"], round_["A"])
    assert (a.consented_at, a.submitted_at) == (None, None) and a.withdrawn_at is not None
    assert survey_ties(round_) == {("m-b", "m-a"): (3, False, "survey")}
    withdrawn = AuditEvent.objects.get(object_repr="round-1 · m-a", changes__response__1="withdraw")
    assert withdrawn.changes["reports"] == [2, 0]


def test_every_refusal_names_its_line_and_column(round_, tmp_path):
    rows = [
        HEADERS,
        ["m-x", "m-b", "1", "", "", "", "", "", "", "", "", "ยินยอม"],
        ["m-a", "m-z", "1", "", "", "", "", "", "", "", "", "ยินยอม"],
        ["m-b", "m-b", "1", "", "", "", "", "", "", "", "", "ยินยอม"],
        ["m-c", "m-a", "", "", "", "", "", "", "", "", "", "ยินยอม"],
        ["m-d", "m-a", "5", "sometimes", "gossip", "7", "", "", "", "", "", "ยินยอม"],
        ["m-e", "m-a", "1", "", "", "", "", "", "", "", "", "perhaps"],
        ["", "m-a", "1", "", "", "", "", "", "", "", "", "ยินยอม"],
    ]
    result = run(round_, write_csv(tmp_path / "bad.csv", rows))
    errors = [(e.line, e.column) for e in sorted(result.report.errors, key=lambda e: e.line)]
    assert errors == [
        (2, "respondent"),
        (3, "partner"),
        (4, "partner"),
        (5, "level"),
        (6, "level"),
        (6, "frequency"),
        (6, "flows"),
        (6, "trust_openness"),
        (7, "consent"),
        (8, "respondent"),
    ]
    reasons = {(e.line, e.column): e.reason for e in result.report.errors}
    assert reasons[(2, "respondent")] == "“m-x” is not the key of an actor in this workspace."
    assert reasons[(4, "partner")] == "A respondent cannot name themselves as a partner."
    assert reasons[(6, "trust_openness")] == "Rating 7 is outside 1–4."
    assert result.report.rejected == 7 and result.report.created == 0
    assert PartnerReport.objects.count() == 0
    assert result.report.errors_file and (tmp_path / "bad.errors.csv").exists()


def test_a_respondent_s_rows_are_imported_together(round_, tmp_path):
    rows = [
        HEADERS,
        ["m-a", "m-b", "2", "", "", "", "", "", "", "", "", "ยินยอม"],
        ["m-a", "m-c", "9", "", "", "", "", "", "", "", "", "ยินยอม"],
        ["m-a", "m-b", "3", "", "", "", "", "", "", "", "", "ยินยอม"],
        ["m-b", "m-a", "2", "", "", "", "", "", "", "", "", "ยินยอม"],
    ]
    result = run(round_, write_csv(tmp_path / "r.csv", rows))
    reasons = {e.line: e.reason for e in result.report.errors}
    assert set(reasons) == {2, 3, 4}
    assert "line 3 of the same respondent" in reasons[2]
    assert reasons[4] == "“m-b” is already on line 2 for this respondent."
    assert set(reports(round_)) == {("m-b", "m-a")}
    errors_file = (tmp_path / "r.errors.csv").read_text(encoding="utf-8-sig")
    assert errors_file.count("m-a,") == 3


def test_the_roster_and_add_to_roster(round_, tmp_path):
    # เอก (m-f) left the network before the round: not on its roster.
    rows = [
        HEADERS,
        ["m-a", "m-f", "2", "", "", "", "", "", "", "", "", "ยินยอม"],
        ["m-f", "m-a", "2", "", "", "", "", "", "", "", "", "ยินยอม"],
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    result = run(round_, path)
    assert [(e.line, e.column) for e in result.report.errors] == [(2, "partner"), (3, "respondent")]
    assert "--add-to-roster" in result.report.errors[0].reason
    assert not Respondent.objects.filter(actor=round_["F"]).exists()
    result = run(round_, path, add_to_roster=True)
    assert (result.report.created, result.outcome.roster_added) == (2, ["m-f"])
    f = respondent_of(round_["survey"], round_["F"])
    assert f.source == "import" and f.submitted_at is not None and len(f.token) > 20


def test_an_answer_given_on_the_web_stands(round_, tmp_path):
    survey = round_["survey"]
    answer(respondent_of(survey, round_["A"]), {round_["C"]: 1})
    result = run(round_, write_csv(tmp_path / "r.csv", GOOD))
    assert {e.line for e in result.report.errors} == {2, 3}
    assert "answered this survey on the web" in result.report.errors[0].reason
    assert reports(round_)[("m-a", "m-c")][0] == 1 and ("m-a", "m-b") not in reports(round_)
    assert respondent_of(survey, round_["A"]).source == "web"


def test_an_answer_given_on_the_web_while_the_file_is_checked_stops_the_import(
    round_, tmp_path, monkeypatch
):
    from phakhi.imports.readers import ImportFileError
    from phakhi.monitoring import survey_imports
    from phakhi.monitoring.survey_import_plan import load_roster

    survey = round_["survey"]
    as_read = load_roster(survey)  # the roster as the import reads it, before the answer
    monkeypatch.setattr(survey_imports, "load_roster", lambda _survey: as_read)
    answer(respondent_of(survey, round_["A"]), {round_["C"]: 1})
    with pytest.raises(ImportFileError, match="answered on the web while the file"):
        run(round_, write_csv(tmp_path / "r.csv", GOOD))
    assert set(reports(round_)) == {("m-a", "m-c")} and reports(round_)[("m-a", "m-c")][0] == 1
    assert not Respondent.objects.filter(source="import").exists()


def test_one_who_withdrew_is_not_imported_again(round_, tmp_path):
    from phakhi.monitoring.survey_responses import response_withdraw

    survey = round_["survey"]
    response_withdraw(answer(respondent_of(survey, round_["B"]), {round_["A"]: 2}))
    result = run(round_, write_csv(tmp_path / "r.csv", GOOD))
    assert [(e.line, e.column) for e in result.report.errors] == [(4, "respondent")]
    assert "withdrew from this survey on" in result.report.errors[0].reason
    b = respondent_of(survey, round_["B"])
    assert (b.consented_at, b.source) == (None, "web") and b.withdrawn_at is not None
    assert ("m-b", "m-a") not in reports(round_) and ("m-a", "m-b") in reports(round_)


def test_dry_run_all_or_nothing_and_a_draft(surveyed, tmp_path):
    from django.core.exceptions import ValidationError

    path = write_csv(tmp_path / "r.csv", GOOD)
    with pytest.raises(ValidationError, match="draft"):
        run(surveyed, path)
    surveyed["survey"] = survey_open(AUTHOR, surveyed["survey"])
    dry = run(surveyed, path, dry_run=True)
    assert (dry.report.created, dry.report.applied) == (4, False)
    bad = write_csv(tmp_path / "bad.csv", [*GOOD, ["m-c", "m-q", "1", *[""] * 8, "ยินยอม"]])
    strict = run(surveyed, bad, all_or_nothing=True)
    assert (strict.report.rejected, strict.report.applied) == (1, False)
    assert PartnerReport.objects.count() == 0 and not Tie.objects.filter(kind=SURVEYED).exists()


def test_the_command_prints_the_json_summary_and_its_exit_code(round_, tmp_path, capsys):
    from phakhi.cli import main

    path = write_csv(tmp_path / "r.csv", GOOD)
    args = ["survey", "import", str(path), "--workspace", "khon-kaen", "--survey", "round-1"]
    assert main([*args, "--json", "--lang", "en"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["what"], summary["rows"], summary["created"], summary["rejected"]) == (
        "survey", 5, 4, 0,
    )  # fmt: skip
    assert summary["survey"]["declined"] == ["m-d"] and summary["survey"]["respondents"] == 3
    assert summary["survey"]["ties"] == {"created": 3, "updated": 0, "deleted": 0}
    bad = write_csv(tmp_path / "bad.csv", [HEADERS, ["m-c", "m-q", "1", *[""] * 8, "ยินยอม"]])
    assert main(["survey", "import", str(bad), *args[3:], "--lang", "en"]) == 3
    text = capsys.readouterr().out
    assert "line 2, ภาคีที่ทำงานด้วย" in text and "“m-q” is not the key of an actor" in text
    assert "no consent" not in text and "rejected rows with reasons" in text


def test_the_template_downloads_from_the_import_page_and_imports_as_it_is(workspace, tmp_path):
    from django.urls import reverse

    from phakhi.imports.examples import example_csv
    from phakhi.imports.services import actors_import
    from phakhi.monitoring.survey_services import survey_create
    from phakhi.networks.services import network_create
    from tests.accounts_support import client_for, user_with_role

    client = client_for(user_with_role(workspace, "coordinator"))
    page = client.get(reverse("web:import", args=[workspace.slug])).content.decode()
    for name in ("phakhi-survey-responses.csv", "phakhi-survey-responses.xlsx"):
        url = reverse("web:import-template", args=[workspace.slug, name])
        assert url in page
        (tmp_path / name).write_bytes(client.get(url).content)

    network = network_create(AUTHOR, workspace, slug="nakhon-phanom", name="เครือข่ายนครพนม")
    (tmp_path / "actors.csv").write_bytes(example_csv("actors"))
    actors_import(workspace, tmp_path / "actors.csv", network=network, author=AUTHOR)
    survey = survey_create(AUTHOR, workspace, network=network, slug="r1", name="รอบที่ 1")
    world = {"workspace": workspace, "survey": survey_open(AUTHOR, survey)}
    result = run(world, tmp_path / "phakhi-survey-responses.csv")
    assert (result.report.rejected, result.report.created) == (0, 6)
    assert result.outcome.declined == ["GRP-01"] and result.report.ignored_columns == []
    again = run(world, tmp_path / "phakhi-survey-responses.xlsx")
    assert (again.report.rejected, again.report.unchanged) == (0, 6)
    assert reports(world)[("ORG-03", "GRP-01")][:3] == (4, "weekly", ["information", "mentoring"])
