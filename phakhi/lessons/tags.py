"""Lesson tags written as text ("ภาวะผู้นำ, การมีส่วนร่วม") and the search text kept on sessions
and answers (title, case, prompts, answers and tags in the form the library compares)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from phakhi.core.models import Workspace
from phakhi.core.thai import clean_text, sort_key, word_key
from phakhi.lessons.models import LessonAnswer, LessonSession, LessonTag

_SEPARATORS = re.compile(r"[,;\n，、]+")
# Between the parts of a search text: no query (normalized, without spaces) can contain it, so
# a match never runs from one part into the next.
SEPARATOR = "\n"
TAG_LIMIT = 100


def tag_names(value: str | Iterable[str]) -> list[str]:
    """The tags written in ``value`` (a text separated by commas, semicolons or lines, or a list),
    cleaned, each once (compared as the library compares), in the order written."""
    parts = _SEPARATORS.split(value) if isinstance(value, str) else list(value)
    names: dict[str, str] = {}
    for part in parts:
        name = clean_text(str(part)).lstrip("#").strip()
        if not name:
            continue
        if len(name) > TAG_LIMIT:
            raise ValidationError(
                {
                    "tags": _("The tag “%(tag)s…” is longer than 100 characters.")
                    % {"tag": name[:30]}
                }
            )
        names.setdefault(word_key(name), name)
    return list(names.values())


def tags_for(workspace: Workspace, names: Iterable[str]) -> list[LessonTag]:
    """The workspace's tags of these names, created when new (a name is matched as the library
    compares it: "ภาวะผู้นำ" and "ภาวะ ผู้นำ" are one tag)."""
    wanted = {word_key(name): name for name in names}
    found = {
        tag.name_key: tag
        for tag in LessonTag.objects.filter(workspace=workspace, name_key__in=list(wanted))
    }
    for key, name in wanted.items():
        if key not in found:
            found[key] = LessonTag.objects.create(
                workspace=workspace, name=name, name_key=key, sort_key=sort_key(name.casefold())
            )
    return [found[key] for key in wanted]


def search_text(*parts: str) -> str:
    return SEPARATOR.join(word_key(part) for part in parts if part and part.strip())


def refresh_session_search(session: LessonSession) -> None:
    """Store the session's search text again (its title, case, tags and prompts)."""
    prompts = session.prompts.order_by("position", "id").values_list("text", flat=True)
    tags = session.tags.values_list("name", flat=True)
    text = search_text(session.title, session.case, *tags, *prompts)
    LessonSession.objects.filter(pk=session.pk).update(
        search_key=text, sort_key=sort_key(session.title.casefold())
    )
    session.search_key = text


def refresh_answer_search(answer: LessonAnswer) -> None:
    """Store the answer's search text again (its text and tags; not who answered: a
    participant's name is personal data, which the library does not search)."""
    tags = answer.tags.values_list("name", flat=True)
    text = search_text(answer.text, *tags)
    LessonAnswer.objects.filter(pk=answer.pk).update(search_key=text)
    answer.search_key = text
