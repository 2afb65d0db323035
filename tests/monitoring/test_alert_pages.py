"""What people see of the risk alerts: the open ones on the home page and on their network's
page (not a dismissed one, not another network's), the alert's page with its figures, reasons
and quotations, dismissing with a reason, the thresholds page in percent, the list's filters,
``phakhi alerts --check --json`` and the API — in English and in Thai."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from phakhi import cli
from phakhi.monitoring.alerts import alert_dismiss, alerts_check
from phakhi.monitoring.models import Alert, MonitoringSettings
from tests.accounts_support import client_for, user_with_role
from tests.api_support import API, token_client
from tests.monitoring.alert_support import AUTHOR, TODAY, build

pytestmark = pytest.mark.django_db
WS = "khon-kaen"
NO_ACADEMIC = ["A:civil", "B:civil", "C:civil", "D:civil", "G:government"]


@pytest.fixture
def checked(workspace) -> dict[str, Any]:
    farm = build(workspace, NO_ACADEMIC, slug="farm")
    school = build(workspace, ["H:academic", "I:government", "J:civil", "K:civil", "L:civil"],
                   slug="school")  # fmt: skip
    for made in (farm, school):
        alerts_check(AUTHOR, workspace, made["network"], on=TODAY)
    alert = Alert.objects.get(network=farm["network"], rule="one-kind", subject="academic")
    return {"farm": farm["network"], "school": school["network"], "alert": alert}


def _url(name: str, **kwargs: Any) -> str:
    return reverse(f"web:{name}", kwargs={"workspace": WS, **kwargs})


def _text(response: Any) -> str:
    assert response.status_code == 200, response.status_code
    return re.sub(r"\s+", " ", response.content.decode())


def test_home_and_network_pages_show_the_open_alerts(workspace, checked):
    viewer = client_for(user_with_role(workspace, "viewer"))
    home = _text(viewer.get(_url("home")))
    assert "Risk alerts" in home and "Only one kind of member" in home
    assert "academic: 0 of the 5 members; the network needs at least 1." in home
    farm = _text(viewer.get(_url("network", slug="farm")))
    assert "academic: 0 of the 5 members" in farm
    school = _text(viewer.get(_url("network", slug="school")))
    assert "academic: 0 of the 5 members" not in school  # another network's alert


def test_a_dismissed_alert_leaves_the_panels_and_stays_on_the_list(workspace, checked):
    alert_dismiss(AUTHOR, checked["alert"], "เครือข่ายเกษตรกรโดยเจตนา")
    viewer = client_for(user_with_role(workspace, "viewer"))
    assert "academic: 0 of the 5" not in _text(viewer.get(_url("network", slug="farm")))
    listed = _text(viewer.get(_url("alerts"), {"status": "dismissed"}))
    assert "academic: 0 of the 5 members" in listed
    page = _text(viewer.get(_url("alert", alert=checked["alert"].pk)))
    assert "เครือข่ายเกษตรกรโดยเจตนา" in page and "Dismissed by test:coordinator" in page
    assert "Open it again" not in page  # a viewer does not handle alerts


def test_the_alert_page_gives_figures_reasons_quotes_and_thresholds(workspace, checked):
    coordinator = client_for(user_with_role(workspace, "coordinator"))
    page = _text(coordinator.get(_url("alert", alert=checked["alert"].pk)))
    assert "academic: 0 of the 5 members; the network needs at least 1." in page
    assert "ขาดแนวร่วมในการทำงาน ปกติจะมีแต่องค์กรประเภทเดียวกันเท่านั้น" in page
    assert "(P 82, network-management-principles.txt)" in page
    assert "Invite a university" in page  # what to do
    assert (
        "fewest academic and fewest government members a network needs: <strong>1</strong>" in page
    )
    assert "Dismiss the alert" in page


def test_dismissing_needs_a_reason(workspace, checked):
    coordinator = client_for(user_with_role(workspace, "coordinator"))
    url = _url("alert-dismiss", alert=checked["alert"].pk)
    refused = coordinator.post(url, {"reason": "   "})
    assert refused.status_code == 400
    checked["alert"].refresh_from_db()
    assert checked["alert"].status == Alert.Status.OPEN
    done = coordinator.post(url, {"reason": "ตั้งใจให้เป็นเครือข่ายเกษตรกร"})
    assert done.status_code == 302
    checked["alert"].refresh_from_db()
    assert checked["alert"].status == Alert.Status.DISMISSED


def test_the_thresholds_page_takes_percentages(workspace, checked):
    admin = client_for(user_with_role(workspace, "admin"))
    form = _text(admin.get(_url("alert-settings")))
    assert 'name="capture_sector_share" value="80.0"' in form
    values = {"snapshot_every_months": "2", "dormant_months": "6", "min_members": "5",
              "capture_sector_share": "65", "capture_organisation_share": "40",
              "capture_community_share": "60", "capture_minimum": "10",
              "capture_minimum_leaders": "3", "min_leaders": "2", "fragility_k1": "70",
              "broker_share": "50", "quiet_days": "45", "reciprocity_minimum": "30",
              "dormant_member_share": "50", "dormant_tie_share": "50",
              "allies_minimum": "1"}  # fmt: skip
    assert admin.post(_url("alert-settings"), values).status_code == 302
    kept = MonitoringSettings.objects.get(workspace=workspace)
    assert kept.thresholds == {"capture_sector_share": 0.65, "quiet_days": 45.0}
    assert kept.snapshot_every_months == 2
    refused = admin.post(_url("alert-settings"), {**values, "quiet_days": "2"})
    assert refused.status_code == 400  # at least 7 days
    assert MonitoringSettings.objects.get(workspace=workspace).thresholds["quiet_days"] == 45


def test_the_list_filters_by_network_and_rule(workspace, checked):
    viewer = client_for(user_with_role(workspace, "viewer"))
    farm = _text(viewer.get(_url("alerts"), {"network": "farm", "rule": "one-kind"}))
    assert "academic: 0 of the 5 members" in farm and "Weak communication</a>" not in farm
    school = _text(viewer.get(_url("alerts"), {"network": "school", "rule": "one-kind"}))
    assert "No alert here." in school


def test_the_pages_in_thai(workspace, checked):
    viewer = client_for(user_with_role(workspace, "viewer"))
    viewer.cookies["django_language"] = "th"
    with translation.override("th"):
        page = _text(
            viewer.get(_url("alert", alert=checked["alert"].pk), HTTP_ACCEPT_LANGUAGE="th")
        )
    assert "มีสมาชิกเพียงประเภทเดียว" in page
    assert "ภาควิชาการ: 0 จากสมาชิก 5 ราย เครือข่ายควรมีอย่างน้อย 1 ราย" in page


def test_the_command_line_checks_and_lists(workspace, checked, capsys):
    try:
        code = cli.main(["alerts", "--workspace", WS, "--network", "farm", "--check", "--json",
                         "--lang", "en"])  # fmt: skip
    finally:
        translation.activate("en")
    assert code == cli.EXIT_OK
    out = json.loads(capsys.readouterr().out)
    assert out["network"] == "farm" and set(out["checked"]) == {"opened", "seen", "cleared"}
    one_kind = [a for a in out["alerts"] if a["rule"] == "one-kind"]
    assert one_kind[0]["id"] == checked["alert"].pk
    assert one_kind[0]["figures"]["count"] == 0
    assert one_kind[0]["text"] == "academic: 0 of the 5 members; the network needs at least 1."


def test_the_api_lists_dismisses_and_sets(workspace, checked):
    admin = token_client(user_with_role(workspace, "admin"))
    listed = admin.get(f"{API}/workspaces/{WS}/alerts", {"network": "farm", "rule": "one-kind"})
    assert listed.status_code == 200
    assert [a["subject"] for a in listed.json()["items"]] == ["academic"]
    pk = checked["alert"].pk
    refused = admin.post(f"{API}/workspaces/{WS}/alerts/{pk}/dismiss", {"reason": ""},
                         content_type="application/json")  # fmt: skip
    assert refused.status_code == 422
    done = admin.post(f"{API}/workspaces/{WS}/alerts/{pk}/dismiss", {"reason": "ตั้งใจ"},
                      content_type="application/json")  # fmt: skip
    assert done.json()["status"] == "dismissed" and done.json()["dismissal_reason"] == "ตั้งใจ"
    changed = admin.patch(f"{API}/workspaces/{WS}/alert-settings",
                          {"thresholds": {"capture_sector_share": 1.5}},
                          content_type="application/json")  # fmt: skip
    assert changed.status_code == 422
    assert "capture_sector_share" in json.dumps(changed.json())
    rules = admin.get(f"{API}/workspaces/{WS}/alert-rules").json()
    assert [rule["code"] for rule in rules] == [
        "capture", "one-leader", "weak-communication", "dormancy", "one-kind"
    ]  # fmt: skip
    assert rules[0]["quotes"][0]["line"] == 569
