import random

import igraph as ig
import numpy as np
import pytest

from phakhi.engine.layout import layout

FORCE, PIVOT = 5_000, 0  # force_limit values that pick each method for these small graphs


def two_cliques(size: int = 8) -> ig.Graph:
    """Two cliques of ``size`` nodes, 0..size-1 and size..2·size-1, joined by one edge."""
    graph = ig.Graph.Full(size) + ig.Graph.Full(size)
    graph.add_edge(0, size)
    return graph


def mixed(n_main: int = 60, seed: int = 1) -> ig.Graph:
    """A main component, a triangle, a star, pairs and isolates, in shuffled node order."""
    parts = [
        ig.Graph.Erdos_Renyi(n=n_main, m=3 * n_main),
        ig.Graph.Full(3),
        ig.Graph.Star(6),
        ig.Graph.Ring(12),
        *[ig.Graph([(0, 1)]) for _ in range(5)],
        ig.Graph(7),
    ]
    graph = parts[0]
    for part in parts[1:]:
        graph = graph + part
    graph.es["weight"] = np.random.default_rng(seed).integers(1, 5, graph.ecount()).tolist()
    order = np.random.default_rng(seed).permutation(graph.vcount())
    return graph.permute_vertices(order.tolist())


def component_boxes(graph: ig.Graph, xy: np.ndarray) -> list[np.ndarray]:
    return [
        np.concatenate([xy[c].min(axis=0), xy[c].max(axis=0)]) for c in graph.connected_components()
    ]


def overlapping(boxes: list[np.ndarray]) -> list[tuple[int, int]]:
    """Pairs of boxes (x0, y0, x1, y1) that overlap or touch."""
    b = np.array(boxes)
    hit = (
        (b[:, None, 0] <= b[None, :, 2])
        & (b[None, :, 0] <= b[:, None, 2])
        & (b[:, None, 1] <= b[None, :, 3])
        & (b[None, :, 1] <= b[:, None, 3])
    )
    i, j = np.nonzero(np.triu(hit, 1))
    return list(zip(i.tolist(), j.tolist(), strict=True))


def mean_distances(xy: np.ndarray, size: int) -> tuple[float, float]:
    """Mean distance within the two cliques of two_cliques(size), and between them."""
    d = np.linalg.norm(xy[:, None] - xy[None], axis=2)
    left = np.arange(2 * size) < size
    within = (d[left][:, left].sum() + d[~left][:, ~left].sum()) / (2 * size * (size - 1))
    return float(within), float(d[left][:, ~left].mean())


@pytest.mark.parametrize("force_limit", [FORCE, PIVOT])
@pytest.mark.parametrize(
    "graph",
    [
        ig.Graph.Ring(5),
        ig.Graph.Barabasi(300, 2),
        mixed(),
        ig.Graph([(0, 1)]),
        ig.Graph(4),
        ig.Graph.Lattice([12, 7], circular=False),
    ],
    ids=["ring", "barabasi", "mixed", "one-edge", "only-isolates", "lattice"],
)
def test_coordinates_are_finite_and_fill_the_unit_box(graph: ig.Graph, force_limit: int) -> None:
    xy = layout(graph, force_limit=force_limit)

    assert xy.shape == (graph.vcount(), 2)
    assert xy.dtype == np.float64
    assert np.isfinite(xy).all()
    assert np.abs(xy).max() <= 1.0
    # Scaled to the box, not merely inside it: the longer side spans [-1, 1].
    assert np.ptp(xy, axis=0).max() == pytest.approx(2.0)


@pytest.mark.parametrize("force_limit", [FORCE, PIVOT])
def test_same_seed_same_map_other_seed_other_map(force_limit: int) -> None:
    graph = mixed()

    first = layout(graph, seed=7, force_limit=force_limit)

    assert np.array_equal(first, layout(graph, seed=7, force_limit=force_limit))
    assert not np.allclose(first, layout(graph, seed=8, force_limit=force_limit))


def test_other_users_of_random_numbers_are_not_disturbed() -> None:
    graph = mixed()
    random.seed(11)
    expected = (ig.Graph.Erdos_Renyi(n=30, m=40).get_edgelist(), random.random())

    random.seed(11)
    layout(graph, seed=3)
    after = (ig.Graph.Erdos_Renyi(n=30, m=40).get_edgelist(), random.random())

    assert after == expected


