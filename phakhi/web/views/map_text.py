"""The words the map's script shows, translated on the server (the script holds no text).
Placeholders in braces ({name}) are filled in by the script."""

from typing import Any

from django.utils.translation import gettext as _

from phakhi.actors.models import Kind


def map_messages() -> dict[str, Any]:
    return {
        "loading": _("Loading the map…"),
        "load_failed": _("The map could not be loaded. Reload the page to try again."),
        "no_webgl": _("This browser cannot draw the map: WebGL is turned off or missing."),
        "shown": _("{nodes} actors and {edges} ties shown"),
        "of_total": _("(of {nodes} actors and {edges} ties)"),
        "placed": _(
            "Some actors joined after the last analysis: they are placed next to their partners."
        ),
        "no_layout": _(
            "No analysis yet: the actors are set out in a spiral until the network is analysed."
        ),
        "matches": _("{count} actors match"),
        "no_match": _("No actor matches"),
        "more_matches": _("Type more to narrow the list"),
        "kind": _("Kind"),
        "sector": _("Sector"),
        "province": _("Province"),
        "issues": _("Issues"),
        "partners_shown": _("Partners on the map"),
        "open_actor": _("Open the actor page"),
        "ego": _("Show only the actors around"),
        "ego_on": _("Showing the actors around {name}"),
        "everyone": _("Show everyone"),
        "close": _("Close"),
        "hub": _("Hub: one of the most connected actors"),
        "broker": _("Broker: links actors who would otherwise be far apart"),
        "yes": _("yes"),
        "no": _("no"),
        "not_analysed": _("not in the last analysis"),
        "saving_png": _("Making the picture…"),
        "png_failed": _("The picture could not be made."),
        "kinds": {value: str(label) for value, label in Kind.choices},
        # A co-participation tie under the pointer (phakhi.participation.coparticipation).
        "took_part": _("took part together in {count} activities, last {last}"),
        "took_part_one": _("took part together in 1 activity, {last}"),
    }
