"""Import a filled worksheet 1 of 2,000 stakeholders and a worksheet 4 plan of 500 rows (XLSX,
Thai headers) into a project on SQLite and PostgreSQL: the first import (every row new), the
same file again (every row unchanged), a copy with a cell changed in every row (every row
updated through the services' version checks), and a dry run of that copy.

    .venv/bin/python benchmarks/bench_worksheet_import.py [--repeat 3] [--cards 2000] [--plan 500]
        [--postgres postgres://user:pass@localhost:5432/dbname]

Each step runs as its own `phakhi worksheet import` process on a fresh database; the figures are
wall-clock seconds (median of the runs) and the process's peak resident memory. Results are
printed and written to benchmarks/out/worksheet-import-<databases>.json.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
PHAKHI = [sys.executable, "-m", "phakhi.cli"]
sys.path.insert(0, str(ROOT))

CARD_HEADERS = [
    "ชื่อผู้มีส่วนได้เสีย/ภาคี", "ประเภท", "ภาคส่วน", "กลุ่ม", "ระดับอิทธิพล", "ระดับความสนใจ",
    "ชื่อคนที่ติดต่อได้", "ผลกระทบ", "อิทธิพล", "อะไรสำคัญต่อภาคี", "ภาคีช่วยอะไรโครงการได้บ้าง",
    "ภาคีเป็นอุปสรรคอย่างไรต่อโครงการ", "เข้าถึงภาคีได้อย่างไร",
]  # fmt: skip
PLAN_HEADERS = [
    "กลุ่ม", "ความสัมพันธ์เดิม", "ความสัมพันธ์ใหม่", "ประโยชน์เรา/แลกเปลี่ยน", "ประโยชน์เพื่อน",
    "วิธีการ",
]  # fmt: skip
KINDS = ("คน", "กลุ่ม", "องค์กร")
SECTORS = ("ประชาชน ประชาสังคม เอกชน", "วิชาการ", "ภาครัฐ")
GROUPS = ("กลุ่มที่มีอิทธิพลต่อโครงการเรา", "2; 3", "1; กลุ่มที่สนใจความสำเร็จหรือความล้มเหลวของโครงการ")
LEVELS = ("มาก (5)", "มาก", "น้อย (2)", "น้อย", "4", "1")
CURRENT = ("หลวม", "หลวม ผ่านชาคริต", "รู้จัก", "")
NEW = ("ประสานการทำงาน", "มีส่วนร่วม", "แน่นแฟ้น")


def card_rows(count: int, changed: bool) -> list[list[str]]:
    return [
        [
            f"กลุ่มเกษตรกรบ้านหนองบัว หมู่ {n}", KINDS[n % 3], SECTORS[n % 3], GROUPS[n % 3],
            LEVELS[n % 6], LEVELS[(n + 1) % 6], f"ป้อม เลข 08{n:08d}",
            "ใช้เรื่องเกษตรอินทรีย์เป็นผลงาน" + (" (ทบทวน)" if changed else ""),
            "กำหนดนโยบายเกษตรอินทรีย์", "ฐานเสียง ผู้รักสุขภาพ", "สนับสนุนงบประมาณ",
            "การขับเคลื่อนงานซ้ำ", "นัดหมายเข้าพบ นำเสนอผลงานร่วมกับสื่อ",
        ]
        for n in range(1, count + 1)
    ]  # fmt: skip


def plan_rows(count: int, changed: bool) -> list[list[str]]:
    return [
        [
            f"กลุ่มอาหารสมุนไพร ตำบลที่ {n}", CURRENT[n % 4], NEW[(n + changed) % 3],
            "แลกเปลี่ยนวิธีการปลูก การตลาด", "ร่วมส่งผลผลิตเข้า รพ.",
            "พบปะแลกเปลี่ยนความร่วมมือ; ทำกิจกรรมร่วมทุกสัปดาห์; สื่อสารสาธารณะ",
        ]
        for n in range(1, count + 1)
    ]  # fmt: skip


def write_xlsx(path: Path, headers: list[str], rows: list[list[str]]) -> Path:
    """A workbook as Excel (and the worksheets' export) saves one: its sheet's size recorded,
    which a reader takes instead of going through every row to find it."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "ใบงาน"
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak memory (MiB) of one phakhi command."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [*PHAKHI, "--lang", "en", *args], env=env, cwd=ROOT, stdout=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: phakhi {' '.join(args)}")
    return seconds, usage.ru_maxrss / 1024


def fresh_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def one_round(env: dict[str, str], files: dict[str, Path]) -> dict[str, tuple[float, float]]:
    for command in (
        ["manage", "migrate", "-v0"],
        ["workspace", "create", "bench", "--name", "bench"],
        ["project", "create", "organic", "--workspace", "bench", "--name", "เกษตรอินทรีย์"],
    ):
        subprocess.run(
            [*PHAKHI, *command], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )

    def load(name: str, *options: str) -> tuple[float, float]:
        target = ["--workspace", "bench", "--project", "organic", *options]
        return run(["worksheet", "import", str(files[name]), *target], env)

    figures = {}
    for sheet in ("cards", "plan"):
        figures[f"{sheet}: first import"] = load(sheet)
        figures[f"{sheet}: same file again"] = load(sheet)
        figures[f"{sheet}: dry run, every row changed"] = load(f"{sheet}-changed", "--dry-run")
        figures[f"{sheet}: every row changed"] = load(f"{sheet}-changed")
    print({k: f"{s:.1f} s, {m:.0f} MiB" for k, (s, m) in figures.items()}, flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cards", type=int, default=2000)
    parser.add_argument("--plan", type=int, default=500)
    parser.add_argument("--postgres", help="URL of a scratch database (dropped and recreated)")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="phakhi-worksheets-"))
    files = {
        "cards": write_xlsx(folder / "cards.xlsx", CARD_HEADERS, card_rows(args.cards, False)),
        "cards-changed": write_xlsx(
            folder / "cards-changed.xlsx", CARD_HEADERS, card_rows(args.cards, True)
        ),
        "plan": write_xlsx(folder / "plan.xlsx", PLAN_HEADERS, plan_rows(args.plan, False)),
        "plan-changed": write_xlsx(
            folder / "plan-changed.xlsx", PLAN_HEADERS, plan_rows(args.plan, True)
        ),
    }
    results: dict[str, dict[str, dict[str, float]]] = {}
    databases = ([] if args.skip_sqlite else ["sqlite"]) + (["postgresql"] if args.postgres else [])
    try:
        for database in databases:
            rounds = []
            for _ in range(args.repeat):
                data_dir = Path(tempfile.mkdtemp(prefix="phakhi-bench-"))
                env = {**os.environ, "PHAKHI_DATA_DIR": str(data_dir)}
                if database == "postgresql":
                    fresh_postgres(args.postgres)
                    env["DATABASE_URL"] = args.postgres
                else:
                    env.pop("DATABASE_URL", None)
                try:
                    rounds.append(one_round(env, files))
                finally:
                    shutil.rmtree(data_dir, ignore_errors=True)
            results[database] = {
                step: {
                    "median_seconds": round(statistics.median(r[step][0] for r in rounds), 2),
                    "peak_mib": round(max(r[step][1] for r in rounds)),
                }
                for step in rounds[0]
            }
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report = {
        "cards": args.cards,
        "plan_rows": args.plan,
        "repeat": args.repeat,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load": Path("/proc/loadavg").read_text().split()[:3],
        },
        "results": results,
    }
    out = ROOT / "benchmarks" / "out" / f"worksheet-import-{'-'.join(databases)}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
