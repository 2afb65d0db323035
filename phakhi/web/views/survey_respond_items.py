"""The round's self-assessment items, the open comment and sending (``/s/<token>/items/``).

Each item is one of ``survey.assessment_items`` (``"C7:1"``: a list of
``phakhi.assessments.templates`` and its item), scored on the self-assessments' 1–5 scale or
left without an answer; "send" saves the scores and the comment and makes the response count."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from phakhi.assessments.checklists import SCALE, Item, Template
from phakhi.assessments.templates import TEMPLATES
from phakhi.monitoring.models.surveys import Respondent, Survey
from phakhi.monitoring.survey_responses import item_score_set, response_submit
from phakhi.web.forms import add_service_errors
from phakhi.web.views.survey_respond_access import TEMPLATES as PAGES
from phakhi.web.views.survey_respond_access import context_of, respondent_page
from phakhi.web.views.survey_respond_forms import ItemsForm


@dataclass(frozen=True)
class RoundItem:
    template: Template
    item: Item
    heading: Item | None  # the four pillars' "1" above its sub-item "1.a"

    @property
    def field_name(self) -> str:
        return f"item-{self.template.code}-{self.item.code}"

    @property
    def text(self) -> str:
        return self.item.thai

    @property
    def problem(self) -> bool:
        """A problem of the sources: its score says how far it is overcome."""
        return (getattr(self.item, "kind", "") or self.template.kind) == "problem"


def round_items(survey: Survey) -> list[RoundItem]:
    """The round's items in the order the coordinator chose them; an item no longer shipped
    (a code that does not resolve) is left out rather than failing the respondent's page."""
    found = []
    for code in survey.assessment_items or ():
        template_code, _sep, item_code = str(code).partition(":")
        template = TEMPLATES.get(template_code)
        if template is None:
            continue
        try:
            item = template.item(item_code)
        except KeyError:
            continue
        found.append(RoundItem(template, item, template.heading_of(item_code)))
    return found


def _initial(respondent: Respondent, items: list[RoundItem]) -> dict[str, object]:
    scores = {(score.template, score.item): score.score for score in respondent.item_scores.all()}
    initial: dict[str, object] = {"comment": respondent.comment}
    for entry in items:
        score = scores.get((entry.template.code, entry.item.code))
        initial[entry.field_name] = "" if score is None else str(score)
    return initial


@respondent_page()
def items(request: HttpRequest, respondent: Respondent) -> HttpResponse:
    """Score the items, leave a comment, send."""
    listed = round_items(respondent.survey)
    data = request.POST if request.method == "POST" else None
    form = ItemsForm(data, items=listed, initial=_initial(respondent, listed))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                for entry in listed:
                    score = form.cleaned_data.get(entry.field_name)
                    item_score_set(respondent, entry.template.code, entry.item.code, score)
                response_submit(respondent, comment=form.cleaned_data["comment"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("web:survey-respond-done", token=respondent.token)
    scale = [{"value": n, "word": word, "meaning": meaning} for n, word, meaning in SCALE]
    context = context_of(
        respondent,
        step=4,
        form=form,
        scale=scale,
        partners_count=respondent.reports.count(),
    )
    return render(request, PAGES + "items.html", context, status=400 if form.errors else 200)
