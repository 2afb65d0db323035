"""Writes of lessons-learned sessions (ใบงาน 2), their prompts and answers. Every write is
validated (the message names the field), atomic and audited; edits carry the version they read
(``phakhi.core.versions``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core import audit, versions
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.thai import clean_text, word_key
from phakhi.lessons.models import LessonAnswer, LessonPrompt, LessonSession
from phakhi.lessons.tags import (
    refresh_answer_search,
    refresh_session_search,
    tag_names,
    tags_for,
)
from phakhi.lessons.vocabulary import default_prompts
from phakhi.networks.models import Network
from phakhi.projects.models import Project

SESSION_FIELDS = ("title", "held_on", "case", "project", "network", "tags")
ANSWER_FIELDS = ("text", "participant", "actor", "prompt", "tags")
TITLE_LIMIT = 300
PARTICIPANT_LIMIT = 200


def _same_workspace(workspace_id: int, **rows: Any) -> None:
    for name, row in rows.items():
        if row is not None and row.workspace_id != workspace_id:
            raise ValidationError(
                {name: _("“%(row)s” belongs to another workspace.") % {"row": row}}
            )


def _line(name: str, value: Any, limit: int, *, required: bool = False) -> str:
    text = clean_text(str(value or ""))
    if required and not text:
        raise ValidationError({name: _("This field is required.")})
    if len(text) > limit:
        raise ValidationError({name: _("Keep it within %(limit)d characters.") % {"limit": limit}})
    return text


def _prompt_text(value: Any) -> str:
    text = str(value or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the prompt.")})
    return text


def _clean_session(workspace_id: int, fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(SESSION_FIELDS))
    if unknown:
        raise ValueError(f"a lessons session has no field {', '.join(unknown)}")
    cleaned = dict(fields)
    if "title" in cleaned:
        cleaned["title"] = _line("title", cleaned["title"], TITLE_LIMIT, required=True)
    if "case" in cleaned:
        cleaned["case"] = (cleaned["case"] or "").strip()
    held_on = cleaned.get("held_on")
    if held_on is not None and not isinstance(held_on, dt.date):
        raise ValidationError({"held_on": _("Give the date as a date.")})
    _same_workspace(workspace_id, project=cleaned.get("project"), network=cleaned.get("network"))
    if "tags" in cleaned:
        cleaned["tags"] = tag_names(cleaned["tags"] or "")
    return cleaned


def _in_order(names: Iterable[str]) -> list[str]:
    """Tag names in one order, so that the trail records a change of tags, not of order."""
    return sorted(names, key=word_key)


def _require_link(project: Project | None, network: Network | None) -> None:
    if project is None and network is None:
        raise ValidationError({"project": _("Link the session to a project, a network, or both.")})


def lesson_session_create(
    author: audit.Author,
    workspace: Workspace,
    *,
    title: str,
    project: Project | None = None,
    network: Network | None = None,
    held_on: dt.date | None = None,
    case: str = "",
    tags: str | Iterable[str] = "",
    prompts: Sequence[str] | None = None,
) -> LessonSession:
    """A session for a project and/or a network, with ``prompts`` in order — by default the
    source's three, the first naming the ``case``."""
    fields = _clean_session(
        workspace.pk,
        {"title": title, "project": project, "network": network, "held_on": held_on,
         "case": case, "tags": tags},
    )  # fmt: skip
    _require_link(project, network)
    texts = default_prompts(fields["case"]) if prompts is None else list(prompts)
    texts = [_prompt_text(text) for text in texts]
    names = fields.pop("tags")
    with transaction.atomic():
        session = LessonSession.objects.create(workspace=workspace, **fields)
        session.tags.set(tags_for(workspace, names))
        LessonPrompt.objects.bulk_create(
            LessonPrompt(workspace=workspace, session=session, position=position, text=text)
            for position, text in enumerate(texts)
        )
        refresh_session_search(session)
        changes = audit.diff({}, {**fields, "tags": names, "prompts": texts})
        audit.record(author, AuditEvent.Action.CREATE, session, changes=changes)
    return session


