"""The answering page of a self-assessment: one card an item, with the source's Thai words, the
score as five big choices, notes and the evidence picker (activities found by title, analysis
runs, an uploaded document, a web address). Each card saves on its own (htmx swaps the card;
without JavaScript the form posts and the page comes back at the card). Two people scoring the
same item at once: the second is told, and sees the score now stored."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.analysis.models import AnalysisRun
from phakhi.assessments.access import can_edit_assessment, shown_respondents
from phakhi.assessments.checklists import SCALE
from phakhi.assessments.evidence import (
    document_max_bytes,
    evidence_add_activity,
    evidence_add_document,
    evidence_add_link,
    evidence_add_run,
    evidence_file,
    evidence_remove,
)
from phakhi.assessments.models import Answer, Evidence, SelfAssessment
from phakhi.assessments.selectors import (
    activities_matching,
    answer_in,
    answers_with_evidence,
    evidence_in,
    runs_for_evidence,
)
from phakhi.assessments.services import answer_set
from phakhi.assessments.templates import TEMPLATES
from phakhi.core.dates import current_language
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.core.versions import EditConflict, UnknownVersion
from phakhi.participation.models import Activity
from phakhi.web.access import forbidden, request_author, workspace_view
from phakhi.web.views.assessments import assessment_or_404, assessment_url
from phakhi.web.views.assessments_forms import AnswerForm, DocumentForm, LinkForm

CARD = "web/assessments/_card.html"


def _answer_or_404(assessment: SelfAssessment, answer_id: int) -> Answer:
    try:
        return answer_in(assessment, answer_id)
    except NotFound as error:
        raise Http404(str(error)) from None


def _htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def activity_url(slug: str, evidence: Evidence) -> str | None:
    """The page of an activity given as evidence (when the activities' pages are there)."""
    if evidence.activity_id is None:
        return None
    try:
        return reverse("web:activity", kwargs={"workspace": slug, "activity": evidence.activity_id})
    except NoReverseMatch:
        return None


def _scale() -> list[dict[str, Any]]:
    return [{"value": n, "word": word, "meaning": meaning} for n, word, meaning in SCALE]


def card(
    answer: Answer,
    *,
    slug: str,
    number: int,
    editable: bool,
    runs: list[AnalysisRun] | None = None,
    error: str = "",
    saved: bool = False,
) -> dict[str, Any]:
    """What a card shows: the item in the source's words, the answer and its evidence."""
    template = TEMPLATES[answer.template]
    item = template.item(answer.item)
    evidence = list(answer.evidence.all())
    for found in evidence:
        found.href = activity_url(slug, found)  # type: ignore[attr-defined]
    return {
        "answer": answer,
        "number": number,
        "template": template,
        "item": item,
        "group": template.heading_of(item.code),
        "problem": template.kind_of(item) == "problem",
        "heading": item.thai if current_language() == "th" else str(item.english),
        "editable": editable,
        "evidence": evidence,
        "runs": runs or [],
        "error": error,
        "saved": saved,
    }


@workspace_view()
def assessment_page(
    request: HttpRequest, workspace: Workspace, access: Access, assessment: int
) -> HttpResponse:
    found = assessment_or_404(workspace, assessment)
    editable = can_edit_assessment(access, found) and not found.is_final
    answers = answers_with_evidence(found)
    runs = runs_for_evidence(workspace) if editable else []
    sections = []
    for code in found.templates:
        mine = [a for a in answers if a.template == code]
        if code in TEMPLATES and mine:
            sections.append(
                {
                    "template": TEMPLATES[code],
                    "cards": [
                        card(a, slug=workspace.slug, number=i, editable=editable, runs=runs)
                        for i, a in enumerate(mine, start=1)
                    ],
                }
            )
    scored = sum(1 for a in answers if a.score is not None)
    context = {
        "workspace": workspace,
        "access": access,
        "assessment": found,
        "sections": sections,
        "scored": scored,
        "total": len(answers),
        "respondents": shown_respondents(access, found),
        "scale": _scale(),
        "can_edit": can_edit_assessment(access, found),
        "editable": editable,
        "document_limit_mb": document_max_bytes() // 1024**2,
    }
    return render(request, "web/assessments/answer.html", context)


def _number(answer: Answer) -> int:
    return (
        Answer.objects.filter(
            assessment_id=answer.assessment_id,
            template=answer.template,
            position__lte=answer.position,
        ).count()
        or 1
    )


def _card_response(
    request: HttpRequest,
    answer: Answer,
    *,
    error: str = "",
    saved: bool = False,
    status: int = 200,
) -> HttpResponse:
    """The card again for htmx; otherwise the page at the card (an error as a message)."""
    if not _htmx(request):
        if error:
            from django.contrib import messages

            messages.error(request, error)
        return redirect(assessment_url(answer.assessment) + f"#answer-{answer.pk}")
    fresh = Answer.objects.select_related("assessment").get(pk=answer.pk)
    shown = card(
        fresh,
        slug=fresh.assessment.workspace.slug,
        number=_number(fresh),
        editable=not fresh.assessment.is_final,
        runs=runs_for_evidence(fresh.assessment.workspace),
        error=error,
        saved=saved,
    )
    context = {
        "workspace": fresh.assessment.workspace,
        "assessment": fresh.assessment,
        "progress": fresh.assessment.answers.filter(score__isnull=False).count(),
        "c": shown,
        "scale": _scale(),
        "document_limit_mb": document_max_bytes() // 1024**2,
    }
    return render(request, CARD, context, status=status)


def _editable_answer(
    request: HttpRequest, workspace: Workspace, access: Access, assessment: int, answer: int
) -> tuple[Answer | None, HttpResponse | None]:
    found = assessment_or_404(workspace, assessment)
    if not can_edit_assessment(access, found):
        return None, forbidden(request, access, "edit_network" if found.network else "edit")
    return _answer_or_404(found, answer), None


@workspace_view("edit")
def answer_save(
    request: HttpRequest, workspace: Workspace, access: Access, assessment: int, answer: int
) -> HttpResponse:
    found, refused = _editable_answer(request, workspace, access, assessment, answer)
    if refused or found is None:
        return refused or HttpResponse(status=404)
    if request.method != "POST":
        return redirect(assessment_url(found.assessment) + f"#answer-{found.pk}")
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _card_response(request, found, error=_("Give a score from 1 to 5."), status=400)
    data = form.cleaned_data
    fields: dict[str, Any] = {"score": data["score"]}
    if "notes" in request.POST:
        fields["notes"] = data["notes"]
    try:
        answer_set(request_author(request), found, version=data["version"], **fields)
    except EditConflict as conflict:
        names = ", ".join(c.field for c in conflict.conflicts)
        message = _(
            "Someone else changed this item after you opened it (%(fields)s). It now shows "
            "what they saved; score it again if you disagree."
        ) % {"fields": names}
        return _card_response(request, found, error=message, status=409)
    except (UnknownVersion, ValidationError) as error:
        text = " ".join(getattr(error, "messages", [str(error)]))
        return _card_response(request, found, error=text, status=400)
    return _card_response(request, found, saved=True)


@workspace_view("edit")
def evidence_add(
    request: HttpRequest, workspace: Workspace, access: Access, assessment: int, answer: int
) -> HttpResponse:
    found, refused = _editable_answer(request, workspace, access, assessment, answer)
    if refused or found is None:
        return refused or HttpResponse(status=404)
    if request.method != "POST":
        return redirect(assessment_url(found.assessment) + f"#answer-{found.pk}")
    author = request_author(request)
    kind = request.POST.get("kind", "")
    try:
        if kind == "activity":
            activity = Activity.objects.filter(
                workspace=workspace, pk=_int(request.POST.get("activity"))
            ).first()
            if activity is None:
                raise ValidationError(_("Choose an activity of this workspace."))
            evidence_add_activity(author, found, activity)
        elif kind == "run":
            run = AnalysisRun.objects.filter(
                workspace=workspace, pk=_int(request.POST.get("run"))
            ).first()
            if run is None:
                raise ValidationError(_("Choose an analysis run of this workspace."))
            evidence_add_run(author, found, run)
        elif kind == "link":
            form = LinkForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Give a web address starting with http:// or https://."))
            evidence_add_link(author, found, **form.cleaned_data)
        elif kind == "document":
            upload = DocumentForm(request.POST, request.FILES)
            if not upload.is_valid():
                raise ValidationError(_("Choose a file to attach."))
            evidence_add_document(
                author,
                found,
                upload=upload.cleaned_data["file"],
                label=upload.cleaned_data["label"],
            )
        else:
            raise ValidationError(_("Choose what kind of evidence to add."))
    except ValidationError as error:
        return _card_response(request, found, error=" ".join(error.messages), status=400)
    return _card_response(request, found, saved=True)


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@workspace_view("edit")
def evidence_delete(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    assessment: int,
    answer: int,
    evidence: int,
) -> HttpResponse:
    found, refused = _editable_answer(request, workspace, access, assessment, answer)
    if refused or found is None:
        return refused or HttpResponse(status=404)
    try:
        item = evidence_in(found, evidence)
    except NotFound as error:
        raise Http404(str(error)) from None
    if request.method == "POST":
        try:
            evidence_remove(request_author(request), item)
        except ValidationError as error:
            return _card_response(request, found, error=" ".join(error.messages), status=400)
    return _card_response(request, found, saved=request.method == "POST")


@workspace_view()
def evidence_document(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    assessment: int,
    answer: int,
    evidence: int,
) -> HttpResponseBase:
    """An uploaded document, to whoever may read the assessment."""
    found = _answer_or_404(assessment_or_404(workspace, assessment), answer)
    try:
        item = evidence_in(found, evidence)
    except NotFound as error:
        raise Http404(str(error)) from None
    path = evidence_file(item)
    if path is None:
        raise Http404(_("The document's file is not there."))
    return FileResponse(path.open("rb"), as_attachment=True, filename=item.file_name or path.name)


@workspace_view("edit")
def activity_search(
    request: HttpRequest, workspace: Workspace, access: Access, assessment: int, answer: int
) -> HttpResponse:
    """The evidence picker's activities matching what was typed (an htmx fragment)."""
    found, refused = _editable_answer(request, workspace, access, assessment, answer)
    if refused or found is None:
        return refused or HttpResponse(status=404)
    query = request.GET.get("q", "")[:200]
    linked = set(found.evidence.exclude(activity=None).values_list("activity_id", flat=True))
    context = {
        "workspace": workspace,
        "assessment": found.assessment,
        "answer": found,
        "activities": [a for a in activities_matching(workspace, query) if a.pk not in linked],
        "query": query,
    }
    return render(request, "web/assessments/_activities.html", context)
