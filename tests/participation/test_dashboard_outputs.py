"""The participation dashboard's pages (workspace, network, project tab), its API answer and
``phakhi report participation`` on the hand-counted dataset (dashboard_support.py): the same
figures everywhere, Thai by default, links to the filtered activity list, and refusals in the
API's error shape."""

import json
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from phakhi import cli
from phakhi.core.models import Workspace
from tests.accounts_support import client_for, user_with_role
from tests.api_support import API, role_client
from tests.participation.dashboard_support import dashboard_data

PAGE = "/w/khon-kaen/participation/"


@pytest.fixture
def d(workspace: Workspace) -> dict[str, Any]:
    return dashboard_data(workspace)


@pytest.fixture(autouse=True)
def _language_restored() -> Any:
    yield
    translation.activate("en")


class _Page(HTMLParser):
    """A table's body rows (each cell's text and link) and every link of a page, with the
    current project tab."""

    def __init__(self, table_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.table_id, self.rows, self.links = table_id, [], []
        self.current: list[str] = []
        self._table = self._body = False
        self._cell: list[str] | None = None
        self._tab = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "table" and found.get("id") == self.table_id:
            self._table = True
        elif self._table and tag == "tbody":
            self._body = True
        elif self._body and tag == "tr":
            self.rows.append([])
        elif self._body and tag in ("th", "td"):
            self._cell = []
            self.rows[-1].append({"text": "", "href": ""})
        if tag == "a":
            self.links.append(found.get("href", ""))
            if self._cell is not None:
                self.rows[-1][-1]["href"] = found.get("href", "")
            self._tab = found.get("aria-current") == "page"
            if self._tab:
                self.current.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            self.rows[-1][-1]["text"] = " ".join("".join(self._cell).split())
            self._cell = None
        elif tag == "tbody":
            self._body = self._table = False
        elif tag == "a":
            self._tab = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._tab:
            self.current[-1] += data.strip()


def _page(html: bytes, table_id: str) -> _Page:
    page = _Page(table_id)
    page.feed(html.decode())
    return page


def _cells(html: bytes, table_id: str) -> list[list[str]]:
    return [[cell["text"] for cell in row] for row in _page(html, table_id).rows]


def test_the_workspace_page_in_thai(d: dict[str, Any]) -> None:
    client = client_for(user_with_role(d["workspace"], "viewer"))
    response = client.get(PAGE, {"fy": "2568"}, HTTP_ACCEPT_LANGUAGE="th")
    assert response.status_code == 200
    text = response.content.decode()
    assert "ปีงบประมาณ 2568" in text and "ระดับที่วางแผน" not in text.split("<main")[0]
    levels = _cells(response.content, "levels-table")
    assert levels[0] == ["1 · ให้ข้อมูลข่าวสาร", "1", "1"]
    assert levels[3] == ["4 · สร้างความร่วมมือ", "1", "0"]
    assert levels[5] == ["ไม่ได้ระบุ", "1", "2"]
    sectors = _cells(response.content, "sectors-table")
    assert sectors[2] == ["ภาครัฐ", "2", "2", "0", "2"]
    assert sectors[3] == ["ไม่ได้ระบุภาคส่วน", "1", "1", "5", "6"]
    assert 'data-chart-source="levels-table"' in text and 'role="img"' in text
    assert "participation.js" in text


def test_the_figures_link_to_the_filtered_activity_list(d: dict[str, Any]) -> None:
    client = client_for(user_with_role(d["workspace"], "viewer"))
    response = client.get("/w/khon-kaen/networks/health/participation/", {"fy": "2568"})
    page = _page(response.content, "levels-table")
    planned = page.rows[1][1]["href"]  # level 2, planned
    url = urlsplit(planned)
    assert url.path == "/w/khon-kaen/activities/"
    assert parse_qs(url.query) == {
        "fy": ["2568"], "network": [str(d["health"].pk)], "planned": ["2"],
    }  # fmt: skip
    listed = client.get(planned)
    assert listed.status_code == 200 and "กิจกรรม A1" in listed.content.decode()
    o25 = [link for link in page.links if "o25=missing" in link]
    assert o25, "the missing o25 count links to the list"


def test_a_range_of_days_and_a_bad_one(d: dict[str, Any]) -> None:
    client = client_for(user_with_role(d["workspace"], "member"))
    response = client.get(PAGE, {"from": "2025-03-15", "to": "2025-05-01"})
    assert response.status_code == 200
    assert "15 Mar 2025 – 1 May 2025" in response.content.decode()
    bad = client.get(PAGE, {"from": "2025-05-01", "to": "2025-03-15"})
    assert bad.status_code == 400
    assert "before it starts" in bad.content.decode()


def test_the_project_tab(d: dict[str, Any]) -> None:
    client = client_for(user_with_role(d["workspace"], "viewer"))
    response = client.get("/w/khon-kaen/projects/clinic/participation/", {"fy": "2568"})
    assert response.status_code == 200
    assert "Participation" in _page(response.content, "levels-table").current
    assert _cells(response.content, "levels-table")[1] == ["2 · consult", "1", "0"]


def test_the_api_answers_the_same_figures(d: dict[str, Any]) -> None:
    client = role_client(d["workspace"], "viewer")
    response = client.get(f"{API}/workspaces/khon-kaen/participation",
                          {"fiscal_year": 2568, "network": "health"})  # fmt: skip
    assert response.status_code == 200
    body = response.json()
    assert body["network"] == "health" and body["totals"]["activities"] == 3
    assert body["shortfalls"] == {"short": 1, "met": 1, "exceeded": 0, "not_assessed": 1}
    assert [row["key"] for row in body["quiet_members"]["items"]][:1] == ["P5"]
    assert body["missing_o25"]["items"][0]["missing"] == [
        "o25_issue", "o25_participants", "o25_results", "o25_results_used",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"network": "nope"}, "network"),
        ({"project": "nope"}, "project"),
        ({"network": "health", "project": "clinic"}, "project"),
        ({"fiscal_year": 2568, "from": "2025-01-01"}, "fiscal_year"),
        ({"from": "2025-05-01", "to": "2025-01-01"}, "to"),
        ({"fiscal_year": 1999}, "fiscal_year"),
        ({"months": 0}, "months"),
    ],
)
def test_the_api_refuses_bad_values_by_field(
    d: dict[str, Any], query: dict[str, Any], field: str
) -> None:
    response = role_client(d["workspace"], "viewer").get(
        f"{API}/workspaces/khon-kaen/participation", query
    )
    assert response.status_code == 422, response.content
    assert field in [error["field"] for error in response.json()["errors"]]


