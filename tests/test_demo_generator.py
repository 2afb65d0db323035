"""The demo network generator: deterministic, the sizes asked for, and every row one the
importer accepts (checked with the importer's own validation, without a database)."""

import csv
import datetime as dt
import statistics
from collections import Counter
from pathlib import Path

import pytest

from phakhi.actors.validation import clean_actor
from phakhi.core.areas import resolve
from phakhi.core.contacts import normalize_email, normalize_phone
from phakhi.core.dates import parse_date
from phakhi.demo import names
from phakhi.demo.generator import ACTOR_FIELDS, SIZES, TIE_FIELDS, generate, write_csv
from phakhi.imports.columns import ACTOR_COLUMNS, TIE_COLUMNS
from phakhi.imports.duplicates import find_possible_duplicates
from phakhi.ties.vocabulary import parse_directed, parse_strength

ISSUES = {issue.thai for issue in names.ISSUES}
TIE_KINDS = {kind for kind, _share, _directed in names.TIE_KINDS}
Rows = list[dict[str, str]]


@pytest.fixture(scope="module")
def province() -> tuple[Rows, Rows]:
    data = generate("province", seed=3)
    return list(data.actors), list(data.ties)


@pytest.fixture(scope="module")
def workshop() -> tuple[Rows, Rows]:
    data = generate("workshop", seed=5)
    return list(data.actors), list(data.ties)


def test_columns_are_the_import_columns() -> None:
    assert tuple(c.name for c in ACTOR_COLUMNS) == ACTOR_FIELDS
    assert tuple(c.name for c in TIE_COLUMNS) == TIE_FIELDS


def test_the_same_seed_gives_the_same_network() -> None:
    first, again, other = (generate("province", seed=s) for s in (11, 11, 12))
    assert list(first.actors) == list(again.actors)
    assert list(first.ties) == list(again.ties)
    assert first.networks == again.networks
    assert list(first.actors) != list(other.actors)


def test_rows_can_be_read_twice() -> None:
    data = generate("workshop")
    assert list(data.ties) == list(data.ties)
    assert len(data.actors) == len(list(data.actors)) == SIZES["workshop"][0]


def test_unknown_size_is_refused() -> None:
    with pytest.raises(ValueError, match="workshop, province, national"):
        generate("city")


@pytest.mark.parametrize("fixture", ["workshop", "province"])
def test_counts_are_the_targets(fixture: str, request: pytest.FixtureRequest) -> None:
    actors, ties = request.getfixturevalue(fixture)
    n_actors, n_ties = SIZES[fixture]
    assert len(actors) == n_actors
    assert abs(len(ties) - n_ties) <= 0.05 * n_ties
    assert all(tuple(row) == ACTOR_FIELDS for row in actors)
    assert all(tuple(row) == TIE_FIELDS for row in ties)
    assert all(isinstance(v, str) for row in actors + ties for v in row.values())


@pytest.mark.parametrize("fixture", ["workshop", "province"])
def test_every_actor_passes_the_importers_checks(fixture: str, request: pytest.FixtureRequest):
    actors, _ties = request.getfixturevalue(fixture)
    cleaned = {}
    for row in actors:
        fields, problems = clean_actor(row)
        assert problems == [], (row, problems)
        assert fields is not None
        cleaned[row["key"]] = (fields.values, fields.organization_key)
        assert resolve(row["province"], row["district"], row["subdistrict"]).province_code
        assert row["kind"] in ("person", "group", "organization")
        assert row["sector"] in ("civil", "academic", "government")
        assert set(row["tags"].split(";")) <= ISSUES
    # Neither a name twice in one organization, nor a shared phone or e-mail address.
    assert find_possible_duplicates(cleaned, {}) == []
    assert len(cleaned) == len(actors)


def test_organizations_come_before_their_people(province: tuple[Rows, Rows]) -> None:
    actors, _ties = province
    seen: dict[str, str] = {}
    for row in actors:
        if row["organization"]:
            assert seen[row["organization"]] == "organization"
            assert row["kind"] in ("person", "group")
        seen[row["key"]] = row["kind"]
    with_org = [r for r in actors if r["organization"] and r["kind"] == "person"]
    assert len(with_org) > 0.4 * sum(r["kind"] == "person" for r in actors)
    by_key = {r["key"]: r for r in actors}
    same_province = [r["province"] == by_key[r["organization"]]["province"] for r in with_org]
    assert all(same_province)


def test_contacts_are_valid_unique_and_often_missing(province: tuple[Rows, Rows]) -> None:
    actors, _ties = province
    phones = [normalize_phone(r["phone"]) for r in actors if r["phone"]]
    emails = [normalize_email(r["email"]) for r in actors if r["email"]]
    assert len(set(phones)) == len(phones)
    assert len(set(emails)) == len(emails)
    assert all(p.startswith("+66") and len(p) == 12 for p in phones)
    assert all(e.isascii() and e.split("@")[1].startswith("example.") for e in emails)
    assert 0.2 < 1 - len(phones) / len(actors) < 0.4
    assert 0.2 < 1 - len(emails) / len(actors) < 0.6


