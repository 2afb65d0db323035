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
of the average path length and the diameter's lower bound.

Results are printed as markdown tables and written to benchmarks/out/engine-<part>-<size>.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
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
    """Run one worker (this script with ``--worker``) and read the JSON it writes."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.json"
        command = [sys.executable, __file__, *args, "--result", str(out)]
        subprocess.run(command, check=True, cwd=ROOT)
        result = json.loads(out.read_text())
        values = np.load(out.with_suffix(".npz"), allow_pickle=False)
        result["values"] = {name: values[name] for name in values.files}
    return result


def save(path: Path, result: dict[str, Any], values: dict[str, np.ndarray]) -> None:
    path.write_text(json.dumps(result, indent=1, default=float))
    np.savez(path.with_suffix(".npz"), **values)


# --- the engine's side ---------------------------------------------------------------------------


def engine_worker(args: argparse.Namespace) -> None:
    from phakhi.engine import Actors, Options, Ties, analyze

    data = load(args.size)
    actors = Actors(keys=data["keys"], sector=data["sector"], province=data["province"])
    ties = Ties(
        source=data["source"],
        target=data["target"],
        strength=data["strength"],
        directed=data["directed"],
    )
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


# --- networkx's side -----------------------------------------------------------------------------


class Steps:
    """Times each step of one run; ``extrapolated``: seconds estimated rather than measured."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.extrapolated = 0.0

    def __call__(self, name: str, work: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        value = work()
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
        return value


def networkx_run(data: dict[str, Any], sampled: int | None) -> tuple[Steps, dict[str, Any]]:
    """One networkx run of every measure; ``sampled``: the engine's number of sources (None:
    exact). Returns the step times and the values."""
    import networkx as nx

    step = Steps()
    keys = data["keys"].tolist()
    n = len(keys)

    def build() -> nx.Graph:
        position = {key: i for i, key in enumerate(keys)}
        weight: dict[tuple[int, int], int] = {}
        ends = zip(data["source"].tolist(), data["target"].tolist(), strict=True)
        for (source, target), strength in zip(ends, data["strength"].tolist(), strict=True):
            a, b = position[source], position[target]
            pair = (a, b) if a < b else (b, a)
            if weight.get(pair, 0) < strength:
                weight[pair] = strength
        graph = nx.Graph()
        graph.add_nodes_from(range(n))
        graph.add_weighted_edges_from((a, b, w) for (a, b), w in weight.items())
        return graph

    g = step("graph", build)
    out: dict[str, Any] = {}
    out["degree"] = step("degree, strength", lambda: dict(g.degree()))
    out["strength"] = step("degree, strength", lambda: dict(g.degree(weight="weight")))
    out["clustering"] = step("clustering, transitivity", lambda: nx.clustering(g))
    network: dict[str, Any] = {"nodes": n, "ties": g.number_of_edges()}
    network["transitivity"] = step("clustering, transitivity", lambda: nx.transitivity(g))
    network["average_clustering"] = statistics.fmean(out["clustering"].values())
    out["core"] = step("core", lambda: nx.core_number(g))
    components = step("components", lambda: list(nx.connected_components(g)))
    network["components"] = len(components)
    network["largest_component"] = max(map(len, components))
    network["isolates"] = sum(len(c) == 1 for c in components)
    network["density"] = nx.density(g)
    articulation = step("articulation, bridges", lambda: set(nx.articulation_points(g)))
    out["articulation"] = {v: v in articulation for v in range(n)}
    network["bridges"] = step("articulation, bridges", lambda: sum(1 for _ in nx.bridges(g)))
    out["pagerank"] = step("pagerank", lambda: nx.pagerank(g, alpha=0.85, weight="weight"))
    out["eigenvector"] = step("eigenvector", lambda: nx.eigenvector_centrality(g, max_iter=1000))
    communities = step(
        "communities (Louvain), modularity",
        lambda: nx.community.louvain_communities(g, weight="weight", seed=SEED),
    )
    network["modularity"] = step(
        "communities (Louvain), modularity",
        lambda: nx.community.modularity(g, communities, weight="weight"),
    )
    network["communities"] = sum(len(c) > 1 for c in communities)
    if sampled is None:
        out["betweenness"] = step("betweenness", lambda: nx.betweenness_centrality(g))
        out["closeness"] = step("closeness", lambda: nx.closeness_centrality(g))
        out["harmonic"] = step("harmonic", lambda: nx.harmonic_centrality(g))
        # A copy: on a subgraph view every step of a search goes through a filter.
        largest = step("average path length", lambda: g.subgraph(max(components, key=len)).copy())
        network["average_path_length"] = step(
            "average path length", lambda: nx.average_shortest_path_length(largest)
        )
        network["diameter"] = step("diameter", lambda: nx.diameter(largest, usebounds=True))
    else:
        out["betweenness"] = step(
            f"betweenness (k={sampled})",
            lambda: nx.betweenness_centrality(g, k=sampled, seed=SEED),
        )
        paths = step(
            f"closeness, harmonic, path length, diameter ({sampled} BFS)",
            lambda: sampled_paths(g, components, sampled),
        )
        out.update(closeness=paths["closeness"], harmonic=paths["harmonic"])
        network.update(average_path_length=paths["average_path_length"], diameter=paths["diameter"])
    out["effective_size"] = effective_size(g, step)
    out["constraint"] = step("constraint", lambda: nx.constraint(g))
    sample = out["effective_size"].pop("sample", None)
    values = {name: np.array([float(table[v]) for v in range(n)]) for name, table in out.items()}
    if sample is not None:
        values["effective_size_computed"] = np.isin(np.arange(n), sample)
    membership = np.full(n, -1.0)
    for number, members in enumerate(sorted(communities, key=len, reverse=True)):
        membership[list(members)] = number
    values["community"] = membership
    return step, {"values": values, "network": network, "graph": g}


def effective_size(g: Any, step: Steps) -> dict[Any, Any]:
    """networkx's ``effective_size`` of every actor. For all actors at once it multiplies sparse
    matrices into a dense n × n one; where that would not fit in a quarter of the memory it is
    run actor by actor (networkx's other way), on ``EFFECTIVE_SIZE_SAMPLE`` actors drawn at
    random, and its time for all actors is extrapolated: each actor costs about the same (its
    ego network is cut from a copy of the whole graph)."""
    import networkx as nx

    n = g.number_of_nodes()
    if n * n * 8 <= os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 4:
        return step("effective_size", lambda: nx.effective_size(g))
    sample = sorted(random.Random(SEED).sample(range(n), EFFECTIVE_SIZE_SAMPLE))
    start = time.perf_counter()
    found = nx.effective_size(g, nodes=sample)
    took = time.perf_counter() - start
    step.seconds[ESTIMATED] = took * n / len(sample)
    step.extrapolated = step.seconds[ESTIMATED] - took
    return {v: found.get(v, float("nan")) for v in range(n)} | {"sample": sample}


def sampled_paths(g: Any, components: list[set[int]], k: int) -> dict[str, Any]:
    """Closeness, harmonic, path length and diameter as the engine estimates them, from
    breadth-first searches (``single_source_shortest_path_length``) from k sources per component
    above the exact limit (the engine's own draw of sources) and from every actor of the others."""
    import networkx as nx

    from phakhi.engine.paths import EXACT_LIMIT

    n = g.number_of_nodes()
    distance_sum, harmonic, reach = np.zeros(n), np.zeros(n), np.zeros(n)
    rng = np.random.default_rng(SEED)
    largest = max(components, key=len)
    found: dict[str, Any] = {"average_path_length": None, "diameter": None}
    # The engine numbers components as igraph does: by their smallest node.
    for members in sorted(components, key=min):
        nodes = np.array(sorted(members))
        r = len(nodes)
        reach[nodes] = r
        if r <= EXACT_LIMIT:
            total = pairs = diameter = 0
            for v in nodes.tolist():
                lengths = nx.single_source_shortest_path_length(g, v)
                d = np.fromiter(lengths.values(), np.float64, len(lengths))
                distance_sum[v] = d.sum()
                harmonic[v] = (1 / d[d > 0]).sum()
                total, pairs, diameter = total + d.sum(), pairs + len(d) - 1, max(diameter, d.max())
            if members is largest:
                found["average_path_length"] = total / pairs if pairs else 0.0
                found["diameter"] = int(diameter)
            continue
        sources = np.sort(rng.choice(nodes, size=k, replace=False))
        d = np.empty((k, n))
        for row, source in enumerate(sources.tolist()):
            lengths = nx.single_source_shortest_path_length(g, source)
            d[row, list(lengths)] = list(lengths.values())
        d = d[:, nodes]
        scale = (r - 1) / np.where(np.isin(nodes, sources), k - 1, k).clip(min=1)
        distance_sum[nodes] = d.sum(axis=0) * scale
        with np.errstate(divide="ignore"):
            harmonic[nodes] = np.where(d > 0, 1 / d, 0.0).sum(axis=0) * scale
        if members is largest:
            found["average_path_length"] = float(d.sum() / (k * (r - 1)))
            far = int(nodes[np.argmax(d.max(axis=0))])
            sweep = max(nx.single_source_shortest_path_length(g, far).values())
            found["diameter"] = int(max(d.max(), sweep))
    with np.errstate(invalid="ignore", divide="ignore"):
        closeness = np.where(distance_sum > 0, (reach - 1) / distance_sum, 0.0)
    found["closeness"] = closeness * (reach - 1) / (n - 1)
    found["harmonic"] = harmonic
    return found


def networkx_worker(args: argparse.Namespace) -> None:
    data = load(args.size)
    gc.collect()
    before = memory_mib()
    reset = reset_peak()
    runs: list[dict[str, Any]] = []
    for _ in range(args.runs):
        start = time.perf_counter()
        steps, found = networkx_run(data, args.sampled)
        measured = time.perf_counter() - start
        runs.append({
            "seconds": measured + steps.extrapolated,
            "seconds_measured": measured,
            "steps": steps.seconds,
        })  # fmt: skip
        print(f"networkx run: {runs[-1]['seconds']:.1f} s", file=sys.stderr, flush=True)
        if measured > SLOW_RUN:
            break
    memory = memory_mib()
    if args.sampled is None:
        # Not timed: the two iterative measures again, converged far beyond networkx's default
        # tolerance (1e-6 on the sum of the changes), to tell its tolerance from a difference.
        import networkx as nx

        g, n = found["graph"], len(data["keys"])
        for name, values in (
            ("pagerank", nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-14, max_iter=10_000)),
            ("eigenvector", nx.eigenvector_centrality(g, tol=1e-14, max_iter=100_000)),
        ):
            found["values"][f"{name} (tol=1e-14)"] = np.array([values[v] for v in range(n)])
    result = {
        "runs": runs,
        "memory_before_mib": before,
        "memory_mib": memory,
        "peak_reset": reset,
        "network": found["network"],
        "sampled": args.sampled,
    }
    save(Path(args.result), result, found["values"])


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
            "estimator; diameter a double-sweep lower bound)"
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


