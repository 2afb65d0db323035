"""A live workshop for locust: the workload of benchmarks/bench_live.py.

Each phone joins the session by its code as a participant does (the join page, the form with
its CSRF token, the step's page it is sent to), then every 5 s names a stakeholder and moves one
of its cards to another quadrant of the grid — both the htmx posts the phone page makes, each
answered with the card alone — while it polls the session's state every 4 s as the phone page
does. The projector, signed in, polls the board every 2 s with the fingerprint it last drew.
Requests are grouped by what they are in the statistics; the names the server confirmed are
written to PHAKHI_LIVE_COUNTS when the run stops, so bench_live.py can check that every one of
them is in the database.
"""

import itertools
import json
import os
import random
import re
from pathlib import Path
from typing import Any

import gevent
from locust import HttpUser, constant, events, task

FIXTURE: dict[str, Any] = json.loads(Path(os.environ["PHAKHI_LIVE_FIXTURE"]).read_text())
CODE = FIXTURE["code"]
JOIN = f"/join/{CODE}/"
QUADRANTS = ("high-high", "high-low", "low-high", "low-low")
CARD_ID = re.compile(r'id="card-(\d+)"')
ADDED: list[str] = []
_SEATS = itertools.count(1)


class Phone(HttpUser):
    weight = 130
    wait_time = constant(5)

    def on_start(self) -> None:
        self.seat = next(_SEATS)
        self.client.headers["Accept-Language"] = "th"
        self.client.get(JOIN, name="join page")
        token = self.client.cookies.get("csrftoken", "")
        with self.client.post(
            JOIN,
            {"display_name": f"ผู้เข้าร่วม {self.seat}", "sector": "civil",
             "csrfmiddlewaretoken": token},
            headers={"Referer": self.host + JOIN}, allow_redirects=False, name="join",
            catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code != 302:
                response.failure(f"join: status {response.status_code}")
        page = self.client.get(JOIN, name="phone page")
        self.cards: list[str] = CARD_ID.findall(page.text)
        self.step = FIXTURE["step"]
        self.poller = gevent.spawn(self._poll_state)

    def on_stop(self) -> None:
        self.poller.kill()

    def _poll_state(self) -> None:
        while True:
            gevent.sleep(4)
            with self.client.get(
                f"{JOIN}state/?step={self.step}", name="phone state poll", catch_response=True
            ) as response:
                if response.status_code != 204:
                    response.failure(f"state: status {response.status_code}")

    def _token(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    @task
    def add_and_move(self) -> None:
        name = f"ภาคี {self.seat}-{len(self.cards) + 1}"
        with self.client.post(
            f"{JOIN}cards/",
            {"name": name, "kind": "organization", "sector": "civil",
             "csrfmiddlewaretoken": self._token()},
            headers={"HX-Request": "true", "Referer": self.host + JOIN}, name="add a card",
            catch_response=True,
        ) as response:  # fmt: skip
            added = CARD_ID.search(response.text) if response.status_code == 200 else None
            if added is None:
                response.failure(f"add: status {response.status_code}")
                return
            ADDED.append(name)
            self.cards.append(added.group(1))
        card = random.choice(self.cards)
        with self.client.post(
            f"{JOIN}cards/{card}/",
            {"quadrant": random.choice(QUADRANTS), "csrfmiddlewaretoken": self._token()},
            headers={"HX-Request": "true", "Referer": self.host + JOIN},
            name="move a card", catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code != 200 or "live-phone-card__error" in response.text:
                response.failure(f"move: status {response.status_code}")


class Projector(HttpUser):
    weight = 1
    fixed_count = 1
    wait_time = constant(2)

    def on_start(self) -> None:
        self.client.cookies.set(FIXTURE["session_cookie"], FIXTURE["session"])
        self.since = ""

    @task
    def poll(self) -> None:
        with self.client.get(
            FIXTURE["board"], params={"since": self.since}, headers={"HX-Request": "true"},
            name="projector board poll", catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code == 200:
                self.since = response.headers.get("ETag", "").strip('"')
            elif response.status_code != 204:
                response.failure(f"board: status {response.status_code}")


@events.test_stop.add_listener
def _write_counts(**_kwargs: Any) -> None:
    Path(os.environ["PHAKHI_LIVE_COUNTS"]).write_text(json.dumps(ADDED, ensure_ascii=False))
