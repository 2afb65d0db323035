"""Sending a round's private links: by e-mail through a real SMTP server (aiosmtpd on
loopback), each member their own link, exactly who got it, who has no address and whose message
the server refused; and the printed cards, read back from the PDF by pdftotext."""

from __future__ import annotations

import email
import socket
import subprocess
from email.policy import default as default_policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.core.exceptions import ValidationError
from django.urls import reverse

from phakhi.actors.services import actor_update
from phakhi.core.models import AuditEvent
from phakhi.monitoring.models import Respondent
from phakhi.monitoring.survey_invitations import (
    REMINDER,
    invitations_send,
    link_cards,
    respondent_link,
)
from phakhi.monitoring.survey_services import survey_open
from phakhi.worksheets.survey_cards import survey_cards_pdf
from tests.accounts_support import client_for, user_with_role
from tests.monitoring.survey_support import AUTHOR, answer, respondent_of

REFUSED = "refused@example.org"


class Mailbox:
    """An SMTP handler that keeps each message and refuses one address (550)."""

    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address == REFUSED:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp(settings: Any) -> Any:
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
    yield mailbox
    controller.stop()


def _addresses(surveyed: dict[str, Any], **by_letter: str) -> None:
    for letter, address in by_letter.items():
        actor_update(AUTHOR, surveyed[letter], email=address)


def _body(message: Any) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_each_member_gets_their_own_link_and_the_page_reports_who_did_not(surveyed, smtp):
    survey = survey_open(AUTHOR, surveyed["survey"])
    _addresses(surveyed, A="kamon@example.org", B="kwan@example.org", C=REFUSED)
    coordinator = client_for(user_with_role(surveyed["workspace"], "coordinator"))
    url = reverse("web:survey-invite", kwargs={"workspace": "khon-kaen", "slug": survey.slug})
    page = coordinator.get(url)
    assert "Not invited yet: 3 with an e-mail address, 2 without." in page.content.decode()

    sent = coordinator.post(url, {"whom": "uninvited", "language": "th", "message": "ขอบคุณ"})
    text = sent.content.decode()
    assert sent.status_code == 200
    assert "2 e-mails sent." in text
    assert "1 could not be sent" in text and "No such mailbox here" in text
    assert "2 members have no e-mail address" in text
    # The server got one message a member, each with that member's link and no one else's.
    assert sorted(to for to, _m in smtp.messages) == [["kamon@example.org"], ["kwan@example.org"]]
    for to, message in smtp.messages:
        letter = "A" if to == ["kamon@example.org"] else "B"
        respondent = respondent_of(survey, surveyed[letter])
        body = _body(message)
        assert respondent_link(respondent, "http://testserver/") in body
        assert survey.purpose in body and "ขอบคุณ" in body
        assert "แบบสำรวจเครือข่าย" in message["Subject"]  # the e-mail is in Thai
        others = Respondent.objects.filter(survey=survey).exclude(pk=respondent.pk)
        assert not any(other.token in body for other in others)
    invited = Respondent.objects.filter(survey=survey, invited_at__isnull=False)
    assert {r.actor_id for r in invited} == {surveyed["A"].pk, surveyed["B"].pk}
    events = AuditEvent.objects.filter(object_type="monitoring.respondent", action="update")
    assert events.count() == 2
    assert all("example.org" not in str(event.changes) for event in events)

    # Sending again reaches only the one the server refused; nobody gets a second e-mail.
    smtp.messages.clear()
    again = invitations_send(AUTHOR, survey)
    assert [r.actor_id for r, _reason in again.failed] == [surveyed["C"].pk]
    assert again.sent == [] and smtp.messages == []


def test_a_reminder_goes_to_everyone_who_has_not_answered(surveyed, smtp):
    survey = survey_open(AUTHOR, surveyed["survey"])
    _addresses(surveyed, A="a@example.org", B="b@example.org", D="d@example.org")
    first = invitations_send(AUTHOR, survey, language="en")
    assert len(first.sent) == 3
    assert "Network survey" in smtp.messages[0][1]["Subject"]
    answer(respondent_of(survey, surveyed["A"]), {surveyed["B"]: 3})
    smtp.messages.clear()
    reminder = invitations_send(AUTHOR, survey, whom=REMINDER)
    assert {r.actor_id for r in reminder.sent} == {surveyed["B"].pk, surveyed["D"].pk}
    assert sorted(to[0] for to, _m in smtp.messages) == ["b@example.org", "d@example.org"]


def test_a_draft_sends_nothing_and_a_stopped_server_is_reported(surveyed, settings):
    with pytest.raises(ValidationError) as error:
        invitations_send(AUTHOR, surveyed["survey"])
    assert "status" in error.value.message_dict
    survey = survey_open(AUTHOR, surveyed["survey"])
    _addresses(surveyed, A="a@example.org")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", _free_port(), 2
    settings.EMAIL_USE_TLS = False
    report = invitations_send(AUTHOR, survey)
    assert [r.actor_id for r, _reason in report.failed] == [surveyed["A"].pk]
    assert not Respondent.objects.filter(invited_at__isnull=False).exists()


def _pdf_text(content: bytes, tmp_path: Any) -> str:
    """The PDF's text in the order it is drawn (card after card; -layout would interleave the
    lines of two cards side by side)."""
    path = tmp_path / "cards.pdf"
    path.write_bytes(content)
    done = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode()


def test_the_printed_cards_hold_each_waiting_member_name_and_link(surveyed, tmp_path):
    survey = survey_open(AUTHOR, surveyed["survey"])
    answer(respondent_of(survey, surveyed["E"]), {surveyed["A"]: 2})
    coordinator = client_for(user_with_role(surveyed["workspace"], "coordinator"))
    url = reverse("web:survey-print", kwargs={"workspace": "khon-kaen", "slug": survey.slug})
    response = coordinator.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="survey-links-round-1.pdf"' in response["Content-Disposition"]
    text = _pdf_text(response.content, tmp_path)
    compact = "".join(text.split())
    for letter in "ABCD":
        respondent = respondent_of(survey, surveyed[letter])
        assert "".join(surveyed[letter].name.split()) in compact
        assert respondent.token in compact  # the link, broken over lines on the card
    assert "".join(surveyed["E"].name.split()) not in compact  # answered: no card
    everyone = coordinator.get(url, {"cards_for": "all"})
    assert "".join(surveyed["E"].name.split()) in "".join(
        _pdf_text(everyone.content, tmp_path).split()
    )


def test_cards_are_in_thai_order_with_a_qr_code_each(surveyed):
    survey = surveyed["survey"]
    cards = link_cards(survey, base_url="https://phakhi.example.org")
    # Thai dictionary order, titles aside: กมล (นาย), ขวัญ (ดร.), จันทร์ (นาง), ชาติ, ดาว
    assert [card.name for card in cards] == [surveyed[x].name for x in "ABCDE"]
    assert all(card.link.startswith("https://phakhi.example.org/s/") for card in cards)
    assert all(card.qr_svg.startswith("<svg") for card in cards)
    assert survey_cards_pdf(survey).startswith(b"%PDF")
