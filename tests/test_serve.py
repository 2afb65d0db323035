"""`phakhi serve` on a fresh data directory: it answers, keeps a task worker beside itself (so
background imports and analyses finish under `make run`) — started again when it dies, gone
with the server however the server ends — and sends HSTS when the site is served over HTTPS."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(child) for child in text]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except FileNotFoundError:
        return False
    return state != "Z"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _until(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def _answers(url: str, deadline: float) -> bool:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return bool(response.status == 200)
        except OSError:
            time.sleep(0.2)
    return False


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PHAKHI_TASKS")}
    env["PHAKHI_DATA_DIR"] = str(tmp_path_factory.mktemp("serve-data"))
    migrate = [sys.executable, "-m", "phakhi.cli", "manage", "migrate", "--noinput", "-v", "0"]
    subprocess.run(migrate, env=env, check=True, timeout=120)
    return env


@pytest.mark.parametrize("worker", [True, False])
def test_serve_starts_a_worker_and_a_sigterm_ends_both(
    environment: dict[str, str], worker: bool
) -> None:
    port = _free_port()
    command = [sys.executable, "-m", "phakhi.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, *([] if worker else ["--no-worker"])],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/accounts/login/"
        assert _answers(url, time.monotonic() + 60), "the server never answered"
        children = _children(server.pid)
        assert len(children) == (1 if worker else 0)
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=20) == 0
        deadline = time.monotonic() + 10
        while any(_alive(child) for child in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(child) for child in children), "the worker outlived the server"
    finally:
        if server.poll() is None:
            server.kill()


@contextmanager
def _served(env: dict[str, str], *options: str) -> Iterator[tuple["subprocess.Popen[bytes]", int]]:
    port = _free_port()
    command = [sys.executable, "-m", "phakhi.cli", "serve", "--port", str(port), *options]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        url = f"http://127.0.0.1:{port}/accounts/login/"
        assert _answers(url, time.monotonic() + 60), "the server never answered"
        yield server, port
    finally:
        for pid in _children(server.pid) if _alive(server.pid) else []:
            os.kill(pid, signal.SIGKILL)
        if server.poll() is None:
            server.kill()
        server.wait()


def test_a_server_killed_outright_takes_its_worker_with_it(environment: dict[str, str]) -> None:
    with _served(environment) as (server, _port):
        assert _until(lambda: len(_children(server.pid)) == 1, 30)
        (worker,) = _children(server.pid)
        server.send_signal(signal.SIGKILL)  # runs none of the server's own code
        server.wait()
        assert _until(lambda: not _alive(worker), 20), "the worker outlived the killed server"


def test_a_killed_worker_is_replaced_and_the_server_goes_on(environment: dict[str, str]) -> None:
    with _served(environment) as (server, port):
        assert _until(lambda: len(_children(server.pid)) == 1, 30)
        (first,) = _children(server.pid)
        os.kill(first, signal.SIGKILL)
        assert _until(lambda: _children(server.pid) not in ([], [first]), 30), "not replaced"
        (second,) = _children(server.pid)
        assert second != first and _alive(second)
        assert _answers(f"http://127.0.0.1:{port}/accounts/login/", time.monotonic() + 10)


def test_a_worker_gives_signs_of_life_while_it_runs(environment: dict[str, str]) -> None:
    beats = Path(environment["PHAKHI_DATA_DIR"]) / "workers"
    command = [sys.executable, "-m", "phakhi.cli", "worker"]
    worker = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL)
    try:
        mine = beats / f"{socket.gethostname()}-{worker.pid}.alive"
        assert _until(mine.exists, 30), "the worker wrote no heartbeat"
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=20) == 0
        assert not mine.exists(), "a stopped worker left its heartbeat"
    finally:
        if worker.poll() is None:
            worker.kill()


def _hsts(port: int, headers: dict[str, str]) -> str | None:
    url = f"http://127.0.0.1:{port}/accounts/login/"
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.headers.get("Strict-Transport-Security")


@pytest.mark.parametrize(
    ("setting", "headers", "expected"),
    [
        ({}, {"X-Forwarded-Proto": "https"}, None),
        ({"PHAKHI_HTTPS": "1"}, {}, "max-age=31536000"),
        ({"PHAKHI_BEHIND_HTTPS_PROXY": "1"}, {"X-Forwarded-Proto": "https"}, "max-age=31536000"),
        ({"PHAKHI_BEHIND_HTTPS_PROXY": "1"}, {"X-Forwarded-Proto": "http"}, None),
        ({"PHAKHI_HTTPS": "1", "PHAKHI_HSTS_INCLUDE_SUBDOMAINS": "1"}, {},
         "max-age=31536000; includeSubDomains"),
    ],
)  # fmt: skip
def test_browsers_are_told_to_keep_to_https_when_the_site_is_served_over_it(
    environment: dict[str, str],
    setting: dict[str, str],
    headers: dict[str, str],
    expected: str | None,
) -> None:
    with _served({**environment, **setting}, "--no-worker") as (_server, port):
        assert _hsts(port, headers) == expected
