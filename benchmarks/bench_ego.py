"""Ego maps on the national demo (600,000 actors, 3,000,000 ties): server time of the map data.

    .venv/bin/python benchmarks/bench_ego.py [--repeat 3] [--random 20]
        [--postgres postgres://user:pass@localhost:5432/dbname] [--skip-sqlite]

Uses the databases bench_analysis.py builds (SQLite in benchmarks/out/db-national/, the
PostgreSQL database given), workspace "bench", as the superuser bench_search.py creates. Each
round is one process that requests the map data of the ego networks (radius 1 and 2) of the
three actors with the most ties and of ``--random`` actors drawn at random (seeded): the whole
request through Django's test client (GET …/map/data/?ego=KEY&radius=R, gzip accepted), once
to warm up, then timed. Results are printed and written to benchmarks/out/ego-<database>.json;
the figures are the median of the rounds.
"""

import json
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_search import (  # noqa: E402
    WORKSPACE,
    _percentiles,
    bench_main,
    bench_superuser,
)

MOST_TIED = 3


def one_round(random_count: int) -> None:
    """Run in the child process: time the ego maps and print the figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    import config.wsgi  # noqa: F401  set up as the server's process is (config/wsgi.py)
    from phakhi.actors.models import Actor
    from phakhi.core.selectors import workspace_get
    from phakhi.ties.models import Tie

    workspace = workspace_get(WORKSPACE)
    client = Client(SERVER_NAME="localhost", headers={"Accept-Encoding": "gzip"})
    client.force_login(bench_superuser())
    tied = Tie.objects.filter(workspace=workspace).values("source_id").annotate(n=Count("id"))
    hubs = list(tied.order_by("-n").values_list("source_id", flat=True)[:MOST_TIED])
    actors = Actor.objects.filter(workspace=workspace)
    top = actors.order_by("-id").values_list("id", flat=True).first() or 0
    rng = random.Random(1)
    drawn = actors.filter(id__in=[rng.randint(1, top) for _ in range(random_count * 2)])
    sample = [
        ("most ties", key) for key in actors.filter(id__in=hubs).values_list("key", flat=True)
    ]
    sample += [("random", key) for key in drawn.values_list("key", flat=True)[:random_count]]
    url = reverse("web:map-data", args=[workspace.slug])
    timings: dict[str, list[float]] = defaultdict(list)
    for radius in (1, 2):
        for category, key in sample:
            assert client.get(url, {"ego": key, "radius": radius}).status_code == 200  # warm-up
            start = time.perf_counter()
            response = client.get(url, {"ego": key, "radius": radius})
            timings[f"{category}, radius {radius}"].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
    figures = {
        "request": {
            "all": _percentiles([t for values in timings.values() for t in values]),
            **{category: _percentiles(values) for category, values in timings.items()},
        },
    }
    print(json.dumps({"figures": figures, "actors": len(sample)}))


def main() -> None:
    bench_main(__file__, "ego", "random", 20, one_round)


if __name__ == "__main__":
    main()
