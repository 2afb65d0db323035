"""Activities and attendance at the scale of a national programme, for the benchmarks and the
large demos: deterministic per seed, without Django.

Most activities are meetings of a few to twenty people, a quarter are trainings and forums of
twenty to fifty, and one in twenty is a large public forum of fifty to three hundred (which makes
no co-participation ties). People meet those who live near them: an activity draws its
participants from a window of the actor list around one place, and the demo lists actors by
area, so the same people meet again and pairs share several activities, as in real networks.
"""

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ACTIVITY_FIELDS = (
    "key", "title", "kind", "start", "end", "province", "network", "project",
    "iap2_planned", "iap2_achieved",
)  # fmt: skip
ATTENDANCE_FIELDS = ("activity", "actor", "role")
_KINDS = np.array(["meeting", "training", "forum", "visit", "seminar", "hearing", "campaign"])
_KIND_SHARES = np.array([0.45, 0.15, 0.12, 0.12, 0.06, 0.05, 0.05])
_TITLES = {
    "meeting": "ประชุมคณะทำงาน",
    "training": "อบรมแกนนำ",
    "forum": "เวทีประชาคม",
    "visit": "ลงพื้นที่เยี่ยมเครือข่าย",
    "seminar": "สัมมนาแลกเปลี่ยนเรียนรู้",
    "hearing": "รับฟังความคิดเห็น",
    "campaign": "รณรงค์",
}
FIRST_DAY = dt.date(2023, 10, 1)  # the start of fiscal year 2567
DAYS = 3 * 365


@dataclass(frozen=True)
class ParticipationData:
    """Rows in the columns of ``phakhi import activities`` and ``phakhi import attendance``."""

    activities: list[dict[str, str]]
    attendance: list[dict[str, str]]


def _sizes(n: int, total: int, rng: np.random.Generator) -> np.ndarray:
    band = rng.choice(3, size=n, p=[0.70, 0.25, 0.05])
    low = np.array([3, 20, 51])[band]
    high = np.array([20, 50, 300])[band]
    sizes = rng.integers(low, high + 1)
    # Scale the small and middle bands so that the total is exactly ``total``.
    small = band < 2
    spare = total - sizes[~small].sum()
    scaled = np.maximum(2, np.round(sizes[small] * spare / max(1, sizes[small].sum())))
    sizes[small] = np.minimum(scaled, 50)
    difference = total - int(sizes.sum())
    order = rng.permutation(np.flatnonzero(small))
    for index in order:
        if difference == 0:
            break
        step = 1 if difference > 0 else -1
        if 2 <= sizes[index] + step <= 50:
            sizes[index] += step
            difference -= step
    return sizes


def participation_data(
    actor_keys: Sequence[str],
    *,
    activities: int = 20_000,
    attendance: int = 500_000,
    seed: int = 1,
    networks: Sequence[str] = (),
    projects: Sequence[str] = (),
) -> ParticipationData:
    """``activities`` activities with ``attendance`` attendance rows in all, among
    ``actor_keys`` (listed by area), in fiscal years 2567–2569; each activity names one of
    ``networks`` and of ``projects`` when given.

    >>> data = participation_data([f"a{i}" for i in range(500)], activities=20, attendance=300)
    >>> len(data.activities), len(data.attendance)
    (20, 300)
    """
    rng = np.random.default_rng(seed)
    n_actors = len(actor_keys)
    sizes = _sizes(activities, attendance, rng)
    if sizes.max() > n_actors:
        raise ValueError(f"{n_actors} actors are too few for an activity of {sizes.max()}")
    kinds = rng.choice(_KINDS, size=activities, p=_KIND_SHARES)
    days = rng.integers(0, DAYS, size=activities)
    planned = rng.choice(6, size=activities, p=[0.10, 0.35, 0.25, 0.15, 0.10, 0.05])
    shortfall = rng.random(activities) < 0.3
    achieved = np.where(shortfall & (planned > 1), planned - 1, planned)
    achieved = np.where(days > DAYS - 60, 0, achieved)  # recent ones not yet assessed
    centres = rng.integers(0, n_actors, size=activities)
    activity_rows, attendance_rows = [], []
    for i in range(activities):
        key = f"ACT-{i + 1:06d}"
        kind = str(kinds[i])
        start = FIRST_DAY + dt.timedelta(days=int(days[i]))
        size = int(sizes[i])
        activity_rows.append({
            "key": key,
            "title": f"{_TITLES[kind]} ครั้งที่ {i + 1}",
            "kind": kind,
            "start": start.isoformat(),
            "end": (start + dt.timedelta(days=1)).isoformat() if kind == "training" else "",
            "province": "",
            "network": networks[i % len(networks)] if networks else "",
            "project": projects[i % len(projects)] if projects else "",
            "iap2_planned": str(planned[i]) if planned[i] else "",
            "iap2_achieved": str(achieved[i]) if achieved[i] else "",
        })  # fmt: skip
        width = min(n_actors, 4 * size)
        first = min(max(0, int(centres[i]) - width // 2), n_actors - width)
        chosen = first + rng.choice(width, size=size, replace=False)
        for position, actor in enumerate(chosen.tolist()):
            role = "organizer" if position == 0 else "speaker" if position == 1 else "participant"
            attendance_rows.append({"activity": key, "actor": actor_keys[actor], "role": role})
    return ParticipationData(activity_rows, attendance_rows)


def write_csv(data: ParticipationData, folder: Path) -> list[Path]:
    """activities.csv and attendance.csv in ``folder`` (UTF-8, the import's English headers)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, fields, rows in (
        ("activities.csv", ACTIVITY_FIELDS, data.activities),
        ("attendance.csv", ATTENDANCE_FIELDS, data.attendance),
    ):
        path = folder / name
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
        written.append(path)
    return written
