"""Sending a round's private links: by e-mail (the form says how many will get one and how many
have no address; the report after says exactly who got it, who has no address and whose
message the mail server refused), and as a PDF of cards to print, one a member with the link
as a QR code. Only those who manage the round see or send links."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.accounts.services import email_is_delivered
from phakhi.core.models import Workspace
from phakhi.monitoring.models import Survey
from phakhi.monitoring.survey_invitations import (
    REMINDER,
    UNINVITED,
    InvitationReport,
    addresses,
    invitation_candidates,
    invitations_send,
)
from phakhi.web.access import request_author
from phakhi.web.forms import add_service_errors
from phakhi.web.views.surveys import survey_manager
from phakhi.web.views.surveys_forms import InviteForm, PrintForm
from phakhi.worksheets.survey_cards import survey_cards_name, survey_cards_pdf


def _reach(survey: Survey) -> dict[str, dict[str, int]]:
    """For each choice of whom: how many would get an e-mail and how many have no address."""
    reach = {}
    for whom in (UNINVITED, REMINDER):
        found = invitation_candidates(survey, whom)
        with_address = sum(1 for respondent in found if addresses(respondent))
        reach[whom] = {"sent": with_address, "without": len(found) - with_address}
    return reach


@survey_manager
def survey_invite(
    request: HttpRequest, workspace: Workspace, access: Access, survey: Survey
) -> HttpResponse:
    form = InviteForm(request.POST or None)
    report: InvitationReport | None = None
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = invitations_send(
                request_author(request),
                survey,
                whom=data["whom"],
                message=data["message"],
                language=data["language"],
                base_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            status = 400
        else:
            if report.failed:
                messages.error(request, _("Some e-mails could not be sent: see the list below."))
            elif report.sent:
                messages.success(request, _("The invitations have been sent."))
    elif request.method == "POST":
        status = 400
    context = {
        "workspace": workspace,
        "access": access,
        "survey": survey,
        "form": form,
        "report": report,
        "reach": _reach(survey),
        "delivered": email_is_delivered(),
        "is_open": survey.status == Survey.Status.OPEN,
    }
    return render(request, "web/surveys/invite.html", context, status=status)


@survey_manager
def survey_print(
    request: HttpRequest, workspace: Workspace, access: Access, survey: Survey
) -> HttpResponse:
    form = PrintForm(request.GET or None)
    cards_for = (
        form.cleaned_data["cards_for"]
        if form.is_valid()
        else PrintForm.base_fields["cards_for"].initial
    )
    content = survey_cards_pdf(
        survey, cards_for=cards_for, base_url=request.build_absolute_uri("/")
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{survey_cards_name(survey)}"'
    return response
