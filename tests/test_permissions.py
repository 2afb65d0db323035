"""Who may do what: the roles' permissions, and every role against every page of the shell,
anonymous visitors, and users of one workspace trying another's URLs."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from phakhi.accounts.models import Role
from phakhi.accounts.permissions import access_for, workspaces_for
from phakhi.actors.services import actor_create
from tests.accounts_support import AUTHOR, ROLES, client_for, user_with_role

# --- what each role may do ---------------------------------------------------------------------

EXPECTED = {
    #              contacts edit  import analyze users
    "admin": (True, True, True, True, True),
    "coordinator": (True, True, True, True, False),
    "member": (True, False, False, False, False),
    "viewer": (False, False, False, False, False),
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_allows_what_it_should(workspace, role):
    access = access_for(user_with_role(workspace, role), workspace)
    assert access is not None and access.role == role
    got = (
        access.can_see_contacts,
        access.can_edit,
        access.can_import,
        access.can_analyze,
        access.can_manage_users,
    )
    assert got == EXPECTED[role]
    assert access.allows("view")
    assert access.allows("manage_users") == EXPECTED[role][4]


def test_no_role_no_access_and_superusers_are_admins_everywhere(workspace, other_workspace):
    user = user_with_role(workspace, "viewer")
    assert access_for(user, other_workspace) is None
    boss = get_user_model().objects.create_superuser("boss", "", "x")
    for ws in (workspace, other_workspace):
        access = access_for(boss, ws)
        assert access is not None and access.role == Role.ADMIN and access.network_ids is None
    assert {w.slug for w, _ in workspaces_for(boss)} == {"khon-kaen", "other"}
    assert workspaces_for(user) == [(workspace, Role.VIEWER)]


def test_an_inactive_user_has_no_access(workspace):
    user = user_with_role(workspace, "admin")
    user.is_active = False
    user.save()
    assert access_for(user, workspace) is None and workspaces_for(user) == []


def test_a_limited_coordinator_edits_only_their_networks_and_their_members(workspace, data, author):
    other_network = data["network"].__class__.objects.create(
        workspace=workspace, slug="youth", name="เยาวชน"
    )
    limited = user_with_role(workspace, "coordinator", networks=(data["network"],))
    access = access_for(limited, workspace)
    assert access is not None and access.network_ids == frozenset({data["network"].pk})
    assert access.can_edit_network(data["network"].pk)
    assert not access.can_edit_network(other_network.pk)
    assert not access.can_import and access.can_analyze  # an import may change any actor
    assert access.can_edit_actor(data["person"].pk)  # a member of the coordinator's network
    assert not access.can_edit_actor(data["third"].pk)  # in no network of theirs
    everything = access_for(user_with_role(workspace, "coordinator", "all"), workspace)
    assert everything is not None and everything.network_ids is None
    assert everything.can_edit_network(other_network.pk) and everything.can_edit_actor(
        data["third"].pk
    )
    member = access_for(user_with_role(workspace, "member"), workspace)
    assert member is not None and not member.can_edit_actor(data["person"].pk)


def test_can_edit_actor_is_one_query(workspace, data, django_assert_num_queries):
    access = access_for(
        user_with_role(workspace, "coordinator", networks=(data["network"],)), workspace
    )
    assert access is not None
    with django_assert_num_queries(1):
        access.can_edit_actor(data["person"].pk)


# --- every role against every page ------------------------------------------------------------

PAGES = {
    # name: (method, permission needed)
    "home": ("get", "view"),
    "people": ("get", "manage_users"),
    "people-invite": ("post", "manage_users"),
    "analysis_run": ("post", "analyze"),
}


def _url(name, workspace):
    return reverse(f"web:{name}", kwargs={"workspace": workspace.slug})


def _request(client, name, workspace):
    method, _ = PAGES[name]
    data = {"invite-email": "new@example.org", "invite-role": "viewer"}
    return getattr(client, method)(_url(name, workspace), data if method == "post" else None)


@pytest.fixture
def analysed_nothing(monkeypatch):
    """The analysis button's view is checked for who may press it, not for the analysis."""
    from phakhi.analysis.models import AnalysisRun
    from phakhi.web.views import home

    monkeypatch.setattr(
        home, "analysis_request", lambda *a, **k: AnalysisRun(status=AnalysisRun.Status.DONE)
    )


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_role_by_page(workspace, role, name, analysed_nothing, mailoutbox):
    user = user_with_role(workspace, role)
    response = _request(client_for(user), name, workspace)
    access = access_for(user, workspace)
    assert access is not None
    if access.allows(PAGES[name][1]):
        assert response.status_code in (200, 302), response.content[:300]
        assert len(mailoutbox) == (1 if name == "people-invite" else 0)
    else:
        assert response.status_code == 403
        page = response.content.decode()
        assert "Not allowed" in page and str(Role(role).label) in page
        assert "Ask an admin" in page
        assert mailoutbox == []


