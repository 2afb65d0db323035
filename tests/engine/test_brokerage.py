import itertools
import random

import numpy as np
import pytest

from phakhi.engine import brokerage
from phakhi.engine.brokerage import ROLES, brokerage_roles

ALL_KEYS = (*ROLES, "total")


def roles_of(n: int, ties: list[tuple[int, str, int]], group: list[int]) -> dict[str, list[int]]:
    """Run brokerage_roles on ties written as (u, "-", v) undirected, (u, ">", v) for u → v
    and (u, "<", v) for v → u; ties on the same pair merge into one simple edge."""
    flags: dict[tuple[int, int], list[bool]] = {}
    for u, kind, v in ties:
        to_v, to_u = kind in "->", kind in "-<"
        lo, hi = min(u, v), max(u, v)
        forward, backward = (to_v, to_u) if u < v else (to_u, to_v)
        edge = flags.setdefault((lo, hi), [False, False])
        edge[0] |= forward
        edge[1] |= backward
    pairs = sorted(flags)
    result = brokerage_roles(
        n,
        np.array([p[0] for p in pairs], dtype=np.int64),
        np.array([p[1] for p in pairs], dtype=np.int64),
        np.array([flags[p][0] for p in pairs], dtype=bool),
        np.array([flags[p][1] for p in pairs], dtype=bool),
        np.array(group, dtype=np.int64),
    )
    assert set(result) == set(ALL_KEYS)
    for values in result.values():
        assert values.dtype == np.int64
        assert values.shape == (n,)
    return {key: values.tolist() for key, values in result.items()}


def only(n: int, node: int, **counts: int) -> dict[str, list[int]]:
    """Expected result where `node` has the given counts and everything else is zero."""
    expected = {key: [0] * n for key in ALL_KEYS}
    for role, count in counts.items():
        expected[role][node] = count
    expected["total"][node] = sum(counts.values())
    return expected


# Star: centre 0 (group 0); leaves 1, 2 in group 0, leaves 3, 4 in group 1, leaf 5 in group 2.
STAR_TIES = [(0, "-", leaf) for leaf in range(1, 6)]
STAR_GROUPS = [0, 0, 0, 1, 1, 2]


def test_undirected_star():
    # The C(5,2) = 10 leaf pairs, each counted once for the centre:
    # {1,2} same group as centre → coordinator; {3,4} same group, not the centre's → itinerant;
    # one of {1,2} with one of {3,4,5} → 2·3 = 6 boundary; {3,5}, {4,5} → 2 liaison.
    assert roles_of(6, STAR_TIES, STAR_GROUPS) == only(
        6, 0, coordinator=1, itinerant=1, boundary=6, liaison=2
    )


@pytest.mark.parametrize("kind", ["-", ">", "<"])
def test_star_with_a_closed_pair(kind):
    # Any tie between leaves 1 and 3, whatever its direction, closes that boundary pair
    # (6 → 5); leaves 1 and 3 broker nothing since their two neighbours are tied.
    ties = [*STAR_TIES, (1, kind, 3)]
    assert roles_of(6, ties, STAR_GROUPS) == only(
        6, 0, coordinator=1, itinerant=1, boundary=5, liaison=2
    )


@pytest.mark.parametrize(
    ("groups", "role"),
    [
        ([1, 0, 0], "gatekeeper"),  # source outside, broker and target inside
        ([0, 0, 1], "representative"),  # source and broker inside, target outside
        ([1, 0, 1], "itinerant"),  # both ends in one group, the broker in another
        ([0, 0, 0], "coordinator"),
        ([0, 1, 2], "liaison"),
    ],
)
def test_directed_chain(groups, role):
    # 0 → 1 → 2: one ordered path through broker 1, and no way back.
    assert roles_of(3, [(0, ">", 1), (1, ">", 2)], groups) == only(3, 1, **{role: 1})


def test_directed_chain_written_against_the_edge_order():
    # Ties 1 → 0 and 2 → 1 are stored as backward flags; the path is 2 → 1 → 0, so with
    # groups [1, 0, 0] the broker carries its group's flow out: representative, not gatekeeper.
    assert roles_of(3, [(1, ">", 0), (2, ">", 1)], [1, 0, 0]) == only(3, 1, representative=1)


@pytest.mark.parametrize(
    ("ties", "groups", "role"),
    [
        # 0 – 1 → 2: only 0 → 1 → 2 exists (2 does not reach 1); outsider 0 enters via 1.
        ([(0, "-", 1), (1, ">", 2)], [1, 0, 0], "gatekeeper"),
        # 0 → 1 – 2: only 0 → 1 → 2 exists (1 does not reach 0); 1 carries 0's flow out.
        ([(0, ">", 1), (1, "-", 2)], [0, 0, 1], "representative"),
        # 0 – 1 ← 2: only 2 → 1 → 0; 2 is the outsider entering group 0 through 1.
        ([(0, "-", 1), (2, ">", 1)], [0, 0, 1], "gatekeeper"),
    ],
)
def test_one_leg_directed_one_undirected(ties, groups, role):
    assert roles_of(3, ties, groups) == only(3, 1, **{role: 1})


@pytest.mark.parametrize("ties", [[(0, ">", 1), (2, ">", 1)], [(1, ">", 0), (1, ">", 2)]])
def test_no_path_when_both_legs_point_the_same_way(ties):
    # Both neighbours only send to 1 (or only receive from it): nothing flows through 1.
    assert roles_of(3, ties, [0, 0, 1]) == only(3, 1)


