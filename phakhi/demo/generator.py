"""A realistic Thai demo network, deterministic per seed, without Django or a database.

Organizations, groups and people sit in real provinces, districts and subdistricts (geothai);
people work for organizations of their own sector near home. Ties fall mostly inside a cluster
(one issue in one district), the rest across the district, the province or the country; their
ends are drawn by heavy-tailed (Pareto) weights, so a few hubs hold hundreds of ties. Sampling
is vectorised with numpy and rows are produced lazily, so the national size stays fast and small.
"""

import csv
import datetime as dt
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from math import gcd
from pathlib import Path
from typing import Any

import geothai
import numpy as np

from phakhi.demo import names as vocab
from phakhi.imports.columns import ACTOR_COLUMNS, TIE_COLUMNS

Arrays = dict[str, np.ndarray]
Rng = np.random.Generator
Columns = Callable[[slice], list[np.ndarray]]
SIZES = {"workshop": (40, 120), "province": (1500, 6000), "national": (600_000, 3_000_000)}
ACTOR_FIELDS = tuple(c.name for c in ACTOR_COLUMNS)
TIE_FIELDS = tuple(c.name for c in TIE_COLUMNS)
SECTORS = ("civil", "government", "academic")
SECTOR_SHARES = np.array([0.60, 0.28, 0.12])
# Shares of organizations and groups; a workshop gathers mostly their representatives.
_KIND_SHARES = {"workshop": (0.35, 0.15), "province": (0.12, 0.10), "national": (0.12, 0.10)}
# Where the other end of a tie is drawn: the same district and issue, the same district, the
# same province and issue, the same province, anywhere.
_TIE_LEVELS = {
    "workshop": (0.25, 0.35, 0.15, 0.25, 0.0),
    "province": (0.50, 0.20, 0.15, 0.15, 0.0),
    "national": (0.50, 0.20, 0.12, 0.10, 0.08),
}
_STRENGTH_NEAR, _STRENGTH_FAR = np.cumsum([35, 32, 21, 12]) / 100, np.cumsum([58, 27, 11, 4]) / 100
_DAY_ONE, _SINCE_DAYS = dt.date(2019, 1, 1), 2372  # ties begin between 2019 and mid-2025
_DATES = [str(_DAY_ONE + dt.timedelta(d)) for d in range(_SINCE_DAYS + 1200)] + [""]
_ISSUE_INDEX = {issue.slug: i for i, issue in enumerate(vocab.ISSUES)}
_ISSUE_P = np.array([i.weight for i in vocab.ISSUES]) / sum(i.weight for i in vocab.ISSUES)
_FIRST = vocab.MALE_FIRST + vocab.FEMALE_FIRST
_THAI = [i.thai for i in vocab.ISSUES]
_CHUNK = 50_000
# Tail index of the Pareto weights of organizations, groups and people (lower: bigger hubs),
# how much an organization's size adds, and a cap, so that at the national size the biggest
# hubs are the national and provincial bodies rather than whoever drew the longest tail.
_PARETO, _ORG_SCALE, _CAP = np.array([1.2, 1.6, 1.8]), 1.5, 200


def _objects(values: Iterable[Any]) -> np.ndarray:
    items = list(values)
    found = np.empty(len(items), dtype=object)
    found[:] = items
    return found


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


@dataclass
class _Areas:
    provinces: list[str]
    districts: list[str]
    district_codes: list[str]
    subdistricts: list[str]
    sub_district: np.ndarray
    district_province: np.ndarray
    district_anchor: np.ndarray  # a subdistrict of each district, to place district-wide bodies
    capital: np.ndarray  # the capital district of each province
    bangkok: np.ndarray


