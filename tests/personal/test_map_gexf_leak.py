"""The reproduction of issue 11 §2: a viewer downloaded the map's GEXF and found the actors'
addresses and other personal columns, which every page masks for their role."""

import io

import networkx as nx
from django.urls import reverse

from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from tests.accounts_support import client_for, user_with_role


def _gexf(workspace: Workspace, role: str) -> tuple[bytes, nx.Graph]:
    client = client_for(user_with_role(workspace, role))
    response = client.get(reverse("web:map-gexf", args=[workspace.slug]))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    return body, nx.read_gexf(io.BytesIO(body))


def test_a_viewer_gets_the_map_gexf_without_addresses_or_id_numbers(
    workspace: Workspace, author: Author
) -> None:
    actor_create(author, workspace, key="A1", name="นางสาวสมใจ รักดี", attributes={
        "ที่อยู่": "99 หมู่ 4 ตำบลซ่อนเร้น", "เลขบัตรประชาชน": "1103700012345",
        "note": "อาสาสมัครสาธารณสุข",
    })  # fmt: skip
    body, graph = _gexf(workspace, "viewer")
    assert "ซ่อนเร้น".encode() not in body and b"1103700012345" not in body
    node = graph.nodes["A1"]
    assert node["ที่อยู่"] == "9•••••" and node["เลขบัตรประชาชน"] == "1•••••"
    assert node["note"] == "อาสาสมัครสาธารณสุข"  # not personal: shown to every role

    _, graph = _gexf(workspace, "member")
    assert graph.nodes["A1"]["ที่อยู่"] == "99 หมู่ 4 ตำบลซ่อนเร้น"
    assert graph.nodes["A1"]["เลขบัตรประชาชน"] == "1103700012345"
