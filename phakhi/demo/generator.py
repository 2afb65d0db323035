"""A realistic Thai demo network, deterministic per seed, without Django or a database.

Organizations, groups and people sit in real provinces, districts and subdistricts (geothai);
people work for organizations of their own sector near home. Ties fall mostly inside a cluster
(one issue in one district), the rest across the district, the province or the country; their
ends are drawn by heavy-tailed (Pareto) weights, so a few hubs hold hundreds of ties. Sampling
is vectorised with numpy and rows are produced lazily, so the national size stays fast and small.
"""

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from phakhi.demo import names as vocab
from phakhi.demo.population import (
    SECTORS,
    Areas,
    Arrays,
    Rng,
    Sampler,
    areas_for,
    as_objects,
    draw_bodies,
    draw_contacts,
    draw_people,
    search_sorted,
)
from phakhi.imports.columns import ACTOR_COLUMNS, TIE_COLUMNS

Columns = Callable[[slice], list[np.ndarray]]
SIZES = {
    "workshop": (40, 120),
    "province": (1500, 6000),
    "national": (600_000, 3_000_000),
    "region": (60_000, 300_000),
}
ACTOR_FIELDS = tuple(c.name for c in ACTOR_COLUMNS)
TIE_FIELDS = tuple(c.name for c in TIE_COLUMNS)
SECTOR_SHARES = np.array([0.60, 0.28, 0.12])
# Shares of organizations and groups; a workshop gathers mostly their representatives.
_KIND_SHARES = {
    "workshop": (0.35, 0.15),
    "province": (0.12, 0.10),
    "national": (0.12, 0.10),
    "region": (0.12, 0.10),
}
# Where the other end of a tie is drawn: the same district and issue, the same district, the
# same province and issue, the same province, anywhere.
_TIE_LEVELS = {
    "workshop": (0.25, 0.35, 0.15, 0.25, 0.0),
    "province": (0.50, 0.20, 0.15, 0.15, 0.0),
    "national": (0.50, 0.20, 0.12, 0.10, 0.08),
    "region": (0.50, 0.20, 0.13, 0.12, 0.05),
}
# A region is the provinces whose codes share a first digit, which follows the regions.
_REGIONS = {
    "1": "ภาคกลางตอนบน",
    "2": "ภาคตะวันออก",
    "3": "ภาคตะวันออกเฉียงเหนือตอนล่าง",
    "4": "ภาคตะวันออกเฉียงเหนือตอนบน",
    "5": "ภาคเหนือตอนบน",
    "6": "ภาคเหนือตอนล่าง",
    "7": "ภาคตะวันตก",
    "8": "ภาคใต้ตอนบน",
    "9": "ภาคใต้ตอนล่าง",
}
_STRENGTH_NEAR, _STRENGTH_FAR = np.cumsum([35, 32, 21, 12]) / 100, np.cumsum([58, 27, 11, 4]) / 100
_DAY_ONE, _SINCE_DAYS = dt.date(2019, 1, 1), 2372  # ties begin between 2019 and mid-2025
_DATES = [str(_DAY_ONE + dt.timedelta(d)) for d in range(_SINCE_DAYS + 1200)] + [""]
_THAI = [i.thai for i in vocab.ISSUES]
_CHUNK = 50_000
# Tail index of the Pareto weights of organizations, groups and people (lower: bigger hubs),
# how much an organization's size adds, and a cap, so that at the national size the biggest
# hubs are the national and provincial bodies rather than whoever drew the longest tail.
_PARETO, _ORG_SCALE, _CAP = np.array([1.2, 1.6, 1.8]), 1.5, 200


