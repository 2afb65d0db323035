"""Worksheet 1 of a 500-stakeholder assessment written as XLSX and as PDF (a workshop of 130
people naming four each, every card filled with the source's นายก ทม. card text).

    .venv/bin/python benchmarks/bench_paper.py [--stakeholders 500] [--repeat 5]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

Builds its own workspace "bench-paper" once per database and keeps it (SQLite under
benchmarks/out/db-paper/; the PostgreSQL database given is a scratch database, recreated when
it lacks the workspace). Each round is one process that writes blank worksheet 2 once to warm up
(the templates, the fonts), then times ``worksheets.exports.worksheet_file`` — reading the
assessment, masking for a viewer, writing the file — for the XLSX and the PDF, filled and
blank. Figures are seconds (wall clock, and the process's CPU time, which a shared machine's load
does not inflate), the median of the rounds, with the files' size and the PDF's pages and the
machine's load average; printed and written to benchmarks/out/paper-<database>.json.
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
WORKSPACE = "bench-paper"
LEVELS = ("high", "low")
FILES = {
    "worksheet 1 as XLSX": ("xlsx", False),
    "worksheet 1 as PDF": ("pdf", False),
    "blank worksheet 1 as PDF": ("pdf", True),
}


def _build(count: int) -> None:
    """In the child process: the workspace, once (through the services, as a workshop would)."""
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.core.services import workspace_create
    from phakhi.networks.services import network_create
    from phakhi.projects.services import project_create
    from phakhi.stakeholders.services import assessment_create, stakeholder_add
    from phakhi.stakeholders.vocabulary import GROUP_FIELDS

    if Workspace.objects.filter(slug=WORKSPACE).exists():
        return
    sys.path.insert(0, str(ROOT))
    from tests.fixtures_stakeholders import EXAMPLE_CARD

    author = Author.system("benchmark")
    workspace = workspace_create(author, slug=WORKSPACE, name="เวทีใหญ่")
    network = network_create(author, workspace, slug="organic", name="กลุ่มเกษตรอินทรีย์")
    project = project_create(
        author, workspace, slug="organic", name="โครงการเกษตรอินทรีย์", network=network
    )
    assessment = assessment_create(author, project, held_on=dt.date(2026, 11, 20))
    card = {k: v for k, v in EXAMPLE_CARD.items() if k != "name"}
    for n in range(count):
        stakeholder_add(
            author, assessment, name=f"ภาคีผู้มีส่วนได้ส่วนเสีย {n:03d}",
            kind=("organization", "group", "person")[n % 3],
            sector=("civil", "academic", "government")[n % 3],
            **{GROUP_FIELDS[n % 3]: True}, influence=LEVELS[n % 2],
            interest=LEVELS[(n // 2) % 2], priority=1 + n % 5, **card,
        )  # fmt: skip


def _pages(content: bytes) -> int:
    """The PDF's pages, as poppler's pdfinfo counts them."""
    info = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True, check=True)
    line = next(x for x in info.stdout.decode().splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def one_round(count: int) -> None:
    """Run in the child process: build once, time each file, print the figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.utils import translation

    from phakhi.accounts.models import Role
    from phakhi.accounts.permissions import Access
    from phakhi.core.personal import personal_view
    from phakhi.core.selectors import workspace_get
    from phakhi.projects.selectors import project_in
    from phakhi.worksheets.exports import worksheet_file

    _build(count)
    translation.activate("th")
    workspace = workspace_get(WORKSPACE)
    project = project_in(workspace, "organic")
    view = personal_view(Access(None, workspace, Role.VIEWER))
    figures: dict[str, Any] = {}
    for fmt in ("xlsx", "pdf"):  # warm up: the templates, the fonts
        worksheet_file(project, 2, fmt, blank=True)
    for name, (fmt, blank) in FILES.items():
        start, cpu = time.perf_counter(), time.process_time()
        sheet = worksheet_file(project, 1, fmt, blank=blank, view=view)
        figures[name] = {
            "seconds": time.perf_counter() - start,
            "cpu_seconds": time.process_time() - cpu,
            "kb": len(sheet.content) / 1024,
        }
        if fmt == "pdf":
            figures[name]["pages"] = _pages(sheet.content)
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stakeholders", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="URL of a scratch database (recreated if needed)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_round(args.one)
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_import import fresh_postgres

    for database, env in database_envs("paper", args):
        if database == "postgresql" and not has_workspace(env, WORKSPACE):
            fresh_postgres(args.postgres)
        migrate = [sys.executable, "-m", "phakhi.cli", "manage", "migrate", "-v0"]
        subprocess.run(migrate, env=env, cwd=ROOT, check=True)
        rounds = []
        for _ in range(args.repeat):
            command = [sys.executable, __file__, "--one", str(args.stakeholders)]
            done = subprocess.run(command, env=env, cwd=ROOT, check=True,
                                  capture_output=True, text=True)  # fmt: skip
            rounds.append(json.loads(done.stdout.strip().splitlines()[-1]))
        result = {
            name: {key: round(statistics.median(r[name][key] for r in rounds), 2)
                   for key in rounds[0][name]}
            for name in FILES
        }  # fmt: skip
        report = {
            "database": database,
            "stakeholders": args.stakeholders,
            "rounds": args.repeat,
            "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
            "python": platform.python_version(),
            "load_average": os.getloadavg(),
            "files": result,
        }
        out = ROOT / "benchmarks" / "out" / f"paper-{database}.json"
        out.write_text(json.dumps(report, ensure_ascii=False, indent=1))
        print(f"{database}: {args.stakeholders} stakeholders, median of {args.repeat} rounds")
        for name, figures in result.items():
            pages = f"  {figures['pages']:.0f} pages" if "pages" in figures else ""
            print(f"  {name:28} {figures['seconds']:6.2f} s (CPU {figures['cpu_seconds']:6.2f} s)"
                  f"  {figures['kb']:7.0f} KB{pages}")  # fmt: skip
        print(f"  load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
