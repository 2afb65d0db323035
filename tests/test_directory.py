"""The directory page: search, filters, the htmx results, pages, exports read back as the
libraries that define the formats read them, masking for viewers and workspace isolation."""

import csv
import io
import re
from typing import Any

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from phakhi.actors.services import actor_create
from phakhi.core.cells import unneutralize
from tests.accounts_support import client_for, user_with_role


def url(workspace: Any, name: str = "web:directory") -> str:
    return reverse(name, kwargs={"workspace": workspace.slug})


def text(response: Any) -> str:
    assert response.status_code == 200, response.status_code
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def csv_rows(response: Any) -> list[list[str]]:
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def xlsx_rows(response: Any) -> list[list[Any]]:
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["actors"]
    return [list(row) for row in workbook["actors"].iter_rows(values_only=True)]


def english(client: Client) -> Client:
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def member(data: dict[str, Any]) -> Client:
    return english(client_for(user_with_role(data["workspace"], "member")))


def test_the_page_lists_the_workspace_with_filters(data, member):
    page = text(member.get(url(data["workspace"])))
    assert "3 actors" in page
    assert "นายสมชาย ใจดี" in page and "มูลนิธิเพื่อนชุมชน" in page and "นางสาวสมศรี มีสุข" in page
    assert "+66812345678" in page  # a member sees contacts
    assert "Chiang Mai" in page and "สุขภาพ" in page  # province and issues
    for label in ("Kind", "Sector", "Province", "Network", "Issue", "Sort by"):
        assert label in page
    assert "เครือข่ายสุขภาพ" in page  # the network filter's choice


def test_rows_link_to_the_actor_page(data, member):
    html = member.get(url(data["workspace"])).content.decode()
    person = reverse(
        "web:actor", kwargs={"workspace": data["workspace"].slug, "pk": data["person"].pk}
    )
    assert f'href="{person}"' in html


def test_search_and_filters_from_the_query_string(data, member):
    workspace = data["workspace"]
    page = text(member.get(url(workspace), {"q": "นาย สมชาย"}))
    assert "1 actor" in page and "นายสมชาย ใจดี" in page and "นางสาวสมศรี" not in page
    page = text(member.get(url(workspace), {"kind": "organization"}))
    assert "มูลนิธิเพื่อนชุมชน" in page and "นายสมชาย" not in page
    page = text(member.get(url(workspace), {"q": "เพื่อนชุมชน", "sector": "government"}))
    assert "1 actor" in page and "นายสมชาย ใจดี" in page
    page = text(member.get(url(workspace), {"q": "zzz"}))
    assert "0 actors" in page and "No actor matches" in page


def test_bad_parameters_are_ignored_not_an_error(data, member):
    page = text(
        member.get(
            url(data["workspace"]), {"province": "99", "sort": "shoe", "page": "x", "tag": "y"}
        )
    )
    assert "3 actors" in page and "Select a valid choice" in page


