"""The private calendar address: made once per user and workspace, unguessable, reset to a new
one that cuts the old off, answered only while the user keeps a role, as that role sees it;
ETag and Last-Modified with 304; ``last_read_at`` at most once a minute. And the pages."""

import datetime as dt
import re

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from phakhi.accounts.services import member_remove
from phakhi.core.models import AuditEvent
from phakhi.participation.calendar_feeds import (
    calendar_feed_get_or_create,
    calendar_feed_read,
    calendar_feed_reset,
)
from phakhi.participation.models import Activity, CalendarFeed
from phakhi.participation.services import activity_delete, activity_update
from tests.accounts_support import client_for, user_with_role
from tests.participation.calendar_support import AUTHOR, activity

pytestmark = pytest.mark.django_db


def _url(feed, **query):
    path = reverse("web:calendar-feed", kwargs={"token": feed.token})
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}


@pytest.fixture
def soon():
    return timezone.localdate() + dt.timedelta(days=7)


def test_one_address_per_user_and_workspace(workspace) -> None:
    user = user_with_role(workspace, "member")
    feed = calendar_feed_get_or_create(AUTHOR, user, workspace)
    assert calendar_feed_get_or_create(AUTHOR, user, workspace) == feed
    assert len(feed.token) >= 43 and re.fullmatch(r"[A-Za-z0-9_-]+", feed.token)
    other = calendar_feed_get_or_create(AUTHOR, user_with_role(workspace, "viewer"), workspace)
    assert other.token != feed.token
    assert AuditEvent.objects.filter(object_type="participation.calendarfeed").count() == 2


def test_feed_serves_the_workspace_calendar_without_signing_in(workspace, soon) -> None:
    activity(workspace, "a", soon, title="ประชุมคณะทำงาน")
    activity(workspace, "old", soon - dt.timedelta(days=400), title="เก่าเกินหน้าต่าง")
    feed = calendar_feed_get_or_create(AUTHOR, user_with_role(workspace, "viewer"), workspace)
    response = Client().get(_url(feed))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    assert _events(response) == {"ประชุมคณะทำงาน"}  # the last twelve months and ahead


def test_unknown_and_reset_tokens_get_404(workspace, soon) -> None:
    activity(workspace, "a", soon)
    feed = calendar_feed_get_or_create(AUTHOR, user_with_role(workspace, "member"), workspace)
    old = _url(feed)
    assert Client().get(old).status_code == 200
    feed = calendar_feed_reset(AUTHOR, feed)
    assert Client().get(old).status_code == 404
    assert Client().get(_url(feed)).status_code == 200
    assert Client().get(old.replace(old[-10:-4], "xxxxxx")).status_code == 404
    assert Client().get("/calendar/" + "a" * 100 + ".ics").status_code == 404


def test_a_user_who_lost_their_role_gets_404(workspace, soon) -> None:
    activity(workspace, "a", soon)
    user = user_with_role(workspace, "member")
    feed = calendar_feed_get_or_create(AUTHOR, user, workspace)
    assert Client().get(_url(feed)).status_code == 200
    member_remove(AUTHOR, workspace, user)
    assert Client().get(_url(feed)).status_code == 404


def test_an_inactive_user_gets_404(workspace, soon) -> None:
    user = user_with_role(workspace, "admin")
    feed = calendar_feed_get_or_create(AUTHOR, user, workspace)
    user.is_active = False
    user.save()
    assert Client().get(_url(feed)).status_code == 404


def test_a_viewers_feed_has_no_contact_details(data, soon) -> None:
    workspace, person = data["workspace"], data["person"]
    person.email = "somchai@example.org"
    person.save()
    activity(workspace, "a", soon, organizers=[person], title="เวที")
    for role in ("viewer", "admin"):
        feed = calendar_feed_get_or_create(AUTHOR, user_with_role(workspace, role), workspace)
        body = Client().get(_url(feed)).content.decode().replace("\r\n ", "")  # unfolded
        assert "นายสมชาย ใจดี" in body  # organisers are named…
        for contact in ("081-234-5678", "0812345678", "example.org"):
            assert contact not in body  # …never their contacts