class Rows:
    """Rows made afresh, chunk by chunk, on each iteration: dicts of strings, or tuples from
    ``tuples()``. ``columns`` gives the string columns of a slice of the rows."""

    def __init__(self, fields: tuple[str, ...], count: int, columns: Columns) -> None:
        self.fields, self.count, self._columns = fields, count, columns

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[dict[str, str]]:
        return (dict(zip(self.fields, row, strict=True)) for row in self.tuples())

    def tuples(self) -> Iterator[tuple[str, ...]]:
        for start in range(0, self.count, _CHUNK):
            parts = self._columns(slice(start, start + _CHUNK))
            yield from zip(*(c.tolist() for c in parts), strict=True)


@dataclass
class DemoData:
    name: str
    actors: Rows
    ties: Rows
    networks: list[dict[str, Any]] = field(default_factory=list)
    size: str = "workshop"
    seed: int = 1


def _ties(n: int, size: str, groups: list[np.ndarray], weight: np.ndarray, rng: Rng) -> Arrays:
    """``n`` distinct ties: no self-tie, one per unordered pair and kind."""
    samplers = [Sampler(key, weight) for key in groups]
    everyone, n_actors, n_kinds = np.cumsum(weight), len(weight), len(vocab.TIE_KINDS)
    kind_p = [k[1] for k in vocab.TIE_KINDS]
    src, tgt, kind, level = (np.empty(0, dtype=np.int64) for _ in range(4))
    for _ in range(20):
        if len(src) >= n:
            break
        m = int((n - len(src)) * 1.3) + 64
        s = np.minimum(search_sorted(everyone, rng.random(m) * everyone[-1]), n_actors - 1)
        lv = rng.choice(5, m, p=_TIE_LEVELS[size])
        t = np.full(m, -1)
        for i, sampler in enumerate(samplers):
            t[lv == i] = sampler.pick(groups[i][s[lv == i]], rng)
        keep = (t >= 0) & (t != s)
        src, tgt = np.concatenate([src, s[keep]]), np.concatenate([tgt, t[keep]])
        level = np.concatenate([level, lv[keep]])
        kind = np.concatenate([kind, rng.choice(n_kinds, int(keep.sum()), p=kind_p)])
        pair = (np.minimum(src, tgt) * n_actors + np.maximum(src, tgt)) * n_kinds + kind
        first = np.sort(np.unique(pair, return_index=True)[1])[:n]
        src, tgt, kind, level = src[first], tgt[first], kind[first], level[first]
    if len(src) < n:
        raise RuntimeError(f"could not draw {n} distinct ties")
    u = rng.random(n)
    near, far = np.searchsorted(_STRENGTH_NEAR, u), np.searchsorted(_STRENGTH_FAR, u)
    via = np.where(rng.random(n) < 0.032, samplers[1].pick(groups[1][src], rng), -1)
    via[(via == src) | (via == tgt)] = -1
    since = np.where(rng.random(n) < 0.55, rng.integers(_SINCE_DAYS, size=n), -1)
    until = since + rng.integers(60, 1200, size=n)
    directed = np.array([k[2] for k in vocab.TIE_KINDS])[kind] & (rng.random(n) < 0.5)
    until = np.where((since >= 0) & (rng.random(n) < 0.12), until, -1)
    return {
        "source": src,
        "target": tgt,
        "strength": np.where(level == 0, near, far) + 1,
        "kind": kind,
        "directed": directed * 1,
        "via": via,
        "since": since,
        "until": until,
    }


def _region(rng: Rng) -> Areas:
    """The provinces of one region, Bangkok left out: those whose codes start with one digit."""
    every, digit = areas_for("national", rng), str(rng.integers(1, 10))
    codes = [every.district_codes[d][:2] for d in every.capital.tolist()]
    provinces = np.array([i for i, c in enumerate(codes) if c[0] == digit and c != "10"])
    districts = np.flatnonzero(np.isin(every.district_province, provinces))
    subs = np.flatnonzero(np.isin(every.sub_district, districts))
    province, district, sub = (
        _renumber(kept, len(names))
        for kept, names in zip(
            (provinces, districts, subs),
            (every.provinces, every.districts, every.subdistricts),
            strict=True,
        )
    )
    return Areas(
        [every.provinces[i] for i in provinces.tolist()],
        [every.districts[i] for i in districts.tolist()],
        [every.district_codes[i] for i in districts.tolist()],
        [every.subdistricts[i] for i in subs.tolist()],
        district[every.sub_district[subs]],
        province[every.district_province[districts]],
        sub[every.district_anchor[districts]],
        district[every.capital[provinces]],
        every.bangkok[provinces],
    )


