"""The analysis engine against networkx, and the accuracy of its sampled path measures.

    .venv/bin/python benchmarks/bench_engine.py --part networkx --size province|region [--repeat 3]
    .venv/bin/python benchmarks/bench_engine.py --part accuracy [--size province]
        [--samples 64,128,256] [--seeds 5]

``networkx``: the engine (``phakhi.engine.analyze``, map layout off) and networkx compute the
same measures on the same graph, the demo network of that size (seed 1, every tie whatever its
dates). Each side runs in its own process, so that the peak memory of one does not mix with the
other's; the engine runs ``--repeat`` times, networkx min(repeat, 2) times (once when a run takes
over 20 minutes); times are medians. At the province size (1,500 actors) both are exact. Above
5,000 actors the engine estimates betweenness, closeness, harmonic, path length and diameter from
k sampled sources, and networkx is given the same work: ``betweenness_centrality(k=k)`` and
breadth-first searches from the engine's own k sources. networkx has no Leiden: it finds
communities with Louvain. networkx's ``effective_size`` of all actors at once needs a dense n × n
matrix; where that exceeds a quarter of the memory it runs actor by actor on 50 random actors
and its time is extrapolated to all (reported with and without it).

``accuracy``: the engine exact and sampled (k sources, several seeds) on the same graph: top-20
overlap and Spearman rank correlation of betweenness, closeness and harmonic, the relative error
of the average path length and the diameter.

Results are printed as markdown tables and written to benchmarks/out/engine-<part>-<size>.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine_common import (
    AGREE,
    EFFECTIVE_SIZE_SAMPLE,
    EXACT_MEASURES,
    NETWORK_MEASURES,
    OUT,
    PATH_MEASURES,
    ROOT,
    SEED,
    TOP,
    engine_input,
    load,
    machine,
    memory_mib,
    reset_peak,
    save,
    spawn,
)
from engine_networkx import networkx_worker
from engine_tables import accuracy_tables, networkx_tables

# --- the engine's side ---------------------------------------------------------------------------


def engine_worker(args: argparse.Namespace) -> None:
    from phakhi.engine import Options, analyze

    data = load(args.size)
    actors, ties = engine_input(data)
    options = Options(
        exact_limit=10**9 if args.size == "province" else Options().exact_limit,
        seed=SEED,
        layout=args.layout,
    )
    gc.collect()
    before = memory_mib()
    reset = reset_peak()
    runs: list[dict[str, Any]] = []
    analysis = None
    for _ in range(args.runs):
        analysis = None  # the previous result does not count in this run's peak
        gc.collect()
        start = time.perf_counter()
        analysis = analyze(actors, ties, options)
        runs.append({"seconds": time.perf_counter() - start, "steps": analysis.timings})
    assert analysis is not None
    values = {
        name: np.asarray(analysis.actors[name], dtype=np.float64)
        for name in (*EXACT_MEASURES, *PATH_MEASURES)
    }
    values["community"] = np.asarray(analysis.actors["community"], dtype=np.float64)
    network = {name: analysis.network.get(name) for name in NETWORK_MEASURES}
    network["bridges"] = analysis.network["bridges"]["count"]
    result = {
        "runs": runs,
        "memory_before_mib": before,
        "memory_mib": memory_mib(),
        "peak_reset": reset,
        "method": analysis.method,
        "network": network,
        "options": {"exact_limit": options.exact_limit, "layout": options.layout, "seed": SEED},
    }
    save(Path(args.result), result, values)


# --- part 1: the engine against networkx ---------------------------------------------------------


def median_steps(runs: list[dict[str, Any]]) -> dict[str, float]:
    return {
        name: statistics.median(run["steps"][name] for run in runs) for name in runs[0]["steps"]
    }


def compare_values(engine: dict[str, Any], other: dict[str, Any], sampled: bool) -> dict:
    """How far the two sides' values are apart, measure by measure."""
    found: dict[str, Any] = {}
    names = EXACT_MEASURES + (PATH_MEASURES if not sampled else ("closeness", "harmonic"))
    tight = tuple(name for name in other["values"] if "tol=" in name)
    for name in names + tight:
        a, b = engine["values"][name.split(" ")[0]], other["values"][name]
        computed = other["values"].get(f"{name}_computed")
        if computed is not None:
            a, b = a[computed.astype(bool)], b[computed.astype(bool)]
        both_nan = np.isnan(a) & np.isnan(b)
        diff = np.where(both_nan, 0.0, np.abs(a - b))
        diff = np.where(np.isnan(diff), np.inf, diff)
        worst = int(np.argmax(diff))
        found[name] = {
            "max_abs_diff": float(diff.max()),
            "actors_over_1e-6": int((diff > AGREE).sum()),
            "actors_compared": len(diff),
            "worst_actor": worst,
            "engine": float(a[worst]),
            "networkx": float(b[worst]),
        }
    if sampled:
        found["betweenness"] = rank_agreement(
            engine["values"]["betweenness"], other["values"]["betweenness"]
        )
        found["betweenness"]["note"] = "both sampled, different sources: ranks compared"
    network = {}
    for name in NETWORK_MEASURES:
        a, b = engine["network"].get(name), other["network"].get(name)
        entry: dict[str, Any] = {"engine": a, "networkx": b}
        if isinstance(a, int | float) and isinstance(b, int | float):
            entry["abs_diff"] = abs(a - b)
        network[name] = entry
    return {"actors": found, "network": network}


