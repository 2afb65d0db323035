"""Check-in at the door for locust: the workload of benchmarks/bench_check_in.py.

Each phone arrives once and does what a person at the door does: opens the QR code's address,
searches for a part of their name (the given name with its number, as a person types a few
letters and reads the list), taps "that's me" (with the CSRF token of the page) and reads the
confirmation; one phone in ten is not on the list and fills in the registration form instead.
Then it stays idle. The projector, signed in, polls the arrivals' count every 3 s. The names the
server confirmed are written to PHAKHI_DOOR_CONFIRMED when the run stops, so bench_check_in.py
can check that every one of them is in the database.
"""

import itertools
import json
import os
import re
from pathlib import Path
from typing import Any

import gevent
from locust import HttpUser, constant, events, task

FIXTURE: dict[str, Any] = json.loads(Path(os.environ["PHAKHI_DOOR_FIXTURE"]).read_text())
CODE = FIXTURE["code"]
DOOR = f"/c/{CODE}/"
NAMES: list[str] = FIXTURE["names"]
ACTOR = re.compile(
    r'name="actor" value="(\d+)">\s*<button[^>]*>\s*<span class="door-name__name">([^<]+)<'
)
CONFIRMED: dict[str, list[str]] = {"checked_in": [], "registered": []}
_SEATS = itertools.count(0)


class Phone(HttpUser):
    weight = 300
    wait_time = constant(3600)  # each phone arrives once

    def on_start(self) -> None:
        self.seat = next(_SEATS)
        self.client.headers["Accept-Language"] = "th"

    def _post(self, path: str, data: dict[str, str], name: str) -> Any:
        data = {**data, "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")}
        return self.client.post(
            path, data, headers={"Referer": self.host + path}, allow_redirects=False,
            name=name, catch_response=True,
        )  # fmt: skip

    @task
    def arrive(self) -> None:
        self.client.get(DOOR, name="door page")
        if self.seat % 10 == 9:
            self._register()
        else:
            self._check_in(NAMES[self.seat % len(NAMES)])
        gevent.sleep(3600)

    def _check_in(self, name: str) -> None:
        typed = name.split(" ")[0]
        with self.client.get(DOOR, params={"q": typed}, name="search a name",
                             catch_response=True) as response:  # fmt: skip
            found = {shown: pk for pk, shown in ACTOR.findall(response.text)}
            if name not in found:
                response.failure(f"search: {name} not listed")
                return
        with self._post(DOOR + "in/", {"actor": found[name]}, "that's me") as response:
            if response.status_code != 302:
                response.failure(f"check in: status {response.status_code}")
                return
        done = self.client.get(DOOR + "done/", name="confirmation")
        if name in done.text:
            CONFIRMED["checked_in"].append(name)

    def _register(self) -> None:
        name = f"ผู้มาใหม่ {self.seat} หน้างาน"
        self.client.get(DOOR + "new/", name="registration form")
        with self._post(DOOR + "new/", {"name": name, "organization_name": "อสม.",
                                        "sector": "civil"}, "register") as response:  # fmt: skip
            if response.status_code != 302:
                response.failure(f"register: status {response.status_code}")
                return
        done = self.client.get(DOOR + "done/", name="confirmation")
        if name in done.text:
            CONFIRMED["registered"].append(name)


class Projector(HttpUser):
    weight = 1
    fixed_count = 1
    wait_time = constant(3)

    def on_start(self) -> None:
        self.client.cookies.set(FIXTURE["session_cookie"], FIXTURE["session"])

    @task
    def poll(self) -> None:
        with self.client.get(FIXTURE["count"], headers={"HX-Request": "true"},
                             name="door count poll", catch_response=True) as response:  # fmt: skip
            if response.status_code != 200:
                response.failure(f"count: status {response.status_code}")


@events.test_stop.add_listener
def _write_confirmed(**_kwargs: Any) -> None:
    Path(os.environ["PHAKHI_DOOR_CONFIRMED"]).write_text(json.dumps(CONFIRMED, ensure_ascii=False))