def test_people_have_thai_names_with_titles(province: tuple[Rows, Rows]) -> None:
    actors, _ties = province
    people = [r["name"] for r in actors if r["kind"] == "person"]
    titles: tuple[str, ...] = (
        "นาย",
        "นาง",
        "นางสาว",
        "ดร.",
        "ผศ.ดร.",
        "รศ.ดร.",
        "อาจารย์",
        "นพ.",
        "พญ.",
        "ว่าที่",
    )
    titles += ("กำนัน", "ผู้ใหญ่บ้าน", "พระ")
    assert all(name.startswith(titles) for name in people)
    assert len({name.split()[-1] for name in people}) > 100  # many different surnames
    organizations = [r["name"] for r in actors if r["kind"] == "organization"]
    assert any(name.startswith("องค์การบริหารส่วนตำบล") for name in organizations)


def test_sectors_are_in_realistic_proportions(province: tuple[Rows, Rows]) -> None:
    actors, _ties = province
    counts = Counter(r["sector"] for r in actors)
    for sector, share in (("civil", 0.60), ("government", 0.28), ("academic", 0.12)):
        assert abs(counts[sector] / len(actors) - share) < 0.04, counts


@pytest.mark.parametrize("fixture", ["workshop", "province"])
def test_every_tie_is_valid_and_distinct(fixture: str, request: pytest.FixtureRequest) -> None:
    actors, ties = request.getfixturevalue(fixture)
    keys = {r["key"] for r in actors}
    pairs = set()
    for tie in ties:
        source, target, via = tie["source"], tie["target"], tie["via"]
        assert source in keys and target in keys and source != target
        assert not via or (via in keys and via not in (source, target))
        assert 1 <= parse_strength(tie["strength"]) <= 4
        assert tie["directed"] in ("true", "false") and parse_directed(tie["directed"]) in (1, 0)
        assert tie["kind"] in TIE_KINDS
        if tie["until"]:
            assert parse_date(tie["since"]) < parse_date(tie["until"])
        if tie["since"]:
            assert (
                dt.date(2019, 1, 1) <= dt.date.fromisoformat(tie["since"]) <= dt.date(2025, 12, 31)
            )
        pairs.add((frozenset((source, target)), tie["kind"]))
    assert len(pairs) == len(ties)


def test_ties_look_like_a_real_network(province: tuple[Rows, Rows]) -> None:
    actors, ties = province
    n = len(ties)
    strengths = Counter(t["strength"] for t in ties)
    assert strengths["1"] > strengths["2"] > strengths["3"] > strengths["4"] > 0
    assert sum(t["directed"] == "false" for t in ties) > 0.8 * n
    assert 0.015 * n < sum(bool(t["via"]) for t in ties) < 0.05 * n
    assert 0.3 * n < sum(bool(t["since"]) for t in ties) < 0.8 * n
    assert 0 < sum(bool(t["until"]) for t in ties) < 0.2 * n
    degree = Counter(k for t in ties for k in (t["source"], t["target"]))
    assert max(degree.values()) >= 100
    assert max(degree.values()) > 15 * statistics.median(degree.values())
    # Clusters: most ties join actors of the same district.
    district = {r["key"]: r["district"] for r in actors}
    close = sum(district[t["source"]] == district[t["target"]] != "" for t in ties)
    assert close > 0.5 * n


def test_networks_name_their_members(province: tuple[Rows, Rows]) -> None:
    actors, _ties = province
    data = generate("province", seed=3)
    keys = {r["key"] for r in actors}
    assert data.name and {n["kind"] for n in data.networks} == {"issue", "area"}
    assert len({n["slug"] for n in data.networks}) == len(data.networks)
    for network in data.networks:
        assert network["slug"].isascii() and network["name"]
        members = [m["key"] for m in network["members"]]
        assert 0 < len(members) == len(set(members)) <= 300 and set(members) <= keys
        roles = Counter(m["role"] for m in network["members"])
        assert set(roles) <= {"core_leader", "coordinator", "mentor", "member", "ally"}
        assert roles["core_leader"] >= 1


def test_write_csv_writes_utf8_with_bom_and_reads_back(tmp_path: Path) -> None:
    data = generate("workshop", seed=2)
    actors_path, ties_path = write_csv(data, tmp_path / "demo")
    assert actors_path.read_bytes().startswith(b"\xef\xbb\xbfkey,name,kind,")
    for path, rows, fields in (
        (actors_path, data.actors, ACTOR_FIELDS),
        (ties_path, data.ties, TIE_FIELDS),
    ):
        with path.open(encoding="utf-8-sig", newline="") as file:
            read = list(csv.DictReader(file))
        assert tuple(read[0]) == fields
        assert read == list(rows)


def test_subsectors_are_thai(province: tuple[Rows, Rows]) -> None:
    subsectors = Counter(r["subsector"] for r in province[0])
    assert set(subsectors) - {""} <= set(names.THAI_SUBSECTORS.values()), subsectors
    assert {"ชุมชน", "ราชการส่วนภูมิภาค", "องค์กรปกครองส่วนท้องถิ่น"} <= set(subsectors)
