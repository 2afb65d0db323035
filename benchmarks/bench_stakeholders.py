"""Worksheet 1's projector grid with 500 stakeholders (a workshop of 130 people naming four
each): server time, and the time Chromium takes to show it.

    .venv/bin/python benchmarks/bench_stakeholders.py [--stakeholders 500] [--repeat 5]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]
        [--port 18590]

Builds its own workspace "bench-stakeholders" once per database and keeps it (SQLite under
benchmarks/out/db-stakeholders/; the PostgreSQL database given is a scratch database, recreated
when it lacks the workspace): a project with an assessment of ``--stakeholders`` stakeholders
spread over the four quadrants with scores, groups and a filled card, and a later assessment
copied from it where every third one moved — the grid then shows movement.

Server: each round is one process that requests each page once to warm up, then 20 times
through Django's test client (middleware, session, the page rendered; as an admin), counting
its SQL queries. Browser: ``phakhi serve`` on ``--port`` and Debian's Chromium (Playwright),
signed in; each round loads the projector grid 10 times and reads the Navigation Timing of
the page (request start to the load event, when the stylesheet, the script and the fonts are
in and the grid's script has run). Figures (ms, p50 and p95 of a round) are the median of the
rounds, printed and written to benchmarks/out/stakeholders-<database>.json.
"""

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench_databases import database_envs, has_workspace

ROOT = Path(__file__).resolve().parent.parent
WORKSPACE = "bench-stakeholders"
USER = "bench-stakeholders"
PASSWORD = "bench-stakeholders-passphrase-5"
TIMES = 20
LOADS = 10
LEVELS = ("high", "low")


