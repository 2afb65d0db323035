"""Directory search on the national demo (600,000 actors): server time per query.

    .venv/bin/python benchmarks/bench_search.py [--repeat 3] [--queries 240]
        [--postgres postgres://user:pass@localhost:5432/dbname] [--skip-sqlite]

Uses the databases bench_analysis.py builds (SQLite in benchmarks/out/db-national/, the
PostgreSQL database given), workspace "bench"; migrates them first. Each round is one process
that builds a realistic query mix from the data (seeded), runs it once to warm up, then times
every query twice: the search with the results partial rendered (what an instant-search
keystroke costs the server, minus the HTTP layer), and the whole htmx request through Django's
test client (sessions, authentication, middleware). Results are printed and written to
benchmarks/out/search-<database>.json; the figures are the median of the rounds.
"""

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_import import PHAKHI  # noqa: E402

WORKSPACE = "bench"
USER = "bench-search"
ORGANIZATION_WORDS = ["โรงเรียน", "มูลนิธิ", "วิทยาลัย", "สำนักงาน", "เทศบาล", "สมาคม", "ชมรม"]
NO_MATCH = ["ฆฆฆฆ", "xyzq", "qqqq1234", "ฬฬฬ", "zzz ฮฮ"]
SORTS = ["kind", "sector", "province", "updated"]


def _person_parts(name: str) -> tuple[str, str, str]:
    """(name as written, first name without title, surname) of a demo person."""
    from phakhi.core.thai import name_key

    first, _, surname = name.partition(" ")
    return name, name_key(first), surname


def query_mix(count: int, seed: int = 1) -> list[tuple[str, str, dict[str, Any]]]:
    """(category, query, filters) of ``count`` searches drawn from the workspace's data."""
    from phakhi.actors.models import Actor, Tag
    from phakhi.actors.selectors import provinces_present
    from phakhi.core.selectors import workspace_get

    rng = random.Random(seed)
    workspace = workspace_get(WORKSPACE)
    actors = Actor.objects.filter(workspace=workspace)
    top = actors.order_by("id").values_list("id", flat=True).last() or 0

    def sample(kind: str, n: int) -> list[str]:
        ids = [rng.randint(1, top) for _ in range(n * 20)]
        names = actors.filter(id__in=ids, kind=kind).values_list("name", flat=True)
        return list(names)[:n]

    people = [_person_parts(n) for n in sample("person", 40)]
    organizations = sample("organization", 15)
    tags = list(Tag.objects.filter(workspace=workspace).values_list("name", "id"))
    provinces = provinces_present(workspace)
    mix: list[tuple[str, str, dict[str, Any]]] = []
    for name, first, surname in people:
        mix += [
            ("name with title", name, {}),
            ("name without title", f"{first} {surname}", {}),
            ("first name", first, {}),
            ("surname", surname, {}),
            ("2 characters", first[:2], {}),
            ("3 characters, typing", first[:3], {}),
        ]
    for org in organizations:
        words = org.split(" ")
        mix.append(("organization name", words[-1] if len(words) > 1 else org[-8:], {}))
    mix += [("organization word", word, {}) for word in ORGANIZATION_WORDS]
    mix += [("issue", name, {}) for name, _ in tags]
    mix += [("no match", word, {}) for word in NO_MATCH]
    for _ in range(30):
        name, first, surname = rng.choice(people)
        province = rng.choice(provinces)
        mix += [
            ("filtered", rng.choice([first, surname]), {"province": province}),
            ("filtered", "", {"province": province, "kind": rng.choice(["person", "group"])}),
        ]
        tag_name, tag_id = rng.choice(tags)
        mix += [
            ("filtered", tag_name, {"province": province}),
            ("filtered", "", {"tag": tag_id, "sector": rng.choice(["civil", "academic"])}),
            ("filtered", rng.choice(ORGANIZATION_WORDS), {"kind": "person"}),
            ("sorted or paged", rng.choice([surname, ""]), {"sort": rng.choice(SORTS)}),
            ("sorted or paged", rng.choice([first, tag_name, ""]), {"page": rng.randint(2, 6)}),
        ]
    rng.shuffle(mix)
    return mix[:count]


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "p50": round(statistics.median(ordered), 1),
        "p95": round(p95, 1),
        "max": round(ordered[-1], 1),
        "n": len(ordered),
    }