def rank_agreement(exact: np.ndarray, estimate: np.ndarray) -> dict[str, float]:
    from scipy.stats import spearmanr

    top = len(set(top_k(exact)) & set(top_k(estimate))) / TOP
    return {"top20_overlap": top, "spearman": float(spearmanr(exact, estimate).statistic)}


def top_k(values: np.ndarray) -> list[int]:
    return np.argsort(-values, kind="stable")[:TOP].tolist()


def part_networkx(args: argparse.Namespace) -> dict[str, Any]:
    info, load_average = machine(), list(os.getloadavg())
    base = ["--size", args.size]
    print(f"engine: {args.repeat} runs …", file=sys.stderr, flush=True)
    engine = spawn(["--worker", "engine", *base, "--runs", str(args.repeat)])
    print("engine with the map layout: 1 run …", file=sys.stderr, flush=True)
    with_layout = spawn(["--worker", "engine", *base, "--runs", "1", "--layout"])
    sampled_components = engine["method"].get("sampled_components") or []
    k = sampled_components[0]["samples"] if sampled_components else None
    nx_runs = min(args.repeat, 2)
    print(f"networkx: up to {nx_runs} runs (k={k}) …", file=sys.stderr, flush=True)
    nx_args = ["--worker", "networkx", *base, "--runs", str(nx_runs)]
    other = spawn(nx_args + (["--sampled", str(k)] if k else []))
    engine_seconds = statistics.median(run["seconds"] for run in engine["runs"])
    effective = statistics.median(
        seconds for run in other["runs"] for name, seconds in run["steps"].items()
        if name.startswith("effective_size")
    )  # fmt: skip
    nx_seconds = statistics.median(run["seconds"] for run in other["runs"])
    result = {
        "part": "networkx",
        "size": args.size,
        "machine": info,
        "load_average_at_start": load_average,
        "graph": {
            "actors": engine["network"]["nodes"],
            "edges": engine["network"]["ties"],
            "demo_seed": SEED,
            "ties": "every tie, whatever its dates; several ties between two actors are one "
            "edge weighted by the strongest",
        },
        "path_measures": (
            f"sampled: {k} sources in the {sampled_components[0]['nodes']:,}-actor component "
            f"(engine: Brandes from the sources, r/k; networkx: betweenness_centrality(k={k}, "
            f"seed={SEED}); closeness, harmonic, path length and diameter from BFS "
            "(single_source_shortest_path_length) from the engine's own sources, with its "
            "estimator; diameter: engine exact by iFUB, networkx a double-sweep lower bound)"
            if k
            else "exact on both sides (engine Options(exact_limit=10**9))"
        ),
        "communities": "engine: Leiden (igraph, modularity, weighted); networkx: Louvain "
        "(louvain_communities, weighted; networkx has no Leiden)",
        "eigenvector": "networkx: eigenvector_centrality (power iteration, max_iter=1000; "
        "eigenvector_centrality_numpy refuses disconnected graphs)",
        "effective_size": "networkx's effective_size for all actors at once builds a dense "
        "n × n matrix, more than this machine's memory at this size; actor by actor it copies "
        f"the whole graph for each actor: timed on {EFFECTIVE_SIZE_SAMPLE} random actors and "
        "extrapolated to all, and that estimate is in networkx's wall time",
        "engine": {
            "runs": len(engine["runs"]),
            "seconds_median": engine_seconds,
            "seconds": [run["seconds"] for run in engine["runs"]],
            "steps_median": median_steps(engine["runs"]),
            "memory_before_mib": engine["memory_before_mib"],
            "peak_mib": engine["memory_mib"]["peak"],
            "method": engine["method"],
            "with_layout": {
                "seconds": with_layout["runs"][0]["seconds"],
                "steps": with_layout["runs"][0]["steps"],
                "peak_mib": with_layout["memory_mib"]["peak"],
                "layout": with_layout["method"].get("layout"),
            },
        },
        "networkx": {
            "runs": len(other["runs"]),
            "seconds_median": nx_seconds,
            "seconds": [run["seconds"] for run in other["runs"]],
            "seconds_measured": [run["seconds_measured"] for run in other["runs"]],
            "steps_median": median_steps(other["runs"]),
            "memory_before_mib": other["memory_before_mib"],
            "peak_mib": other["memory_mib"]["peak"],
            "note": "one run only: it took over 20 minutes" if len(other["runs"]) < nx_runs else "",
        },
        "speedup": nx_seconds / engine_seconds,
        "speedup_without_effective_size": (nx_seconds - effective) / engine_seconds,
        "agreement": compare_values(engine, other, sampled=k is not None),
        "load_average_at_end": list(os.getloadavg()),
    }
    print(networkx_tables(result))
    return result


