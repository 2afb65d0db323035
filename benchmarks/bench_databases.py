"""The databases a workshop-kit benchmark runs on: SQLite in benchmarks/out/db-<name>/ (made
on first use) unless skipped, and the PostgreSQL database given; each as the environment of the
`phakhi` processes that build and measure it."""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def median_rounds(
    script: str, round_args: list[str], env: dict[str, str], repeat: int
) -> tuple[dict[str, dict[str, float]], dict[str, object]]:
    """Run ``script --round …`` ``repeat`` times in fresh processes (each prints one JSON line
    of ``figures`` {name: {key: number}} and ``sizes``) and give the median of each figure with
    the first round's sizes."""
    rounds = []
    for _ in range(repeat):
        child = subprocess.run([sys.executable, script, "--round", *round_args],
                               env=env, cwd=ROOT, capture_output=True, text=True)  # fmt: skip
        if child.returncode:
            sys.exit(child.stderr)
        rounds.append(json.loads(child.stdout.strip().splitlines()[-1]))
    first = rounds[0]["figures"]
    medians = {
        name: {
            key: statistics.median(r["figures"][name][key] for r in rounds) for key in first[name]
        }
        for name in first
    }
    return medians, rounds[0]["sizes"]


def write_result(
    name: str, database: str, sizes: dict[str, object], figures: dict[str, dict[str, float]]
) -> dict[str, Any]:
    """benchmarks/out/<name>-<database>.json with the machine, its load and the figures."""
    out = {"database": database, "machine": platform.platform(), "cpus": os.cpu_count(),
           "load": os.getloadavg(), "sizes": sizes, "figures": figures}  # fmt: skip
    path = ROOT / "benchmarks" / "out" / f"{name}-{database}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, ensure_ascii=False, indent=2))
    return out
