"""Self-assessments: made from the templates, scored item by item with versions, evidence of
the workspace only, final and reopened, copied, deleted — each write in the audit trail."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from phakhi.assessments.evidence import (
    evidence_add_activity,
    evidence_add_document,
    evidence_add_link,
    evidence_add_run,
    evidence_file,
    evidence_remove,
)
from phakhi.assessments.models import Answer, Evidence, SelfAssessment
from phakhi.assessments.opdc_lists import C7, C8, C9
from phakhi.assessments.selectors import answer_for_item
from phakhi.assessments.services import (
    answer_set,
    assessment_create,
    assessment_delete,
    assessment_finalise,
    assessment_reopen,
    assessment_update,
)
from phakhi.core.models import AuditEvent
from phakhi.core.versions import EditConflict
from phakhi.networks.services import network_create
from phakhi.participation.models import Activity


def test_an_assessment_has_an_empty_answer_for_every_item_of_its_lists(make, data):
    assessment = make(templates=[C8.code, C7.code])
    assert assessment.templates == [C7.code, C8.code]  # the templates' own order
    answers = list(assessment.answers.order_by("position"))
    assert len(answers) == 12 + 5
    assert [(a.template, a.item) for a in answers[:2]] == [(C7.code, "1"), (C7.code, "2")]
    assert all(a.score is None and a.notes == "" for a in answers)
    assert assessment.status == SelfAssessment.Status.DRAFT
    assert assessment.network is None
    assert assessment.title  # a default title naming the agency and the date
    assert AuditEvent.objects.filter(object_id=str(assessment.pk), action="create").exists()


def test_unknown_or_no_lists_are_refused(make):
    with pytest.raises(ValidationError) as error:
        make(templates=["twelve-principles"])
    assert "templates" in error.value.message_dict
    with pytest.raises(ValidationError):
        make(templates=[])


def test_a_network_of_another_workspace_is_refused(make, other_workspace, author):
    elsewhere = network_create(author, other_workspace, slug="far", name="ที่อื่น")
    with pytest.raises(ValidationError) as error:
        make(network=elsewhere)
    assert "network" in error.value.message_dict


def test_scores_are_1_to_5_or_none(make, author):
    answer = make().answers.first()
    answer_set(author, answer, score=4, notes="มีเวทีทุกเดือน")
    assert (answer.score, answer.notes, answer.version) == (4, "มีเวทีทุกเดือน", 2)
    answer_set(author, answer, score=None)
    assert answer.score is None and answer.notes == "มีเวทีทุกเดือน"
    for bad in (0, 6, "สาม", "2.5"):
        with pytest.raises(ValidationError):
            answer_set(author, answer, score=bad)
    answer_set(author, answer, score="5")
    assert answer.score == 5


def test_two_people_scoring_the_same_item_conflict_but_notes_merge(make, author):
    answer = make().answers.first()
    read = answer.version
    answer_set(author, answer, score=3, version=read)
    with pytest.raises(EditConflict):
        answer_set(author, Answer.objects.get(pk=answer.pk), score=2, version=read)
    # Someone who read the same version and only writes notes merges.
    answer_set(author, Answer.objects.get(pk=answer.pk), notes="หลักฐานจากเวที", version=read)
    answer.refresh_from_db()
    assert (answer.score, answer.notes) == (3, "หลักฐานจากเวที")


def test_evidence_of_the_workspace_is_linked_once(make, author, activity, run):
    answer = make().answers.first()
    linked = evidence_add_activity(author, answer, activity)
    assert linked.kind == "activity" and "เวทีประชาคมแผนสุขภาพตำบล" in linked.label
    with pytest.raises(ValidationError):
        evidence_add_activity(author, answer, activity)
    by_run = evidence_add_run(author, answer, run)
    assert str(run.number) in by_run.label
    link = evidence_add_link(author, answer, url="https://example.org/report", label="รายงาน")
    assert link.label == "รายงาน"
    with pytest.raises(ValidationError):
        evidence_add_link(author, answer, url="ftp://example.org/x")
    assert answer.evidence.count() == 3


def test_evidence_of_another_workspace_is_refused(make, author, other_workspace):
    answer = make().answers.first()
    foreign = Activity.objects.create(
        workspace=other_workspace, key="x", title="ของที่อื่น", starts_on=dt.date(2025, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        evidence_add_activity(author, answer, foreign)
    assert "activity" in error.value.message_dict
    assert not Evidence.objects.exists()


def test_documents_are_kept_under_the_workspace_within_the_limit(make, author, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.PHAKHI_EVIDENCE_MAX_BYTES = 1000
    answer = make().answers.first()
    upload = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes", "application/pdf")
    document = evidence_add_document(author, answer, upload=upload)
    path = evidence_file(document)
    assert path is not None and path.read_bytes() == b"%PDF-1.4 minutes"
    assert path.parent == tmp_path / "assessments" / answer.assessment.workspace.slug
    assert document.label == "minutes.pdf" and document.file_size == 16
    with pytest.raises(ValidationError, match="MB"):
        evidence_add_document(
            author, answer, upload=SimpleUploadedFile("big.pdf", b"x" * 1001, "application/pdf")
        )
    with pytest.raises(ValidationError):
        evidence_add_document(
            author, answer, upload=SimpleUploadedFile("run.exe", b"MZ", "application/octet-stream")
        )
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # refused: not kept


@pytest.mark.django_db(transaction=True)
def test_removing_a_document_removes_its_file_unless_a_copy_uses_it(
    make, author, settings, tmp_path
):
    settings.DATA_DIR = tmp_path
    first = make()
    answer = first.answers.first()
    answer_set(author, answer, score=3)
    upload = SimpleUploadedFile("photo.jpg", b"\xff\xd8 photo", "image/jpeg")
    document = evidence_add_document(author, answer, upload=upload)
    path = evidence_file(document)
    assessment_finalise(author, first)
    second = assessment_create(
        author, first.workspace, templates=first.templates, held_on=dt.date(2026, 6, 1),
        copy_from=first,
    )  # fmt: skip
    copied = answer_for_item(second, C7.code, "1")
    assert copied.score == 3 and copied.evidence.get().stored_path == document.stored_path
    assessment_reopen(author, first)
    evidence_remove(author, Evidence.objects.get(pk=document.pk))
    assert path.exists()  # the copy still shows it
    assessment_delete(author, second)
    assert not path.exists()
    assert not SelfAssessment.objects.filter(pk=second.pk).exists()


def test_a_final_assessment_is_read_only_until_reopened(make, author, activity):
    assessment = make()
    answer = assessment.answers.first()
    with pytest.raises(ValidationError):
        assessment_finalise(author, assessment)  # nothing scored yet
    answer_set(author, answer, score=4)
    assessment_finalise(author, assessment)
    assert assessment.is_final and assessment.finalised_by == author.label
    with pytest.raises(ValidationError):
        answer_set(author, Answer.objects.get(pk=answer.pk), score=5)
    with pytest.raises(ValidationError):
        evidence_add_activity(author, Answer.objects.get(pk=answer.pk), activity)
    with pytest.raises(ValidationError):
        assessment_update(author, assessment, title="ใหม่")
    assessment_reopen(author, assessment)
    answer_set(author, Answer.objects.get(pk=answer.pk), score=5)
    assert assessment.status == "draft"


def test_details_change_with_versions(make, author, data):
    assessment = make()
    assessment_update(
        author, assessment, title="ประเมินตนเอง 2568", network=data["network"],
        answered_by="members", respondents="ผู้ประสานงาน 6 คน", version=1,
    )  # fmt: skip
    assert (assessment.title, assessment.network, assessment.version) == (
        "ประเมินตนเอง 2568",
        data["network"],
        2,
    )
    with pytest.raises(ValidationError):
        assessment_update(author, assessment, answered_by="everyone")
    with pytest.raises(EditConflict):
        assessment_update(author, assessment, title="อีกชื่อ", version=1)


def test_the_forum_list_stands_alone(make):
    assessment = make(templates=[C9.code])
    assert assessment.answers.count() == 4
    assert {a.template for a in assessment.answers.all()} == {C9.code}
    assert C8.code not in assessment.templates
