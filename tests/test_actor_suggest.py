"""Picking an actor by name (issue 12, item 5): the suggestions every actor field of the web forms
shows while one types, and the forms reading the key of the actor chosen — or the text typed,
by key or by name, without JavaScript. The browser side is in tests/browser/test_actor_picker.py.
"""

from typing import Any

from django.urls import reverse

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.networks.models import Membership
from phakhi.ties.models import Tie
from tests.accounts_support import client_for, user_with_role
from tests.conftest import AUTHOR


def _client(data: dict[str, Any], role: str = "coordinator") -> Any:
    """One user and client per role and test."""
    if role not in data:
        data[role] = client_for(user_with_role(data["workspace"], role))
    return data[role]


def _suggest(data: dict[str, Any], role: str = "coordinator", **query: str) -> Any:
    client = _client(data, role)
    url = reverse("web:actor-suggest", kwargs={"workspace": data["workspace"].slug})
    return client.get(url, query)


def test_a_part_of_a_thai_name_suggests_the_actors_with_key_and_organization(data):
    response = _suggest(data, q="สมชาย")
    assert response.status_code == 200
    assert response.json() == {
        "actors": [{"key": "p-1", "name": "นายสมชาย ใจดี", "organization": "มูลนิธิเพื่อนชุมชน"}]
    }
    # The directory's search: without title or spaces, and through the organization's name.
    names = {a["name"] for a in _suggest(data, q="สม").json()["actors"]}
    assert names == {"นายสมชาย ใจดี", "นางสาวสมศรี มีสุข"}
    by_organization = _suggest(data, q="เพื่อนชุมชน").json()["actors"]
    assert {a["key"] for a in by_organization} == {"org-1", "p-1"}


def test_suggestions_carry_no_contacts_for_any_role(data):
    for role in ("admin", "coordinator"):
        answer = _suggest(data, role, q="สมชาย").json()
        assert set(answer["actors"][0]) == {"key", "name", "organization"}
        assert "081" not in str(answer) and "+66" not in str(answer)
    assert _suggest(data, "viewer", q="สมชาย").status_code == 403  # viewers do not edit


def test_a_key_typed_whole_comes_first_and_organizations_only_when_asked(data):
    actor_create(AUTHOR, data["workspace"], key="สม", name="ชมรมสมุนไพร", kind="group")
    assert _suggest(data, q="สม").json()["actors"][0]["key"] == "สม"
    organizations = _suggest(data, q="สม", organizations="1").json()["actors"]
    assert [a["key"] for a in organizations] == ["สม"]
    assert _suggest(data, q="  ").json() == {"actors": []}


def _post(data: dict[str, Any], route: str, values: dict[str, Any], **kwargs: Any) -> Any:
    client = _client(data)
    url = reverse(f"web:{route}", kwargs={"workspace": data["workspace"].slug, **kwargs})
    return client.post(url, values)


def test_a_tie_is_added_to_the_actor_chosen_or_to_the_one_name_typed(data):
    person, third = data["person"], data["third"]
    # Chosen from the suggestions: the hidden key wins over the text shown.
    _post(
        data,
        "actor-tie-add",
        {"other": "นางสาวสมศรี มีสุข", "other_key": "p-2", "strength": 2},
        pk=person.pk,
    )
    assert Tie.objects.filter(source=person, target=third, strength=2).exists()
    # Without JavaScript: a name that one actor has.
    fourth = actor_create(AUTHOR, data["workspace"], key="p-4", name="นายวิชัย กล้าหาญ")
    _post(data, "actor-tie-add", {"other": "วิชัย", "strength": 1}, pk=person.pk)
    assert Tie.objects.filter(source=person, target=fourth).exists()
    # A name several actors have is refused with them listed, and nothing is saved.
    response = _post(data, "actor-tie-add", {"other": "สม", "strength": 1}, pk=third.pk)
    assert response.status_code == 400
    assert "Several actors match" in response.content.decode()
    assert "(p-1)" in response.content.decode()


def test_a_member_and_an_organization_are_saved_from_the_key_chosen(data):
    third = data["third"]
    _post(
        data,
        "network-member-add",
        {"actor": "นางสาวสมศรี มีสุข", "actor_key": "p-2", "role": "member"},
        slug="health",
    )
    assert Membership.objects.filter(network=data["network"], actor=third).exists()
    _post(
        data,
        "actor-add",
        {
            "kind": "person",
            "name": "นางใหม่ ใจงาม",
            "key": "p-5",
            "organization": "มูลนิธิเพื่อนชุมชน",
            "organization_key": "org-1",
        },
    )
    assert Actor.objects.get(key="p-5").organization == data["org"]


def test_the_forms_draw_the_picker_with_its_suggestions_url(data):
    client = _client(data)
    slug = data["workspace"].slug
    suggest = reverse("web:actor-suggest", kwargs={"workspace": slug})
    pages = [
        reverse("web:actor", kwargs={"workspace": slug, "pk": data["person"].pk}),
        reverse("web:network", kwargs={"workspace": slug, "slug": "health"}),
        reverse("web:actor-add", kwargs={"workspace": slug}),
    ]
    for url in pages:
        page = client.get(url).content.decode()
        assert f'data-suggest-url="{suggest}' in page, url
        assert "data-picker-key" in page, url
    assert f'data-suggest-url="{suggest}?organizations=1"' in page  # the organization field
