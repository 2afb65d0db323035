"""The activities and participation commands: ``phakhi report participation``, the
co-participation ties' rebuild and the self-assessments' exports. (``phakhi import activities``
and ``phakhi import attendance`` are with the other imports in ``phakhi.cli``; ``phakhi export
--format ics`` with the other exports.)"""

import argparse
from collections.abc import Callable
from typing import Any

from phakhi.cli import assessments, coparticipation, participation_report


def add_parsers(commands: Any) -> None:
    """Each area adds its subcommand here."""
    assessments.add_parsers(commands)
    participation_report.add_parsers(commands)
    coparticipation.add_parsers(commands)


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    **assessments.HANDLERS,
    **participation_report.HANDLERS,
    **coparticipation.HANDLERS,
}
