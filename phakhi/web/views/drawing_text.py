"""The words the drawing tools' script shows (assets/js/map/draw.js), translated on the server.
Placeholders in braces ({name}) are filled in by the script."""

from typing import Any

from django.utils.translation import gettext as _

from phakhi.ties.vocabulary import WORKSHOP_LEVELS


def legend_levels() -> list[dict[str, Any]]:
    """The tie levels in the workshop's words, strongest first, for the shared picture's
    legend."""
    return [{"value": value, "label": str(label)} for value, label in WORKSHOP_LEVELS]


def drawing_messages() -> dict[str, Any]:
    return {
        "place_hint": _("Tap or click the map where the actor goes."),
        "placed_here": _("It goes where you tapped. Tap elsewhere to move it."),
        "placed_middle": _("It goes in the middle of the map, unless you tap the map."),
        "adding": _("Adding…"),
        "added": _("{name} has been added to the map."),
        "duplicates": _(
            "The directory has actors that may be the same: {names}. Add a new one anyway?"
        ),
        "add_anyway": _("Add anyway"),
        "use_this": _("Put {name} ({key}) on the map"),
        "on_map_already": _("{name} ({key}) is on the map already."),
        "joined": _("{name} is on the map now."),
        "tie_between": _("Tie between {source} and {target}"),
        "tie_added": _("The tie between {source} and {target} has been drawn."),
        "drawing_tie": _("Drawing the tie…"),
        "tie_exists": _("{source} and {target} are already tied: change the tie below."),
        "moved": _("{name} stays where you put it."),
        "move_failed": _("The new place could not be saved; the map shows it where it was."),
        "not_yours": _("You may not draw ties of {name}."),
        "failed": _("That did not work: {reason}"),
        "offline": _("The server could not be reached. Nothing was changed."),
    }


def share_messages() -> dict[str, Any]:
    """The words of the shared picture (its title, date and legend) and of its sharing."""
    return {
        "share_title": _("Network map: {title}"),
        "share_text": _("The network map of {title}, drawn on {date}"),
        "drawn_on": _("Drawn on {date}"),
        "legend_title": _("Ties"),
        "sectors_title": _("Sectors"),
    }
