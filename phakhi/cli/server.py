"""``phakhi serve`` and ``phakhi worker``: the web server and the background task worker.

``serve`` starts a worker beside itself unless told not to, so that background imports and
analyses also finish on a newcomer's machine (``make run``), where nobody starts one."""

import argparse
import os
import signal
import subprocess
import sys
from typing import Any

from phakhi.cli import EXIT_FAILED, EXIT_OK


def add_parsers(commands: Any) -> None:
    commands.add_parser(
        "worker", help="run background tasks (large imports and analyses) as they come"
    )
    serve = commands.add_parser("serve", help="serve the web application (waitress)")
    serve.add_argument("--host", default=os.environ.get("PHAKHI_HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=int(os.environ.get("PHAKHI_PORT", "8000")))
    serve.add_argument("--threads", type=int, default=8)
    serve.add_argument(
        "--no-worker",
        action="store_true",
        help="do not start a background task worker beside the server",
    )


def _worker(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    call_command("db_worker")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from waitress import serve

    from config.wsgi import application

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("phakhi: the database needs migrating: run `phakhi manage migrate`", file=sys.stderr)
        return EXIT_FAILED
    print(f"Phakhi: http://{args.host}:{args.port}/", flush=True)
    signal.signal(signal.SIGTERM, _exit_cleanly)  # so that the worker is stopped too
    worker = None if args.no_worker else _start_worker(args.lang)
    try:
        serve(application, host=args.host, port=args.port, threads=args.threads)
    finally:
        if worker is not None:
            _stop_worker(worker)
    return EXIT_OK


def _exit_cleanly(signum: int, frame: Any) -> None:
    raise SystemExit(0)


def _start_worker(language: str) -> "subprocess.Popen[bytes]":
    """A `phakhi worker` child, so that background imports and analyses finish on a machine
    where nobody runs one."""
    command = [sys.executable, "-m", "phakhi.cli", "--lang", language, "worker"]
    return subprocess.Popen(command)


def _stop_worker(worker: "subprocess.Popen[bytes]") -> None:
    worker.terminate()
    try:
        worker.wait(timeout=10)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


HANDLERS = {"worker": _worker, "serve": _serve}
