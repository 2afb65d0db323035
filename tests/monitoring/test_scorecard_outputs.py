"""The scorecard as people get it: the monitoring hub and a network's scorecard (readings,
lights, what to do), taking a snapshot from the page, the figure over time with the marked days,
``phakhi snapshot`` (text and JSON), and the API (figures now, snapshots, take one)."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from phakhi import cli
from phakhi.monitoring.models import Snapshot
from phakhi.monitoring.snapshots import snapshot_take
from tests.accounts_support import user_with_role
from tests.api_support import API, role_client, send
from tests.monitoring.scorecard_support import AUTHOR, TODAY, scorecard_data

pytestmark = pytest.mark.django_db


def _client(workspace, role="viewer", language="en"):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user_with_role(workspace, role))
    return client


def test_the_network_scorecard_reads_each_figure_with_its_light(workspace):
    data = scorecard_data(workspace, timezone.localdate())
    url = reverse("web:network-scorecard", kwargs={"workspace": workspace.slug, "slug": "health"})
    page = _client(workspace).get(url).content.decode()
    # Read now (the workspace is small): 4 members, 3 took part in 12 months.
    assert "Scorecard of เครือข่ายสุขภาพ" in page
    assert "3 of 4 members took part in at least one activity in 12 months." in page
    assert "Not known yet." in page  # no analysis, no survey, no self-assessment
    assert "Take a snapshot now" not in page  # a viewer may not take one
    assert data["network"].slug in page


def test_the_hub_shows_each_networks_latest_lights_in_thai(workspace):
    data = scorecard_data(workspace)
    snapshot_take(AUTHOR, workspace, data["network"], on=TODAY)
    url = reverse("web:monitoring", kwargs={"workspace": workspace.slug})
    page = _client(workspace, "coordinator", "th").get(url).content.decode()
    assert "ติดตามความเข้มแข็งของเครือข่าย" in page
    assert "ความเข้มแข็งของทั้งหน่วยงาน" in page
    assert "บันทึกภาพรวมตอนนี้" in page  # a coordinator may take one
    assert "30 มิ.ย. 2569" in page  # the network's latest snapshot, Buddhist era


def test_a_coordinator_takes_a_snapshot_from_the_page(workspace):
    scorecard_data(workspace)
    client = _client(workspace, "coordinator")
    url = reverse("web:snapshot-take", kwargs={"workspace": workspace.slug})
    response = client.post(url, {"network": "health"}, follow=True)
    assert response.redirect_chain[-1][0].endswith("/networks/health/scorecard/")
    assert "The snapshot is taken and kept." in response.content.decode()
    snapshot = Snapshot.objects.get()
    assert snapshot.network.slug == "health" and snapshot.requested_by.startswith("web:")
    assert client.get(url).status_code == 405


def test_the_figure_over_time_lists_each_snapshot_and_the_marked_days(workspace):
    data = scorecard_data(workspace)
    for day in (dt.date(2025, 11, 1), dt.date(2026, 2, 1), TODAY):
        snapshot_take(AUTHOR, workspace, data["network"], on=day)
    url = reverse("web:scorecard-trend", kwargs={"workspace": workspace.slug})
    client = _client(workspace)
    page = client.get(url, {"network": "health", "figure": "participation_rate"})
    text = page.content.decode()
    # On 2025-11-01 E was still a member: X1's A and B of 5 members; on 2026-02-01 X1 and X2's
    # A, B, C of 4; on TODAY X2 and X3's A, B, C of 4.
    assert text.count('data-value="40.0"') == 1 and text.count('data-value="75.0"') == 2
    # Marked between the first and the last snapshot: X2 and X3, not X1 (before the first).
    assert 'data-day="2025-12-01" data-kind="activity"' in text
    assert 'data-day="2026-05-15" data-kind="activity"' in text
    assert 'data-day="2025-03-01"' not in text
    unknown = client.get(url, {"figure": "no-such"})
    assert unknown.status_code == 200 and "Participation rate" in unknown.content.decode()


def test_phakhi_snapshot_prints_the_scorecard_and_its_json(workspace, capsys):
    scorecard_data(workspace, timezone.localdate())
    assert cli.main(["--lang", "en", "snapshot", "--workspace", workspace.slug,
                     "--network", "health"]) == 0  # fmt: skip
    text = capsys.readouterr().out
    assert "Scorecard of เครือข่ายสุขภาพ" in text and "Participation rate: 75% [good]" in text
    assert cli.main(["snapshot", "--workspace", workspace.slug, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["network"] is None and found["trigger"] == "demand"
    assert found["figures"]["activity"]["members"] == 4
    assert set(found["figures"]) == {"structure", "activity", "relationships", "capacity"}
    assert Snapshot.objects.count() == 2
    assert cli.main(["snapshot", "--workspace", workspace.slug, "--network", "nope"]) == 1


def test_phakhi_snapshot_due_takes_each_due_snapshot_once(workspace, capsys):
    scorecard_data(workspace)
    assert cli.main(["snapshot", "--due", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["taken"]) == 2
    assert cli.main(["snapshot", "--due", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["taken"] == []


def test_the_api_gives_the_figures_and_the_snapshots(workspace):
    scorecard_data(workspace, timezone.localdate())
    coordinator = role_client(workspace, "coordinator")
    made = send(coordinator, "post", f"/workspaces/{workspace.slug}/snapshots",
                {"network": "health"})  # fmt: skip
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["network"] == "health" and body["lights"]["participation_rate"] == "green"
    viewer = role_client(workspace, "viewer")
    listed = viewer.get(f"{API}/workspaces/{workspace.slug}/snapshots?network=health").json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == body["id"]
    one = viewer.get(f"{API}/workspaces/{workspace.slug}/snapshots/{body['id']}")
    assert one.json()["figures"]["activity"]["participants"] == 3
    now = viewer.get(f"{API}/workspaces/{workspace.slug}/scorecard?network=health").json()
    assert now["live"] is True and now["figures"]["activity"]["members"] == 4
    refused = send(viewer, "post", f"/workspaces/{workspace.slug}/snapshots", {})
    assert refused.status_code == 403
    unknown = send(coordinator, "post", f"/workspaces/{workspace.slug}/snapshots",
                   {"network": "nope"})  # fmt: skip
    assert unknown.status_code == 422 and Snapshot.objects.count() == 1
