"""Networks and projects named in an activity file, found by slug or name: all of a
workspace's read once, so that twenty thousand rows need no query each."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from phakhi.core.models import Workspace
from phakhi.core.thai import word_key
from phakhi.networks.models import Network
from phakhi.projects.models import Project


class Names:
    """A workspace's networks or projects, found by slug or by name (compared as Thai words:
    spaces, case and zero-width characters aside); a name two of them share is refused with
    their slugs."""

    def __init__(self, rows: Iterable[Network | Project], what: str, shared: str) -> None:
        self.what, self.shared = what, shared
        self.slugs: dict[str, Network | Project] = {}
        self.names: dict[str, list[Network | Project]] = {}
        for row in rows:
            self.slugs[row.slug] = row
            self.names.setdefault(word_key(row.name), []).append(row)
        self.slug_of = {row.pk: row.slug for row in self.slugs.values()}

    def find(self, text: str) -> Network | Project:
        if text in self.slugs:
            return self.slugs[text]
        found = self.names.get(word_key(text), [])
        if len(found) == 1:
            return found[0]
        if not found:
            raise ValueError(
                _("There is no %(what)s “%(names)s” in this workspace.")
                % {"what": self.what, "names": text}
            )
        slugs = ", ".join(sorted(row.slug for row in found))
        raise ValueError(self.shared % {"name": text, "slugs": slugs})


@dataclass
class Lookups:
    workspace: Workspace
    networks: Names
    projects: Names

    @classmethod
    def of(cls, workspace: Workspace) -> "Lookups":
        return cls(
            workspace,
            Names(
                Network.objects.filter(workspace=workspace),
                _("network"),
                _("Several networks are named “%(name)s”; write the slug of one (%(slugs)s)."),
            ),
            Names(
                Project.objects.filter(workspace=workspace),
                _("project"),
                _("Several projects are named “%(name)s”; write the slug of one (%(slugs)s)."),
            ),
        )