def _renumber(kept: np.ndarray, n: int) -> np.ndarray:
    """Old position -> new position of the ``kept`` items (-1 for the others)."""
    table = np.full(n, -1)
    table[kept] = np.arange(len(kept))
    return table


def generate(size: str = "workshop", seed: int = 1) -> DemoData:
    """The demo network of one size: ``workshop`` (one province), ``province`` (all its
    districts), ``region`` (the provinces of one region) or ``national`` (all 77 provinces). The
    same seed gives the same network."""
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}; expected one of: {', '.join(SIZES)}")
    rng = np.random.default_rng(seed)
    (n_actors, n_ties), n_issues = SIZES[size], len(vocab.ISSUES)
    areas = _region(rng) if size == "region" else areas_for(size, rng)
    n_org, n_grp = (round(n_actors * share) for share in _KIND_SHARES[size])
    orgs = draw_bodies(vocab.ORGANIZATIONS, areas, n_org, rng)
    groups = draw_bodies(vocab.GROUPS, areas, n_grp, rng)
    made = np.bincount(np.concatenate([orgs["sector"], groups["sector"]]), minlength=3)
    need = np.maximum(SECTOR_SHARES * n_actors - made, 0)
    people = draw_people(n_actors - n_org - n_grp, areas, orgs, need / need.sum(), rng)
    org_key = areas.sub_district[orgs["sub"]] * n_issues + orgs["issue"]
    group_key = areas.sub_district[groups["sub"]] * n_issues + groups["issue"]
    groups["org"] = Sampler(org_key, orgs["size"]).pick(group_key, rng)
    groups["org"][rng.random(n_grp) < 0.4] = -1
    taken: set[tuple[int, str]] = set()  # two groups of one name in one organization look alike
    for i, pair in enumerate(zip(groups["org"].tolist(), groups["name"].tolist(), strict=True)):
        groups["org"][i] = -1 if pair in taken else pair[0]
        taken.add(pair)
    orgs["org"] = np.full(n_org, -1)
    actors = {k: np.concatenate([orgs[k], groups[k], people[k]]) for k in people if k in orgs}
    kind = np.repeat([0, 1, 2], [n_org, n_grp, n_actors - n_org - n_grp])
    sub, level, issue = actors["sub"], actors["level"], actors["issue"]
    district = areas.sub_district[sub]
    province = areas.district_province[district]
    scale = np.concatenate([_ORG_SCALE * np.sqrt(orgs["size"]), np.ones(n_actors - n_org)])
    weight = np.minimum(rng.pareto(_PARETO[kind]) + 1, _CAP) * scale
    number = np.arange(1, n_actors + 1) - np.array([0, n_org, n_org + n_grp])[kind]
    digits = as_objects(f"{i:0{len(str(n_actors))}d}" for i in number.tolist())
    keys = np.append(as_objects(["ORG-", "GRP-", "P-"])[kind] + digits, "")  # [-1]: no actor
    pairs = np.column_stack([issue, actors["also"]]).tolist()
    tags = as_objects(";".join(dict.fromkeys(_THAI[j] for j in r if j >= 0)) for r in pairs)
    columns = [
        keys[:-1],
        actors["name"],
        as_objects(["organization", "group", "person"])[kind],
        as_objects(SECTORS)[actors["sector"]],
        as_objects(vocab.THAI_SUBSECTORS.get(s, s) for s in actors["subsector"].tolist()),
        as_objects(areas.provinces)[province],
        np.where(level >= 1, as_objects(areas.districts)[district], ""),
        np.where(level >= 2, as_objects(areas.subdistricts)[sub], ""),
        keys[actors["org"]],
        *draw_contacts(kind, actors["sector"], people, rng),
        tags,
    ]
    by = [district * n_issues + issue, district, province * n_issues + issue, province, 0 * kind]
    ties = _ties(n_ties, size, by, weight, rng)
    dates, kinds = as_objects(_DATES), as_objects(k[0] for k in vocab.TIE_KINDS)
    strings = [
        keys,
        keys,
        as_objects("01234"),
        kinds,
        as_objects(["false", "true"]),
        keys,
        dates,
        dates,
    ]
    tables = list(zip(strings, TIE_FIELDS, strict=True))  # each column's strings, by number
    place = f"จังหวัด{areas.provinces[0]}" if size != "national" else "ทั่วประเทศ"
    if size == "region":
        place = f"กลุ่มจังหวัด{_REGIONS[areas.district_codes[0][0]]}"
    name = {"workshop": f"เวทีวิเคราะห์ภาคีเครือข่าย {place}", "province": f"ภาคีเครือข่าย{place}"}
    name["region"] = name["province"]
    return DemoData(
        name=name.get(size, "ภาคีเครือข่ายองค์กรชุมชนทั่วประเทศ"),
        actors=Rows(ACTOR_FIELDS, n_actors, lambda s: [c[s] for c in columns]),
        ties=Rows(TIE_FIELDS, n_ties, lambda s: [t[ties[f][s]] for t, f in tables]),
        networks=_networks(areas, place, keys, weight, actors),
        size=size,
        seed=seed,
    )


