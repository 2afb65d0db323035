"""What the export tests share: a small workspace (``world``) with awkward values, and
the rows each export should hold for it."""

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from phakhi.actors.models import Actor, ActorTag, Tag
from phakhi.core.areas import district_name, province_name, subdistrict_name
from phakhi.core.models import Workspace
from phakhi.core.thai import name_key, word_key
from phakhi.imports.columns import ACTOR_COLUMNS, TIE_COLUMNS
from phakhi.networks.models import Membership, Network
from phakhi.ties.models import Tie

EVIL_NAME = '=HYPERLINK("http://x")'
ACTOR_FIELDS = [c.name for c in ACTOR_COLUMNS]
TIE_FIELDS = [c.name for c in TIE_COLUMNS]
ATTRIBUTES = ["note", "ตำแหน่ง"]
NODE_COLUMNS = [n for n in ACTOR_FIELDS if n not in ("key", "name", "email", "phone", "line_id")]


@dataclass
class World:
    workspace: Workspace
    network: Network
    actors: dict[str, Actor]


def _actor(
    ws: Workspace, key: str, name: str, *, tags: tuple[str, ...] = (), **fields: Any
) -> Actor:
    actor = Actor.objects.create(
        workspace=ws, key=key, name=name, name_key=name_key(name), **fields
    )
    for tag_name in tags:
        tag, _ = Tag.objects.get_or_create(
            workspace=ws, name_key=word_key(tag_name), defaults={"name": tag_name}
        )
        ActorTag.objects.create(actor=actor, tag=tag)
    return actor


def _tie(ws: Workspace, a: Actor, b: Actor, **fields: Any) -> Tie:
    if not fields.get("directed") and a.pk > b.pk:
        a, b = b, a
    return Tie.objects.create(workspace=ws, source=a, target=b, **fields)


@pytest.fixture
def world(db: None) -> World:
    ws = Workspace.objects.create(slug="export-test", name="เครือข่ายสุขภาพขอนแก่น")
    area: dict[str, Any] = {
        "province_code": "40",
        "district_code": "4001",
        "subdistrict_code": "400101",
    }
    org = _actor(ws, "ORG1", "โรงพยาบาลขอนแก่น", kind="organization", sector="government", **area)
    nurse = _actor(
        ws, "P1", "นางสาวสมศรี มีสุข", tags=("สุขภาพ", "การศึกษา"), organization=org, sector="civil",
        email="somsri@example.org", phone="+66812345678", line_id="somsri",
        attributes={"ตำแหน่ง": "พยาบาล", "note": "-5 points"}, **area,
    )  # fmt: skip
    evil = _actor(
        ws, "EVIL", EVIL_NAME, tags=("สุขภาพ",), phone="+66898765432",
        attributes={"ตำแหน่ง": "@SUM(A1)"},
    )  # fmt: skip
    farmer = _actor(ws, "P3", "นายสมชาย ใจดี", sector="civil", province_code="10")
    broker = _actor(ws, "B", "ดร.วิชัย ประสานงาน", sector="academic")
    _tie(ws, org, nurse, strength=4, kind="ข้อมูล", since=dt.date(2024, 3, 15))
    _tie(ws, nurse, evil, strength=2, directed=True)
    period = {"since": dt.date(2023, 1, 1), "until": dt.date(2025, 6, 30)}
    _tie(ws, farmer, nurse, strength=3, via=broker, **period)
    _tie(ws, evil, farmer, strength=1, kind="ทรัพยากร")
    network = Network.objects.create(workspace=ws, slug="health", name="เครือข่ายสุขภาพ")
    for member in (org, nurse, farmer):
        Membership.objects.create(workspace=ws, network=network, actor=member)
    actors = {a.key: a for a in (org, nurse, evil, farmer, broker)}
    return World(ws, network, actors)


# The Thai labels the pages show, which a file with Thai headers holds instead.
THAI = {
    "person": "บุคคล", "group": "กลุ่ม", "organization": "องค์กร",
    "civil": "ภาคประชาชน ประชาสังคม และเอกชน", "academic": "ภาควิชาการ", "government": "ภาครัฐ",
    "true": "ใช่", "false": "ไม่ใช่",
}  # fmt: skip


def _label(value: str, thai: bool) -> str:
    return THAI.get(value, value) if thai else value


def expected_actors(
    world: World, keys: set[str] | None = None, thai: bool = False
) -> dict[str, dict[str, str]]:
    """Each actor's columns as text, read from the database the slow, obvious way."""
    found = {}
    for a in Actor.objects.filter(workspace=world.workspace).select_related("organization"):
        if keys is not None and a.key not in keys:
            continue
        found[a.key] = {
            "key": a.key, "name": a.name, "kind": _label(a.kind, thai),
            "sector": _label(a.sector, thai),
            "subsector": a.subsector, "province": province_name(a.province_code),
            "district": district_name(a.district_code),
            "subdistrict": subdistrict_name(a.subdistrict_code),
            "organization": a.organization.key if a.organization else "",
            "email": a.email, "phone": a.phone, "line_id": a.line_id,
            "tags": "; ".join(sorted(t.name for t in a.tags.all())),
            **{k: a.attributes.get(k, "") for k in ATTRIBUTES},
        }  # fmt: skip
    return found


def expected_ties(
    world: World, keys: set[str] | None = None, thai: bool = False
) -> dict[tuple[str, str], dict]:
    found = {}
    for t in Tie.objects.filter(workspace=world.workspace).select_related():
        if keys is not None and not {t.source.key, t.target.key} <= keys:
            continue
        found[(t.source.key, t.target.key)] = {
            "source": t.source.key, "target": t.target.key, "strength": str(t.strength),
            "kind": t.kind, "directed": _label("true" if t.directed else "false", thai),
            "via": t.via.key if t.via else "", "since": t.since.isoformat() if t.since else "",
            "until": t.until.isoformat() if t.until else "",
        }  # fmt: skip
    return found


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        headers, *rows = list(csv.reader(handle))
    return headers, rows


def actor_rows(rows: list[list[Any]]) -> dict[str, dict]:
    return {r[0]: dict(zip([*ACTOR_FIELDS, *ATTRIBUTES], r, strict=True)) for r in rows}


def tie_rows(rows: list[list[Any]]) -> dict[tuple[str, str], dict]:
    return {(r[0], r[1]): dict(zip(TIE_FIELDS, r, strict=True)) for r in rows}


def compare_graph(graph: nx.Graph, world: World, keys: set[str] | None = None) -> None:
    actors = expected_actors(world, keys)
    assert set(graph.nodes) == set(actors)
    for key, data in graph.nodes(data=True):
        want = actors[key]
        assert data["label"] == want["name"]
        for name in (*NODE_COLUMNS, *ATTRIBUTES):
            assert data.get(name, "") == want[name], (key, name)
    ties = expected_ties(world, keys)
    assert graph.number_of_edges() == len(ties)
    for u, v, data in graph.edges(data=True):
        want = ties.get((u, v)) or ties[(v, u)]
        assert data["weight"] == float(want["strength"])
        assert data["strength"] == int(want["strength"])
        assert data["directed"] == (want["directed"] == "true")
        for name in ("kind", "via", "since", "until"):
            assert data.get(name, "") == want[name], (u, v, name)
