"""``phakhi project``: projects (โครงการ) from the command line."""

from typing import Any


def add_parsers(commands: Any) -> None:
    """Adds the ``project`` command (nothing yet)."""


HANDLERS: dict[str, Any] = {}