# --- part 2: accuracy of the sampled estimates ---------------------------------------------------


def part_accuracy(args: argparse.Namespace) -> dict[str, Any]:
    from phakhi.engine import Options, analyze

    info, load_average = machine(), list(os.getloadavg())
    data = load(args.size)
    actors, ties = engine_input(data)
    start = time.perf_counter()
    exact = analyze(actors, ties, Options(exact_limit=10**9, layout=False, seed=SEED))
    exact_seconds = time.perf_counter() - start
    rows: list[dict[str, Any]] = []
    for k in args.samples:
        runs = []
        for seed in range(args.seeds):
            options = Options(exact_limit=100, samples=k, seed=seed, layout=False)
            start = time.perf_counter()
            sampled = analyze(actors, ties, options)
            run: dict[str, Any] = {"seed": seed, "seconds": time.perf_counter() - start}
            for name in PATH_MEASURES:
                run[name] = rank_agreement(exact.actors[name], sampled.actors[name])
            apl = sampled.network["average_path_length"]
            apl_exact = exact.network["average_path_length"]
            run["average_path_length_relative_error"] = abs(apl - apl_exact) / apl_exact
            run["diameter"] = sampled.network["diameter"]
            run["method"] = sampled.method
            runs.append(run)
        summary: dict[str, Any] = {"k": k, "seeds": args.seeds}
        for name in PATH_MEASURES:
            for figure in ("top20_overlap", "spearman"):
                values = [run[name][figure] for run in runs]
                summary[f"{name}_{figure}"] = {
                    "median": statistics.median(values),
                    "worst": min(values),
                }
        errors = [run["average_path_length_relative_error"] for run in runs]
        summary["average_path_length_relative_error"] = {
            "median": statistics.median(errors),
            "worst": max(errors),
        }
        diameters = [run["diameter"] for run in runs]
        summary["diameter_lower_bound"] = {
            "median": statistics.median(diameters),
            "worst": min(diameters),
        }
        summary["seconds_median"] = statistics.median(run["seconds"] for run in runs)
        summary["runs"] = runs
        rows.append(summary)
    component = exact.network["largest_component"]
    result = {
        "part": "accuracy",
        "size": args.size,
        "machine": info,
        "load_average_at_start": load_average,
        "graph": {
            "actors": exact.network["nodes"],
            "edges": exact.network["ties"],
            "largest_component": component,
            "demo_seed": SEED,
        },
        "exact": {
            "seconds": exact_seconds,
            "average_path_length": exact.network["average_path_length"],
            "diameter": exact.network["diameter"],
        },
        "sampled_options": "Options(exact_limit=100, samples=k, seed=0..seeds-1): the largest "
        "component is sampled, the small ones stay exact",
        "targets": {"top20_overlap": 0.9, "spearman": 0.95},
        "rows": rows,
        "load_average_at_end": list(os.getloadavg()),
    }
    print(accuracy_tables(result))
    return result


# --- the command ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--part", choices=["networkx", "accuracy"])
    parser.add_argument("--size", default="province", choices=["province", "region", "national"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--samples", type=lambda s: [int(k) for k in s.split(",")], default=[64, 128, 256]
    )
    parser.add_argument("--seeds", type=int, default=5)
    # Internal: one side of the comparison in its own process.
    parser.add_argument("--worker", choices=["engine", "networkx"], help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--layout", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sampled", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args()
    random.seed(SEED)
    if args.worker == "engine":
        engine_worker(args)
        return
    if args.worker == "networkx":
        networkx_worker(args)
        return
    if args.part is None:
        parser.error("--part is required")
    result = part_networkx(args) if args.part == "networkx" else part_accuracy(args)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"engine-{args.part}-{args.size}.json"
    path.write_text(json.dumps(result, indent=1, ensure_ascii=False, default=float) + "\n")
    print(f"\nwritten to {path.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
