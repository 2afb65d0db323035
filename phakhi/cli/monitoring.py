"""The monitoring commands: ``phakhi survey create|import|close|results`` (``cli/surveys.py``),
``phakhi snapshot`` (``cli/snapshots.py``) and ``phakhi alerts`` (``cli/alerts.py``)."""

import argparse
from collections.abc import Callable
from typing import Any

from phakhi.cli import alerts, snapshots, surveys


def add_parsers(commands: Any) -> None:
    """Each area adds its subcommand here."""
    surveys.add_parsers(commands)
    snapshots.add_parsers(commands)
    alerts.add_parsers(commands)


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    **surveys.HANDLERS,
    **snapshots.HANDLERS,
    **alerts.HANDLERS,
}
