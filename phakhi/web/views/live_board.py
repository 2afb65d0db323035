"""What the projector and the facilitator's page share: the join address and its QR code, and
the board of contributions, polled by htmx with the fingerprint it was drawn at."""

from dataclasses import dataclass
from typing import Any

import segno
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from phakhi.core.codes import display_code
from phakhi.stakeholders.vocabulary import GROUPS, QUADRANTS, SECTOR_ROWS, quadrant_of
from phakhi.workshops.models import Contribution, Step, WorkshopSession
from phakhi.workshops.selectors import (
    SECTOR_ORDER,
    UNPLACED,
    BoardCard,
    board,
    fingerprint,
)

POLL_SECONDS = 2  # the projector shows a contribution within 3 s of its being made
# A cell of the board shows this many cards and says how many more there are: beyond that a
# projector is unreadable, and every poll would draw thousands of cards.
CELL_LIMIT = 60


@dataclass(frozen=True)
class Cell:
    cards: list[BoardCard]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.cards)


def cell(cards: list[BoardCard]) -> Cell:
    return Cell(cards[:CELL_LIMIT], len(cards))


def join_url(request: HttpRequest, session: WorkshopSession) -> str:
    return request.build_absolute_uri(reverse("web:join-session", kwargs={"code": session.code}))


def qr_svg(url: str) -> SafeString:
    """The join address as a QR code, an inline SVG drawn on the server (no script, no
    request to anyone else)."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(border=2, omitsize=True, svgclass="live-qr__code", dark="#1b1b1b")
    # segno writes only a path with its own attributes: nothing of the user's text but the
    # address, which it encodes as the QR's modules, not as text.
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))


SECTOR_LABELS = {key: label for key, label, _thai in SECTOR_ROWS}


def sector_label(sector: str) -> str:
    return str(SECTOR_LABELS[sector]) if sector else _("Sector not given")


def board_context(request: HttpRequest, session: WorkshopSession, **extra: Any) -> dict[str, Any]:
    shown = board(session)
    sectors = [(sector, sector_label(sector)) for sector in SECTOR_ORDER]
    groups = [(group.field, group.label) for group in GROUPS]
    groups.append(("none", _("No group yet")))
    return {
        "session": session,
        "board": shown,
        "fingerprint": fingerprint(session),
        "poll_seconds": POLL_SECONDS,
        "step_label": Step(session.step).label,
        "sector_columns": [(key, label, cell(shown.by_sector[key])) for key, label in sectors],
        "group_rows": [
            (label, [cell(shown.by_group[key][sector_key]) for sector_key, _l in sectors])
            for key, label in groups
        ],
        "sector_heads": sectors,
        "quadrants": [(q, cell(shown.by_quadrant[q.key])) for q in QUADRANTS],
        "unplaced": cell(shown.by_quadrant[UNPLACED]),
        "code_shown": display_code(session.code),
        **extra,
    }


def unchanged(request: HttpRequest, session: WorkshopSession) -> HttpResponse | None:
    """An empty answer when the board is as the poller last drew it: htmx swaps nothing on a
    204, and other clients that send the ETag back get a 304."""
    now = fingerprint(session)
    if request.GET.get("since") == now:
        return HttpResponse(status=204)
    if request.headers.get("If-None-Match", "").strip('"W/') == now:
        return HttpResponse(status=304)
    return None


def board_response(request: HttpRequest, session: WorkshopSession, **extra: Any) -> HttpResponse:
    response = render(request, "web/live/_board.html", board_context(request, session, **extra))
    response["ETag"] = f'"{fingerprint(session)}"'
    response["Cache-Control"] = "no-cache"
    return response


def card_summary(card: Contribution) -> str:
    """A card's groups and quadrant in a few words, for the review table."""
    parts = [str(group.short) for group in GROUPS if getattr(card, group.field)]
    quadrant = quadrant_of(card.influence, card.interest)
    if quadrant is not None:
        parts.append(str(quadrant.label))
    return " · ".join(parts) or "–"