_LEADS = ("core_leader",) * 2 + ("coordinator",) * 4


def _networks(
    areas: Areas, place: str, keys: np.ndarray, weight: np.ndarray, actors: Arrays
) -> list[dict[str, Any]]:
    """Issue networks for the three commonest issues and an area network for the (first)
    capital district, each of its 300 strongest actors at most, with the usual roles."""
    found = []
    capital, issue = int(areas.capital[0]), actors["issue"]
    top = np.argsort(-np.bincount(issue, minlength=len(vocab.ISSUES)), kind="stable")[:3]
    plans = [(vocab.ISSUES[i], issue == i, (actors["also"] == i).any(axis=1)) for i in top]
    in_capital = (areas.sub_district[actors["sub"]] == capital) & (actors["level"] >= 1)
    plans.append((None, in_capital, np.zeros(len(issue), dtype=bool)))  # type: ignore[arg-type]
    for topic, core, ally in plans:
        chosen = np.flatnonzero(core | ally)
        chosen = chosen[np.argsort(-weight[chosen], kind="stable")][:300]
        role = np.where(core[chosen], "member", "ally").astype(object)
        academics = np.flatnonzero((actors["sector"][chosen] == 2) & core[chosen])
        role[academics[academics >= 6][:3]] = "mentor"
        role[:6] = _LEADS[: len(role[:6])]
        pairs = zip(chosen.tolist(), role.tolist(), strict=True)
        members = [{"key": keys[i], "role": r} for i, r in pairs]
        if topic is None:
            slug, kind = f"district-{areas.district_codes[capital]}", "area"
            name = f"เครือข่ายภาคีอำเภอ{areas.districts[capital]}"
        else:
            slug, kind, name = topic.slug, "issue", f"เครือข่าย{topic.thai}{place}"
        found.append({"slug": slug, "name": name, "kind": kind, "members": members})
    return found


def write_csv(data: DemoData, directory: Path) -> tuple[Path, Path]:
    """``actors.csv`` and ``ties.csv`` in ``directory``: UTF-8 with a BOM (so that Excel reads
    the Thai), canonical English headers, rows streamed rather than held in memory."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = (directory / "actors.csv", directory / "ties.csv")
    for path, rows in zip(paths, (data.actors, data.ties), strict=True):
        with path.open("w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(rows.fields)
            writer.writerows(rows.tuples())
    return paths