@pytest.mark.parametrize("role", ROLES)
def test_chooser_opens_for_every_role(workspace, role):
    client = client_for(user_with_role(workspace, role))
    response = client.get(reverse("web:chooser"))
    assert response.status_code == 302 and response.url == _url("home", workspace)


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, workspace, name):
    response = _request(client, name, workspace)
    assert response.status_code == 302
    assert response.url.startswith(reverse("web:login") + "?next=")


def test_anonymous_chooser_is_sent_to_log_in(client, db):
    response = client.get("/")
    assert response.status_code == 302 and response.url == "/accounts/login/?next=/"


@pytest.mark.parametrize("name", PAGES)
def test_a_user_of_workspace_a_gets_404_for_workspace_b(
    workspace, other_workspace, name, analysed_nothing, mailoutbox
):
    """Even an admin of A: B's pages answer as if B did not exist."""
    user_with_role(other_workspace, "admin", "b-admin")
    client = client_for(user_with_role(workspace, "admin"))
    response = _request(client, name, other_workspace)
    assert response.status_code == 404
    missing = client.get(reverse("web:home", kwargs={"workspace": "no-such-place"}))
    assert missing.status_code == 404
    assert other_workspace.name not in response.content.decode()
    assert mailoutbox == []


def test_an_admin_cannot_change_or_remove_a_member_of_another_workspace(workspace, other_workspace):
    stranger = user_with_role(other_workspace, "member", "stranger")
    client = client_for(user_with_role(workspace, "admin"))
    for name in ("people-member", "people-remove"):
        url = reverse(f"web:{name}", kwargs={"workspace": workspace.slug, "user_id": stranger.pk})
        response = client.post(url, {f"m{stranger.pk}-role": "admin"})
        assert response.status_code == 404
    assert access_for(stranger, other_workspace).role == Role.MEMBER  # type: ignore[union-attr]


def test_the_workspace_switcher_lists_only_the_users_workspaces(workspace, other_workspace):
    third = workspace.__class__.objects.create(slug="third", name="Third agency")
    user = user_with_role(workspace, "viewer")
    user_with_role(other_workspace, "member", user.username + "-x")
    from phakhi.accounts.services import member_set

    member_set(AUTHOR, other_workspace, user, "member")
    html = client_for(user).get(_url("home", workspace)).content.decode()
    assert 'class="menu workspace-switcher"' in html
    assert other_workspace.name in html and third.name not in html


def test_viewers_see_contacts_masked(workspace, data):
    from phakhi.core.personal import personal_view

    person = data["person"]
    viewer = access_for(user_with_role(workspace, "viewer"), workspace)
    member = access_for(user_with_role(workspace, "member"), workspace)
    assert personal_view(member).contacts(person)["phone"] == "+66812345678"
    assert personal_view(viewer).contacts(person)["phone"] == "081-xxx-x678"
    actor = actor_create(
        AUTHOR, workspace, key="p-9", name="ทดสอบ", email="somchai@example.org", line_id="somchai"
    )
    assert personal_view(viewer).contacts(actor) == {
        "phone": "",
        "email": "s•••••@example.org",
        "line_id": "s•••••",
        "address": "",
    }


def test_projects_are_edited_by_coordinators_of_their_lead_network(workspace, data):
    other_network = data["network"].__class__.objects.create(
        workspace=workspace, slug="youth", name="เยาวชน"
    )
    limited = access_for(
        user_with_role(workspace, "coordinator", networks=(data["network"],)), workspace
    )
    assert limited is not None
    assert limited.can_edit_project(data["network"].pk)
    assert not limited.can_edit_project(other_network.pk)
    assert not limited.can_edit_project(None)  # a project no network leads is everyone's
    everything = access_for(user_with_role(workspace, "coordinator", "all"), workspace)
    assert everything is not None and everything.can_edit_project(None)
    assert everything.can_edit_project(other_network.pk)
    member = access_for(user_with_role(workspace, "member"), workspace)
    assert member is not None and not member.can_edit_project(data["network"].pk)
