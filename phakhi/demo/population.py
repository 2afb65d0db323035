"""Who is in the demo network: the places (geothai), the organizations and groups drawn from
their templates, the people who work for them, and everyone's contact details."""

import random
from collections.abc import Iterable
from dataclasses import dataclass
from math import gcd
from typing import Any

import geothai
import numpy as np

from phakhi.demo import names as vocab

Arrays = dict[str, np.ndarray]
Rng = np.random.Generator
SECTORS = ("civil", "government", "academic")
_ISSUE_INDEX = {issue.slug: i for i, issue in enumerate(vocab.ISSUES)}
_ISSUE_P = np.array([i.weight for i in vocab.ISSUES]) / sum(i.weight for i in vocab.ISSUES)
_FIRST = vocab.MALE_FIRST + vocab.FEMALE_FIRST


def as_objects(values: Iterable[Any]) -> np.ndarray:
    items = list(values)
    found = np.empty(len(items), dtype=object)
    found[:] = items
    return found


@dataclass
class Areas:
    provinces: list[str]
    districts: list[str]
    district_codes: list[str]
    subdistricts: list[str]
    sub_district: np.ndarray
    district_province: np.ndarray
    district_anchor: np.ndarray  # a subdistrict of each district, to place district-wide bodies
    capital: np.ndarray  # the capital district of each province
    bangkok: np.ndarray


def areas_for(size: str, rng: Rng) -> Areas:
    provinces = geothai.provinces()
    if size != "national":
        provinces = [p for p in provinces if p.code != "10"]
        provinces = [provinces[rng.integers(len(provinces))]]
    names: list[list[str]] = [[], [], [], []]  # provinces, districts, their codes, subdistricts
    indices: list[list[int]] = [[], [], [], [], []]  # as the arrays of Areas
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
    return Areas(names[0], names[1], names[2], names[3], *(np.array(i) for i in indices))


def search_sorted(table: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``searchsorted(table, values, "right")``, with the values sorted first: lookups in order
    stay in cache, several times faster for millions of random values."""
    order = np.argsort(values, kind="stable")
    found = np.empty(len(values), dtype=np.int64)
    found[order] = np.searchsorted(table, values[order], "right")
    return found


class Sampler:
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
        return np.where(hi > lo, self.order[np.clip(search_sorted(self.cum, at), lo_c, hi_c)], -1)


def draw_bodies(templates: tuple[vocab.Template, ...], areas: Areas, n: int, rng: Rng) -> Arrays:
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
        "name": as_objects(places[i][0] for i in chosen),
        "sub": np.array([places[i][1] for i in chosen], dtype=np.int64),
        "level": np.array([rows[places[i]][1] for i in chosen], dtype=np.int64),
        "size": np.array([tpl.size for tpl in templates])[picked],
        "sector": np.array([SECTORS.index(tpl.sector) for tpl in templates])[picked],
        "subsector": as_objects(tpl.subsector for tpl in templates)[picked],
        "issue": np.array([i[0] for i in issues])[picked],
        "also": np.array([i[1:3] for i in issues])[picked],
    }
    return found


def draw_people(n: int, areas: Areas, orgs: Arrays, sector_p: np.ndarray, rng: Rng) -> Arrays:
    """People near home, most of them working for an organization of their own sector."""
    density = rng.lognormal(0.0, 0.6, len(areas.subdistricts))
    density[np.isin(areas.sub_district, areas.capital)] *= 2
    sub = rng.choice(len(density), n, p=density / density.sum())
    district = areas.sub_district[sub]
    sector = rng.choice(3, n, p=sector_p)
    org_d = areas.sub_district[orgs["sub"]]
    near = Sampler(org_d * 3 + orgs["sector"], orgs["size"]).pick(district * 3 + sector, rng)
    org_p, province = areas.district_province[org_d], areas.district_province[district]
    far = Sampler(org_p * 3 + orgs["sector"], orgs["size"]).pick(province * 3 + sector, rng)
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
    given = as_objects(f for f, _ in _FIRST)[first]
    given[abbot] = as_objects(vocab.MONK_NAMES)[
        rng.integers(len(vocab.MONK_NAMES), size=len(abbot))
    ]
    surnames = np.array([*(s for s, _ in vocab.SURNAMES), *vocab.PALI_NAMES], dtype=object)
    family = surnames[last + np.where(monk, len(vocab.SURNAMES), 0)]
    name = as_objects(vocab.TITLES)[title] + given + np.where(title == 12, "", " " + family)
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


def draw_contacts(
    kind: np.ndarray, sector: np.ndarray, people: Arrays, rng: Rng
) -> list[np.ndarray]:
    """E-mail, phone and LINE ID columns. Many people leave them empty. Phones are distinct: an
    affine map of the actor index, with a multiplier prime to M, is a bijection modulo M."""
    n, n_bodies = len(kind), len(kind) - len(people["first"])
    number = as_objects(str(i) for i in range(1, n + 1))
    roman = as_objects(r for _, r in _FIRST)[people["first"]]
    local = as_objects(["contact"] * n_bodies + [""] * len(roman))
    local[kind == 1] = "group"
    local[n_bodies:] = roman + "." + as_objects(r[0] for _, r in vocab.SURNAMES)[people["last"]]
    email, phone, line_id = (np.full(n, "", dtype=object) for _ in range(3))
    has = rng.random(n) < np.select([kind == 0, kind == 1, sector == 0], [0.75, 0.35, 0.5], 0.85)
    has[n_bodies:] &= ~people["monk"]
    domain = as_objects(vocab.DOMAINS)[rng.integers(len(vocab.DOMAINS), size=n)]
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