def test_htmx_gets_the_results_only(data, member):
    response = member.get(url(data["workspace"]), {"q": "สมศรี"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and 'id="directory-count"' in html
    assert "นางสาวสมศรี มีสุข" in html and "นายสมชาย" not in html
    assert "HX-Request" in response["Vary"]
    restore = member.get(
        url(data["workspace"]),
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restore.content.decode()  # going back in history needs the whole page


def test_the_search_box_updates_the_results_as_you_type(data, member):
    html = member.get(url(data["workspace"])).content.decode()
    form = re.search(r"<form[^>]*role=\"search\"[^>]*>", html, re.S)
    assert form is not None
    tag = form.group(0)
    assert 'method="get"' in tag  # works without JavaScript
    assert "delay:250ms" in tag and 'hx-push-url="true"' in tag
    assert 'hx-target="#directory-results"' in tag


def test_pages(data, member, author):
    workspace = data["workspace"]
    for n in range(30):
        actor_create(author, workspace, key=f"v-{n:02}", name=f"อาสาสมัคร คนที่ {n:02}")
    first = member.get(url(workspace), {"q": "อาสา"})
    page = text(first)
    assert "30 actors" in page and "Showing 1–25" in page and "Page 1 of 2" in page
    assert "page=2" in first.content.decode()
    second = text(member.get(url(workspace), {"q": "อาสา", "page": 2}))
    assert "Showing 26–30" in second and "คนที่ 29" in second and "คนที่ 00" not in second


def test_queries_per_page_do_not_grow_with_the_rows(
    data, author, member, django_assert_max_num_queries
):
    workspace = data["workspace"]
    for n in range(40):
        actor_create(
            author,
            workspace,
            key=f"m-{n:02}",
            name=f"สมาชิก {n:02}",
            organization="org-1",
            province="ขอนแก่น",
            tags="สุขภาพ; การศึกษา",
            phone="081-234-5678",
        )
    for query in ("", "สมาชิก", "สุขภาพ", "สม"):
        with django_assert_max_num_queries(16):
            assert member.get(url(workspace), {"q": query}).status_code == 200


def test_export_csv_is_the_filtered_list(data, member):
    workspace = data["workspace"]
    rows = csv_rows(
        member.get(url(workspace, "web:directory-export"), {"q": "สม", "format": "csv"})
    )
    header, body = rows[0], rows[1:]
    assert header[:3] == ["key", "name", "kind"]
    assert sorted(r[1] for r in body) == ["นางสาวสมศรี มีสุข", "นายสมชาย ใจดี"]
    somchai = next(r for r in body if r[0] == "p-1")
    # "+…" would run as a formula in a spreadsheet: the export neutralizes it as the CLI does.
    assert somchai[header.index("phone")] == "'+66812345678"
    assert unneutralize(somchai[header.index("phone")]) == "+66812345678"
    assert somchai[header.index("organization")] == "org-1"
    assert somchai[header.index("tags")] == "สุขภาพ"


def test_export_xlsx_is_the_filtered_list(data, member):
    workspace = data["workspace"]
    response = member.get(
        url(workspace, "web:directory-export"), {"kind": "organization", "format": "xlsx"}
    )
    rows = xlsx_rows(response)
    assert rows[0][:2] == ["key", "name"]
    assert [r[:2] for r in rows[1:]] == [["org-1", "มูลนิธิเพื่อนชุมชน"]]


def test_export_xlsx_keeps_a_phone_number_as_text_without_an_apostrophe(data, member):
    response = member.get(
        url(data["workspace"], "web:directory-export"), {"q": "สมชาย", "format": "xlsx"}
    )
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    headers, row = (list(r) for r in workbook["actors"].iter_rows(max_row=2))
    phone = row[[h.value for h in headers].index("phone")]
    assert (phone.value, phone.data_type, phone.number_format) == ("+66812345678", "s", "@")


def test_a_viewer_sees_and_exports_contacts_masked(data):
    workspace = data["workspace"]
    viewer = english(client_for(user_with_role(workspace, "viewer")))
    page = text(viewer.get(url(workspace)))
    assert "081-xxx-x678" in page and "+66812345678" not in page
    assert "masked for your role" in page
    export = url(workspace, "web:directory-export")
    rows = csv_rows(viewer.get(export, {"q": "สมชาย", "format": "csv"}))
    assert rows[1][rows[0].index("phone")] == "081-xxx-x678"
    xlsx = xlsx_rows(viewer.get(export, {"q": "สมชาย", "format": "xlsx"}))
    assert xlsx[1][xlsx[0].index("phone")] == "081-xxx-x678"
    assert "+66812345678" not in str(xlsx)


def test_another_workspace_is_not_found(data, other_workspace, author):
    actor_create(author, other_workspace, key="x-1", name="นายสมชาย ใจดี", phone="089-999-9999")
    outsider = client_for(user_with_role(other_workspace, "admin"))
    assert outsider.get(url(data["workspace"])).status_code == 404
    assert outsider.get(url(data["workspace"], "web:directory-export")).status_code == 404
    member = english(client_for(user_with_role(data["workspace"], "member")))
    page = text(member.get(url(data["workspace"]), {"q": "สมชาย"}))
    assert "1 actor" in page and "089" not in page
    rows = csv_rows(member.get(url(data["workspace"], "web:directory-export"), {"q": "สมชาย"}))
    assert [r[0] for r in rows[1:]] == ["p-1"]


def test_anonymous_users_go_to_the_log_in_page(data):
    response = Client().get(url(data["workspace"]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_unknown_export_format_is_not_found(data, member):
    assert (
        member.get(url(data["workspace"], "web:directory-export"), {"format": "pdf"}).status_code
        == 404
    )