def _areas(size: str, rng: Rng) -> _Areas:
    provinces = geothai.provinces()
    if size != "national":
        provinces = [p for p in provinces if p.code != "10"]
        provinces = [provinces[rng.integers(len(provinces))]]
    names: list[list[str]] = [[], [], [], []]  # provinces, districts, their codes, subdistricts
    indices: list[list[int]] = [[], [], [], [], []]  # as the arrays of _Areas
    for pi, province in enumerate(provinces):
        names[0].append(province.name_th)
        districts = geothai.districts(province.code)
        if size == "workshop":
            others = sorted(rng.choice(np.arange(1, len(districts)), 2, replace=False))
            districts = [districts[0], *(districts[i] for i in others)]
        indices[3].append(len(names[1]))
        indices[4].append(province.code == "10")
        for district in districts:
            indices[1].append(pi)
            indices[2].append(len(names[3]))
            for sub in geothai.subdistricts(district.code):
                indices[0].append(len(names[1]))
                names[3].append(sub.name_th)
            names[1].append(district.name_th)
            names[2].append(district.code)
    return _Areas(names[0], names[1], names[2], names[3], *(np.array(i) for i in indices))


def _search(table: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``searchsorted(table, values, "right")``, with the values sorted first: lookups in order
    stay in cache, several times faster for millions of random values."""
    order = np.argsort(values, kind="stable")
    found = np.empty(len(values), dtype=np.int64)
    found[order] = np.searchsorted(table, values[order], "right")
    return found


class _Sampler:
    """Draws, for each query key, one pool member with that key, with probability by weight."""

    def __init__(self, keys: np.ndarray, weights: np.ndarray) -> None:
        self.order = np.argsort(keys, kind="stable")
        self.keys, self.cum = keys[self.order], np.cumsum(weights[self.order], dtype=np.float64)

    def pick(self, query: np.ndarray, rng: Rng) -> np.ndarray:
        wanted, inverse = np.unique(query, return_inverse=True)
        lo = np.searchsorted(self.keys, wanted, "left")[inverse]
        hi = np.searchsorted(self.keys, wanted, "right")[inverse]
        lo_c, hi_c = np.minimum(lo, len(self.cum) - 1), np.maximum(hi - 1, 0)
        base = np.where(lo > 0, self.cum[np.maximum(lo - 1, 0)], 0.0)
        at = base + rng.random(len(query)) * (self.cum[hi_c] - base)
        return np.where(hi > lo, self.order[np.clip(_search(self.cum, at), lo_c, hi_c)], -1)


def _bodies(templates: tuple[vocab.Template, ...], areas: _Areas, n: int, rng: Rng) -> Arrays:
    """``n`` organizations or groups, drawn by size from every place their templates allow."""
    rows: dict[tuple[str, int], tuple[int, int]] = {}  # (name, subdistrict): template, level
    draw = random.Random(int(rng.integers(2**62))).random
    several, per_sub = len(areas.provinces) > 1, 2 * n // len(areas.subdistricts) + 2
    villages = [t for t, tpl in enumerate(templates) if tpl.level == "V"]
    subs_of = np.split(np.arange(len(areas.sub_district)), areas.district_anchor[1:])

    def add(t: int, sub: int, level: int, p: str = "", d: str = "", bkk: bool = False) -> None:
        w = vocab.VILLAGES[int(draw() * len(vocab.VILLAGES))]
        x = vocab.PRODUCTS[int(draw() * len(vocab.PRODUCTS))]
        v, s = ("ชุมชน" if bkk else "บ้าน") + w, areas.subdistricts[sub]
        rows.setdefault(
            (templates[t].pattern.format(p=p, d=d, s=s, v=v, w=w, x=x), sub), (t, level)
        )

    for d, district in enumerate(areas.districts):
        pi = int(areas.district_province[d])
        capital, bkk = bool(d == areas.capital[pi]), bool(areas.bangkok[pi])
        p, anchor = areas.provinces[pi], int(areas.district_anchor[d])
        for t, tpl in enumerate(templates):
            if not tpl.allowed(bkk, capital):
                continue
            if tpl.level == "N" and several and bkk and capital:
                add(t, anchor, 0, p)
            elif (tpl.level == "P" and capital) or tpl.level == "D":
                add(t, anchor, 1, p, district if tpl.level == "D" else "")
            elif tpl.level == "S":
                for sub in subs_of[d]:
                    add(t, int(sub), 2, p, district)
        allowed = [t for t in villages if templates[t].allowed(bkk, capital)]
        for sub in np.repeat(subs_of[d], per_sub):
            add(allowed[int(draw() * len(allowed))], int(sub), 2, bkk=bkk)
    template = np.array([t for t, _ in rows.values()])
    size = np.array([tpl.size for tpl in templates])[template]
    village = np.array([tpl.level == "V" for tpl in templates])[template]
    # Village bodies come in many copies: weigh them together a little above the subdistrict
    # bodies, rather than each copy as much as one subdistrict body.
    local = size[~village & (np.array([lv for _, lv in rows.values()]) == 2)].sum() or size.sum()
    size[village] *= 1.2 * local / max(size[village].sum(), 1e-9)
    # n draws without replacement, by weight: the n largest u^(1/w) (Efraimidis–Spirakis).
    chosen = np.sort(np.argsort(np.log(rng.random(len(size))) / -size, kind="stable")[:n])
    picked, places = template[chosen], list(rows)
    issues = [[_ISSUE_INDEX[i] for i in tpl.issues] + [-1, -1] for tpl in templates]
    found = {
        "template": picked,
        "name": _objects(places[i][0] for i in chosen),
        "sub": np.array([places[i][1] for i in chosen], dtype=np.int64),
        "level": np.array([rows[places[i]][1] for i in chosen], dtype=np.int64),
        "size": np.array([tpl.size for tpl in templates])[picked],
        "sector": np.array([SECTORS.index(tpl.sector) for tpl in templates])[picked],
        "subsector": _objects(tpl.subsector for tpl in templates)[picked],
        "issue": np.array([i[0] for i in issues])[picked],
        "also": np.array([i[1:3] for i in issues])[picked],
    }
    return found


def _people(n: int, areas: _Areas, orgs: Arrays, sector_p: np.ndarray, rng: Rng) -> Arrays:
    """People near home, most of them working for an organization of their own sector."""
    density = rng.lognormal(0.0, 0.6, len(areas.subdistricts))
    density[np.isin(areas.sub_district, areas.capital)] *= 2
    sub = rng.choice(len(density), n, p=density / density.sum())
    district = areas.sub_district[sub]
    sector = rng.choice(3, n, p=sector_p)
    org_d = areas.sub_district[orgs["sub"]]
    near = _Sampler(org_d * 3 + orgs["sector"], orgs["size"]).pick(district * 3 + sector, rng)
    org_p, province = areas.district_province[org_d], areas.district_province[district]
    far = _Sampler(org_p * 3 + orgs["sector"], orgs["size"]).pick(province * 3 + sector, rng)
    org = np.where((rng.random(n) < 0.65) & (near >= 0), near, far)
    org[rng.random(n) >= np.array([0.45, 0.92, 0.9])[sector]] = -1
    community = np.where((sector == 0) & (rng.random(n) < 0.7), "community", "")
    subsector = np.where(org >= 0, orgs["subsector"][org], community).astype(object)
    own_issue = rng.choice(len(_ISSUE_P), n, p=_ISSUE_P)
    issue = np.where((org >= 0) & (rng.random(n) < 0.8), orgs["issue"][org], own_issue)
    extra = rng.choice(len(_ISSUE_P), (n, 2), p=_ISSUE_P)
    also = np.where(np.arange(2) < rng.choice(3, (n, 1), p=[0.45, 0.4, 0.15]), extra, -1)
    temple = np.array([tpl.pattern.startswith("วัด") for tpl in vocab.ORGANIZATIONS])
    monk = (org >= 0) & temple[orgs["template"][org]] & (rng.random(n) < 0.5)
    female, n_male = (rng.random(n) < 0.55) & ~monk, len(vocab.MALE_FIRST)
    # Monks have a Pali name (ฉายา) where lay people have a surname.
    family = np.where(monk, len(vocab.PALI_NAMES), len(vocab.SURNAMES))
    first, last = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    again = np.ones(n, dtype=bool)
    for _ in range(50):  # the importer reports one name twice in one organization as a duplicate
        low, high = np.where(female, n_male, 0)[again], np.where(female, len(_FIRST), n_male)[again]
        first[again] = rng.integers(low, high)
        last[again] = rng.integers(family[again])
        code = ((org * 2 + monk) * len(_FIRST) + first) * len(vocab.SURNAMES) + last
        again[:] = True
        again[np.unique(code, return_index=True)[1]] = False
        if not (again := again & (org >= 0)).any():
            break
    u, official, leader = rng.random(n), sector == 1, subsector == "community"
    university = subsector == "university"
    rules: list[
        tuple[np.ndarray, Any]
    ] = [  # (who, index into TITLES), as people in each walk of life are addressed
        (university & (u < 0.3), 3),
        (university & (u < 0.4), 4),
        (university & (u < 0.6), 5),
        (university & (u < 0.7), 6),
        (official & (u > 0.97), np.where(female, 8, 7)),
        (official & (u > 0.94), 5),
        (official & ~female & (u > 0.92), 9),
        (leader & (u > 0.96), 10),
        (leader & (u > 0.92), 11),
    ]
    plain = np.where(female, np.where(rng.random(n) < 0.6, 1, 2), 0)
    title: np.ndarray = np.select([who for who, _ in rules], [t for _, t in rules], plain)
    title[monk] = 13
    abbot = np.flatnonzero(monk)[np.unique(org[monk], return_index=True)[1]]
    title[abbot] = 12  # one พระครู per temple, named by a title name and no ฉายา
    given = _objects(f for f, _ in _FIRST)[first]
    given[abbot] = _objects(vocab.MONK_NAMES)[rng.integers(len(vocab.MONK_NAMES), size=len(abbot))]
    surnames = np.array([*(s for s, _ in vocab.SURNAMES), *vocab.PALI_NAMES], dtype=object)
    family = surnames[last + np.where(monk, len(vocab.SURNAMES), 0)]
    name = _objects(vocab.TITLES)[title] + given + np.where(title == 12, "", " " + family)
    level = np.select([rng.random(n) < 0.03, rng.random(n) < 0.1], [0, 1], 2)
    return {
        "sub": sub,
        "level": level,
        "sector": sector,
        "subsector": subsector,
        "org": org,
        "issue": issue,
        "also": also,
        "name": name,
        "first": first,
        "last": last,
        "monk": monk,
    }


def _contacts(kind: np.ndarray, sector: np.ndarray, people: Arrays, rng: Rng) -> list[np.ndarray]:
    """E-mail, phone and LINE ID columns. Many people leave them empty. Phones are distinct: an
    affine map of the actor index, with a multiplier prime to M, is a bijection modulo M."""
    n, n_bodies = len(kind), len(kind) - len(people["first"])
    number = _objects(str(i) for i in range(1, n + 1))
    roman = _objects(r for _, r in _FIRST)[people["first"]]
    local = _objects(["contact"] * n_bodies + [""] * len(roman))
    local[kind == 1] = "group"
    local[n_bodies:] = roman + "." + _objects(r[0] for _, r in vocab.SURNAMES)[people["last"]]
    email, phone, line_id = (np.full(n, "", dtype=object) for _ in range(3))
    has = rng.random(n) < np.select([kind == 0, kind == 1, sector == 0], [0.75, 0.35, 0.5], 0.85)
    has[n_bodies:] &= ~people["monk"]
    domain = _objects(vocab.DOMAINS)[rng.integers(len(vocab.DOMAINS), size=n)]
    email[has] = local[has] + number[has] + "@" + domain[has]
    has = rng.random(n) < np.where(kind == 1, 0.5, 0.7)
    m = len(vocab.PHONE_PREFIXES) * 10**7
    a = next(a for a in range(int(rng.integers(10**6, m)), m) if gcd(a, m) == 1)
    digits = (np.flatnonzero(has) * a + int(rng.integers(m))) % m
    prefix = np.array(vocab.PHONE_PREFIXES)[digits // 10**7].tolist()
    rest = (digits % 10**7).tolist()
    phone[has] = [
        f"0{p}-{r // 10**4:03d}-{r % 10**4:04d}" for p, r in zip(prefix, rest, strict=True)
    ]
    has = rng.random(len(roman)) < 0.3
    line_id[n_bodies:][has] = roman[has] + number[n_bodies:][has]
    return [email, phone, line_id]


def _ties(n: int, size: str, groups: list[np.ndarray], weight: np.ndarray, rng: Rng) -> Arrays:
    """``n`` distinct ties: no self-tie, one per unordered pair and kind."""
    samplers = [_Sampler(key, weight) for key in groups]
    everyone, n_actors, n_kinds = np.cumsum(weight), len(weight), len(vocab.TIE_KINDS)
    kind_p = [k[1] for k in vocab.TIE_KINDS]
    src, tgt, kind, level = (np.empty(0, dtype=np.int64) for _ in range(4))
    for _ in range(20):
        if len(src) >= n:
            break
        m = int((n - len(src)) * 1.3) + 64
        s = np.minimum(_search(everyone, rng.random(m) * everyone[-1]), n_actors - 1)
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


def generate(size: str = "workshop", seed: int = 1) -> DemoData:
    """The demo network of one size: ``workshop`` (one province), ``province`` (all its
    districts) or ``national`` (all 77 provinces). The same seed gives the same network."""
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}; expected one of: {', '.join(SIZES)}")
    rng = np.random.default_rng(seed)
    (n_actors, n_ties), n_issues = SIZES[size], len(vocab.ISSUES)
    areas = _areas(size, rng)
    n_org, n_grp = (round(n_actors * share) for share in _KIND_SHARES[size])
    orgs = _bodies(vocab.ORGANIZATIONS, areas, n_org, rng)
    groups = _bodies(vocab.GROUPS, areas, n_grp, rng)
    made = np.bincount(np.concatenate([orgs["sector"], groups["sector"]]), minlength=3)
    need = np.maximum(SECTOR_SHARES * n_actors - made, 0)
    people = _people(n_actors - n_org - n_grp, areas, orgs, need / need.sum(), rng)
    org_key = areas.sub_district[orgs["sub"]] * n_issues + orgs["issue"]
    group_key = areas.sub_district[groups["sub"]] * n_issues + groups["issue"]
    groups["org"] = _Sampler(org_key, orgs["size"]).pick(group_key, rng)
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
    digits = _objects(f"{i:0{len(str(n_actors))}d}" for i in number.tolist())
    keys = np.append(_objects(["ORG-", "GRP-", "P-"])[kind] + digits, "")  # [-1]: no actor
    pairs = np.column_stack([issue, actors["also"]]).tolist()
    tags = _objects(";".join(dict.fromkeys(_THAI[j] for j in r if j >= 0)) for r in pairs)
    columns = [
        keys[:-1],
        actors["name"],
        _objects(["organization", "group", "person"])[kind],
        _objects(SECTORS)[actors["sector"]],
        actors["subsector"],
        _objects(areas.provinces)[province],
        np.where(level >= 1, _objects(areas.districts)[district], ""),
        np.where(level >= 2, _objects(areas.subdistricts)[sub], ""),
        keys[actors["org"]],
        *_contacts(kind, actors["sector"], people, rng),
        tags,
    ]
    by = [district * n_issues + issue, district, province * n_issues + issue, province, 0 * kind]
    ties = _ties(n_ties, size, by, weight, rng)
    dates, kinds = _objects(_DATES), _objects(k[0] for k in vocab.TIE_KINDS)
    strings = [
        keys,
        keys,
        _objects("01234"),
        kinds,
        _objects(["false", "true"]),
        keys,
        dates,
        dates,
    ]
    tables = list(zip(strings, TIE_FIELDS, strict=True))  # each column's strings, by number
    place = f"จังหวัด{areas.provinces[0]}" if size != "national" else "ทั่วประเทศ"
    name = {"workshop": f"เวทีวิเคราะห์ภาคีเครือข่าย {place}", "province": f"ภาคีเครือข่าย{place}"}
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
    areas: _Areas, place: str, keys: np.ndarray, weight: np.ndarray, actors: Arrays
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
