"""A network survey's private links as a sheet of cards to print and cut: one card a member,
with their name, the link as a QR code and as text, the round and its closing date. Drawn like
the worksheets (``render_pdf``: the Thai font embedded, text that reads back as the letters
printed); A4 portrait, eight cards a page, names in Thai order."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from phakhi.core.dates import current_language, format_date
from phakhi.monitoring.models import Survey
from phakhi.monitoring.survey_invitations import PENDING, link_cards
from phakhi.worksheets.pdf import render_pdf


def survey_cards_pdf(
    survey: Survey, *, cards_for: str = PENDING, base_url: str | None = None
) -> bytes:
    """The PDF of ``survey``'s link cards (see ``link_cards`` for whose), in the active
    language."""
    language = current_language()
    cards = [
        # segno's SVG holds the link only as the QR's modules, nothing of the user's text.
        {"name": card.name, "link": card.link, "qr": mark_safe(card.qr_svg)}
        for card in link_cards(survey, cards_for=cards_for, base_url=base_url)
    ]
    context = {
        "survey": survey,
        "network": survey.network,
        "cards": cards,
        "closes_on": format_date(survey.closes_on, language),
        "language": language,
    }
    html = render_to_string("worksheets/pdf/survey_cards.html", context)
    return render_pdf(html, render_to_string("worksheets/pdf/survey_cards.css"))


def survey_cards_name(survey: Survey) -> str:
    return f"survey-links-{survey.slug}.pdf"
