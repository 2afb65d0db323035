"""``{% grid_card card %}``: one card of worksheet 1's grid (web/stakeholders/step_grid.html).

A workshop's projector grid holds hundreds of cards; rendered through an included template each
card cost about 2 ms (numbers localized one by one, a dozen tags), so the card is one
``format_html`` here: the same markup, escaped the same way, a tenth of the time."""

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from phakhi.stakeholders.selectors import Card

register = template.Library()

GRIP = mark_safe('<span class="grid-card__grip" data-grip aria-hidden="true">⠿</span>')
EDITABLE = mark_safe(' data-movable tabindex="0" aria-describedby="grid-help"')


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


def _movement(card: Card) -> SafeString | str:
    """The card's badge: new, or which way it moved and from where."""
    if card.is_new:
        return format_html(' <span class="badge badge--new">{}</span>', _("new"))
    moved = card.moved
    if moved is None:
        return ""
    if moved.quadrant is None:
        return format_html(' <span class="grid-card__was">{}</span>', _("was not placed"))
    arrow = (
        format_html(' <span class="grid-card__moved" aria-hidden="true">{}</span>', moved.arrow)
        if moved.arrow
        else ""
    )
    if moved.changed_quadrant:
        was: Any = _("was: %(where)s") % {"where": moved.quadrant.label}
    elif moved.arrow:
        was = _("moved within the quadrant")
    else:
        was = format_html('<span class="visually-hidden">{}</span>', _("not moved"))
    return format_html('{} <span class="grid-card__was">{}</span>', arrow, was)


@register.simple_tag(takes_context=True)
def grid_card(context: template.Context, card: Card) -> SafeString:
    stakeholder = card.stakeholder
    can_edit = bool(context.get("can_edit"))
    show_movement = bool(context.get("show_movement"))
    base = context["stakeholder_base"]
    moved = show_movement and card.moved is not None and card.moved.changed_quadrant
    placed = stakeholder.influence and stakeholder.interest
    priority: SafeString | str = ""
    if stakeholder.priority:
        label = _("Priority")
        priority = format_html(
            ' <span class="grid-card__priority" title="{0}"><span class="visually-hidden">{0} '
            "</span>{1}</span>",
            label,
            stakeholder.priority,
        )
    move: SafeString | str = ""
    if can_edit and not context.get("projector"):
        move = format_html(
            ' <a class="grid-card__move" href="{}{}/#place-title">{}'
            '<span class="visually-hidden"> {}</span></a>',
            base,
            stakeholder.pk,
            _("Move"),
            stakeholder.name,
        )
    return format_html(
        '<article class="grid-card{}" id="card-{}" data-card="{}" data-version="{}"{} '
        'data-quadrant="{}" data-influence-score="{}" data-interest-score="{}">{}'
        '<a class="grid-card__name" draggable="false" href="{}{}/">{}</a>{}{}{}</article>',
        " grid-card--moved" if moved else "",
        stakeholder.pk,
        stakeholder.pk,
        stakeholder.version,
        EDITABLE if can_edit else "",
        f"{stakeholder.influence}-{stakeholder.interest}" if placed else "",
        _text(stakeholder.influence_score),
        _text(stakeholder.interest_score),
        GRIP if can_edit else "",
        base,
        stakeholder.pk,
        stakeholder.name,
        priority,
        _movement(card) if show_movement else "",
        move,
    )
