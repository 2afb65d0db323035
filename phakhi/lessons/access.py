"""Who may change a lessons session, and whose name a user sees on an answer.

A session is a worksheet of its project and/or its network: changing it takes the right to edit
each of them (``can_edit_project`` for the project, ``can_edit_network`` for the network), so
that nobody links their own network to someone else's project or the other way round."""

from __future__ import annotations

from phakhi.accounts.permissions import Access
from phakhi.core.contacts import mask_text
from phakhi.lessons.models import LessonAnswer, LessonSession
from phakhi.networks.models import Network
from phakhi.projects.models import Project


def can_link(access: Access, project: Project | None, network: Network | None) -> bool:
    if project is None and network is None:
        return access.can_edit and not access.is_restricted
    if project is not None and not access.can_edit_project(project.network_id):
        return False
    return network is None or access.can_edit_network(network.pk)


def can_edit_session(access: Access, session: LessonSession) -> bool:
    return can_link(access, session.project, session.network)


def shown_participant(access: Access, answer: LessonAnswer) -> str:
    """Who answered, as this user may see it: a participant's name is personal data, masked for
    viewers like every contact, unless it is an actor's name from the directory."""
    if access.can_see_contacts:
        return answer.participant
    if answer.actor is not None:
        return answer.actor.name
    return mask_text(answer.participant)
