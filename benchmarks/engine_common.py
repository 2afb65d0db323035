"""What both sides of the engine benchmark share: the demo graph as columns, the process's memory,
the machine, and running one side in its own process."""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
BENCH = ROOT / "benchmarks" / "bench_engine.py"
SEED = 1  # the demo network's seed and the analysis' seed
SLOW_RUN = 20 * 60  # a networkx run longer than this is not repeated
EFFECTIVE_SIZE_SAMPLE = 50
ESTIMATED = f"effective_size (extrapolated from {EFFECTIVE_SIZE_SAMPLE} actors)"
AGREE = 1e-6
TOP = 20
# Per-actor measures both sides compute; the path ones are estimates above the exact limit.
EXACT_MEASURES = (
    "degree", "strength", "clustering", "core", "constraint", "effective_size", "articulation",
    "pagerank", "eigenvector",
)  # fmt: skip
PATH_MEASURES = ("betweenness", "closeness", "harmonic")
NETWORK_MEASURES = (
    "nodes", "ties", "components", "largest_component", "isolates", "density", "transitivity",
    "average_clustering", "bridges", "average_path_length", "diameter", "modularity",
    "communities",
)  # fmt: skip


# --- the graph -----------------------------------------------------------------------------------


def load(size: str) -> dict[str, Any]:
    """The demo network as plain columns: actor keys, sector, province; tie ends (keys),
    strength and direction. The dates are left out: every tie counts."""
    from phakhi.demo.generator import generate

    data = generate(size, seed=SEED)
    fields = data.actors.fields
    actors = list(zip(*data.actors.tuples(), strict=True))
    index = {name: fields.index(name) for name in ("key", "sector", "province")}
    tie_fields = data.ties.fields
    ties = list(zip(*data.ties.tuples(), strict=True))
    column = {name: ties[tie_fields.index(name)] for name in tie_fields}
    return {
        "keys": np.array(actors[index["key"]], dtype=object),
        "sector": list(actors[index["sector"]]),
        "province": list(actors[index["province"]]),
        "source": np.array(column["source"], dtype=object),
        "target": np.array(column["target"], dtype=object),
        "strength": np.array(column["strength"], dtype=np.int64),
        "directed": np.array(column["directed"], dtype=object) == "true",
    }


# --- measuring a process -------------------------------------------------------------------------


def reset_peak() -> bool:
    """Reset the process' peak resident memory to its current size (Linux ≥ 4.0)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def memory_mib() -> dict[str, float]:
    """Current and peak resident memory (VmRSS, VmHWM) in MiB; ru_maxrss when /proc is absent."""
    found: dict[str, float] = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0]) / 1024
    except OSError:
        pass
    if "VmHWM" not in found:
        found["VmHWM"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"rss": round(found.get("VmRSS", 0.0), 1), "peak": round(found["VmHWM"], 1)}


def machine() -> dict[str, Any]:
    import igraph
    import networkx
    import scipy

    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    memory = Path("/proc/meminfo").read_text().split("\n", 1)[0].split()[1]
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(
        [*git, "status", "--porcelain", "--", "phakhi/engine"], capture_output=True, text=True
    )
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": model,
        "ram_gib": round(int(memory) / 1024**2, 1),
        "python": platform.python_version(),
        "igraph": igraph.__version__,
        "networkx": networkx.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "commit": head.stdout.strip(),
        "engine_changes_not_committed": dirty.stdout.split("\n")[:-1],
    }


def machine_line(m: dict[str, Any], load_average: list[float]) -> str:
    return (
        f"Machine: {m['nproc']} × {m['cpu']}, {m['ram_gib']} GiB RAM; Python {m['python']}, "
        f"igraph {m['igraph']}, networkx {m['networkx']}; load average at the start "
        f"{load_average[0]:.2f} / {load_average[1]:.2f} / {load_average[2]:.2f} (1/5/15 min)."
    )


def spawn(args: list[str]) -> dict[str, Any]:
    """Run one worker (bench_engine.py with ``--worker``) and read the JSON it writes."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.json"
        command = [sys.executable, str(BENCH), *args, "--result", str(out)]
        subprocess.run(command, check=True, cwd=ROOT)
        result = json.loads(out.read_text())
        values = np.load(out.with_suffix(".npz"), allow_pickle=False)
        result["values"] = {name: values[name] for name in values.files}
    return result


def save(path: Path, result: dict[str, Any], values: dict[str, np.ndarray]) -> None:
    path.write_text(json.dumps(result, indent=1, default=float))
    np.savez(path.with_suffix(".npz"), **values)


def engine_input(data: dict[str, Any]) -> tuple[Any, Any]:
    """The demo graph as the engine's ``Actors`` and ``Ties``."""
    from phakhi.engine import Actors, Ties

    actors = Actors(keys=data["keys"], sector=data["sector"], province=data["province"])
    ties = Ties(
        source=data["source"],
        target=data["target"],
        strength=data["strength"],
        directed=data["directed"],
    )
    return actors, ties
