"""What shape the network has, where it would break, and how much it hangs on its brokers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import igraph as ig
import numpy as np

from phakhi.engine.graph import SimpleGraph

# The thresholds behind the verdict; they are reported with it so a coordinator can see why.
THRESHOLDS: dict[str, float] = {
    "centralized_degree_centralization": 0.5,
    "hub_degree_sd": 2.0,
    "hub_degree_times_mean": 2.0,
    "hub_min_count": 2,
    "hub_tie_share": 0.5,
    "decentralized_modularity": 0.4,
    "decentralized_communities": 3,
    "decentralized_community_size": 3,
    "decentralized_transitivity": 0.2,
    "decentralized_community_tie_share": 0.8,
    "tight_collaborate_share": 0.5,
}
# The workshop's bands of tie strength (แน่นแฟ้น = collaborate; หลวม ๆ = co-ordinate, co-operate).
COLLABORATE = 4
SHAPES_TH = {
    "centralized": "รวมศูนย์",
    "hub": "ผ่าน hub / หลายจุดร่วม",
    "decentralized": "กระจายศูนย์",
    "distributed": "กระจายไปทั่ว",
}
COHESION_TH = {"tight": "แน่นแฟ้น", "loose": "หลวม ๆ"}
BRIDGES_LISTED = 1_000


def shape(
    sg: SimpleGraph,
    degree: np.ndarray,
    *,
    degree_centralization: float | None,
    modularity: float | None,
    community: np.ndarray,
    transitivity: float,
) -> dict[str, Any]:
    """The workshop's shapes — centralized, hub, decentralized, distributed — and tight or loose,
    with the figures and thresholds that decided it (see docs/metrics.md). Tight or loose is the
    workshop's reading of tie strength: tight (แน่นแฟ้น) when at least half the ties are at the
    collaborate level, loose (หลวม ๆ) when most are co-ordinate, co-operate or weaker, however
    closed or dense the network is."""
    t = THRESHOLDS
    mean, sd = (float(degree.mean()), float(degree.std())) if len(degree) else (0.0, 0.0)
    hub_floor = max(mean + t["hub_degree_sd"] * sd, t["hub_degree_times_mean"] * mean)
    hubs = degree >= hub_floor if mean > 0 else np.zeros(len(degree), bool)
    hub_ties = float((hubs[sg.lo] | hubs[sg.hi]).mean()) if sg.m else 0.0
    community_sizes = np.bincount(community[community >= 0])
    big_communities = int((community_sizes >= t["decentralized_community_size"]).sum())
    inside = float((community[sg.lo] == community[sg.hi]).mean()) if sg.m else 0.0
    figures = {
        "degree_centralization": degree_centralization,
        "hubs": int(hubs.sum()),
        "hub_degree_floor": hub_floor,
        "hub_tie_share": hub_ties,
        "modularity": modularity,
        "communities_of_3_or_more": big_communities,
        "community_tie_share": inside,
        "mean_strength": float(sg.weight.mean()) if sg.m else None,
        "collaborate_tie_share": float((sg.weight >= COLLABORATE).mean()) if sg.m else None,
        "transitivity": transitivity,
    }
    if (degree_centralization or 0) >= t["centralized_degree_centralization"]:
        verdict = "centralized"
    elif hubs.sum() >= t["hub_min_count"] and hub_ties >= t["hub_tie_share"]:
        verdict = "hub"
    elif (
        (modularity or 0) >= t["decentralized_modularity"]
        and big_communities >= t["decentralized_communities"]
        and transitivity >= t["decentralized_transitivity"]
        and inside >= t["decentralized_community_tie_share"]
    ):
        verdict = "decentralized"
    else:
        verdict = "distributed"
    tight = (figures["collaborate_tie_share"] or 0) >= t["tight_collaborate_share"]
    cohesion = "tight" if tight else "loose"
    return {
        "shape": verdict,
        "shape_th": SHAPES_TH[verdict],
        "cohesion": cohesion,
        "cohesion_th": COHESION_TH[cohesion],
        "figures": figures,
        "thresholds": dict(t),
    }


def bridges(sg: SimpleGraph, keys: Sequence[Any]) -> dict[str, Any]:
    """Ties whose removal splits the network, the ones cutting off the most actors first:
    ``count``, and ``ties`` (up to 1,000) with ``cut_off`` = actors on the smaller side."""
    g = sg.graph
    ids = np.asarray(g.bridges(), dtype=np.int64)
    if not len(ids):
        return {"count": 0, "listed": 0, "ties": []}
    # Removing every bridge leaves 2-edge-connected blocks; blocks and bridges form a forest.
    rest = g.copy()
    rest.delete_edges(ids.tolist())
    block = np.asarray(rest.connected_components().membership, dtype=np.int64)
    block_size = np.bincount(block)
    a, b = block[sg.lo[ids]], block[sg.hi[ids]]
    cut = _smaller_side(len(block_size), block_size, a, b)
    order = np.argsort(-cut, kind="stable")[:BRIDGES_LISTED]
    return {
        "count": len(ids),
        "listed": len(order),
        "ties": [
            {
                "source": keys[int(sg.lo[ids[i]])],
                "target": keys[int(sg.hi[ids[i]])],
                "cut_off": int(cut[i]),
            }
            for i in order.tolist()
        ],
    }


def _smaller_side(blocks: int, size: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    forest = ig.Graph(n=blocks, edges=np.column_stack([a, b]))
    tree = np.asarray(forest.connected_components().membership, dtype=np.int64)
    tree_total = np.bincount(tree, weights=size)
    below = size.astype(np.float64).copy()
    parent = np.full(blocks, -1, dtype=np.int64)
    for root in a[np.unique(tree[a], return_index=True)[1]].tolist():
        order, _, parents = forest.bfs(root)
        order_arr = np.asarray(order, dtype=np.int64)
        parent[order_arr] = np.asarray(parents, dtype=np.int64)[order_arr]
        parent[root] = -1
        for node in order[:0:-1]:  # leaves first; the root has nothing above it
            below[parent[node]] += below[node]
    child = np.where(parent[a] == b, a, b)
    subtree = below[child]
    return np.minimum(subtree, tree_total[tree[child]] - subtree)


def fragility(
    sg: SimpleGraph, betweenness: np.ndarray, keys: Sequence[Any], ks: Sequence[int] = (1, 3, 5)
) -> list[dict[str, Any]]:
    """How much the largest component shrinks when the top-k brokers (by betweenness) leave."""
    g = sg.graph
    if sg.n == 0:
        return []
    before = max(g.connected_components().sizes())
    ranking = np.argsort(-betweenness, kind="stable")
    remaining = g.copy()
    gone = np.zeros(0, dtype=np.int64)
    out = []
    # Each k removes the next brokers from the same copy; ids shift down past deleted vertices.
    for k in sorted(set(ks)):
        if k >= sg.n:
            break
        leaving = ranking[len(gone) : k]
        shifted = leaving - np.searchsorted(np.sort(gone), leaving)
        remaining.delete_vertices(shifted.tolist())
        gone = np.r_[gone, leaving]
        after = max(remaining.connected_components().sizes()) if remaining.vcount() else 0
        out.append({"k": k, "removed": [keys[int(i)] for i in ranking[:k].tolist()],
                    "largest_component": after, "share": after / before})  # fmt: skip
    return out
