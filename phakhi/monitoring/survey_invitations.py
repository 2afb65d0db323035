"""Inviting a survey round's respondents: each one's private link by e-mail (Django's mail, one
SMTP connection for the round), and the links as QR codes for a sheet of cards to print (drawn
as PDF in ``phakhi/worksheets/survey_cards.py``, the layer that draws printed documents).

A link is the respondent's key to their answers: it goes only to the member it names, and only
those who may edit the network (who manage the round) send or print them. Mail cannot be sent
in one transaction, so a sending reports exactly who got it, who has no address and whose
message the server refused; ``invited_at`` is set as each message leaves, so sending again
reaches only those who have not had theirs."""

from __future__ import annotations

from dataclasses import dataclass, field

import segno
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.core.dates import current_language, format_date
from phakhi.core.models import AuditEvent
from phakhi.monitoring.models import Respondent, Survey

# Whom a sending reaches: those never invited, or (a reminder) everyone who has not answered.
UNINVITED = "uninvited"
REMINDER = "reminder"
WHOM = (UNINVITED, REMINDER)
# Whose cards a sheet holds: those who have not answered yet, or the whole roster.
PENDING = "pending"
EVERYONE = "all"
CARDS_FOR = (PENDING, EVERYONE)
MESSAGE_LIMIT = 2000  # characters of the coordinator's own words in the e-mail


def respondent_link(respondent: Respondent, base_url: str | None = None) -> str:
    """The respondent's private link, absolute (``PHAKHI_BASE_URL`` unless ``base_url``)."""
    path = reverse("web:survey-respond", kwargs={"token": respondent.token})
    return f"{(base_url or settings.PHAKHI_BASE_URL).rstrip('/')}{path}"


def addresses(respondent: Respondent) -> list[str]:
    """The e-mail addresses of the respondent's actor (the directory may hold several)."""
    return [part.strip() for part in respondent.actor.email.split(",") if part.strip()]


def _in_name_order(respondents: QuerySet[Respondent]) -> QuerySet[Respondent]:
    """Thai dictionary order of the names, titles (นาย, ดร.) aside, as the directory lists them."""
    return respondents.select_related("actor").order_by("actor__sort_key", "actor_id")


def _answering(survey: Survey) -> list[Respondent]:
    """The roster less those who withdrew or submitted."""
    found = survey.respondents.filter(withdrawn_at__isnull=True, submitted_at__isnull=True)
    return list(_in_name_order(found))


def invitation_candidates(survey: Survey, whom: str = UNINVITED) -> list[Respondent]:
    """Whom a sending reaches: those not invited yet, or for a reminder all who have not
    submitted (those who withdrew are never written to again)."""
    if whom not in WHOM:
        raise ValidationError({"whom": _("Choose whom to write to.")})
    found = _answering(survey)
    return found if whom == REMINDER else [r for r in found if r.invited_at is None]


@dataclass
class InvitationReport:
    sent: list[Respondent] = field(default_factory=list)
    without_address: list[Respondent] = field(default_factory=list)
    failed: list[tuple[Respondent, str]] = field(default_factory=list)


def _message(survey: Survey, respondent: Respondent, link: str, note: str) -> EmailMessage:
    context = {
        "survey": survey,
        "network": survey.network,
        "respondent": respondent,
        "link": link,
        "note": note,
        "closes_on": format_date(survey.closes_on, current_language()),
    }
    subject = _("Network survey: %(name)s") % {"name": survey.name}
    body = render_to_string("monitoring/survey_invitation.txt", context)
    return EmailMessage(subject, body, None, addresses(respondent))


def invitations_send(
    author: audit.Author,
    survey: Survey,
    *,
    whom: str = UNINVITED,
    message: str = "",
    language: str | None = None,
    base_url: str | None = None,
) -> InvitationReport:
    """E-mail each respondent ``whom`` names their private link, in ``language`` (the site's
    default: Thai), with the coordinator's ``message``. Only an open round's links work, so
    only an open round is sent."""
    if survey.status != Survey.Status.OPEN:
        raise ValidationError(
            {"status": _("Open the survey first: its links work only while it is open.")}
        )
    note = message.strip()
    if len(note) > MESSAGE_LIMIT:
        raise ValidationError(
            {"message": _("The message is longer than %(n)d characters.") % {"n": MESSAGE_LIMIT}}
        )
    report = InvitationReport()
    events: list[AuditEvent] = []
    connection = get_connection(fail_silently=False)
    with translation.override(language or settings.LANGUAGE_CODE):
        try:
            for respondent in invitation_candidates(survey, whom):
                if not addresses(respondent):
                    report.without_address.append(respondent)
                    continue
                link = respondent_link(respondent, base_url)
                try:
                    connection.send_messages([_message(survey, respondent, link, note)])
                except OSError as error:  # smtplib's errors are OSErrors
                    report.failed.append((respondent, str(error) or type(error).__name__))
                    connection.close()  # the next message opens a fresh connection
                    continue
                events.append(_mark_invited(author, respondent))
                report.sent.append(respondent)
        finally:
            connection.close()
            audit.record_many(events)
    return report


def _mark_invited(author: audit.Author, respondent: Respondent) -> AuditEvent:
    """Set ``invited_at`` at once (a sending cut short is not repeated for this one); the
    event records that a link went out, never the address."""
    old, now = respondent.invited_at, timezone.now()
    Respondent.objects.filter(pk=respondent.pk).update(invited_at=now)
    respondent.invited_at = now
    return audit.event(
        author,
        AuditEvent.Action.UPDATE,
        respondent,
        changes={"invited_at": [audit.jsonable(old), audit.jsonable(now)]},
    )


@dataclass(frozen=True)
class LinkCard:
    """One member's card on the printed sheet."""

    name: str
    link: str
    qr_svg: str  # the link as a QR code, an SVG element drawn by segno


def qr_svg(link: str) -> str:
    """The link as a QR code, an SVG element: medium error correction (a creased card still
    scans), two modules of quiet zone, no size of its own (the sheet's CSS sets it)."""
    code = segno.make(link, error="m")
    return str(code.svg_inline(border=2, omitsize=True, dark="#000"))


def link_cards(
    survey: Survey, *, cards_for: str = PENDING, base_url: str | None = None
) -> list[LinkCard]:
    """The cards of a sheet: one a member who has not answered (``PENDING``) or one a member
    of the roster who has not withdrawn (``EVERYONE``), names in Thai order."""
    if cards_for not in CARDS_FOR:
        raise ValidationError({"cards_for": _("Choose whose links to print.")})
    if cards_for == PENDING:
        chosen = _answering(survey)
    else:
        chosen = list(_in_name_order(survey.respondents.filter(withdrawn_at__isnull=True)))
    cards = []
    for respondent in chosen:
        link = respondent_link(respondent, base_url)
        cards.append(LinkCard(respondent.actor.name, link, qr_svg(link)))
    return cards
