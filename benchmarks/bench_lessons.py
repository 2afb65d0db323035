"""The lessons library (ใบงาน 2) and a network's design page, at the size of a large agency:
3,000 sessions (two a project of a community-development institute's 1,500) of 3 prompts and
20 answers each — 60,000 answers — and a network designed with 5 goals, 20 strategies, 20
working groups of 50 members and 100 expansion plan rows.

    .venv/bin/python benchmarks/bench_lessons.py [--sessions 3000] [--answers 20] [--repeat 3]
        [--postgres postgres://user:pass@localhost:5432/SCRATCH_DB] [--skip-sqlite]

Builds its own workspace "bench-lessons" once per database and keeps it (SQLite under
benchmarks/out/db-lessons/; the PostgreSQL database given is a scratch database, recreated when
it lacks the workspace). The first sessions go through the services; the rest are written in
bulk with the same search text the services store (``phakhi.lessons.tags.search_text``).

Each round is one process that requests each page once to warm up, then 20 times through
Django's test client (middleware, session, template; as an admin), counting its SQL queries.
Figures (ms, p50 and p95 of a round) are the median of the rounds, printed and written to
benchmarks/out/lessons-<database>.json.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench_databases import database_envs, has_workspace

ROOT = Path(__file__).resolve().parent.parent
WORKSPACE = "bench-lessons"
USER = "bench-lessons"
TIMES = 20
WORDS = ("ภาวะผู้นำ", "การมีส่วนร่วม", "ประชาคม", "คณะกรรมการร่วม", "สื่อสาร", "งบประมาณ",
         "อาสาสมัคร", "โรงเรียน", "โรงพยาบาล", "ตลาดชุมชน")  # fmt: skip
RARE = "ข้อตกลงหมู่บ้านปลอดขยะ"


def _answer(n: int) -> str:
    first, second = WORDS[n % len(WORDS)], WORDS[(n * 7 + 3) % len(WORDS)]
    text = f"ครั้งที่ {n}: ใช้{first}และ{second} ให้ภาคีทุกภาคส่วนร่วมคิดร่วมทำ แบ่งงานตามความถนัด"
    return text + (f" จนเกิด{RARE}" if n % 997 == 0 else "")


def _build(sessions: int, answers: int) -> None:
    """In the child process: the workspace, once."""
    from django.db import transaction

    from phakhi.core.models import Workspace

    if Workspace.objects.filter(slug=WORKSPACE).exists():
        return
    with transaction.atomic():
        _write(sessions, answers)


def _write(sessions: int, answers: int) -> None:
    from django.contrib.auth import get_user_model

    from phakhi.accounts.services import member_set
    from phakhi.actors.services import actor_create
    from phakhi.core.audit import Author
    from phakhi.core.services import workspace_create
    from phakhi.core.thai import sort_key
    from phakhi.lessons.models import LessonAnswer, LessonPrompt, LessonSession
    from phakhi.lessons.services import lesson_answers_add, lesson_session_create
    from phakhi.lessons.tags import search_text, tags_for
    from phakhi.lessons.vocabulary import default_prompts
    from phakhi.networks.design_services import (
        goal_create,
        strategy_create,
        working_group_create,
    )
    from phakhi.networks.models import Membership, Role
    from phakhi.networks.services import network_create
    from phakhi.projects.services import project_create

    author = Author.system("benchmark")
    workspace = workspace_create(author, slug=WORKSPACE, name="คลังบทเรียนขนาดใหญ่")
    user = get_user_model().objects.create_user(USER, password="bench-lessons-passphrase-5")
    member_set(author, workspace, user, "admin")
    network = network_create(author, workspace, slug="health", name="เครือข่ายสุขภาพ")
    projects = [
        project_create(author, workspace, slug=f"p{n}", name=f"โครงการ {n}", network=network)
        for n in range(20)
    ]
    tags = tags_for(workspace, WORDS)
    for n in range(5):  # a few through the services, as a room would write them
        session = lesson_session_create(
            author, workspace, title=f"ถอดบทเรียน {n}", project=projects[n],
            case="เทศบาลเมืองยะลา", tags=[WORDS[n]],
        )  # fmt: skip
        prompts = list(session.prompts.order_by("position"))
        for a in range(answers // 3 + 1):
            lesson_answers_add(author, session, participant=f"ผู้เข้าร่วม {a}",
                               answers={p: _answer(n * 100 + a * 3 + i)
                                        for i, p in enumerate(prompts)})  # fmt: skip
    texts = default_prompts()
    for start in range(5, sessions, 500):
        made = LessonSession.objects.bulk_create(
            LessonSession(
                workspace=workspace, project=projects[n % len(projects)],
                title=f"ถอดบทเรียนพื้นที่ {n}", case=f"ตำบลที่ {n}",
                sort_key=sort_key(f"ถอดบทเรียนพื้นที่ {n}"),
                search_key=search_text(f"ถอดบทเรียนพื้นที่ {n}", f"ตำบลที่ {n}", *texts),
            )
            for n in range(start, min(start + 500, sessions))
        )  # fmt: skip
        through = LessonSession.tags.through
        through.objects.bulk_create(
            through(lessonsession_id=s.pk, lessontag_id=tags[s.pk % len(tags)].pk) for s in made
        )
        prompts = LessonPrompt.objects.bulk_create(
            LessonPrompt(workspace=workspace, session=s, position=i, text=t)
            for s in made
            for i, t in enumerate(texts)
        )
        rows = []
        for k, prompt in enumerate(prompts):
            for a in range(answers // 3 + (1 if k % 3 < answers % 3 else 0)):
                text = _answer(prompt.pk * 31 + a)
                rows.append(LessonAnswer(
                    workspace=workspace, session_id=prompt.session_id, prompt=prompt,
                    participant=f"ผู้เข้าร่วม {a}", text=text, search_key=search_text(text),
                ))  # fmt: skip
        LessonAnswer.objects.bulk_create(rows, batch_size=2000)

    people = [
        actor_create(author, workspace, key=f"m{n}", name=f"สมาชิก {n:04d}", kind="person")
        for n in range(1000)
    ]
    strategies = []
    for g in range(5):
        goal = goal_create(author, network, title=f"เป้าหมาย {g}", target_value="100",
                           current_value=str(g * 20))  # fmt: skip
        for s in range(4):
            strategies.append(strategy_create(author, network, title=f"ยุทธศาสตร์ {g}.{s}",
                                              goal=goal))  # fmt: skip
    for i, strategy in enumerate(strategies):
        group = working_group_create(author, network, slug=f"wg-{i}", name=f"คณะทำงาน {i}",
                                     strategy=strategy, lead=people[i * 50])  # fmt: skip
        Membership.objects.bulk_create(
            Membership(workspace=workspace, network=group, actor=actor, role=Role.MEMBER)
            for actor in people[i * 50 + 1 : i * 50 + 50]
        )
    try:
        from phakhi.expansion.models import ExpansionPlan, PlanRow
    except ImportError:
        return
    plan = ExpansionPlan.objects.create(workspace=workspace, network=network, title="แผน")
    PlanRow.objects.bulk_create(
        PlanRow(workspace=workspace, plan=plan, position=n, target_name=f"กลุ่ม {n}",
                new_level=3, strategy=strategies[n % len(strategies)])
        for n in range(100)
    )  # fmt: skip


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


def server_round(sessions: int, answers: int) -> None:
    """Run in the child process: build once, time each page, print the figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from phakhi.lessons.models import LessonAnswer, LessonSession

    _build(sessions, answers)
    web = Client(HTTP_ACCEPT_LANGUAGE="th", HTTP_HOST="localhost")
    web.force_login(get_user_model().objects.get(username=USER))
    library = f"/w/{WORKSPACE}/lessons/"
    session = LessonSession.objects.filter(workspace__slug=WORKSPACE).order_by("id").first()
    assert session is not None
    requests = {
        "library, first page (no query)": library,
        "library, a common word (ภาวะผู้นำ)": f"{library}?{urlencode({'q': 'ภาวะผู้นำ'})}",
        f"library, a rare phrase ({RARE})": f"{library}?{urlencode({'q': RARE})}",
        "library, no match": f"{library}?{urlencode({'q': 'ไม่มีคำนี้แน่นอน'})}",
        "library, a tag": f"{library}?{urlencode({'tag': 'ประชาคม'})}",
        "library, a word and a project":
            f"{library}?{urlencode({'q': 'สื่อสาร', 'project': session.project_id})}",
        "API list, a common word":
            f"/api/v1/workspaces/{WORKSPACE}/lessons?{urlencode({'q': 'ภาวะผู้นำ'})}",
        "a session's page (phone form and sheet)": f"/w/{WORKSPACE}/lessons/{session.pk}/",
        "network design (5 goals, 20 strategies, 20 groups × 50, 100 plan rows)":
            f"/w/{WORKSPACE}/networks/health/design/",
    }  # fmt: skip
    figures = {}
    for name, url in requests.items():
        if url.startswith("/api/"):
            from phakhi.accounts.services import token_create
            from phakhi.core.audit import Author

            _, token = token_create(
                Author.system("benchmark"), get_user_model().objects.get(username=USER)
            )
            api = Client(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_HOST="localhost")
            seconds, queries, size = _timed(api, url)
        else:
            seconds, queries, size = _timed(web, url)
        figures[name] = {**_summary(seconds), "queries": queries, "kb": size / 1024}
    sizes = {
        "sessions": LessonSession.objects.filter(workspace__slug=WORKSPACE).count(),
        "answers": LessonAnswer.objects.filter(workspace__slug=WORKSPACE).count(),
    }
    print(json.dumps({"figures": figures, "sizes": sizes}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=3000)
    parser.add_argument("--answers", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgres", help="URL of a scratch database")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--round", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.round:
        server_round(args.sessions, args.answers)
        return
    for database, env in database_envs("lessons", args):
        if database == "postgresql" and not has_workspace(env, WORKSPACE):
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from bench_import import fresh_postgres

            fresh_postgres(args.postgres)
        phakhi = [sys.executable, "-m", "phakhi.cli"]
        subprocess.run([*phakhi, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        rounds = []
        for _ in range(args.repeat):
            child = subprocess.run(
                [sys.executable, __file__, "--round", "--sessions", str(args.sessions),
                 "--answers", str(args.answers)],
                env=env, cwd=ROOT, capture_output=True, text=True, check=True,
            )  # fmt: skip
            rounds.append(json.loads(child.stdout.strip().splitlines()[-1]))
        names = rounds[0]["figures"]
        result = {
            name: {
                key: statistics.median(r["figures"][name][key] for r in rounds)
                for key in ("p50", "p95", "queries", "kb")
            }
            for name in names
        }
        out = {"database": database, "machine": platform.platform(), "cpus": os.cpu_count(),
               "sizes": rounds[0]["sizes"], "figures": result}  # fmt: skip
        path = ROOT / "benchmarks" / "out" / f"lessons-{database}.json"
        path.write_text(json.dumps(out, ensure_ascii=False, indent=2))
        print(f"{database} {out['sizes']}")
        for name, figure in result.items():
            print(f"  {name}: p50 {figure['p50']:.0f} ms, p95 {figure['p95']:.0f} ms, "
                  f"{figure['queries']:.0f} queries, {figure['kb']:.0f} kB")  # fmt: skip


if __name__ == "__main__":
    main()
