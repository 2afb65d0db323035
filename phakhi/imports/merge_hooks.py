"""Work other apps do when two actors are merged, inside the merge's transaction. Apps above
imports in the layers (participation's co-participation ties count the attendance the merge
moved) cannot be imported by it, so they register a callback here from their
``AppConfig.ready``. A failing callback fails the merge: it rolls back whole rather than leave
data the merge made wrong."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from phakhi.actors.models import Actor
    from phakhi.core.audit import Author

AfterMerge = Callable[["Actor", int, "Author"], None]
BeforeMerge = Callable[["Actor", "Actor", "Author"], None]
_after_merge: list[AfterMerge] = []
_before_merge: list[BeforeMerge] = []


def before_merge(callback: BeforeMerge) -> BeforeMerge:
    """Call ``callback(kept, merged, author)``, inside each merge, before any record moves: for
    an app that must choose which of two clashing records the move keeps (a survey round with both
    actors on its roster keeps the fuller response, not always the kept actor's)."""
    if callback not in _before_merge:
        _before_merge.append(callback)
    return callback


def actors_merging(kept: Actor, merged: Actor, author: Author) -> None:
    for callback in list(_before_merge):
        callback(kept, merged, author)


def after_merge(callback: AfterMerge) -> AfterMerge:
    """Call ``callback(kept, merged_id, author)`` after each merge has moved the merged actor's
    records to the kept one, before it commits (once however often it is registered)."""
    if callback not in _after_merge:
        _after_merge.append(callback)
    return callback


def actors_merged(kept: Actor, merged_id: int, author: Author) -> None:
    for callback in list(_after_merge):
        callback(kept, merged_id, author)