def lesson_session_update(
    author: audit.Author,
    session: LessonSession,
    *,
    version: int | None = None,
    **changes: Any,
) -> LessonSession:
    """Change the given fields (``SESSION_FIELDS``; ``tags`` as text or a list of names)."""
    cleaned = _clean_session(session.workspace_id, changes)
    with transaction.atomic():
        current = versions.locked(session)
        project = cleaned.get("project", current.project)
        network = cleaned.get("network", current.network)
        _require_link(project, network)
        names = cleaned.pop("tags", None)
        wanted = dict(cleaned)
        stored = {name: getattr(current, name) for name in cleaned}
        if names is not None:
            stored["tags"] = _in_order(current.tags.values_list("name", flat=True))
            wanted["tags"] = _in_order(names)
        versions.check(current, version, wanted, stored)
        diff = audit.diff(stored, wanted)
        for name, value in cleaned.items():
            setattr(current, name, value)
        if names is not None and "tags" in diff:
            current.tags.set(tags_for(current.workspace, names))
        columns = sorted(name for name in diff if name != "tags")
        versions.save_changes(author, current, diff, columns)
        refresh_session_search(current)
    session.refresh_from_db()
    return session


def lesson_session_delete(author: audit.Author, session: LessonSession) -> None:
    """Delete a session with its prompts and answers (the trail keeps how many there were)."""
    with transaction.atomic():
        current = versions.locked(session)
        counts = {"prompts": current.prompts.count(), "answers": current.answers.count()}
        audit.record(author, AuditEvent.Action.DELETE, current, changes={
            name: [count, 0] for name, count in counts.items()
        })  # fmt: skip
        current.answers.all().delete()
        current.delete()


def lesson_prompt_add(author: audit.Author, session: LessonSession, *, text: str) -> LessonPrompt:
    """Add a prompt after the session's last."""
    text = _prompt_text(text)
    with transaction.atomic():
        versions.locked(session)
        last = session.prompts.order_by("-position").values_list("position", flat=True).first()
        prompt = LessonPrompt.objects.create(
            workspace_id=session.workspace_id,
            session=session,
            position=0 if last is None else last + 1,
            text=text,
        )
        refresh_session_search(session)
        audit.record(author, AuditEvent.Action.CREATE, prompt, changes={"text": [None, text]})
    return prompt


def lesson_prompt_update(
    author: audit.Author, prompt: LessonPrompt, *, text: str, version: int | None = None
) -> LessonPrompt:
    text = _prompt_text(text)
    with transaction.atomic():
        versions.change(author, versions.locked(prompt), {"text": text}, version)
        refresh_session_search(prompt.session)
    prompt.refresh_from_db()
    return prompt


def lesson_prompt_remove(author: audit.Author, prompt: LessonPrompt) -> None:
    """Remove a prompt nobody has answered yet (its answers would lose their question)."""
    with transaction.atomic():
        current = versions.locked(prompt)
        answered = current.answers.count()
        if answered:
            raise ValidationError(
                _("“%(prompt)s” has %(count)d answers; move or remove them first.")
                % {"prompt": current, "count": answered}
            )
        audit.record(author, AuditEvent.Action.DELETE, current)
        current.delete()
        refresh_session_search(prompt.session)


def lesson_prompt_move(author: audit.Author, prompt: LessonPrompt, offset: int) -> None:
    """Move a prompt ``offset`` places up (negative) or down among its session's prompts."""
    with transaction.atomic():
        siblings = list(
            LessonPrompt.objects.select_for_update()
            .filter(session_id=prompt.session_id)
            .order_by("position", "id")
        )
        index = next(i for i, row in enumerate(siblings) if row.pk == prompt.pk)
        to = max(0, min(len(siblings) - 1, index + offset))
        siblings.insert(to, siblings.pop(index))
        for position, row in enumerate(siblings):
            if row.position != position:
                versions.change(author, row, {"position": position}, None)


