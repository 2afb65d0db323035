"""Work other apps do once an analysis run is stored. Apps above analysis in the layers (the
expansion plans mark rows achieved after each run) cannot be imported by it, so they register
a callback here from their ``AppConfig.ready``; a failing callback is logged and never fails
the run it follows."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from phakhi.analysis.models import AnalysisRun
    from phakhi.core.audit import Author

logger = logging.getLogger(__name__)

AfterRun = Callable[["AnalysisRun", "Author"], None]
_after_run: list[AfterRun] = []


def after_run(callback: AfterRun) -> AfterRun:
    """Call ``callback(run, author)`` after each run is stored (once however often it is
    registered)."""
    if callback not in _after_run:
        _after_run.append(callback)
    return callback


def run_stored(run: AnalysisRun, author: Author) -> None:
    for callback in list(_after_run):
        try:
            callback(run, author)
        except Exception:
            logger.exception("After analysis run %s: %s failed", run.pk, callback.__qualname__)