def effective_seconds(x: dict[str, Any]) -> float:
    return sum(v for name, v in x["steps_median"].items() if name.startswith("effective_size"))


def seconds(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.2f}" if value < 10 else f"{value:.1f}"


def networkx_tables(r: dict[str, Any]) -> str:
    e, x = r["engine"], r["networkx"]
    lines = [
        f"### Engine vs networkx: {r['size']} ({r['graph']['actors']:,} actors, "
        f"{r['graph']['edges']:,} edges)",
        "",
        machine_line(r["machine"], r["load_average_at_start"]),
        f"Path measures: {r['path_measures']}.",
        f"Communities: {r['communities']}. Eigenvector: {r['eigenvector']}.",
        *(
            [f"networkx effective_size: {r['effective_size']}."]
            if any(name.startswith("effective_size (") for name in x["steps_median"])
            else []
        ),
        "",
        "| | engine (igraph) | networkx | engine faster by |",
        "|---|---:|---:|---:|",
        f"| wall time, median (s) | {seconds(e['seconds_median'])} ({e['runs']} runs) | "
        f"{seconds(x['seconds_median'])} ({x['runs']} run{'s' if x['runs'] > 1 else ''}) | "
        f"{r['speedup']:,.0f}× |",
        *(
            [
                f"| networkx without effective_size (s) | | "
                f"{seconds(x['seconds_median'] - effective_seconds(x))} | "
                f"{r['speedup_without_effective_size']:,.0f}× |"
            ]
            if "effective_size" not in x["steps_median"]
            else []
        ),
        f"| peak memory (MiB) | {e['peak_mib']:,.0f} | {x['peak_mib']:,.0f} | |",
        f"| of which before the analysis (MiB) | {e['memory_before_mib']['rss']:,.0f} | "
        f"{x['memory_before_mib']['rss']:,.0f} | |",
        f"| engine with the map layout ({e['with_layout']['layout']}), 1 run (s) | "
        f"{seconds(e['with_layout']['seconds'])} | | |",
        "",
        "| engine step | s | networkx step | s |",
        "|---|---:|---|---:|",
    ]
    left = list(e["steps_median"].items())
    right = sorted(x["steps_median"].items(), key=lambda item: -item[1])
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ("", None)
        b = right[i] if i < len(right) else ("", None)
        lines.append(
            f"| {a[0]} | {'' if a[1] is None else seconds(a[1])} | {b[0]} | "
            f"{'' if b[1] is None else seconds(b[1])} |"
        )
    lines += ["", "| measure | max abs difference | actors over 1e-6 |", "|---|---:|---:|"]
    for name, entry in r["agreement"]["actors"].items():
        if "max_abs_diff" in entry:
            compared = entry["actors_compared"]
            lines.append(
                f"| {name} | {entry['max_abs_diff']:.2g} | {entry['actors_over_1e-6']:,}"
                f"{'' if compared == r['graph']['actors'] else f' of {compared:,} compared'} |"
            )
        else:
            lines.append(
                f"| {name} (both sampled) | top-20 overlap {entry['top20_overlap']:.2f}, "
                f"Spearman {entry['spearman']:.4f} | |"
            )
    lines += ["", "| network measure | engine | networkx |", "|---|---:|---:|"]
    for name, entry in r["agreement"]["network"].items():
        lines.append(f"| {name} | {number(entry['engine'])} | {number(entry['networkx'])} |")
    return "\n".join(lines)


