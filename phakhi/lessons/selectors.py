"""Reads of lessons-learned sessions: one session with its prompts and answers, a project's or a
network's sessions, the tags in use. The library's search is in ``phakhi.lessons.search``."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Exists, F, OuterRef, Prefetch, QuerySet
from django.utils.translation import gettext as _

from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.lessons.models import LessonAnswer, LessonPrompt, LessonSession, LessonTag
from phakhi.networks.models import Network
from phakhi.projects.models import Project


def shown(sessions: QuerySet[LessonSession]) -> QuerySet[LessonSession]:
    """Sessions with what a list shows of them read along: project, network, tags, prompts."""
    return sessions.select_related("project", "network").prefetch_related(
        "tags", Prefetch("prompts", queryset=LessonPrompt.objects.order_by("position", "id"))
    )


def with_answer_counts(sessions: list[LessonSession]) -> list[LessonSession]:
    """The sessions, each given its ``answer_count`` (one query for them all)."""
    counts = dict(
        LessonAnswer.objects.filter(session_id__in=[s.pk for s in sessions])
        .order_by()
        .values_list("session_id")
        .annotate(count=Count("id"))
    )
    for session in sessions:
        session.answer_count = counts.get(session.pk, 0)  # type: ignore[attr-defined]
    return sessions


def sessions_query(workspace: Workspace) -> QuerySet[LessonSession]:
    """A workspace's sessions with their project and network, in id order (stable for pages of
    the API), each with ``answer_count`` (for a project's or a network's few)."""
    return (
        shown(LessonSession.objects.filter(workspace=workspace))
        .annotate(answer_count=Count("answers", distinct=True))
        .order_by("id")
    )


def _newest_first(sessions: QuerySet[LessonSession]) -> QuerySet[LessonSession]:
    return sessions.order_by(F("held_on").desc(nulls_last=True), "-id")


def sessions_of_project(project: Project) -> list[LessonSession]:
    """A project's sessions, the latest held first."""
    return list(_newest_first(sessions_query(project.workspace).filter(project=project)))


def sessions_of_network(network: Network) -> list[LessonSession]:
    return list(_newest_first(sessions_query(network.workspace).filter(network=network)))


def session_in(workspace: Workspace, session_id: int) -> LessonSession:
    try:
        return (
            LessonSession.objects.select_related("project", "network")
            .prefetch_related("tags")
            .get(workspace=workspace, pk=session_id)
        )
    except (ObjectDoesNotExist, ValueError):
        raise NotFound(
            _("There is no lessons session %(id)s in this workspace.") % {"id": session_id}
        ) from None


def prompt_in(session: LessonSession, prompt_id: int) -> LessonPrompt:
    try:
        return LessonPrompt.objects.get(session=session, pk=prompt_id)
    except (ObjectDoesNotExist, ValueError):
        raise NotFound(_("This session has no prompt %(id)s.") % {"id": prompt_id}) from None


def answer_in(session: LessonSession, answer_id: int) -> LessonAnswer:
    try:
        return (
            LessonAnswer.objects.select_related("prompt", "actor")
            .prefetch_related("tags")
            .get(session=session, pk=answer_id)
        )
    except (ObjectDoesNotExist, ValueError):
        raise NotFound(_("This session has no answer %(id)s.") % {"id": answer_id}) from None


def prompts_of(session: LessonSession) -> list[LessonPrompt]:
    """The session's prompts in order (as read along by ``shown``, or read now)."""
    cache = getattr(session, "_prefetched_objects_cache", {})
    if "prompts" in cache:
        return list(cache["prompts"])
    return list(session.prompts.order_by("position", "id"))


def answers_of(session: LessonSession) -> QuerySet[LessonAnswer]:
    """A session's answers by prompt, then in the order given."""
    return (
        LessonAnswer.objects.filter(session=session)
        .select_related("prompt", "actor")
        .prefetch_related("tags")
        .order_by("prompt__position", "prompt_id", "id")
    )


@dataclass
class PromptAnswers:
    prompt: LessonPrompt
    answers: list[LessonAnswer] = field(default_factory=list)


def session_sheet(session: LessonSession) -> list[PromptAnswers]:
    """The worksheet as filled: each prompt in order with its answers in the order given (for
    the session page and the paper export)."""
    sheet = {prompt.pk: PromptAnswers(prompt) for prompt in prompts_of(session)}
    for answer in answers_of(session):
        sheet[answer.prompt_id].answers.append(answer)
    return list(sheet.values())


def tags_in_use(workspace: Workspace) -> list[LessonTag]:
    """The workspace's lesson tags that a session or an answer carries, in Thai order."""
    on_sessions = LessonSession.tags.through.objects.filter(lessontag=OuterRef("pk"))
    on_answers = LessonAnswer.tags.through.objects.filter(lessontag=OuterRef("pk"))
    return list(
        LessonTag.objects.filter(workspace=workspace)
        .filter(Exists(on_sessions) | Exists(on_answers))
        .order_by("sort_key", "id")
    )


def tag_named(workspace: Workspace, name_key: str) -> LessonTag | None:
    return LessonTag.objects.filter(workspace=workspace, name_key=name_key).first()