def _clean_answer(session: LessonSession, fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(ANSWER_FIELDS))
    if unknown:
        raise ValueError(f"a lessons answer has no field {', '.join(unknown)}")
    cleaned = dict(fields)
    if "text" in cleaned:
        cleaned["text"] = str(cleaned["text"] or "").strip()
        if not cleaned["text"]:
            raise ValidationError({"text": _("Write the answer.")})
    if "participant" in cleaned:
        cleaned["participant"] = _line("participant", cleaned["participant"], PARTICIPANT_LIMIT)
    prompt = cleaned.get("prompt")
    if prompt is not None and prompt.session_id != session.pk:
        raise ValidationError({"prompt": _("The prompt belongs to another session.")})
    if "prompt" in cleaned and prompt is None:
        raise ValidationError({"prompt": _("Choose the prompt the answer is for.")})
    _same_workspace(session.workspace_id, actor=cleaned.get("actor"))
    if "tags" in cleaned:
        cleaned["tags"] = tag_names(cleaned["tags"] or "")
    return cleaned


def lesson_answer_add(
    author: audit.Author,
    session: LessonSession,
    *,
    prompt: LessonPrompt,
    text: str,
    participant: str = "",
    actor: Actor | None = None,
    tags: str | Iterable[str] = "",
) -> LessonAnswer:
    """One participant's answer to one of the session's prompts. A participant of the
    directory (``actor``) is named by the actor's name when no name is written."""
    fields = _clean_answer(
        session,
        {"prompt": prompt, "text": text, "participant": participant, "actor": actor, "tags": tags},
    )
    if not fields["participant"] and actor is not None:
        fields["participant"] = actor.name[:PARTICIPANT_LIMIT]
    names = fields.pop("tags")
    with transaction.atomic():
        answer = LessonAnswer.objects.create(
            workspace_id=session.workspace_id, session=session, **fields
        )
        answer.tags.set(tags_for(session.workspace, names))
        refresh_answer_search(answer)
        changes = audit.diff({}, {**fields, "tags": names})
        audit.record(author, AuditEvent.Action.CREATE, answer, changes=changes)
    return answer


def lesson_answers_add(
    author: audit.Author,
    session: LessonSession,
    *,
    answers: Mapping[LessonPrompt, str],
    participant: str = "",
    actor: Actor | None = None,
    tags: str | Iterable[str] = "",
) -> list[LessonAnswer]:
    """One participant's answers to several prompts at once (the phone page's boxes): all of
    them or none. Prompts left empty are not answers and are not stored; at least one must be
    written."""
    written = {prompt: text for prompt, text in answers.items() if str(text or "").strip()}
    if not written:
        raise ValidationError({"text": _("Write an answer to at least one prompt.")})
    with transaction.atomic():
        return [
            lesson_answer_add(
                author,
                session,
                prompt=prompt,
                text=text,
                participant=participant,
                actor=actor,
                tags=tags,
            )
            for prompt, text in sorted(written.items(), key=lambda item: item[0].position)
        ]


def lesson_answer_update(
    author: audit.Author,
    answer: LessonAnswer,
    *,
    version: int | None = None,
    **changes: Any,
) -> LessonAnswer:
    """Change the given fields (``ANSWER_FIELDS``) of an answer."""
    cleaned = _clean_answer(answer.session, changes)
    with transaction.atomic():
        current = versions.locked(answer)
        names = cleaned.pop("tags", None)
        wanted = dict(cleaned)
        stored = {name: getattr(current, name) for name in cleaned}
        if names is not None:
            stored["tags"] = _in_order(current.tags.values_list("name", flat=True))
            wanted["tags"] = _in_order(names)
        versions.check(current, version, wanted, stored)
        diff = audit.diff(stored, wanted)
        for name, value in cleaned.items():
            setattr(current, name, value)
        if names is not None and "tags" in diff:
            current.tags.set(tags_for(current.session.workspace, names))
        versions.save_changes(author, current, diff, sorted(n for n in diff if n != "tags"))
        refresh_answer_search(current)
    answer.refresh_from_db()
    return answer


def lesson_answer_remove(author: audit.Author, answer: LessonAnswer) -> None:
    with transaction.atomic():
        current = versions.locked(answer)
        audit.record(
            author, AuditEvent.Action.DELETE, current, changes={"text": [current.text, None]}
        )
        current.delete()
