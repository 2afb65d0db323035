"""`phakhi serve` on a fresh data directory: it answers, starts a task worker beside itself (so
background imports and analyses finish under `make run`), and a SIGTERM ends both."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
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
