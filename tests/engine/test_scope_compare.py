"""Narrowing the network (select, ego, dates, minimum strength), comparing two analyses, and the
errors the engine gives for input it cannot analyse."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import numpy as np
import pytest

from phakhi.engine import (
    Actors,
    Analysis,
    EngineInputError,
    Options,
    Ties,
    analyze,
    compare,
    ego,
    select,
)

NO_LAYOUT = Options(layout=False)
DROP = Options(layout=False, ties_outside="drop")

# Six actors on a path a-b-c-d-e-f with strengths 1, 2, 3, 4, 2; e has no sector and no tags.
TAGS: list[Any] = [["elder"], ["elder", "youth"], [], ["youth"], None, ["elder"]]
ACTORS = Actors(
    keys=["a", "b", "c", "d", "e", "f"],
    sector=["people", "academic", "people", "government", None, "people"],
    province=["Khon Kaen", "Khon Kaen", "Udon Thani", "Udon Thani", "Khon Kaen", None],
    tags=TAGS,
)
TIES = Ties(
    source=["a", "b", "c", "d", "e"],
    target=["b", "c", "d", "e", "f"],
    strength=[1, 2, 3, 4, 2],
)


def tie_list(result: Analysis) -> list[tuple[Any, Any]]:
    """The simple graph's ties as sorted pairs of keys."""
    keys = result.keys
    return sorted(tuple(sorted((keys[a], keys[b]))) for a, b in result.edges.tolist())


# --- select ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "keys"),
    [
        ({}, ["a", "b", "c", "d", "e", "f"]),
        ({"members": {"a", "b", "c", "not-an-actor"}}, ["a", "b", "c"]),
        ({"sectors": {"people"}}, ["a", "c", "f"]),
        ({"sectors": {"people", "government"}}, ["a", "c", "d", "f"]),
        ({"provinces": {"Khon Kaen"}}, ["a", "b", "e"]),
        ({"tags": {"youth"}}, ["b", "d"]),
        ({"tags": {"youth", "elder"}}, ["a", "b", "d", "f"]),
        ({"sectors": {"people"}, "provinces": {"Khon Kaen"}}, ["a"]),
        ({"members": {"b", "c", "d"}, "tags": {"youth"}}, ["b", "d"]),
    ],
    ids=lambda value: "-".join(sorted(value)) if isinstance(value, dict) else None,
)
def test_select(filters: dict[str, Any], keys: list[str]) -> None:
    assert select(ACTORS, **filters).keys == keys


def test_select_keeps_the_attributes_of_each_actor() -> None:
    chosen = select(ACTORS, provinces={"Khon Kaen"})
    assert chosen.keys == ["a", "b", "e"]
    assert list(chosen.sector or []) == ["people", "academic", None]
    assert list(chosen.province or []) == ["Khon Kaen"] * 3
    assert [list(t or ()) for t in chosen.tags or []] == [["elder"], ["elder", "youth"], []]


def test_select_on_a_missing_column_selects_nobody() -> None:
    assert select(Actors(keys=["a", "b"]), sectors={"people"}).keys == []


def test_selection_analysed_with_ties_outside_dropped() -> None:
    chosen = select(ACTORS, provinces={"Khon Kaen"})  # a, b, e
    result = analyze(chosen, TIES, DROP)
    assert result.keys == ["a", "b", "e"]
    assert tie_list(result) == [("a", "b")]  # b-c, d-e, e-f leave the selection
    assert result.network["nodes"] == 3
    assert result.network["isolates"] == 1
    alone = analyze(chosen, Ties(source=["a"], target=["b"], strength=[1]), NO_LAYOUT)
    for name, values in result.actors.items():
        np.testing.assert_allclose(values, alone.actors[name], atol=1e-12, err_msg=name)


def test_ties_outside_the_actors_are_an_error_by_default() -> None:
    chosen = select(ACTORS, members={"a", "b", "c"})
    with pytest.raises(EngineInputError) as error:
        analyze(chosen, TIES, NO_LAYOUT)
    found = re.search(r"tie row (\d+)", str(error.value))
    assert found, str(error.value)
    row = int(found.group(1))
    assert row in (3, 4, 5)  # c-d, d-e and e-f leave the selection
    outside = {TIES.source[row - 1], TIES.target[row - 1]} - {"a", "b", "c"}
    assert any(f"'{key}'" in str(error.value) for key in outside)


