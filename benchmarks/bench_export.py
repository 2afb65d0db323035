"""Time the export of an existing workspace (target: the national demo, 600,000 actors and
3,000,000 ties, to GEXF in at most 2 minutes on the reference 2-core machine).

    .venv/bin/python benchmarks/bench_export.py --workspace national --format gexf --repeat 3

The database is the one the settings select (``DATABASE_URL``, or SQLite in
``PHAKHI_DATA_DIR``). Prints each run, the median in seconds and the peak memory (RSS) of the
process, which includes the database driver's cache.
"""

import argparse
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workspace", required=True, help="slug of the workspace to export")
    parser.add_argument("--network", help="export only this network (slug)")
    parser.add_argument("--format", default="gexf", help="csv, xlsx, gexf, graphml or json")
    parser.add_argument("--repeat", type=int, default=3, help="number of timed runs")
    parser.add_argument("--output", type=Path, help="folder for the files (default: temporary)")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.db import connection

    from phakhi.core.models import Workspace
    from phakhi.exports.writers import export
    from phakhi.networks.models import Network
    from phakhi.scope import Scope

    workspace = Workspace.objects.get(slug=args.workspace)
    network = None
    if args.network:
        network = Network.objects.get(workspace=workspace, slug=args.network)
    scope = Scope(workspace, networks=[network] if network else [])
    print(
        f"workspace {workspace.slug}{f' network {network.slug}' if network else ''}: "
        f"{scope.actors().count():,} actors, {scope.ties().count():,} ties; "
        f"database {connection.vendor}; {platform.platform()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory(prefix="phakhi-bench-") as temporary:
        folder = args.output or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        seconds = []
        for run in range(1, args.repeat + 1):
            started = time.perf_counter()
            target = folder if args.format == "csv" else folder / f"bench.{args.format}"
            paths = export(scope, args.format, target)
            seconds.append(time.perf_counter() - started)
            size = sum(p.stat().st_size for p in paths)
            print(f"run {run}: {seconds[-1]:.2f} s, {size / 2**20:,.0f} MiB written", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"median {statistics.median(seconds):.2f} s; peak RSS {peak:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
