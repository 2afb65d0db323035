"""The network map's web views: the page, its data (JSON, compressed) and its GEXF download,
who may open them, and the input they refuse."""

import gzip
import io
import json
from typing import Any

import networkx as nx
import pytest
from django.test import Client
from django.urls import reverse

from phakhi.actors.services import actor_create
from phakhi.analysis.models import AnalysisRun
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.networks.services import network_create
from tests.accounts_support import client_for, user_with_role
from tests.map_support import EMAIL, LINE, PHONE


def test_map_data_view_answers_json_compressed_for_a_member(
    workspace: Workspace, analysed: AnalysisRun, django_assert_max_num_queries: Any
) -> None:
    client = client_for(user_with_role(workspace, "member"))
    url = reverse("web:map-data", args=[workspace.slug])
    with django_assert_max_num_queries(14):
        response = client.get(url, {"sector": "civil"}, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    payload = json.loads(body)
    assert set(payload["nodes"]["key"]) == {"A1", "A2", "A3", "A4"}
    assert payload["can_analyze"] is False
    big = client.get(url, HTTP_ACCEPT_ENCODING="gzip")  # small maps go uncompressed
    assert "Accept-Encoding" in big["Vary"]


def test_map_views_refuse_bad_input_and_unknown_names(
    workspace: Workspace, other_workspace: Workspace, author: Author, actors: dict[str, Any]
) -> None:
    client = client_for(user_with_role(workspace, "viewer"))
    url = reverse("web:map-data", args=[workspace.slug])
    response = client.get(url, {"min_strength": "9"})
    assert response.status_code == 400 and "min_strength" in response.json()["errors"]
    network_create(author, other_workspace, slug="theirs", name="Theirs")
    assert client.get(url, {"network": "theirs"}).status_code == 404
    theirs = actor_create(author, other_workspace, key="T1", name="T1")
    assert client.get(url, {"ego": theirs.key}).status_code == 404
    assert client.get(url, {"ego": "H", "radius": "1"}).status_code == 200


@pytest.mark.parametrize("name", ["web:map", "web:map-data", "web:map-gexf"])
def test_a_user_of_another_workspace_gets_404_and_anonymous_users_log_in(
    workspace: Workspace, other_workspace: Workspace, actors: dict[str, Any], name: str
) -> None:
    url = reverse(name, args=[workspace.slug])
    outsider = client_for(user_with_role(other_workspace, "admin"))
    assert outsider.get(url).status_code == 404
    response = Client().get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_gexf_download_is_the_filtered_map_and_opens_in_networkx(
    workspace: Workspace, analysed: AnalysisRun
) -> None:
    client = client_for(user_with_role(workspace, "viewer"))
    url = reverse("web:map-gexf", args=[workspace.slug])
    response = client.get(url, {"sector": "civil", "min_strength": "2"})
    assert response.status_code == 200
    assert 'filename="khon-kaen.gexf"' in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    graph = nx.read_gexf(io.BytesIO(body))
    assert sorted(graph.nodes) == ["A1", "A2", "A3", "A4"]
    assert {frozenset(e) for e in graph.edges()} == {frozenset(("A1", "A2"))}
    for secret in (PHONE.encode(), EMAIL.encode(), LINE.encode()):
        assert secret not in body
    everyone = nx.read_gexf(io.BytesIO(b"".join(client.get(url).streaming_content)))
    assert everyone.number_of_nodes() == 8
    assert everyone.nodes["H"]["sector"] == "government"
    ego = nx.read_gexf(io.BytesIO(b"".join(
        client.get(url, {"ego": "B1", "radius": "1"}).streaming_content)))  # fmt: skip
    assert sorted(ego.nodes) == ["A1", "B1", "B2"]


def test_map_page_offers_analysis_to_coordinators_only(
    workspace: Workspace, actors: dict[str, Any]
) -> None:
    url = reverse("web:map", args=[workspace.slug])
    analyze = reverse("web:map-analyze", args=[workspace.slug])
    coordinator = client_for(user_with_role(workspace, "coordinator"))
    page = coordinator.get(url, {"sector": "civil"})
    assert page.status_code == 200
    html = page.content.decode()
    assert analyze in html and 'id="map-config"' in html and "phakhi/map.js" in html
    viewer_page = client_for(user_with_role(workspace, "viewer")).get(url).content.decode()
    assert analyze not in viewer_page
    response = coordinator.post(analyze, {"query": "sector=civil"})
    assert response.status_code == 302 and response["Location"] == f"{url}?sector=civil"
    assert AnalysisRun.objects.filter(workspace=workspace, status="done").count() == 1
    viewer = client_for(user_with_role(workspace, "viewer", "viewer-2"))
    assert viewer.post(analyze).status_code == 403


def test_map_province_filter_names_provinces_in_the_pages_language(
    workspace: Workspace, actors: dict[str, Any]
) -> None:
    url = reverse("web:map", args=[workspace.slug])
    member = client_for(user_with_role(workspace, "member"))
    english = member.get(url).content.decode()
    assert '<option value="50">Chiang Mai</option>' in english
    assert '<option value="51">Lamphun</option>' in english
    thai = member.get(url, HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert '<option value="50">เชียงใหม่</option>' in thai
