"""``phakhi survey``."""

import argparse
from collections.abc import Callable
from typing import Any


def add_parsers(commands: Any) -> None:
    pass


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {}