def test_network_filter_and_language(data, soon) -> None:
    workspace = data["workspace"]
    activity(workspace, "in", soon, networks=[data["network"]], title="ในเครือข่าย", kind="visit")
    activity(workspace, "out", soon, title="นอกเครือข่าย")
    feed = calendar_feed_get_or_create(AUTHOR, user_with_role(workspace, "member"), workspace)
    assert _events(Client().get(_url(feed, network="health"))) == {"ในเครือข่าย"}
    assert Client().get(_url(feed, network="nope")).status_code == 404
    thai = Client().get(_url(feed, network="health")).content.decode()
    english = Client().get(_url(feed, network="health", lang="en")).content.decode()
    assert "ลงพื้นที่" in thai and "field visit" in english


def test_etag_and_last_modified_give_304_until_something_changes(workspace, soon) -> None:
    made = activity(workspace, "a", soon)
    feed = calendar_feed_get_or_create(AUTHOR, user_with_role(workspace, "member"), workspace)
    client = Client()
    first = client.get(_url(feed))
    etag, modified = first["ETag"], first["Last-Modified"]
    again = client.get(_url(feed), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag and not again.content
    assert client.get(_url(feed), HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    activity_update(AUTHOR, made, title="แก้แล้ว")
    changed = client.get(_url(feed), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert _events(changed) == {"แก้แล้ว"}
    # A deletion changes it too (the newest change time may not).
    other = activity(workspace, "b", soon)
    activity_update(AUTHOR, other, title="ล่าสุด")
    hour_ago = timezone.now() - dt.timedelta(hours=1)
    Activity.objects.filter(workspace=workspace).update(updated_at=hour_ago)
    etag = client.get(_url(feed))["ETag"]
    modified = client.get(_url(feed))["Last-Modified"]
    assert client.get(_url(feed), HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    activity_delete(AUTHOR, made)
    after = client.get(_url(feed), HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200 and _events(after) == {"ล่าสุด"}
    # A client that sends only If-Modified-Since sees the deletion as well.
    assert client.get(_url(feed), HTTP_IF_MODIFIED_SINCE=modified).status_code == 200
    # Another language is another text.
    assert client.get(_url(feed, lang="en"))["ETag"] != after["ETag"]


def test_organisers_changing_changes_the_etag(data, soon) -> None:
    workspace = data["workspace"]
    made = activity(workspace, "a", soon)
    feed = calendar_feed_get_or_create(AUTHOR, user_with_role(workspace, "member"), workspace)
    etag = Client().get(_url(feed))["ETag"]
    from phakhi.participation.services import activity_set_hosts

    activity_set_hosts(AUTHOR, made, organizers=[data["person"]], speakers=[])
    assert Client().get(_url(feed), HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_last_read_is_written_at_most_once_a_minute(workspace) -> None:
    feed = calendar_feed_get_or_create(AUTHOR, user_with_role(workspace, "member"), workspace)
    now = timezone.now()
    assert calendar_feed_read(feed, now)
    assert not calendar_feed_read(feed, now + dt.timedelta(seconds=30))
    assert calendar_feed_read(feed, now + dt.timedelta(seconds=61))
    Client().get(_url(feed))
    feed.refresh_from_db()
    assert feed.last_read_at is not None


# --- the pages ---


def test_subscribe_and_reset_from_the_page(workspace, soon) -> None:
    user = user_with_role(workspace, "viewer")
    client = client_for(user)
    page = reverse("web:calendar", kwargs={"workspace": workspace.slug})
    assert "Make my calendar address" in client.get(page).content.decode()
    response = client.post(
        reverse("web:calendar-subscribe", kwargs={"workspace": workspace.slug}),
        {"next": page + "?view=list"},
    )
    assert response.status_code == 302 and response["Location"] == page + "?view=list#subscribe"
    feed = CalendarFeed.objects.get(user=user, workspace=workspace)
    text = client.get(page).content.decode()
    assert f"http://testserver/calendar/{feed.token}.ics?lang=en" in text
    assert "How to subscribe in Google Calendar" in text and "Outlook" in text
    client.post(reverse("web:calendar-subscribe-reset", kwargs={"workspace": workspace.slug}))
    renewed = CalendarFeed.objects.get(pk=feed.pk)
    assert renewed.token != feed.token and renewed.token in client.get(page).content.decode()
    # An address elsewhere is not followed.
    away = client.post(
        reverse("web:calendar-subscribe", kwargs={"workspace": workspace.slug}),
        {"next": "https://evil.example/"},
    )
    assert away["Location"] == page + "#subscribe"


def test_month_page_in_thai_shows_the_buddhist_era_and_the_activity(workspace) -> None:
    activity(workspace, "a", dt.date(2026, 3, 10), title="เวทีประชาคมตำบล", start_time=dt.time(9))
    client = client_for(user_with_role(workspace, "viewer"))
    url = reverse("web:calendar", kwargs={"workspace": workspace.slug}) + "?month=2026-03"
    text = client.get(url, HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert "มีนาคม 2569" in text and "เวทีประชาคมตำบล" in text and "09:00" in text
    assert "March 2026" in client.get(url).content.decode()


def test_list_view_range_and_more_link(workspace) -> None:
    day = dt.date(2026, 3, 10)
    for hour in range(8, 13):
        activity(workspace, f"m{hour}", day, start_time=dt.time(hour), title=f"ประชุม {hour}")
    client = client_for(user_with_role(workspace, "member"))
    base = reverse("web:calendar", kwargs={"workspace": workspace.slug})
    month = client.get(base + "?month=2026-03").content.decode()
    assert "+2 more" in month
    more = f"{base}?view=list&amp;start=2026-03-10&amp;end=2026-03-10"
    assert more in month
    listed = client.get(f"{base}?view=list&start=2026-03-10&end=2026-03-10").content.decode()
    assert all(f"ประชุม {hour}" in listed for hour in range(8, 13))
    assert "10 Mar 2026" in listed


def test_network_calendar_and_unknown_filters(data) -> None:
    workspace = data["workspace"]
    activity(workspace, "in", dt.date(2026, 3, 10), networks=[data["network"]], title="ใน")
    activity(workspace, "out", dt.date(2026, 3, 10), title="นอก")
    client = client_for(user_with_role(workspace, "member"))
    url = reverse("web:network-calendar", kwargs={"workspace": workspace.slug, "slug": "health"})
    text = client.get(url + "?month=2026-03").content.decode()
    assert "ใน" in text and ">นอก<" not in text
    assert client.get(url.replace("health", "none")).status_code == 404
    page = reverse("web:calendar", kwargs={"workspace": workspace.slug})
    assert client.get(page + "?project=none").status_code == 404


def test_download_is_what_the_page_shows(data) -> None:
    workspace = data["workspace"]
    activity(workspace, "mar", dt.date(2026, 3, 10), title="มีนา", project=data["project"])
    activity(workspace, "apr", dt.date(2026, 4, 10), title="เมษา")
    client = client_for(user_with_role(workspace, "viewer"))
    url = reverse("web:calendar-ics", kwargs={"workspace": workspace.slug})
    response = client.get(url + "?month=2026-03")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert _events(response) == {"มีนา"}
    ranged = client.get(url + "?view=list&start=2026-03-01&end=2026-04-30")
    assert _events(ranged) == {"มีนา", "เมษา"}
    assert _events(
        client.get(url + "?view=list&start=2026-03-01&end=2026-04-30&project=clinic")
    ) == {"มีนา"}


def test_the_list_offers_a_range_of_dates(workspace) -> None:
    activity(workspace, "a", dt.date(2026, 3, 10), title="มีนา")
    activity(workspace, "b", dt.date(2026, 5, 10), title="พฤษภา")
    client = client_for(user_with_role(workspace, "viewer"))
    base = reverse("web:calendar", kwargs={"workspace": workspace.slug})
    text = client.get(base + "?view=list&month=2026-03").content.decode()
    assert 'name="start" value="2026-03-01"' in text and 'name="end" value="2026-03-31"' in text
    assert "มีนา" in text and "พฤษภา" not in text
    ranged = client.get(base + "?view=list&start=2026-03-01&end=2026-05-31").content.decode()
    assert "มีนา" in ranged and "พฤษภา" in ranged
    assert "1 Mar 2026 to 31 May 2026" in ranged
