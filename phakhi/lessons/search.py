"""The lessons library (คลังบทเรียน): every session of the workspace, found by a Thai substring
of its title, case, prompts or tags, or of one of its answers — compared as the directory
compares names (``phakhi.core.thai.word_key``: no spaces, Thai digits as Arabic, lower case), so
"ภาวะ ผู้นำ" finds "ภาวะผู้นำ". Filters by project, network and tag; sessions in Thai dictionary
order of their titles, each with the answers that matched."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from phakhi.actors.search_plan import TRIGRAM, fts_ids, on_sqlite
from phakhi.core.models import Workspace
from phakhi.core.thai import word_key
from phakhi.lessons.models import LessonAnswer, LessonSession, LessonTag
from phakhi.lessons.selectors import shown, with_answer_counts

# How many matching answers each session shows (the session page has them all).
ANSWERS_SHOWN = 5


@dataclass
class LibraryHit:
    session: LessonSession
    answers: list[LessonAnswer] = field(default_factory=list)
    more_answers: int = 0  # matching answers beyond those shown


@dataclass(frozen=True)
class LibraryPage:
    hits: list[LibraryHit]
    total: int
    page: int
    pages: int
    page_size: int

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def _containing(model: type[LessonSession] | type[LessonAnswer], key: str) -> Q:
    """Rows whose search text contains ``key``: through the trigram index (lessons 0002) for
    three characters or more — on SQLite its FTS5 table, on PostgreSQL the GIN index that
    ``contains`` itself uses — else by reading each row."""
    if len(key) >= TRIGRAM and on_sqlite():
        return Q(pk__in=fts_ids(f"{model._meta.db_table}_search", key))
    return Q(search_key__contains=key)


def _tagged(through: Any, tag: LessonTag, column: str) -> QuerySet:
    return through.objects.filter(lessontag=tag).values(column)


def _answers_matching(workspace: Workspace, key: str, tag: LessonTag | None) -> QuerySet:
    answers = LessonAnswer.objects.filter(workspace=workspace)
    if key:
        answers = answers.filter(_containing(LessonAnswer, key))
    if tag is not None:
        answers = answers.filter(pk__in=_tagged(LessonAnswer.tags.through, tag, "lessonanswer_id"))
    return answers


def _matching_sessions(
    workspace: Workspace,
    key: str,
    *,
    project: int | None,
    network: int | None,
    tag: LessonTag | None,
) -> QuerySet[LessonSession]:
    """Each matching session once, without joins that repeat it (subqueries instead), so that
    counting and paging read the sessions alone."""
    sessions = LessonSession.objects.filter(workspace=workspace)
    if project is not None:
        sessions = sessions.filter(project_id=project)
    if network is not None:
        sessions = sessions.filter(network_id=network)
    if key or tag is not None:
        own = Q()
        if key:
            own &= _containing(LessonSession, key)
        if tag is not None:
            own &= Q(pk__in=_tagged(LessonSession.tags.through, tag, "lessonsession_id"))
        answered = Q(pk__in=_answers_matching(workspace, key, tag).values("session_id"))
        sessions = sessions.filter(own | answered)
    return sessions


def lessons_matching(
    workspace: Workspace,
    query: str = "",
    *,
    project: int | None = None,
    network: int | None = None,
    tag: LessonTag | None = None,
) -> QuerySet[LessonSession]:
    """The workspace's sessions that match ``query`` and every filter given, in Thai
    dictionary order of their titles (for the API's pages)."""
    key = word_key(query or "")
    sessions = _matching_sessions(workspace, key, project=project, network=network, tag=tag)
    return shown(sessions).order_by("sort_key", "id")


def lessons_search(
    workspace: Workspace,
    query: str = "",
    *,
    project: int | None = None,
    network: int | None = None,
    tag: LessonTag | None = None,
    page: int = 1,
    page_size: int = 20,
) -> LibraryPage:
    """One page of the workspace's sessions that match ``query`` (a substring, as the directory
    matches) and every filter given (``project``/``network`` ids, a ``tag``). A page past the
    last gives the last page."""
    key = word_key(query or "")
    sessions = _matching_sessions(workspace, key, project=project, network=network, tag=tag)
    total = sessions.count()
    pages = max(1, math.ceil(total / page_size))
    page = max(1, min(page, pages))
    start = (page - 1) * page_size
    rows = with_answer_counts(
        list(shown(sessions).order_by("sort_key", "id")[start : start + page_size])
    )
    hits = {session.pk: LibraryHit(session) for session in rows}
    if key or tag is not None:
        found: dict[int, list[LessonAnswer]] = defaultdict(list)
        # The page's few sessions' answers, read row by row: cheaper than the index's
        # thousands of matches for a common word.
        answers = LessonAnswer.objects.filter(session_id__in=list(hits))
        if key:
            answers = answers.filter(search_key__contains=key)
        if tag is not None:
            answers = answers.filter(
                pk__in=_tagged(LessonAnswer.tags.through, tag, "lessonanswer_id")
            )
        answers = answers.select_related("prompt").order_by("session_id", "prompt__position", "id")
        for answer in answers:
            found[answer.session_id].append(answer)
        for session_id, matched in found.items():
            hits[session_id].answers = matched[:ANSWERS_SHOWN]
            hits[session_id].more_answers = max(0, len(matched) - ANSWERS_SHOWN)
    return LibraryPage(list(hits.values()), total, page, pages, page_size)
