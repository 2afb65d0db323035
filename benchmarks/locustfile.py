"""Coordinators at work, for locust: the workload of benchmarks/bench_load.py.

Each simulated user holds a logged-in session (bench_load.py creates them and names them in
the JSON file given by PHAKHI_LOAD_FIXTURE, with the workspace's actors, Thai names and the
network to visit) and, reading each page for 1–5 s, opens the workspace home, searches the
directory as it types, opens actor pages, the network list and the map data of a small
network (300 actors; bench_load.py makes it). Typing follows the page: the search box sends
a request once typing pauses for 250 ms (htmx ``delay:250ms``), so a name typed in two or
three bursts sends two or three requests, each for what is typed so far. Requests are grouped
by page type in the statistics.
"""

import itertools
import json
import os
import random
from pathlib import Path
from typing import Any

import gevent
from locust import HttpUser, between, task

FIXTURE: dict[str, Any] = json.loads(Path(os.environ["PHAKHI_LOAD_FIXTURE"]).read_text())
BASE = f"/w/{FIXTURE['workspace']}"
DEBOUNCE_SECONDS = 0.25  # the directory's hx-trigger delay
TYPING_SECONDS_PER_CHARACTER = 0.2
_SEATS = itertools.count()


def typing_pauses(word: str) -> list[str]:
    """What is typed so far at each pause: after 2–4 characters, maybe once more, and the
    whole word."""
    cuts = sorted({random.randint(2, 4), random.randint(3, len(word))} | {len(word)})
    return [word[:cut] for cut in cuts if cut <= len(word)]


class Coordinator(HttpUser):
    wait_time = between(1, 5)

    def on_start(self) -> None:
        sessions = FIXTURE["sessions"]
        session = sessions[next(_SEATS) % len(sessions)]  # one session per user
        self.client.cookies.set(FIXTURE["session_cookie"], session)
        self.client.headers["Accept-Language"] = "th"

    def _get(self, url: str, name: str, **kwargs: Any) -> None:
        with self.client.get(url, name=name, catch_response=True, **kwargs) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif response.url and "/accounts/login/" in response.url:
                response.failure("sent to the log-in page")

    @task(1)
    def home(self) -> None:
        self._get(f"{BASE}/", "home")

    @task(4)
    def directory_search(self) -> None:
        self._get(f"{BASE}/actors/", "directory page")
        word = random.choice(FIXTURE["words"])
        before = 0
        for typed in typing_pauses(word):
            gevent.sleep(TYPING_SECONDS_PER_CHARACTER * (len(typed) - before) + DEBOUNCE_SECONDS)
            before = len(typed)
            self._get(
                f"{BASE}/actors/",
                "directory search (as typed)",
                params={"q": typed},
                headers={"HX-Request": "true"},
            )
            gevent.sleep(random.uniform(0.3, 1.0))  # reads the results, types on

    @task(4)
    def actor_page(self) -> None:
        self._get(f"{BASE}/actors/{random.choice(FIXTURE['actors'])}/", "actor page")

    @task(1)
    def networks(self) -> None:
        self._get(f"{BASE}/networks/", "network list")

    @task(1)
    def map_data(self) -> None:
        self._get(f"{BASE}/map/data/", "network map data", params={"network": FIXTURE["network"]})