def _build(count: int) -> None:
    """In the child process: the workspace, once (services, as a workshop's work would be)."""
    from django.contrib.auth import get_user_model

    from phakhi.accounts.services import member_set
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.core.services import workspace_create
    from phakhi.networks.services import network_create
    from phakhi.projects.services import project_create
    from phakhi.stakeholders.examples import EXAMPLE_CARD
    from phakhi.stakeholders.services import (
        assessment_create,
        stakeholder_add,
        stakeholder_place,
    )
    from phakhi.stakeholders.vocabulary import GROUP_FIELDS

    if Workspace.objects.filter(slug=WORKSPACE).exists():
        return
    author = Author.system("benchmark")
    workspace = workspace_create(author, slug=WORKSPACE, name="เวทีใหญ่")
    user = get_user_model().objects.create_user(USER, "", PASSWORD)
    member_set(author, workspace, user, "admin", ())
    network = network_create(author, workspace, slug="organic", name="กลุ่มเกษตรอินทรีย์")
    project = project_create(
        author, workspace, slug="organic", name="โครงการเกษตรอินทรีย์", network=network
    )
    first = assessment_create(author, project, held_on=dt.date(2026, 2, 1))
    sectors = ("civil", "academic", "government")
    kinds = ("organization", "group", "person")
    card = {k: v for k, v in EXAMPLE_CARD.items() if k != "name"}
    for n in range(count):
        influence, interest = LEVELS[n % 2], LEVELS[(n // 2) % 2]
        high = {"high": 3 + n % 3, "low": 1 + n % 3}
        stakeholder_add(
            author,
            first,
            name=f"ภาคีผู้มีส่วนได้ส่วนเสีย {n:03d}",
            kind=kinds[n % 3],
            sector=sectors[n % 3],
            groups=[GROUP_FIELDS[n % 3]],
            influence=influence,
            interest=interest,
            influence_score=high[influence],
            interest_score=high[interest],
            priority=1 + n % 5,
            **card,
        )
    later = assessment_create(author, project, held_on=dt.date(2026, 8, 1))
    for n, stakeholder in enumerate(later.stakeholders.order_by("id")):
        if n % 3 == 0:
            stakeholder_place(author, stakeholder, influence="high", interest="high")


def _grid_url() -> str:
    """The later assessment's pages (the one with movement to show)."""
    from phakhi.stakeholders.models import Assessment

    assessment = Assessment.objects.filter(project__slug="organic", workspace__slug=WORKSPACE)
    chosen = assessment.order_by("-held_on").first()
    assert chosen is not None
    return f"/w/{WORKSPACE}/projects/organic/stakeholders/{chosen.pk}/"


def _timed(client: Any, url: str) -> tuple[list[float], int, int]:
    from django.db import connection

    queries = 0

    def counted(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    seconds = []
    for _ in range(TIMES):
        start = time.perf_counter()
        client.get(url)
        seconds.append((time.perf_counter() - start) * 1000)
    return seconds, queries, len(response.content)


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"p50": statistics.median(ordered), "p95": ordered[round(0.95 * (len(ordered) - 1))]}


def server_round(count: int) -> None:
    """Run in the child process: build once, time each page, print the figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    _build(count)
    web = Client(HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost")
    web.force_login(get_user_model().objects.get(username=USER))
    base = _grid_url()
    requests = {
        "projector grid": f"{base}grid/?projector=1",
        "projector grid, movement shown": f"{base}grid/?projector=1&movement=1",
        "grid, as an editor sees it": f"{base}grid/",
        "step 1, names by sector": base,
        "step 2, groups × sectors": f"{base}groups/",
        "cards' table": f"{base}cards/",
    }
    figures = {}
    for name, url in requests.items():
        seconds, queries, size = _timed(web, url)
        figures[name] = {**_summary(seconds), "queries": queries, "kb": size / 1024}
    print(json.dumps({"figures": figures, "grid": f"{base}grid/?projector=1&movement=1"}))


def browser_round(port: int, grid: str) -> dict[str, float]:
    """Load the projector grid in Chromium ``LOADS`` times through ``phakhi serve``."""
    from playwright.sync_api import sync_playwright

    url = f"http://127.0.0.1:{port}"
    loads = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
        )
        page = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="th-TH")
        page.goto(f"{url}/accounts/login/")
        page.fill("input[name=username]", USER)
        page.fill("input[name=password]", PASSWORD)
        page.locator("input[name=password]").press("Enter")
        page.wait_for_load_state()
        page.goto(url + grid)  # warm: the stylesheet, the script and the fonts cached
        for _ in range(LOADS):
            page.goto(url + grid, wait_until="load")
            assert page.locator("[data-card]").count() > 0
            loads.append(
                page.evaluate(
                    "(() => { const n = performance.getEntriesByType('navigation')[0];"
                    " return n.loadEventEnd - n.requestStart; })()"
                )
            )
        browser.close()
    return _summary(loads)


def _serve(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "phakhi.cli", "serve", "--port", str(port), "--no-worker"]
    server = subprocess.Popen(command, env={**env, "PHAKHI_DEBUG": "1"}, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    import urllib.request

    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("phakhi serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stakeholders", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="URL of a scratch database (recreated if needed)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--port", type=int, default=18590)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        server_round(args.one)
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_import import fresh_postgres

    for database, env in database_envs("stakeholders", args):
        if database == "postgresql" and not has_workspace(env, WORKSPACE):
            fresh_postgres(args.postgres)
        migrate = [sys.executable, "-m", "phakhi.cli", "manage", "migrate", "-v0"]
        subprocess.run(migrate, env=env, cwd=ROOT, check=True)
        rounds = []
        for _ in range(args.repeat):
            command = [sys.executable, __file__, "--one", str(args.stakeholders)]
            done = subprocess.run(command, env=env, cwd=ROOT, check=True,
                                  capture_output=True, text=True)  # fmt: skip
            answer = json.loads(done.stdout.strip().splitlines()[-1])
            rounds.append(answer["figures"])
        result = {
            name: {
                key: round(statistics.median(r[name][key] for r in rounds), 1)
                for key in ("p50", "p95", "queries", "kb")
            }
            for name in rounds[0]
        }
        server = _serve(env, args.port)
        try:
            loads = [browser_round(args.port, answer["grid"]) for _ in range(args.repeat)]
        finally:
            server.terminate()
            server.wait()
        chromium = {key: round(statistics.median(r[key] for r in loads), 1) for key in loads[0]}
        report = {
            "database": database,
            "stakeholders": args.stakeholders,
            "rounds": args.repeat,
            "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
            "python": platform.python_version(),
            "server": result,
            "chromium_projector_grid_load": chromium,
        }
        out = ROOT / "benchmarks" / "out" / f"stakeholders-{database}.json"
        out.write_text(json.dumps(report, ensure_ascii=False, indent=1))
        print(f"{database}: {args.stakeholders} stakeholders, median of {args.repeat} rounds (ms)")
        for name, figures in result.items():
            print(f"  {name:36} p50 {figures['p50']:7.1f}  p95 {figures['p95']:7.1f}"
                  f"  queries {figures['queries']:.0f}  {figures['kb']:.0f} KB")  # fmt: skip
        print(f"  {'Chromium: projector grid, to load':36} p50 {chromium['p50']:7.1f}"
              f"  p95 {chromium['p95']:7.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