def number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    return f"{value:,}" if isinstance(value, int) else str(value)


# --- part 2: accuracy of the sampled estimates ---------------------------------------------------


def part_accuracy(args: argparse.Namespace) -> dict[str, Any]:
    from phakhi.engine import Actors, Options, Ties, analyze

    info, load_average = machine(), list(os.getloadavg())
    data = load(args.size)
    actors = Actors(keys=data["keys"], sector=data["sector"], province=data["province"])
    ties = Ties(
        source=data["source"],
        target=data["target"],
        strength=data["strength"],
        directed=data["directed"],
    )
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


def accuracy_tables(r: dict[str, Any]) -> str:
    g, exact = r["graph"], r["exact"]
    lines = [
        f"### Accuracy of the sampled path measures: {r['size']} ({g['actors']:,} actors, "
        f"{g['edges']:,} edges, largest component {g['largest_component']:,})",
        "",
        machine_line(r["machine"], r["load_average_at_start"]),
        f"Exact against sampled from k sources of the largest component, seeds "
        f"0–{r['rows'][0]['seeds'] - 1}: median (worst) over the seeds. Targets: top-20 "
        f"overlap ≥ {r['targets']['top20_overlap']}, Spearman ≥ {r['targets']['spearman']}. "
        f"Exact average path length {exact['average_path_length']:.4f}, diameter "
        f"{exact['diameter']}.",
        "",
        "| k | measure | top-20 overlap | Spearman |",
        "|---:|---|---:|---:|",
    ]
    for row in r["rows"]:
        for name in PATH_MEASURES:
            top, rho = row[f"{name}_top20_overlap"], row[f"{name}_spearman"]
            lines.append(
                f"| {row['k']} | {name} | {top['median']:.2f} ({top['worst']:.2f}) | "
                f"{rho['median']:.4f} ({rho['worst']:.4f}) |"
            )
    lines += [
        "",
        "| k | path length, relative error | diameter, lower bound (exact "
        f"{exact['diameter']}) | s per sampled run |",
        "|---:|---:|---:|---:|",
    ]
    for row in r["rows"]:
        error, diameter = row["average_path_length_relative_error"], row["diameter_lower_bound"]
        lines.append(
            f"| {row['k']} | {error['median']:.2%} ({error['worst']:.2%}) | "
            f"{diameter['median']:g} ({diameter['worst']}) | {row['seconds_median']:.2f} |"
        )
    return "\n".join(lines)


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
