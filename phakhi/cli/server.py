"""``phakhi serve`` and ``phakhi worker``: the web server and the background task worker.

``serve`` keeps a worker beside itself unless told not to (``phakhi.cli.supervisor``), so that
background imports and analyses also finish on a newcomer's machine (``make run``), where nobody
starts one."""

import argparse
import os
import signal
import sys
from typing import Any

from phakhi.cli import EXIT_FAILED, EXIT_OK


def add_parsers(commands: Any) -> None:
    worker = commands.add_parser(
        "worker",
        help="run background tasks (large imports and analyses, scheduled snapshots) as they come",
    )
    # Given by `phakhi serve` to the worker it starts: the pipe whose end means the server ended.
    worker.add_argument("--parent-pipe", type=int, help=argparse.SUPPRESS)
    serve = commands.add_parser("serve", help="serve the web application (waitress)")
    serve.add_argument("--host", default=os.environ.get("PHAKHI_HOST", "127.0.0.1"))
    serve.add_argument("--port", type=int, default=int(os.environ.get("PHAKHI_PORT", "8000")))
    serve.add_argument("--threads", type=int, default=8)
    # waitress's default of 100 open connections is less than a workshop room: 130 phones
    # polling the live session each keep one open.
    serve.add_argument(
        "--connection-limit",
        type=int,
        default=int(os.environ.get("PHAKHI_CONNECTION_LIMIT", "500")),
        help="open connections served at once (default 500, or $PHAKHI_CONNECTION_LIMIT)",
    )
    serve.add_argument(
        "--no-worker",
        action="store_true",
        help="do not start a background task worker beside the server",
    )


def _worker(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    from phakhi.cli.supervisor import stop_with_parent
    from phakhi.core.workers import Heartbeat
    from phakhi.monitoring.schedule import SnapshotScheduler

    if args.parent_pipe is not None:
        stop_with_parent(args.parent_pipe)
    # The heartbeat: the import page tells when no worker is alive. The scheduler queues the
    # scorecard's monthly snapshots (docs/monitoring.md).
    with Heartbeat(), SnapshotScheduler():
        call_command("db_worker", reload=False)
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from django.conf import settings
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from waitress import serve

    from config.wsgi import application
    from phakhi.cli.supervisor import WorkerSupervisor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("phakhi: the database needs migrating: run `phakhi manage migrate`", file=sys.stderr)
        return EXIT_FAILED
    print(f"Phakhi: http://{args.host}:{args.port}/", flush=True)
    signal.signal(signal.SIGTERM, _exit_cleanly)  # so that the worker is stopped too
    # A browser that goes away mid-answer is an error on that socket, not the server's end
    # (the command line's SIG_DFL, right for `phakhi … | head`, would kill the whole server).
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    supervisor = None if args.no_worker else WorkerSupervisor(args.lang)
    if supervisor is not None:
        supervisor.start()
    # PHAKHI_HTTPS: people reach the site only over HTTPS (a proxy in front terminates it), so
    # every request is a secure one — Django then sends HSTS and secure cookies. Behind the
    # proxy of PHAKHI_BEHIND_HTTPS_PROXY, its X-Forwarded-* headers reach Django, which reads
    # them (waitress would remove them).
    options = {
        "url_scheme": "https" if settings.PHAKHI_HTTPS else "http",
        "clear_untrusted_proxy_headers": not settings.BEHIND_HTTPS_PROXY,
        "connection_limit": args.connection_limit,
    }
    try:
        serve(application, host=args.host, port=args.port, threads=args.threads, **options)
    finally:
        if supervisor is not None:
            supervisor.stop()
    return EXIT_OK


def _exit_cleanly(signum: int, frame: Any) -> None:
    raise SystemExit(0)


HANDLERS = {"worker": _worker, "serve": _serve}
