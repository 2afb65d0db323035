"""The coordinator's pages of a network survey at the issue's size: the network of 500 members
of bench_surveys.py (its builder and its workspace "bench-surveys"; 300 have answered, 8
partners each), and what the coordinator opens and sends.

    .venv/bin/python benchmarks/bench_survey_pages.py [--members 500] [--respondents 300]
        [--partners 8] [--repeat 5]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

Each round is one process that makes each output once to warm up (fonts, templates), then times
it 3 times, in Thai, as the workspace's admin through Django's test client:

- the round's page with its roster of 500 and each member's status (target ≤ 300 ms, the
  issue's roster page on the coordinator's side);
- the results: network trust and value, each member's scores sorted by trust, the ties
  (target ≤ 1 s);
- the PDF of the link cards of the 200 who have not answered, and of all 500 (WeasyPrint, a QR
  code a card; target ≤ 10 s for 500);
- a reminder e-mailed to the 200 who have not answered, each their own link, through a real
  SMTP server on loopback (aiosmtpd; one connection for the round; target ≤ 10 s).

Figures (ms, wall and this process's CPU) are the median over rounds of each round's median,
written to benchmarks/out/survey-pages-<database>.json. BENCH_TIMES=1 times each output once a
round (after the warm-up) on a busy machine.
"""

import argparse
import json
import os
import socket
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench_databases import database_envs, has_workspace, median_rounds, write_result
from bench_surveys import USER, WORKSPACE, _build

ROOT = Path(__file__).resolve().parent.parent
TIMES = int(os.environ.get("BENCH_TIMES", "3"))  # timings a round, after its warm-up
TARGETS_MS = {"round page": 300, "results page": 1000, "cards, all": 10_000,
              "reminder e-mails": 10_000}  # fmt: skip


def _median_ms(make: Any) -> tuple[float, float]:
    """(wall, this process's CPU) milliseconds, medians of ``TIMES`` after a warm-up: on a
    shared, loaded machine the CPU time is the steadier figure (the SMTP server's thread is
    in this process, so the e-mails' CPU time includes the server's side)."""
    make()  # warm up
    wall, cpu = [], []
    for _ in range(TIMES):
        start, start_cpu = time.perf_counter(), time.process_time()
        make()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


class _Count:
    """An SMTP handler that counts what it accepts."""

    def __init__(self) -> None:
        self.messages = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages += 1
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_round(members: int, respondents: int, partners: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from aiosmtpd.controller import Controller
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db.models import F, Value
    from django.db.models.functions import Concat
    from django.test import Client
    from django.utils import translation

    from phakhi.actors.models import Actor
    from phakhi.core.audit import Author
    from phakhi.monitoring.models import Survey
    from phakhi.monitoring.survey_invitations import REMINDER, invitations_send
    from phakhi.worksheets.survey_cards import survey_cards_pdf

    _build(members, respondents, partners)
    translation.activate("th")
    survey = Survey.objects.get(workspace__slug=WORKSPACE, slug="round-1")
    # Every member has an address (idempotent: only those without one get it).
    Actor.objects.filter(workspace__slug=WORKSPACE, email="").update(
        email=Concat(F("key"), Value("@example.org"))
    )
    web = Client(HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost")
    web.force_login(get_user_model().objects.get(username=USER))

    def get(url: str) -> int:
        response = web.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return len(response.content)

    base = f"/w/{WORKSPACE}/surveys/{survey.slug}/"
    mailbox = _Count()
    controller = Controller(mailbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    author = Author.system("benchmark")

    def remind() -> None:
        report = invitations_send(author, survey, whom=REMINDER, base_url="http://localhost")
        assert len(report.sent) == members - respondents and not report.failed, report.failed

    try:
        measured = {
            "round page": _median_ms(lambda: get(base)),
            "results page": _median_ms(lambda: get(f"{base}results/?sort=trust")),
            "cards, not answered": _median_ms(lambda: survey_cards_pdf(survey)),
            "cards, all": _median_ms(lambda: survey_cards_pdf(survey, cards_for="all")),
            "reminder e-mails": _median_ms(remind),
        }
    finally:
        controller.stop()
    figures = {"ms": {k: v[0] for k, v in measured.items()},
               "cpu_ms": {k: v[1] for k, v in measured.items()}}  # fmt: skip
    sizes = {
        "members": members,
        "respondents": respondents,
        "round_page_kb": round(get(base) / 1024),
        "cards_pdf_kb": round(len(survey_cards_pdf(survey, cards_for="all")) / 1024),
        "emails_received": mailbox.messages,
    }
    print(json.dumps({"figures": figures, "sizes": sizes}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--respondents", type=int, default=300)
    parser.add_argument("--partners", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="URL of a scratch database")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--round", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [str(args.members), str(args.respondents), str(args.partners)]
    if args.round:
        server_round(args.members, args.respondents, args.partners)
        return
    for database, env in database_envs("surveys", args):
        if database == "postgresql" and not has_workspace(env, WORKSPACE):
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from bench_import import fresh_postgres

            fresh_postgres(args.postgres)
        import subprocess

        phakhi = [sys.executable, "-m", "phakhi.cli"]
        subprocess.run([*phakhi, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        round_args = ["--members", sizes[0], "--respondents", sizes[1], "--partners", sizes[2]]
        figures, found = median_rounds(__file__, round_args, env, args.repeat)
        medians = {
            kind: {name: round(ms, 1) for name, ms in values.items()}
            for kind, values in figures.items()
        }
        out = write_result("survey-pages", database, found, medians)
        out["targets_ms"] = TARGETS_MS
        print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
