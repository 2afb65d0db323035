"""Routes of the self-assessment pages: the workspace's and a network's lists, a new one, the
answering page with its item-by-item saves and evidence, the result and the files."""

from django.urls import URLPattern, path

from phakhi.web.views import assessments, assessments_answer

ONE = "assessments/<int:assessment>/"
ANSWER = f"{ONE}answers/<int:answer>/"

workspace_urlpatterns: list[URLPattern] = [
    path("assessments/", assessments.assessment_list, name="assessments"),
    path("assessments/new/", assessments.assessment_add, name="assessment-add"),
    path(ONE, assessments_answer.assessment_page, name="assessment"),
    path(f"{ONE}result/", assessments.assessment_result, name="assessment-result"),
    path(f"{ONE}edit/", assessments.assessment_edit, name="assessment-edit"),
    path(f"{ONE}finalise/", assessments.assessment_finalise_view, name="assessment-finalise"),
    path(f"{ONE}reopen/", assessments.assessment_reopen_view, name="assessment-reopen"),
    path(f"{ONE}delete/", assessments.assessment_delete_view, name="assessment-delete"),
    path(f"{ONE}export.<str:fmt>", assessments.assessment_export, name="assessment-export"),
    path(ANSWER, assessments_answer.answer_save, name="assessment-answer"),
    path(f"{ANSWER}evidence/", assessments_answer.evidence_add, name="assessment-evidence-add"),
    path(
        f"{ANSWER}evidence/<int:evidence>/delete/",
        assessments_answer.evidence_delete,
        name="assessment-evidence-delete",
    ),
    path(
        f"{ANSWER}evidence/<int:evidence>/",
        assessments_answer.evidence_document,
        name="assessment-document",
    ),
    path(
        f"{ANSWER}activities/",
        assessments_answer.activity_search,
        name="assessment-activity-search",
    ),
    path(
        "networks/<slug:slug>/assessments/",
        assessments.network_assessments,
        name="network-assessments",
    ),
]
urlpatterns: list[URLPattern] = []