@pytest.mark.parametrize("force_limit", [FORCE, PIVOT])
def test_a_clique_stays_together_and_apart_from_the_other(force_limit: int) -> None:
    xy = layout(two_cliques(8), force_limit=force_limit)

    within, between = mean_distances(xy, 8)

    assert within < between / 2


def test_strong_ties_are_drawn_shorter() -> None:
    graph = ig.Graph([(0, 1), (1, 2)])
    graph.es["weight"] = [4, 1]

    xy = layout(graph)

    assert np.linalg.norm(xy[0] - xy[1]) < np.linalg.norm(xy[1] - xy[2])


@pytest.mark.parametrize("force_limit", [FORCE, PIVOT])
def test_components_and_isolates_do_not_overlap(force_limit: int) -> None:
    graph = ig.Graph.Full(6) + ig.Graph.Ring(9) + ig.Graph(5)

    xy = layout(graph, force_limit=force_limit)

    assert overlapping(component_boxes(graph, xy)) == []


def test_many_components_of_many_sizes_do_not_overlap() -> None:
    rng = np.random.default_rng(4)
    graph = ig.Graph.Barabasi(1_500, 2)
    for size in rng.integers(2, 40, 150).tolist():
        graph = graph + ig.Graph.Tree(size, int(rng.integers(1, 4)))
    graph = graph + ig.Graph(400)

    xy = layout(graph, force_limit=1_000)

    boxes = component_boxes(graph, xy)
    assert overlapping(boxes) == []
    # The largest component has the largest box, in the middle of the map.
    areas = [np.prod(box[2:] - box[:2]) for box in boxes]
    assert int(np.argmax(areas)) == 0
    assert (boxes[0][:2] < 0).all() and (boxes[0][2:] > 0).all()


def test_given_pivot_distances_give_the_map_that_searching_gives() -> None:
    graph = ig.Graph.Lattice([15, 10], circular=False) + ig.Graph.Ring(4) + ig.Graph(2)
    isolate = graph.vcount() - 1
    pivots = [0, 37, 149, 75, 12, 99, isolate]
    distances = np.array(graph.distances(source=pivots), dtype=np.float64)

    searched = layout(graph, force_limit=PIVOT, pivots=pivots)
    given = layout(graph, force_limit=PIVOT, pivots=pivots, pivot_distances=distances)
    sources_from_rows = layout(graph, force_limit=PIVOT, pivot_distances=distances)

    assert np.isinf(distances).any()
    assert np.allclose(given, searched)
    assert np.allclose(sources_from_rows, searched)


def test_given_pivot_distances_are_used_for_the_main_component() -> None:
    graph = ig.Graph.Lattice([15, 10], circular=False)
    pivots = [0, 149]
    distances = np.array(graph.distances(source=pivots), dtype=np.float64)
    distances[1] = distances[0]  # a second row from node 0, whatever `pivots` says

    xy = layout(graph, force_limit=PIVOT, pivots=pivots, pivot_distances=distances)

    assert not np.allclose(xy, layout(graph, force_limit=PIVOT, pivots=pivots))


def test_pivot_distances_of_the_wrong_shape_are_refused() -> None:
    graph = ig.Graph.Ring(5)

    with pytest.raises(ValueError, match="shape"):
        layout(graph, pivot_distances=np.zeros((2, 4)))
    with pytest.raises(ValueError, match="as many"):
        layout(graph, pivots=[0], pivot_distances=np.zeros((2, 5)))
    with pytest.raises(ValueError, match="node indices"):
        layout(graph, pivots=[5])


def test_empty_and_single_node_graphs() -> None:
    assert layout(ig.Graph()).shape == (0, 2)
    assert layout(ig.Graph(1)).tolist() == [[0.0, 0.0]]
    assert layout(ig.Graph(1), force_limit=PIVOT).tolist() == [[0.0, 0.0]]


def test_many_given_pivots_are_thinned_the_same_way_with_or_without_distances() -> None:
    graph = ig.Graph.GRG(400, 0.1, torus=False)
    graph = graph.induced_subgraph(max(graph.connected_components(), key=len))
    pivots = np.random.default_rng(2).choice(graph.vcount(), 150, replace=False).tolist()
    distances = np.array(graph.distances(source=pivots), dtype=np.float64)

    given = layout(graph, force_limit=PIVOT, pivots=pivots, pivot_distances=distances)

    assert np.isfinite(given).all()
    assert np.allclose(given, layout(graph, force_limit=PIVOT, pivots=pivots))
