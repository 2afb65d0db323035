"""Choosing partners and saying how one works with each (``/s/<token>/partners/`` and
``/s/<token>/about/``).

The list holds every other member of the roster — hundreds on a phone — each with a box to tick.
survey.js filters it as one types (each row's text and the typed text brought to the comparable
form of ``phakhi.core.thai``); without scripts the search box is a plain form that the server
filters with ``search_text``, and the partners already ticked travel along as hidden fields.
Ticking changes nothing stored: the list's form goes (GET) to the page of cards, one per partner
ticked, and only saving the cards writes — the respondent's whole list at once, so that a
partner unticked is a partner no longer reported."""

from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse

from phakhi.actors.models import Actor, Kind
from phakhi.core.areas import province_name
from phakhi.core.dates import current_language
from phakhi.core.thai import name_key, word_key
from phakhi.monitoring.models.surveys import Respondent
from phakhi.monitoring.survey_responses import ReportInput, response_reports_set
from phakhi.monitoring.survey_selectors import partners_for
from phakhi.web.views.survey_respond_access import TEMPLATES, context_of, respondent_page
from phakhi.web.views.survey_respond_forms import RATING_FIELDS, PartnerForm, report_initial

CHOSEN = "p"  # the name of the ticked boxes (a partner's id each)
FROM_LIST = "chosen"  # present when the ticks come from the list, even if none are ticked


class PartnerRow(NamedTuple):
    """One row of the list, as plain text: hundreds of them render in a loop that unpacks them,
    with no lookups through an actor (measured: a third of the page's time went there)."""

    pk: str
    name: str
    detail: str  # kind · province, in the page's language
    chosen: bool


def search_text(actor: Actor) -> str:
    """What the typed text is looked for in: the name as written (so that "นายสม" finds
    นายสมชาย, and "สม" too), the name without its title where that is not already part of it,
    and the province's Thai name — each in the comparable form of ``phakhi.core.thai``."""
    written = word_key(actor.name)
    words = [written]
    untitled = name_key(actor.name)
    if untitled and untitled not in written:
        words.append(untitled)
    province = word_key(province_name(actor.province_code))
    if province:
        words.append(province)
    return " ".join(words)


class _Details:
    """Kind and province as the list shows them: enough to tell two namesakes apart (the
    sector's long name would double the size of a list of hundreds on a phone). Each kind's
    and province's words are looked up once a page, not once a row."""

    def __init__(self, language: str) -> None:
        self.kinds = {value: str(label) for value, label in Kind.choices}
        self.language = language
        self.provinces: dict[str, str] = {}

    def __call__(self, actor: Actor) -> str:
        kind = self.kinds.get(actor.kind, actor.kind)
        code = actor.province_code
        if not code:
            return kind
        if code not in self.provinces:
            self.provinces[code] = province_name(code, self.language)
        return f"{kind} · {self.provinces[code]}"


def _reported(respondent: Respondent) -> set[int]:
    return set(respondent.reports.values_list("partner_id", flat=True))


def _chosen(query: QueryDict, respondent: Respondent, partners: dict[int, Actor]) -> set[int]:
    """The partners ticked: as the list (or the cards page) sent them, else those the
    respondent reported before. Ids that are not other members of the roster are left out."""
    if FROM_LIST in query or CHOSEN in query:
        picked = {int(value) for value in query.getlist(CHOSEN) if value.isdigit()}
    else:
        picked = _reported(respondent)
    return picked & partners.keys()


@respondent_page()
def partners(request: HttpRequest, respondent: Respondent) -> HttpResponse:
    """The list of the other members to tick; ``?q=`` filters it when scripts are off."""
    detail = _Details(current_language())
    everyone = {actor.pk: actor for actor in partners_for(respondent)}
    chosen = _chosen(request.GET, respondent, everyone)
    query = request.GET.get("q", "").strip()[:100]
    key = word_key(query)
    rows = []
    shown = set()
    for pk, actor in everyone.items():
        if key and key not in search_text(actor):
            continue
        rows.append(PartnerRow(str(pk), actor.name, detail(actor), pk in chosen))
        shown.add(pk)
    context = context_of(
        respondent,
        step=2,
        rows=rows,
        query=query,
        total=len(everyone),
        chosen_count=len(chosen),
        hidden_chosen=sorted(chosen - shown),
        all_chosen=sorted(chosen),
    )
    return render(request, TEMPLATES + "partners.html", context)


def _forms(
    respondent: Respondent, chosen: list[Actor], data: QueryDict | None
) -> list[tuple[Actor, PartnerForm]]:
    before = {report.partner_id: report for report in respondent.reports.all()}
    cards = []
    for actor in chosen:
        report = before.get(actor.pk)
        initial = report_initial(report) if report is not None else {}
        cards.append((actor, PartnerForm(data, prefix=f"p{actor.pk}", initial=initial)))
    return cards


def _report(actor: Actor, form: PartnerForm) -> ReportInput:
    data = form.cleaned_data
    ratings = {name: data.get(name) for name in RATING_FIELDS}
    return ReportInput(
        partner=actor,
        level=data["level"],
        frequency=data.get("frequency") or "",
        flows=list(data.get("flows") or ()),
        **ratings,
    )


def _back_to_list(token: str, chosen: list[Actor]) -> str:
    query = QueryDict(mutable=True)
    query[FROM_LIST] = "1"
    query.setlist(CHOSEN, [str(actor.pk) for actor in chosen])
    return f"{reverse('web:survey-respond-partners', kwargs={'token': token})}?{query.urlencode()}"


@respondent_page()
def about(request: HttpRequest, respondent: Respondent) -> HttpResponse:
    """One card per partner ticked; saving replaces the respondent's list of partners."""
    everyone = {actor.pk: actor for actor in partners_for(respondent)}
    source = request.POST if request.method == "POST" else request.GET
    picked = _chosen(source, respondent, everyone)
    chosen = [actor for pk, actor in everyone.items() if pk in picked]  # in the list's order
    cards = _forms(respondent, chosen, request.POST if request.method == "POST" else None)
    error = ""
    # Every card checked (not only up to the first wrong one), so the page marks them all.
    checked = [form.is_valid() for _actor, form in cards] if request.method == "POST" else [False]
    if all(checked):
        try:
            response_reports_set(respondent, [_report(actor, form) for actor, form in cards])
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            return redirect("web:survey-respond-items", token=respondent.token)
    context: dict[str, Any] = context_of(
        respondent,
        step=3,
        cards=cards,
        error=error,
        back=_back_to_list(respondent.token, chosen),
        invalid=[actor for actor, form in cards if form.is_bound and form.errors],
    )
    failed = bool(error or context["invalid"])
    return render(request, TEMPLATES + "about.html", context, status=400 if failed else 200)
