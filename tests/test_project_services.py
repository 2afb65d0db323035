"""project_create and project_update: each rule names its field, nothing crosses workspaces,
edits are checked against the version read, and every change is in the audit trail."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from phakhi.actors.services import actor_create
from phakhi.core.models import AuditEvent
from phakhi.core.versions import EditConflict, UnknownVersion
from phakhi.networks.services import network_create
from phakhi.projects.models import Project
from phakhi.projects.services import project_create, project_update
from tests.accounts_support import AUTHOR


def _fields(error: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(error.value.message_dict)


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"slug": "Organic Farming"}, "slug"),
        ({"slug": "new"}, "slug"),
        ({"slug": "clinic"}, "slug"),  # taken
        ({"name": "   "}, "name"),
        ({"name": "x" * 301}, "name"),
        ({"starts_on": dt.date(2025, 6, 1), "ends_on": dt.date(2025, 1, 1)}, "ends_on"),
    ],
)
def test_create_refuses_naming_the_field(data, fields, named):
    values = {"slug": "organic", "name": "โครงการเกษตรอินทรีย์", **fields}
    with pytest.raises(ValidationError) as error:
        project_create(AUTHOR, data["workspace"], **values)
    assert named in _fields(error)
    assert Project.objects.filter(workspace=data["workspace"]).count() == 1  # the clinic


def test_nothing_crosses_workspaces(data, other_workspace):
    theirs = network_create(AUTHOR, other_workspace, slug="theirs", name="Theirs")
    stranger = actor_create(AUTHOR, other_workspace, key="x-1", name="คนนอก")
    with pytest.raises(ValidationError) as error:
        project_create(
            AUTHOR, data["workspace"], slug="o", name="O", network=theirs, lead_actor=stranger
        )
    assert _fields(error) == {"network", "lead_actor"}
    with pytest.raises(ValidationError) as error:
        project_update(AUTHOR, data["project"], lead_actor=stranger)
    assert _fields(error) == {"lead_actor"}
    # The same slug in another workspace is another project.
    assert project_create(AUTHOR, other_workspace, slug="clinic", name="Clinic").pk


def test_update_checks_dates_against_the_stored_ones(data):
    project = data["project"]
    project_update(AUTHOR, project, starts_on=dt.date(2025, 3, 1))
    with pytest.raises(ValidationError) as error:
        project_update(AUTHOR, project, ends_on=dt.date(2025, 2, 1))
    assert _fields(error) == {"ends_on"}
    project.refresh_from_db()
    assert project.ends_on is None and project.version == 2


def test_update_records_what_changed_as_the_next_version(data):
    project = data["project"]
    project_update(AUTHOR, project, lead_actor=data["org"], description="  คลินิก  ")
    project.refresh_from_db()
    assert (project.version, project.description) == (2, "คลินิก")
    event = AuditEvent.objects.filter(object_type="projects.project").latest("id")
    assert event.action == "update" and event.object_version == 2
    assert event.changes == {"lead_actor": [None, data["org"].pk], "description": ["", "คลินิก"]}
    project_update(AUTHOR, project, description="คลินิก")  # no change: no new version
    project.refresh_from_db()
    assert project.version == 2
    with pytest.raises(ValueError, match="slug"):
        project_update(AUTHOR, project, slug="renamed")


def test_an_edit_from_an_old_version_merges_or_conflicts(data):
    project = data["project"]
    project_update(AUTHOR, project, name="ชื่อใหม่")  # version 2, by a colleague
    project_update(AUTHOR, project, version=1, description="ไม่ชนกัน")  # another field: merges
    project.refresh_from_db()
    assert (project.name, project.description, project.version) == ("ชื่อใหม่", "ไม่ชนกัน", 3)
    with pytest.raises(EditConflict) as conflict:
        project_update(AUTHOR, project, version=1, name="ชื่อของฉัน")
    assert [c.field for c in conflict.value.conflicts] == ["name"]
    assert conflict.value.conflicts[0].theirs == "ชื่อใหม่"
    with pytest.raises(UnknownVersion):
        project_update(AUTHOR, project, version=9, name="x")
    project.refresh_from_db()
    assert project.name == "ชื่อใหม่"
