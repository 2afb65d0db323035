"""networkx's side of the engine benchmark: the same measures on the same graph, each step
timed (run in its own process by bench_engine.py)."""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from engine_common import (
    EFFECTIVE_SIZE_SAMPLE,
    ESTIMATED,
    SEED,
    SLOW_RUN,
    load,
    memory_mib,
    reset_peak,
    save,
)

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
