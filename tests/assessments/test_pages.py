"""The self-assessment pages: a new assessment from the form, an item scored by its card (htmx
gets the card back; a stale version is told, not overwritten), evidence added and removed, the
result with the comparison, the files, and the network page's link."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from phakhi.assessments.models import Answer, Evidence, SelfAssessment
from phakhi.assessments.opdc_lists import C7, C8
from phakhi.assessments.selectors import answer_for_item
from phakhi.assessments.services import answer_set, assessment_finalise
from phakhi.core.contacts import MASK
from tests.accounts_support import client_for, user_with_role
from tests.api_support import API, token_client

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def coordinator(data):
    return client_for(user_with_role(data["workspace"], "coordinator"))


def _url(name, assessment, **kwargs):
    return reverse(
        f"web:{name}",
        kwargs={"workspace": assessment.workspace.slug, "assessment": assessment.pk, **kwargs},
    )


def test_a_new_assessment_from_the_form(coordinator, data):
    url = reverse("web:assessment-add", kwargs={"workspace": "khon-kaen"})
    page = coordinator.get(url)
    assert page.status_code == 200
    assert C7.code in page.content.decode() and C8.code in page.content.decode()
    response = coordinator.post(url, {
        "templates": [C7.code, C8.code], "held_on": "15/03/2568", "network": data["network"].pk,
        "answered_by": "coordinators", "respondents": "ผู้ประสานงาน 5 คน",
    })  # fmt: skip
    created = SelfAssessment.objects.get()
    assert response.status_code == 302 and response["Location"] == _url("assessment", created)
    assert created.held_on == dt.date(2025, 3, 15) and created.network == data["network"]
    page = coordinator.get(_url("assessment", created)).content.decode()
    assert C7.items[0].thai in page and C8.items[4].thai in page
    assert page.count('name="score"') == 17 * 6  # five points and "not assessed" a card


def test_a_card_saves_its_score_and_comes_back(coordinator, make):
    assessment = make()
    answer = answer_for_item(assessment, C7.code, "2")
    url = _url("assessment-answer", assessment, answer=answer.pk)
    response = coordinator.post(url, {"score": "4", "notes": "มีเวทีทุกเดือน", "version": "1"}, **HX)
    assert response.status_code == 200
    text = response.content.decode()
    assert f'id="answer-{answer.pk}"' in text and 'value="4" checked' in text
    assert 'name="version" value="2"' in text
    assert '<span id="assessment-progress" hx-swap-oob="true">1</span>' in text
    answer.refresh_from_db()
    assert (answer.score, answer.notes) == (4, "มีเวทีทุกเดือน")
    # Someone who opened version 1 and scores 2 is told, and sees 4.
    stale = coordinator.post(url, {"score": "2", "version": "1"}, **HX)
    assert stale.status_code == 409
    assert (
        'role="alert"' in stale.content.decode() and 'value="4" checked' in stale.content.decode()
    )
    assert Answer.objects.get(pk=answer.pk).score == 4
    # Without JavaScript the page comes back at the card.
    plain = coordinator.post(url, {"score": "5", "version": "2"})
    assert plain.status_code == 302 and plain["Location"].endswith(f"#answer-{answer.pk}")


def test_evidence_from_the_picker(coordinator, make, activity, run, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    assessment = make()
    answer = answer_for_item(assessment, C7.code, "1")
    found = coordinator.get(
        _url("assessment-activity-search", assessment, answer=answer.pk), {"q": "ประชาคม"}, **HX
    )
    assert "เวทีประชาคมแผนสุขภาพตำบล" in found.content.decode()
    add = _url("assessment-evidence-add", assessment, answer=answer.pk)
    assert (
        coordinator.post(add, {"kind": "activity", "activity": activity.pk}, **HX).status_code
        == 200
    )
    assert coordinator.post(add, {"kind": "run", "run": run.pk}, **HX).status_code == 200
    upload = SimpleUploadedFile("รายงานการประชุม.pdf", b"%PDF-1.4 report", "application/pdf")
    card = coordinator.post(add, {"kind": "document", "file": upload, "label": ""}, **HX)
    assert "รายงานการประชุม.pdf" in card.content.decode()
    bad = coordinator.post(add, {"kind": "link", "url": "not a url"}, **HX)
    assert bad.status_code == 400 and 'role="alert"' in bad.content.decode()
    assert answer.evidence.count() == 3
    document = answer.evidence.get(kind="document")
    download = coordinator.get(
        _url("assessment-document", assessment, answer=answer.pk, evidence=document.pk)
    )
    assert b"".join(download.streaming_content) == b"%PDF-1.4 report"
    remove = _url("assessment-evidence-delete", assessment, answer=answer.pk, evidence=document.pk)
    assert coordinator.post(remove, **HX).status_code == 200
    assert not Evidence.objects.filter(pk=document.pk).exists()
    # The activity already linked is not offered again.
    again = coordinator.get(
        _url("assessment-activity-search", assessment, answer=answer.pk), {"q": "ประชาคม"}, **HX
    )
    assert "เวทีประชาคมแผนสุขภาพตำบล" not in again.content.decode()


def test_the_result_compares_and_the_files_download(coordinator, make, author, data):
    first = make(held_on=dt.date(2024, 6, 1))
    answer_set(author, answer_for_item(first, C7.code, "1"), score=4)
    assessment_finalise(author, first)
    now = make(held_on=dt.date(2025, 6, 1))
    answer_set(author, answer_for_item(now, C7.code, "1"), score=2)
    page = coordinator.get(_url("assessment-result", now)).content.decode()
    assert "▼" in page and "assessment-row--fell" in page
    assert f'data-chart-source="scores-{C7.code}"' in page
    assert first.title in page
    pdf = coordinator.get(_url("assessment-export", now, fmt="pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    xlsx = coordinator.get(_url("assessment-export", now, fmt="xlsx"))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert coordinator.get(_url("assessment-export", now, fmt="doc")).status_code == 404


def test_finalise_reopen_and_delete(coordinator, make, author):
    assessment = make()
    refused = coordinator.post(_url("assessment-finalise", assessment), follow=True)
    assert "Score at least one item" in refused.content.decode()
    answer_set(author, assessment.answers.first(), score=3)
    coordinator.post(_url("assessment-finalise", assessment))
    assessment.refresh_from_db()
    assert assessment.is_final
    page = coordinator.get(_url("assessment", assessment)).content.decode()
    assert 'name="score"' not in page  # read-only
    coordinator.post(_url("assessment-reopen", assessment))
    assessment.refresh_from_db()
    assert not assessment.is_final
    response = coordinator.post(_url("assessment-delete", assessment))
    assert response.status_code == 302
    assert not SelfAssessment.objects.exists()


def test_the_network_lists_its_assessments(coordinator, make, data):
    mine = make(network=data["network"])
    make()  # the agency's own: not the network's
    url = reverse("web:network-assessments", kwargs={"workspace": "khon-kaen", "slug": "health"})
    page = coordinator.get(url).content.decode()
    assert mine.title in page and page.count("<tr>") == 2  # the head and one assessment
    network_page = coordinator.get(
        reverse("web:network", kwargs={"workspace": "khon-kaen", "slug": "health"})
    )
    assert url in network_page.content.decode()


def test_who_took_part_is_masked_for_viewers(make, data):
    assessment = make(respondents="นายสมชาย ใจดี, นางสาวสมศรี มีสุข")
    viewer = client_for(user_with_role(data["workspace"], "viewer"))
    member = client_for(user_with_role(data["workspace"], "member"))
    assert "นายสมชาย ใจดี" not in viewer.get(_url("assessment", assessment)).content.decode()
    assert "นายสมชาย ใจดี" in member.get(_url("assessment", assessment)).content.decode()
    api = token_client(user_with_role(data["workspace"], "viewer", "viewer-api"))
    read = api.get(f"{API}/workspaces/khon-kaen/assessments/{assessment.pk}")
    assert read.json()["respondents"] == f"น{MASK}"
    xlsx = viewer.get(_url("assessment-export", assessment, fmt="xlsx")).content
    sheet = load_workbook(io.BytesIO(xlsx)).worksheets[0]
    cells = {cell for row in sheet.iter_rows(values_only=True) for cell in row if cell}
    assert f"น{MASK}" in cells and "นายสมชาย ใจดี, นางสาวสมศรี มีสุข" not in cells