def test_tie_outside_message_shows_the_key_as_written() -> None:
    with pytest.raises(EngineInputError) as error:
        analyze(Actors(keys=["a", "b"]), Ties(source=["a", "b"], target=["b", "z"]), NO_LAYOUT)
    assert str(error.value) == "tie row 2: target 'z' is not one of the actors"


# --- ego networks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("centre", "radius", "keys"),
    [
        ("c", 1, ["b", "c", "d"]),
        ("c", 2, ["a", "b", "c", "d", "e"]),
        ("a", 1, ["a", "b"]),
        ("a", 2, ["a", "b", "c"]),
    ],
)
def test_ego(centre: str, radius: int, keys: list[str]) -> None:
    assert ego(ACTORS, TIES, centre, radius=radius).keys == keys


def test_ego_network_analysed() -> None:
    around = ego(ACTORS, TIES, "c")
    result = analyze(around, TIES, DROP)
    assert tie_list(result) == [("b", "c"), ("c", "d")]
    assert list(around.sector or []) == ["academic", "people", "government"]
    assert result.actors["betweenness"].tolist() == [0.0, 1.0, 0.0]


def test_ego_follows_dates_and_strength() -> None:
    ties = Ties(
        source=TIES.source,
        target=TIES.target,
        strength=TIES.strength,
        until=[None, date(2024, 1, 1), None, None, None],  # b-c ended on 1 Jan 2024
    )
    assert ego(ACTORS, ties, "c", at=date(2024, 1, 1)).keys == ["c", "d"]
    assert ego(ACTORS, ties, "c", at=date(2023, 12, 31)).keys == ["b", "c", "d"]
    assert ego(ACTORS, TIES, "c", min_strength=3).keys == ["c", "d"]  # b-c is 2
    assert ego(ACTORS, TIES, "c", radius=2, min_strength=3).keys == ["c", "d", "e"]


@pytest.mark.parametrize("radius", [0, 3])
def test_ego_radius_other_than_1_or_2_is_refused(radius: int) -> None:
    with pytest.raises(EngineInputError, match="radius"):
        ego(ACTORS, TIES, "c", radius=radius)


def test_ego_of_an_unknown_actor_is_refused() -> None:
    with pytest.raises(EngineInputError, match="'nobody'"):
        ego(ACTORS, TIES, "nobody")


# --- dates -------------------------------------------------------------------------------------

DATED = Ties(
    source=["a", "b", "c", "d"],
    target=["b", "c", "d", "e"],
    since=[None, date(2024, 3, 1), None, date(2024, 1, 1)],
    until=[date(2024, 6, 1), None, None, date(2024, 12, 31)],
)


