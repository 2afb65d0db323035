"""Colleagues editing the same actor at the same moment through the API of a running server
(`phakhi serve` in its own process, threads sending requests at once), on the database the
suite runs on: every change answered 2xx is stored, every refusal is a 409, and the audit trail
replayed from the start gives the stored row."""

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from tests.test_serve import _answers, _free_port

FIELDS = ("subsector", "line_id", "email", "phone", "province", "tags")
ROUNDS = 8


def _value(field: str, round_: int, thread: int) -> Any:
    return {
        "subsector": f"ชุมชน {round_}-{thread}",
        "line_id": f"line{round_}x{thread}",
        "email": f"r{round_}t{thread}@example.org",
        "phone": f"08{round_}-{thread:03}-4567",
        "province": ["Chiang Mai", "Khon Kaen", "Phuket", "Nan"][(round_ + thread) % 4],
        "tags": [f"ประเด็น {round_}-{thread}"],
    }[field]


class Server:
    def __init__(self, url: str, token: str, database: Any) -> None:
        self.url, self.token, self.database = url, token, database

    def call(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], Any]:
        request = urllib.request.Request(
            f"{self.url}/api/v1/workspaces/conc{path}",
            data=None if body is None else json.dumps(body).encode(),
            method=method,
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
                "Accept-Language": "en",
                **(headers or {}),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                headers = {k.lower(): v for k, v in response.headers.items()}
                return response.status, headers, json.loads(response.read())
        except urllib.error.HTTPError as error:
            headers = {k.lower(): v for k, v in error.headers.items()}
            return error.code, headers, json.loads(error.read())


def _database(tmp: Path) -> Iterator[tuple[str, Any]]:
    """A database of its own for the server: a new PostgreSQL database when the suite runs on
    PostgreSQL, else an SQLite file; and a function that runs a query on it."""
    if connection.vendor != "postgresql":
        path = tmp / "phakhi.sqlite3"

        def query(sql: str, *params: Any) -> list[tuple[Any, ...]]:
            with sqlite3.connect(path) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()

        yield f"sqlite:///{path}", query
        return
    import psycopg

    settings = connection.settings_dict
    name = f"phakhi_edits_{uuid.uuid4().hex[:10]}"
    server = {
        "host": settings["HOST"] or "localhost",
        "port": settings["PORT"] or 5432,
        "user": settings["USER"],
        "password": settings["PASSWORD"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')

    def pg_query(sql: str, *params: Any) -> list[tuple[Any, ...]]:
        with psycopg.connect(dbname=name, **server) as db:
            return db.execute(sql, params).fetchall()

    try:
        yield (
            f"postgres://{server['user']}:{server['password']}@{server['host']}:"
            f"{server['port']}/{name}",
            pg_query,
        )
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def server(tmp_path: Path, db: None) -> Iterator[Server]:
    databases = _database(tmp_path)
    url, query = next(databases)
    env = {k: v for k, v in os.environ.items() if k != "PHAKHI_TASKS"}
    env.update(PHAKHI_DATA_DIR=str(tmp_path), DATABASE_URL=url, PHAKHI_LANGUAGE="en")
    cli = [sys.executable, "-m", "phakhi.cli"]

    def run(*args: str, stdin: str = "") -> str:
        done = subprocess.run(
            [*cli, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("manage", "migrate", "--noinput", "-v", "0")
    run("workspace", "create", "conc", "--name", "Concurrency")
    run("user", "add", "somsri", "--workspace", "conc", "--role", "coordinator")
    token = run("token", "create", "somsri").strip().split()[-1]
    port = _free_port()
    process = subprocess.Popen(
        [*cli, "serve", "--port", str(port), "--threads", "8", "--no-worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        assert _answers(f"{base}/accounts/login/", time.monotonic() + 60)
        yield Server(base, token, query)
    finally:
        process.terminate()
        process.wait(timeout=20)
        for _ in databases:
            pass


def _at_once(calls: list[Any]) -> list[Any]:
    start = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int) -> None:
        start.wait()
        results[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def _replayed(server: Server, actor_id: int) -> dict[str, Any]:
    rows = server.database(
        "SELECT action, changes, object_version FROM core_auditevent "
        "WHERE object_type = 'actors.actor' AND object_id = %s ORDER BY object_version, id",
        str(actor_id),
    )
    state: dict[str, Any] = {}
    versions = []
    for _action, changes, version in rows:
        changes = json.loads(changes) if isinstance(changes, str) else changes
        state.update({field: new for field, (_old, new) in changes.items()})
        versions.append(version)
    assert versions == list(range(1, len(versions) + 1)), "a version without its event"
    return state


def test_concurrent_edits_of_different_fields_all_land_and_the_trail_replays(
    server: Server,
) -> None:
    status, _headers, actor = server.call("POST", "/actors", {"key": "a1", "name": "นางสมใจ"})
    assert status == 201
    path = f"/actors/{actor['id']}"
    for round_ in range(ROUNDS):
        _status, headers, before = server.call("GET", path)
        etag = headers["etag"]
        sent = {field: _value(field, round_, i) for i, field in enumerate(FIELDS)}
        answers = _at_once(
            [
                lambda f=field, v=value, e=etag: server.call("PATCH", path, {f: v}, {"If-Match": e})
                for field, value in sent.items()
            ]
        )
        assert [status for status, _h, _b in answers] == [200] * len(FIELDS), answers
        _status, _headers, after = server.call("GET", path)
        assert after["version"] == before["version"] + len(FIELDS)
        assert after["subsector"] == sent["subsector"]
        assert after["contacts"]["line_id"] == sent["line_id"]
        assert after["contacts"]["email"] == sent["email"]
        assert after["contacts"]["phone"].endswith(sent["phone"][-4:])
        assert after["province"] == sent["province"]
        assert after["tags"] == sent["tags"]
    stored = server.database(
        "SELECT subsector, line_id, email, phone, province_code FROM actors_actor WHERE id = %s",
        actor["id"],
    )[0]
    replayed = _replayed(server, actor["id"])
    assert tuple(replayed[f] for f in ("subsector", "line_id", "email", "phone")) == stored[:4]
    assert replayed["province_code"] == stored[4]
    assert replayed["tags"] == after["tags"]


def test_concurrent_edits_of_one_field_from_one_version_let_one_through_and_refuse_the_rest(
    server: Server,
) -> None:
    status, _headers, actor = server.call("POST", "/actors", {"key": "a2", "name": "นายมานะ"})
    path = f"/actors/{actor['id']}"
    for round_ in range(ROUNDS):
        _status, headers, _before = server.call("GET", path)
        etag = headers["etag"]
        values = [f"กลุ่ม {round_}-{i}" for i in range(6)]
        answers = _at_once(
            [
                lambda v=value, e=etag: server.call(
                    "PATCH", path, {"subsector": v}, {"If-Match": e}
                )
                for value in values
            ]
        )
        statuses = sorted(status for status, _h, _b in answers)
        assert statuses == [200, 409, 409, 409, 409, 409], answers
        won = next(body for status, _h, body in answers if status == 200)
        for status, _headers, body in answers:
            if status == 409:
                (conflict,) = body["conflicts"]
                assert conflict["field"] == "subsector"
                assert conflict["theirs"] == won["subsector"]
                assert conflict["by"] == "api:somsri"
        _status, _headers, after = server.call("GET", path)
        assert after["subsector"] == won["subsector"]
    replayed = _replayed(server, actor["id"])
    assert replayed["subsector"] == after["subsector"]
