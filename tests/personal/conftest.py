"""An actor whose personal data is made of distinctive markers, before and after a change (so
that its history holds old values too), in a workspace that adds one personal word and marks
one column as not personal."""

from typing import Any

import pytest

from phakhi.actors.services import actor_create, actor_update
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.core.services import workspace_set_personal_attributes
from phakhi.networks.services import membership_set, network_create
from phakhi.ties.services import tie_create

# What an actor's outputs may carry, by group: each marker is searched for in the raw text of
# a response or file, and in what its format's own library reads back from it.
MARKERS: dict[str, tuple[str, ...]] = {
    "phone": ("891357924",),
    "email": ("zq.mail",),
    "line_id": ("zqline42",),
    "address": ("ZQADDRESS",),
    # the personal extra columns: built-in words (Thai and English), and the workspace's own
    "personal": ("ZQCONTACTADDR", "3100600123458", "14/07/2519", "0823334445", "zqfacebook",
                 "ZQDIABETES"),
    # the values before the change, kept in the history
    "old": ("867778889", "zq.oldmail", "zqoldline", "ZQOLDADDRESS", "1100800765432"),
}  # fmt: skip
# Extra columns that are not personal: every role sees them wherever extra columns show.
PUBLIC_MARKERS = ("ZQPUBLICNOTE", "zqsite")

OLD = {
    "phone": "086-777-8889",
    "email": "zq.oldmail@example.org",
    "line_id": "zqoldline",
    "attributes": {"Address": "ZQOLDADDRESS 1 Moo 1", "เลขบัตรประชาชน": "1100800765432"},
}
NEW = {
    "phone": "089-135-7924",
    "email": "zq.mail@example.org",
    "line_id": "zqline42",
    "attributes": {
        "Address": "ZQADDRESS 7 Moo 2",
        "ที่อยู่ติดต่อ": "ZQCONTACTADDR ตำบลในเมือง",
        "เลขบัตรประชาชน": "3100600123458",
        "วันเกิด": "14/07/2519",
        "โทรศัพท์มือถือ": "0823334445",
        "Facebook": "fb.com/zqfacebook",
        "โรคประจำตัว": "ZQDIABETES",
        "note": "ZQPUBLICNOTE",
        "ที่อยู่เว็บไซต์": "https://zqsite.example.org",
    },
}


@pytest.fixture
def marked(workspace: Workspace, author: Author) -> dict[str, Any]:
    workspace_set_personal_attributes(
        author, workspace, added=["โรคประจำตัว"], not_personal=["ที่อยู่เว็บไซต์"]
    )
    person = actor_create(author, workspace, key="P-SECRET", name="นางสาวลับ เฉพาะ", **OLD)
    person = actor_update(author, person, **NEW)
    other = actor_create(author, workspace, key="P-OTHER", name="นายอื่น ทั่วไป")
    network = network_create(author, workspace, slug="health", name="เครือข่ายสุขภาพ")
    membership_set(author, network, person, role="member")
    tie = tie_create(author, workspace, person, other, strength=2)
    return {"workspace": workspace, "person": person, "other": other, "tie": tie}