@pytest.mark.parametrize(
    ("at", "ties"),
    [
        (None, [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")]),  # no date: every tie
        (date(2023, 12, 31), [("a", "b"), ("c", "d")]),  # before b-c and d-e began
        (date(2024, 2, 29), [("a", "b"), ("c", "d"), ("d", "e")]),
        (date(2024, 3, 1), [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")]),  # since = at
        (date(2024, 5, 31), [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")]),
        (date(2024, 6, 1), [("b", "c"), ("c", "d"), ("d", "e")]),  # until = at: ended
        (date(2025, 1, 1), [("b", "c"), ("c", "d")]),  # open ends last
    ],
)
def test_ties_active_on_a_date(at: date | None, ties: list[tuple[str, str]]) -> None:
    result = analyze(ACTORS, DATED, Options(layout=False, at=at))
    assert tie_list(result) == ties
    assert result.network["nodes"] == 6  # every actor stays a node


def test_dates_as_text_or_numpy() -> None:
    since_text: list[Any] = [None, "2024-03-01", None, "2024-01-01"]
    as_text = Ties(
        source=DATED.source,
        target=DATED.target,
        since=since_text,
        until=np.array(["2024-06-01", "NaT", "NaT", "2024-12-31"], dtype="datetime64[D]"),
    )
    for at in (date(2023, 12, 31), date(2024, 3, 1), date(2024, 6, 1)):
        options = Options(layout=False, at=at)
        assert tie_list(analyze(ACTORS, as_text, options)) == tie_list(
            analyze(ACTORS, DATED, options)
        )


# --- minimum strength --------------------------------------------------------------------------


def test_min_strength_drops_weaker_ties_but_keeps_every_actor() -> None:
    result = analyze(ACTORS, TIES, Options(layout=False, min_strength=3))
    assert tie_list(result) == [("c", "d"), ("d", "e")]
    assert result.keys == ACTORS.keys
    assert result.network["nodes"] == 6
    assert result.network["isolates"] == 3  # a, b, f
    assert result.actors["degree"].tolist() == [0, 0, 1, 2, 1, 0]
    assert np.isnan(result.actors["constraint"][[0, 1, 5]]).all()


def test_min_strength_looks_at_each_tie_before_collapsing() -> None:
    ties = Ties(
        source=["a", "b", "c", "d"],
        target=["b", "a", "d", "c"],
        strength=[2, 4, 1, 2],
        kind=["meeting", "project", "meeting", "information"],
    )
    result = analyze(Actors(keys=["a", "b", "c", "d"]), ties, Options(layout=False, min_strength=3))
    assert tie_list(result) == [("a", "b")]
    assert result.weights.tolist() == [4.0]


# --- compare -----------------------------------------------------------------------------------

JUNE = date(2024, 6, 1)


def test_compare_ties_added_and_lost_between_two_dates() -> None:
    ties = Ties(
        source=["a", "b", "c", "e"],
        target=["b", "c", "d", "f"],
        since=[None, None, None, JUNE],  # e-f begins in June
        until=[JUNE, None, None, None],  # a-b ends in June
    )
    before = analyze(ACTORS, ties, Options(layout=False, at=date(2024, 5, 31)))
    after = analyze(ACTORS, ties, Options(layout=False, at=JUNE))
    change = compare(before, after)
    assert change["actors_added"] == change["actors_lost"] == []
    assert change["ties_added"] == [["e", "f"]]
    assert change["ties_lost"] == [["a", "b"]]
    assert change["network"]["ties"] == {"before": 3, "after": 3, "change": 0}
    assert change["network"]["components"] == {"before": 3, "after": 3, "change": 0}
    assert change["network"]["isolates"] == {"before": 2, "after": 1, "change": -1}  # e, f → a
    degree = {row["key"]: row["change"] for row in change["actor_changes"]["degree"]}
    assert degree == {"a": -1, "b": -1, "e": 1, "f": 1}


def test_compare_actors_added_and_lost() -> None:
    before = analyze(select(ACTORS, members={"a", "b", "c", "d"}), TIES, DROP)
    after = analyze(select(ACTORS, members={"b", "c", "d", "e"}), TIES, DROP)
    change = compare(before, after)
    assert change["actors_added"] == ["e"]
    assert change["actors_lost"] == ["a"]
    assert change["ties_added"] == [["d", "e"]]
    assert change["ties_lost"] == [["a", "b"]]
    assert change["network"]["nodes"] == {"before": 4, "after": 4, "change": 0}


def two_groups_then_three() -> tuple[Analysis, Analysis]:
    """Before June: x0…x5 all tied to each other (one community) and y0…y4 likewise, with one
    tie x0–y0 between them. From June only the triangles x0-x1-x2 and x3-x4-x5 remain of the
    x group, and x0–y0 has ended: the x community splits in two."""
    xs, ys = [f"x{i}" for i in range(6)], [f"y{i}" for i in range(5)]
    stays = {("x0", "x1"), ("x0", "x2"), ("x1", "x2"), ("x3", "x4"), ("x3", "x5"), ("x4", "x5")}
    pairs = [(a, b) for group in (xs, ys) for i, a in enumerate(group) for b in group[i + 1 :]]
    pairs.append(("x0", "y0"))
    ends = [None if (a, b) in stays or a[0] == "y" else JUNE for a, b in pairs]
    actors = Actors(keys=xs + ys)
    ties = Ties(source=[a for a, _ in pairs], target=[b for _, b in pairs], until=ends)
    before = analyze(actors, ties, Options(layout=False, at=date(2024, 5, 1)))
    after = analyze(actors, ties, Options(layout=False, at=JUNE))
    return before, after


def community_of(result: Analysis, key: str) -> int:
    return int(result.actors["community"][result.keys.index(key)])


def test_the_fixture_communities() -> None:
    before, after = two_groups_then_three()
    assert before.network["communities"] == 2
    assert after.network["communities"] == 3
    assert community_of(before, "x0") == community_of(before, "x5")
    assert community_of(after, "x0") != community_of(after, "x3")


def test_compare_shows_a_split() -> None:
    before, after = two_groups_then_three()
    change = compare(before, after)
    assert change["communities"]["split"] == [
        {
            "before": community_of(before, "x0"),
            "into": sorted([community_of(after, "x0"), community_of(after, "x3")]),
        }
    ]
    assert change["communities"]["merged"] == []
    assert change["network"]["ties"] == {"before": 26, "after": 16, "change": -10}
    top = change["actor_changes"]["degree"][0]
    assert (top["key"], top["before"], top["after"]) == ("x0", 6, 2)


def test_compare_shows_a_merge() -> None:
    before, after = two_groups_then_three()
    change = compare(after, before)  # the same two runs, the other way round
    assert change["communities"]["merged"] == [
        {
            "after": community_of(before, "x0"),
            "from": sorted([community_of(after, "x0"), community_of(after, "x3")]),
        }
    ]
    assert change["communities"]["split"] == []
    assert change["ties_added"] and not change["ties_lost"]


def test_compare_with_itself_changes_nothing() -> None:
    before, _ = two_groups_then_three()
    change = compare(before, before)
    assert change["actors_added"] == change["actors_lost"] == []
    assert change["ties_added"] == change["ties_lost"] == []
    assert change["communities"] == {"split": [], "merged": []}
    assert all(rows == [] for rows in change["actor_changes"].values())


# --- input errors ------------------------------------------------------------------------------


def test_duplicate_actor_key_names_both_rows() -> None:
    with pytest.raises(EngineInputError, match=r"'a'.*rows 1 and 3"):
        analyze(Actors(keys=["a", "b", "a"]), Ties(source=["a"], target=["b"]), NO_LAYOUT)


@pytest.mark.parametrize("strength", [5, 0, -1])
def test_strength_outside_1_to_4_names_the_row(strength: int) -> None:
    ties = Ties(source=["a", "b", "c"], target=["b", "c", "d"], strength=[1, 4, strength])
    with pytest.raises(EngineInputError, match=rf"tie row 3\b.*strength {strength}\b"):
        analyze(Actors(keys=["a", "b", "c", "d"]), ties, NO_LAYOUT)


def test_self_tie_names_the_row() -> None:
    ties = Ties(source=["a", "b", "c"], target=["b", "c", "c"])
    with pytest.raises(EngineInputError, match=r"tie row 3\b.*itself"):
        analyze(Actors(keys=["a", "b", "c"]), ties, NO_LAYOUT)


@pytest.mark.parametrize("strength", [2.5, "x", None], ids=["fraction", "text", "missing"])
def test_strength_that_is_not_a_whole_number_names_the_row(strength: Any) -> None:
    """Not silently truncated (2.5 → 2) and not a bare TypeError/ValueError without the row.
    A missing strength may instead take the documented default of 1."""
    ties = Ties(source=["a", "b"], target=["b", "c"], strength=[3, strength])
    try:
        result = analyze(Actors(keys=["a", "b", "c"]), ties, NO_LAYOUT)
    except EngineInputError as error:
        assert re.search(r"tie row 2\b", str(error)), str(error)
    else:
        assert strength is None, f"strength {strength!r} was accepted as {result.weights[1]}"
        assert result.weights.tolist() == [3.0, 1.0]


def test_keys_of_mixed_types() -> None:
    """Keys are any hashable values; 1 and "1" are different actors."""
    result = analyze(
        Actors(keys=[1, "1", "b"]), Ties(source=[1, "1"], target=["b", "b"]), NO_LAYOUT
    )
    assert result.keys == [1, "1", "b"]
    assert result.actors["degree"].tolist() == [1, 1, 2]


def test_tuple_keys() -> None:
    keys = [(0, 0), (0, 1), (1, 1)]
    result = analyze(Actors(keys=keys), Ties(source=keys[:2], target=keys[1:]), NO_LAYOUT)
    assert result.keys == keys
    assert result.actors["degree"].tolist() == [1, 2, 1]