def test_the_report_as_json(d: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["report", "participation", "--workspace", "khon-kaen",
                     "--fiscal-year", "2568", "--json"])  # fmt: skip
    assert code == cli.EXIT_OK
    body = json.loads(capsys.readouterr().out)
    assert body["period"]["fiscal_year"] == 2568
    assert {row["level"]: row["planned"] for row in body["levels"]} == {
        "1": 1, "2": 1, "3": 1, "4": 1, "5": 0, "none": 1,
    }  # fmt: skip
    assert {row["sector"]: row["people"] for row in body["sectors"]} == {
        "civil": 1, "academic": 1, "government": 2, "": 1,
    }  # fmt: skip
    assert [row["key"] for row in body["missing_o25"]["items"]] == ["A1", "A3", "A4"]
    # The command counts from the real today: every member's last activity (30 Sep 2025 at the
    # latest) is more than six months ago.
    assert (body["quiet_members"]["count"], body["quiet_members"]["members"]) == (6, 6)


def test_the_report_in_thai_and_english(
    d: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["report", "participation", "--workspace", "khon-kaen", "--project",
                     "clinic", "--fiscal-year", "2568"]) == 0  # fmt: skip
    thai = capsys.readouterr().out
    assert "รายงานการมีส่วนร่วม" in thai and "ปีงบประมาณ 2568" in thai
    assert "A1\t1 ต.ค. 2567\tกิจกรรม A1" in thai
    assert cli.main(["report", "participation", "--workspace", "khon-kaen", "--network",
                     "health", "--from", "1/10/2567", "--to", "2025-09-30", "--months", "12",
                     "--lang", "en"]) == 0  # fmt: skip
    english = capsys.readouterr().out
    assert "FY 2025 (Oct 2024–Sep 2025)" in english
    assert "2 · consult\t1\t0" in english
    assert "P5\tภาคี P5\tnever" in english


def test_the_report_refuses_bad_options(
    d: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    both = ["--fiscal-year", "2568", "--from", "2025-01-01"]
    assert cli.main(["report", "participation", "--workspace", "khon-kaen", *both]) == 2
    assert cli.main(["report", "participation", "--workspace", "khon-kaen",
                     "--fiscal-year", "68"]) == cli.EXIT_USAGE  # fmt: skip
    assert cli.main(["report", "participation", "--workspace", "nowhere"]) == cli.EXIT_FAILED
    assert "phakhi:" in capsys.readouterr().err
