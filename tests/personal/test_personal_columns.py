"""Which extra columns are personal (the built-in Thai and English names, compared after
normalization and by containment), and how a workspace's admin changes that in the web page and
through the API."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.personal import PersonalColumns, personal_view
from phakhi.core.services import workspace_set_personal_attributes
from tests.accounts_support import client_for, user_with_role
from tests.api_support import API, role_client, send

PERSONAL = [
    "address", "Address", "ADDRESS", "home address", "Home_Address", "addr1", "ที่อยู่",
    "ที่อยู่ติดต่อ", "ที่ อยู่", "บ้านเลขที่", "ภูมิลำเนา", "เลขบัตรประชาชน", "เลขประจำตัวประชาชน",
    "เลขบัตรประจำตัวประชาชน", "Citizen ID", "citizen_id", "National ID", "ID card",
    "ID Number", "Passport No.", "หนังสือเดินทาง", "วันเกิด", "วัน เดือน ปีเกิด", "ปีเกิด",
    "Birth date", "Date of birth", "date_of_birth", "DOB", "dob", "โทรศัพท์มือถือ",
    "เบอร์โทรศัพท์", "หมายเลขโทรศัพท์", "Mobile", "Mobile phone", "Tel", "Fax", "E-mail",
    "email 2", "อีเมล์", "LINE", "Line ID", "ไอดีไลน์", "Facebook", "เฟซบุ๊ก", "Instagram",
]  # fmt: skip
NOT_PERSONAL = ["note", "ตำแหน่ง", "จำนวนสมาชิก", "online", "hotel", "deadline", "website",
                "ประเภทงบประมาณ", "id"]  # fmt: skip


@pytest.mark.parametrize("name", PERSONAL)
def test_built_in_names_are_personal_after_normalization(name: str) -> None:
    assert PersonalColumns().is_personal(name)


@pytest.mark.parametrize("name", NOT_PERSONAL)
def test_other_columns_are_not_personal(name: str) -> None:
    assert not PersonalColumns().is_personal(name)


def test_a_workspace_adds_words_and_marks_columns_not_personal() -> None:
    columns = PersonalColumns(added=("โรค ประจำตัว", "Blood type"),
                              not_personal=("ที่อยู่ เว็บไซต์", "Email opt-in"))  # fmt: skip
    assert columns.is_personal("โรคประจำตัว (ถ้ามี)") and columns.is_personal("blood_type")
    assert not columns.is_personal("ที่อยู่เว็บไซต์") and not columns.is_personal("email_opt_in")
    assert columns.is_personal("ที่อยู่")  # the built-in words still apply to other columns


def test_the_address_is_the_column_named_so_else_the_first_address_like_by_name() -> None:
    columns = PersonalColumns()
    assert columns.address_key({"ที่อยู่ติดต่อ": "x", "Address": "y"}) == "Address"
    assert columns.address_key({"ที่อยู่ติดต่อ": "x", "ที่อยู่ที่ทำงาน": "y"}) == "ที่อยู่ติดต่อ"
    assert columns.address_key({"ที่อยู่": "", "note": "x"}) is None
    assert PersonalColumns(not_personal=("address",)).address_key({"address": "x"}) is None


def test_a_viewer_sees_personal_columns_masked_and_other_columns_as_they_are(
    workspace: Workspace, author: Author
) -> None:
    actor = actor_create(author, workspace, key="A1", name="ก", attributes={
        "ที่อยู่ติดต่อ": "12 ถนนกลาง", "เลขบัตรประชาชน": "3100600123458", "note": "อสม.",
    })  # fmt: skip
    viewer = personal_view(_access(workspace, "viewer"))
    assert viewer.attributes(actor.attributes) == {
        "ที่อยู่ติดต่อ": "1•••••",
        "เลขบัตรประชาชน": "3•••••",
        "note": "อสม.",
    }
    assert viewer.contacts(actor)["address"] == "1•••••"
    member = personal_view(_access(workspace, "member"))
    assert member.contacts(actor)["address"] == "12 ถนนกลาง"
    assert member.attributes(actor.attributes) == actor.attributes


def test_history_masks_old_and_new_contacts_and_personal_columns_for_viewers(
    workspace: Workspace,
) -> None:
    changes = {
        "phone": ["+66812345678", "+66891357924"],
        "email": [None, "somchai@example.org"],
        "attributes": [{"Address": "1 Moo 1"}, {"Address": "2 Moo 2", "note": "อสม."}],
        "subsector": ["", "อสม."],
    }
    assert personal_view(_access(workspace, "viewer")).changes(changes) == {
        "phone": ["081-xxx-x678", "089-xxx-x924"],
        "email": [None, "s•••••@example.org"],
        "attributes": [{"Address": "1•••••"}, {"Address": "2•••••", "note": "อสม."}],
        "subsector": ["", "อสม."],
    }
    assert personal_view(_access(workspace, "coordinator")).changes(changes) == changes


def _access(workspace: Workspace, role: str):  # type: ignore[no-untyped-def]
    from phakhi.accounts.permissions import access_for

    return access_for(user_with_role(workspace, role), workspace)


def test_the_setting_is_validated_and_audited(workspace: Workspace, author: Author) -> None:
    workspace_set_personal_attributes(
        author, workspace, added=[" โรคประจำตัว ", "โรค ประจำตัว", ""], not_personal=["Website"]
    )
    workspace.refresh_from_db()
    assert workspace.personal_attributes == {"added": ["โรคประจำตัว"], "not_personal": ["Website"]}
    event = AuditEvent.objects.filter(object_type="core.workspace").latest("id")
    assert event.changes == {"added": [[], ["โรคประจำตัว"]], "not_personal": [[], ["Website"]]}
    with pytest.raises(ValidationError) as refused:
        workspace_set_personal_attributes(author, workspace, added=["---"], not_personal=[])
    assert "“---” has no letters or digits" in refused.value.message_dict["added"][0]
    with pytest.raises(ValidationError) as refused:
        workspace_set_personal_attributes(author, workspace, added=[], not_personal=["ก" * 101])
    assert "longer than 100 characters" in refused.value.message_dict["not_personal"][0]
    workspace.refresh_from_db()
    assert workspace.personal_attributes["added"] == ["โรคประจำตัว"]  # left as it was
    workspace_set_personal_attributes(author, workspace, added=[], not_personal=[])
    workspace.refresh_from_db()
    assert workspace.personal_attributes == {}  # the built-in list alone


def test_an_admin_sets_the_personal_columns_on_the_workspace_page(
    workspace: Workspace, author: Author
) -> None:
    columns = {"โรคประจำตัว": "เบาหวาน", "ที่อยู่เว็บไซต์": "https://x.example"}
    actor_create(author, workspace, key="A1", name="ก", attributes=columns)
    client = client_for(user_with_role(workspace, "admin"))
    url = reverse("web:personal-data", kwargs={"workspace": workspace.slug})
    page = client.get(url).content.decode()
    assert "บัตรประชาชน" in page and "citizen id" in page  # the built-in list is shown
    response = client.post(url, {"added": "โรคประจำตัว\n", "not_personal": "ที่อยู่เว็บไซต์"})
    assert response.status_code == 302
    workspace.refresh_from_db()
    assert workspace.personal_attributes == {"added": ["โรคประจำตัว"], "not_personal": ["ที่อยู่เว็บไซต์"]}
    page = client.get(url).content.decode()
    assert "โรคประจำตัว</th><td>personal: masked" in page
    assert "ที่อยู่เว็บไซต์</th><td>shown" in page
    refused = client.post(url, {"added": "- - -", "not_personal": ""})
    assert refused.status_code == 400 and "has no letters or digits" in refused.content.decode()
    viewer = client_for(user_with_role(workspace, "viewer"))
    assert viewer.get(url).status_code == 403


def test_the_api_reads_and_sets_the_personal_columns(workspace: Workspace) -> None:
    path = f"/workspaces/{workspace.slug}/personal-attributes"
    admin = role_client(workspace, "admin")
    answer = send(admin, "put", path, {"added": ["โรคประจำตัว"], "not_personal": ["Website"]})
    assert answer.status_code == 200, answer.content
    assert answer.json()["added"] == ["โรคประจำตัว"]
    viewer = role_client(workspace, "viewer")
    read = viewer.get(f"{API}{path}").json()
    assert read["not_personal"] == ["Website"] and "passport" in read["built_in_words"]["id_number"]
    assert send(viewer, "put", path, {"added": []}).status_code == 403
    refused = send(admin, "put", path, {"added": ["..."]})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "added"
