"""The databases a workshop-kit benchmark runs on: SQLite in benchmarks/out/db-<name>/ (made
on first use) unless skipped, and the PostgreSQL database given; each as the environment of the
`phakhi` processes that build and measure it."""

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def database_envs(name: str, args: argparse.Namespace) -> list[tuple[str, dict[str, str]]]:
    """(database, environment) for ``--skip-sqlite`` / ``--postgres URL`` in ``args``."""
    found = []
    if not args.skip_sqlite:
        folder = ROOT / "benchmarks" / "out" / f"db-{name}"
        folder.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "PHAKHI_DATA_DIR": str(folder)}
        env.pop("DATABASE_URL", None)
        found.append(("sqlite", env))
    if args.postgres:
        found.append(("postgresql", {**os.environ, "DATABASE_URL": args.postgres}))
    return found


def has_workspace(env: dict[str, str], slug: str) -> bool:
    """Whether the database of ``env`` holds the benchmark's workspace already."""
    phakhi = [sys.executable, "-m", "phakhi.cli"]
    listed = subprocess.run([*phakhi, "workspace", "list"], env=env, cwd=ROOT,
                            capture_output=True, text=True)  # fmt: skip
    return listed.returncode == 0 and f"{slug}\t" in listed.stdout
