"""Actor pages on the national demo (600,000 actors, 3,000,000 ties): server time per page.

    .venv/bin/python benchmarks/bench_pages.py [--repeat 3] [--sample 200]
        [--postgres postgres://user:pass@localhost:5432/dbname] [--skip-sqlite]

Uses the databases bench_analysis.py builds (SQLite in benchmarks/out/db-national/, the
PostgreSQL database given), workspace "bench", logged in as the superuser bench_search.py
creates (contacts shown, tie forms drawn). Each round is one process that draws a sample of
actors that makes the page work hardest: the best-connected (most ties), the organizations
with the most people, the actors with the most memberships (when the workspace has networks),
and the rest at random (seeded). It requests each page once to warm up, then times the whole
request through Django's test client (middleware, session, the page rendered) and counts its
SQL queries. Results are printed and written to benchmarks/out/pages-<database>.json; the
figures are the median of the rounds.
"""

import json
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_search import (  # noqa: E402
    WORKSPACE,
    _percentiles,
    bench_main,
    bench_superuser,
)

BEST_CONNECTED = 60
LARGEST_ORGANIZATIONS = 40
MOST_MEMBERSHIPS = 40


def _top(sql: str, params: list[Any], limit: int) -> list[int]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql + " LIMIT %s", [*params, limit])
        return [row[0] for row in cursor.fetchall()]


def actor_sample(workspace_id: int, size: int, seed: int = 1) -> list[tuple[str, int]]:
    """(category, actor id) of ``size`` actors: the heaviest pages first, then at random."""
    from phakhi.actors.models import Actor

    best = _top(
        "SELECT actor_id FROM (SELECT source_id AS actor_id FROM ties_tie WHERE workspace_id = %s"
        " UNION ALL SELECT target_id FROM ties_tie WHERE workspace_id = %s) AS ends"
        " GROUP BY actor_id ORDER BY COUNT(*) DESC, actor_id",
        [workspace_id, workspace_id],
        BEST_CONNECTED,
    )
    largest = _top(
        "SELECT organization_id FROM actors_actor WHERE workspace_id = %s"
        " AND organization_id IS NOT NULL GROUP BY organization_id"
        " ORDER BY COUNT(*) DESC, organization_id",
        [workspace_id],
        LARGEST_ORGANIZATIONS,
    )
    members = _top(
        "SELECT m.actor_id FROM networks_membership m JOIN actors_actor a ON a.id = m.actor_id"
        " WHERE a.workspace_id = %s GROUP BY m.actor_id ORDER BY COUNT(*) DESC, m.actor_id",
        [workspace_id],
        MOST_MEMBERSHIPS,
    )
    sample = [("best-connected", i) for i in best]
    sample += [("organization, most people", i) for i in largest]
    sample += [("most memberships", i) for i in members]
    chosen = {i for _, i in sample}
    ids = Actor.objects.filter(workspace_id=workspace_id).order_by("id").values_list("id")
    first, last = ids.first(), ids.last()
    assert first is not None and last is not None
    rng = random.Random(seed)
    while len(sample) < size:  # ids of the demo are dense; a gap is simply drawn again
        candidate = rng.randint(first[0], last[0])
        if (
            candidate not in chosen
            and Actor.objects.filter(workspace_id=workspace_id, id=candidate).exists()
        ):
            chosen.add(candidate)
            sample.append(("random", candidate))
    return sample


def one_round(size: int) -> None:
    """Run in the child process: time the sample's pages and print the figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    import config.wsgi  # noqa: F401  set up as the server's process is (config/wsgi.py)
    from phakhi.analysis.selectors import latest_run
    from phakhi.core.selectors import workspace_get

    workspace = workspace_get(WORKSPACE)
    user = bench_superuser()
    client = Client(SERVER_NAME="localhost", headers={"Accept-Language": "th"})
    client.force_login(user)
    sample = actor_sample(workspace.id, size)
    run = latest_run(workspace)

    def url(actor_id: int) -> str:
        return reverse("web:actor", kwargs={"workspace": workspace.slug, "pk": actor_id})

    for _, actor_id in sample:  # warm-up: caches, connections, compiled templates
        assert client.get(url(actor_id)).status_code == 200
    timings: dict[str, list[float]] = defaultdict(list)
    queries: dict[str, list[float]] = defaultdict(list)
    for category, actor_id in sample:
        start = time.perf_counter()
        response = client.get(url(actor_id))
        timings[category].append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    for category, actor_id in sample:  # apart: capturing SQL slows the page a little
        with CaptureQueriesContext(connection) as captured:
            client.get(url(actor_id))
        queries[category].append(len(captured.captured_queries))
    figures = {
        "request": {
            "all": _percentiles([t for values in timings.values() for t in values]),
            **{category: _percentiles(values) for category, values in timings.items()},
        },
        "queries": {
            "all": _percentiles([q for values in queries.values() for q in values]),
            **{category: _percentiles(values) for category, values in queries.items()},
        },
    }
    analysis = {"run": run.pk, "at": run.at.isoformat()} if run is not None else None
    print(json.dumps({"figures": figures, "actors": len(sample), "analysis": analysis}))


def main() -> None:
    bench_main(__file__, "pages", "sample", 200, one_round)


if __name__ == "__main__":
    main()