def one_round(count: int) -> None:
    """Run in the child process: time the query mix and print the figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.template.loader import render_to_string
    from django.test import Client, RequestFactory
    from django.urls import reverse
    from django.utils import translation

    import config.wsgi  # noqa: F401  set up as the server's process is (config/wsgi.py)
    from phakhi.accounts.permissions import access_for
    from phakhi.core.selectors import workspace_get
    from phakhi.web.views.directory import DirectoryForm, _results_context

    translation.activate("th")
    workspace = workspace_get(WORKSPACE)
    user = bench_superuser()
    access = access_for(user, workspace)
    assert access is not None
    client = Client(
        SERVER_NAME="localhost", headers={"HX-Request": "true", "Accept-Language": "th"}
    )
    client.force_login(user)
    url = reverse("web:directory", kwargs={"workspace": workspace.slug})
    factory = RequestFactory()
    mix = query_mix(count)

    def search_and_render(query: str, filters: dict[str, Any]) -> None:
        request = factory.get(url, {"q": query, **filters})
        request.user = user
        form = DirectoryForm(request.GET, workspace)
        form.is_valid()
        render_to_string(
            "web/_directory_results.html", _results_context(request, workspace, access, form)
        )

    def whole_request(query: str, filters: dict[str, Any]) -> None:
        response = client.get(url, {"q": query, **filters})
        assert response.status_code == 200, response.status_code

    for _, query, filters in mix:  # warm-up: caches, connections, compiled templates
        search_and_render(query, filters)
    timings: dict[str, dict[str, list[float]]] = {
        "search + partial": defaultdict(list),
        "whole request": defaultdict(list),
    }
    for measure, run in (("search + partial", search_and_render), ("whole request", whole_request)):
        for category, query, filters in mix:
            start = time.perf_counter()
            run(query, filters)
            timings[measure][category].append((time.perf_counter() - start) * 1000)
    figures = {
        measure: {
            "all": _percentiles([t for values in by.values() for t in values]),
            **{category: _percentiles(values) for category, values in sorted(by.items())},
        }
        for measure, by in timings.items()
    }
    print(json.dumps({"figures": figures, "queries": len(mix)}))


def _median_round(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """Per measure and category, the median over rounds of each figure."""
    first = rounds[0]["figures"]
    return {
        measure: {
            category: {
                stat: round(
                    statistics.median(r["figures"][measure][category][stat] for r in rounds), 1
                )
                for stat in values
            }
            for category, values in by.items()
        }
        for measure, by in first.items()
    }


def _table(database: str, figures: dict[str, Any]) -> str:
    lines = [f"\n{database}: server time in ms (p50 / p95 / max, n queries)"]
    measures = list(figures)
    lines.append(f"{'category':<24}" + "".join(f"{m:>30}" for m in measures))
    for category in figures[measures[0]]:
        cells = []
        for measure in measures:
            f = figures[measure][category]
            cells.append(f"{f['p50']:>8.1f} {f['p95']:>7.1f} {f['max']:>7.1f} {f['n']:>5}")
        lines.append(f"{category:<24}" + "".join(f"{c:>30}" for c in cells))
    return "\n".join(lines)


def national_databases(args: argparse.Namespace) -> Iterator[tuple[str, dict[str, str], float]]:
    """The national demo's databases chosen on the command line (``--skip-sqlite``,
    ``--postgres URL``), each migrated: its name, the environment that opens it and the
    seconds the migration took."""
    databases = ([] if args.skip_sqlite else ["sqlite"]) + (["postgresql"] if args.postgres else [])
    for database in databases:
        env = {**os.environ}
        if database == "postgresql":
            env["DATABASE_URL"] = args.postgres
        else:
            env.pop("DATABASE_URL", None)
            # PHAKHI_BENCH_DATA_DIR: another demo's SQLite folder (a region-size one, say).
            default = ROOT / "benchmarks" / "out" / "db-national"
            env["PHAKHI_DATA_DIR"] = os.environ.get("PHAKHI_BENCH_DATA_DIR", str(default))
        start = time.perf_counter()
        subprocess.run([*PHAKHI, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        yield database, env, time.perf_counter() - start


def bench_superuser() -> Any:
    """In the child process: the benchmarks' superuser (contacts shown, every form drawn)."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=USER).first()
    return user or get_user_model().objects.create_superuser(USER, "", None)


def main() -> None:
    bench_main(__file__, "search", "queries", 240, one_round)


def bench_main(
    script: str, name: str, size_option: str, size: int, one_round: Callable[[int], None]
) -> None:
    """The command line of a national-demo benchmark: ``--repeat``, ``--<size_option>``,
    ``--postgres`` and ``--skip-sqlite``; ``--one N`` (internal) runs one round in this process."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(f"--{size_option}", type=int, default=size, dest="size")
    parser.add_argument("--postgres", help="URL of the database bench_analysis.py filled")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_round(args.one)
        return
    run_rounds(args, script, args.size, name)


def run_rounds(args: argparse.Namespace, script: str, size: int, name: str) -> None:
    """For each database chosen, ``args.repeat`` rounds of ``script --one size``, each a process
    that prints its figures as JSON on its last line; their median is printed and written with
    the machine's details to benchmarks/out/<name>-<database>.json."""
    for database, env, migrate_seconds in national_databases(args):
        rounds = []
        for _ in range(args.repeat):
            command = [sys.executable, script, "--one", str(size)]
            out = subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.PIPE,
                                 text=True)  # fmt: skip
            rounds.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(database, "round:", {m: f["all"] for m, f in rounds[-1]["figures"].items()},
                  flush=True)  # fmt: skip
        figures = _median_round(rounds)
        print(_table(database, figures))
        report = {
            "database": database,
            "workspace": WORKSPACE,
            **{key: value for key, value in rounds[0].items() if key != "figures"},
            "repeat": args.repeat,
            "migrate_seconds": round(migrate_seconds, 1),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                        "platform": platform.platform(), "load": os.getloadavg()},
            "figures": figures,
            "rounds": [r["figures"] for r in rounds],
        }  # fmt: skip
        path = ROOT / "benchmarks" / "out" / f"{name}-{database}.json"
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
        print(f"written {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