def test_mutual_directed_ties_count_as_symmetric():
    # 0 ⇄ 1 ⇄ 2: the two paths 0 → 1 → 2 and 2 → 1 → 0 are one unordered boundary pair,
    # not a gatekeeper plus a representative.
    ties = [(0, ">", 1), (1, ">", 0), (1, ">", 2), (2, ">", 1)]
    assert roles_of(3, ties, [0, 0, 1]) == only(3, 1, boundary=1)


def test_one_way_paths_both_ways_through_a_broker():
    # 0 → 1, 2 → 1, 1 → 3, 1 → 4: broker 1 has two senders and two receivers, and all four
    # sender-receiver pairings are open paths:
    # 0 (g0) → 1 (g0) → 3 (g0) coordinator; 0 → 1 → 4 (g1) representative;
    # 2 (g1) → 1 → 3 gatekeeper; 2 → 1 → 4 itinerant.
    ties = [(0, ">", 1), (2, ">", 1), (1, ">", 3), (1, ">", 4)]
    assert roles_of(5, ties, [0, 0, 1, 0, 1]) == only(
        5, 1, coordinator=1, representative=1, gatekeeper=1, itinerant=1
    )


def test_unknown_groups_are_left_out():
    # Leaf 3 has no group: of the three leaf pairs only {1, 2} counts (coordinator).
    ties = [(0, "-", 1), (0, "-", 2), (0, "-", 3)]
    assert roles_of(4, ties, [0, 0, 0, -1]) == only(4, 0, coordinator=1)
    # A broker without a group gets nothing at all.
    assert roles_of(4, ties, [-1, 0, 0, 0]) == only(4, 0)


def test_isolated_node_and_empty_graph():
    # Node 3 has no ties: zeros, but still present in every array.
    assert roles_of(4, [(0, "-", 1), (1, "-", 2)], [0, 0, 1, 1]) == only(4, 1, boundary=1)
    assert roles_of(2, [], [0, 1]) == only(2, 0)
    assert roles_of(0, [], []) == {key: [] for key in ALL_KEYS}


def test_group_codes_need_not_be_compact():
    # Codes 7 and 42 behave exactly like 0 and 1.
    assert roles_of(6, STAR_TIES, [7, 7, 7, 42, 42, 99]) == roles_of(6, STAR_TIES, STAR_GROUPS)


@pytest.mark.parametrize(
    ("lo", "hi", "forward", "backward", "group"),
    [
        ([1], [0], [True], [True], [0, 0]),  # lo must be below hi
        ([0], [2], [True], [True], [0, 0]),  # endpoint out of range
        ([0], [1], [False], [False], [0, 0]),  # a tie needs a direction
        ([0], [1], [True], [True], [0]),  # group too short
        ([0, 0], [1], [True], [True], [0, 0]),  # ragged edge arrays
    ],
)
def test_rejects_malformed_input(lo, hi, forward, backward, group):
    with pytest.raises(ValueError):
        brokerage_roles(
            2,
            np.array(lo, dtype=np.int64),
            np.array(hi, dtype=np.int64),
            np.array(forward, dtype=bool),
            np.array(backward, dtype=bool),
            np.array(group, dtype=np.int64),
        )


def brute_force(n: int, ties: list[tuple[int, str, int]], group: list[int]) -> dict[str, list[int]]:
    """The definition, applied literally: every broker b, every ordered pair of ends (a, c)."""
    arcs: set[tuple[int, int]] = set()
    tied: set[tuple[int, int]] = set()
    for u, kind, v in ties:
        tied |= {(u, v), (v, u)}
        if kind in "->":
            arcs.add((u, v))
        if kind in "-<":
            arcs.add((v, u))
    counts = {key: [0] * n for key in ALL_KEYS}
    for b, a, c in itertools.permutations(range(n), 3):
        if min(group[a], group[b], group[c]) < 0:
            continue
        if (a, b) not in arcs or (b, c) not in arcs or (a, c) in tied:
            continue
        ga, gb, gc = group[a], group[b], group[c]
        symmetric = (b, a) in arcs and (c, b) in arcs
        if symmetric and a > c:
            continue  # the unordered pair was counted as (c, a)
        if ga == gb == gc:
            role = "coordinator"
        elif ga == gc:
            role = "itinerant"
        elif gb not in (ga, gc):
            role = "liaison"
        elif symmetric:
            role = "boundary"
        elif gb == gc:
            role = "gatekeeper"
        else:
            role = "representative"
        counts[role][b] += 1
        counts["total"][b] += 1
    return counts


@pytest.mark.parametrize("table", ["dense", "sorted"])
@pytest.mark.parametrize("n_groups", [3, 12])
@pytest.mark.parametrize("density", [0.1, 0.3, 0.6])
@pytest.mark.parametrize("seed", range(8))
def test_matches_brute_force_on_random_graphs(monkeypatch, seed, density, n_groups, table):
    # Small graphs always get the dense neighbour table; force the sorted one too.
    monkeypatch.setattr(brokerage, "_dense_is_cheaper", lambda space, half_edges: table == "dense")
    rng = random.Random(seed)
    n = 30
    ties = [
        (u, rng.choice("-<>"), v)
        for u, v in itertools.combinations(range(n), 2)
        if rng.random() < density
    ]
    # Some pairs carry ties both ways, which must behave like one undirected tie.
    ties += [(v, ">", u) for u, kind, v in ties if kind == ">" and rng.random() < 0.2]
    # About one node in six has no group; with 3 groups one group is twice as common.
    codes = [0, 1, 2, 2] if n_groups == 3 else list(range(n_groups))
    group = [-1 if rng.random() < 1 / 6 else rng.choice(codes) for _ in range(n)]
    assert roles_of(n, ties, group) == brute_force(n, ties, group)
