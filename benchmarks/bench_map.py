"""The network map at 20,000 actors and 100,000 ties: server time of its data, frame rate in
Chromium while panning and zooming.

    .venv/bin/python benchmarks/bench_map.py [--repeat 5] [--fps-seconds 6]
        [--postgres postgres://bench:bench@localhost:5432/phakhi_map] [--skip-sqlite]

A workspace "map" is built once per database and kept (SQLite under benchmarks/out/db-map/, the
PostgreSQL database given, which must be a scratch database: it is recreated when it lacks the
workspace): the demo generator's province proportions at 20,000 actors and 100,000 ties, then an
analysis of the whole workspace, which gives the map its layout.

Per database, in a child process: the map data view (GET /w/map/map/data/ with gzip accepted)
through Django's test Client, one warm-up then --repeat timed requests (median, min, max), and
the selectors alone (map_scope, scope_payload). Then the map page is served by `phakhi serve`
on a loopback port and opened in Debian's Chromium (Playwright, executable_path): seconds until
the map is drawn, and requestAnimationFrame callbacks counted while the mouse drags the map
around for half of --fps-seconds and the wheel zooms in and out for the other half. This
machine has no graphics card: Chromium draws WebGL in software (SwiftShader) on 2 shared cores,
the slowest case a user can meet. Results are printed and written to benchmarks/out/map.json.
"""

import argparse
import gzip
import json
import math
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_import import PHAKHI, fresh_postgres  # noqa: E402

SLUG = "map"
ACTORS, TIES = 20_000, 100_000
DEFAULT_POSTGRES = "postgres://bench:bench@localhost:5432/phakhi_map"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"]  # fmt: skip
BENCH_USER = "bench-map"


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def build() -> None:
    """Child process: load the 20,000-actor demo into workspace "map" and analyse it."""
    _django()
    from phakhi.analysis.services import analysis_request
    from phakhi.core.audit import Author
    from phakhi.core.selectors import workspace_get
    from phakhi.demo import generator
    from phakhi.demo.services import demo_load

    # A size of its own with the province's proportions (one province, mostly local ties).
    generator.SIZES["map"] = (ACTORS, TIES)
    generator._KIND_SHARES["map"] = generator._KIND_SHARES["province"]
    generator._TIE_LEVELS["map"] = generator._TIE_LEVELS["province"]
    author = Author.system("benchmark")
    start = time.perf_counter()
    print(demo_load(author, size="map", seed=1, slug=SLUG), flush=True)
    loaded = time.perf_counter() - start
    run = analysis_request(author, workspace_get(SLUG), background=False)
    print(f"loaded in {loaded:.1f} s, analysed in {sum(run.timings.values()):.1f} s", flush=True)


def _session() -> str:
    """A signed-in session of a superuser (admin of every workspace), as a cookie value."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(
        username=BENCH_USER, defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user)
    return str(client.cookies["sessionid"].value)


def measure(repeat: int) -> None:
    """Child process: time the data view and the selector; print one JSON line."""
    _django()
    from django.test import Client
    from django.urls import reverse

    from phakhi.accounts.models import Role
    from phakhi.accounts.permissions import Access
    from phakhi.analysis.mapdata import scope_payload
    from phakhi.analysis.mapscope import map_scope
    from phakhi.core.selectors import workspace_get

    workspace = workspace_get(SLUG)
    client = Client(HTTP_HOST="localhost")
    client.cookies["sessionid"] = _session()
    url = reverse("web:map-data", args=[SLUG])
    views, sizes = [], {}
    for round_ in range(repeat + 1):
        start = time.perf_counter()
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        seconds = time.perf_counter() - start
        assert response.status_code == 200, response.status_code
        if round_:
            views.append(seconds)
        sizes = {"gzip_bytes": len(response.content),
                 "json_bytes": len(gzip.decompress(response.content))}  # fmt: skip
    access = Access(None, workspace, Role.ADMIN)
    selector = []
    for _ in range(repeat):
        start = time.perf_counter()
        payload = scope_payload(map_scope(workspace), access)
        selector.append(time.perf_counter() - start)
    print(json.dumps({
        "view_seconds": {"median": statistics.median(views), "min": min(views),
                         "max": max(views), "runs": views},
        "selector_seconds": {"median": statistics.median(selector), "min": min(selector),
                             "max": max(selector)},
        "nodes": payload["counts"]["nodes"], "edges": payload["counts"]["edges"], **sizes,
        "session": _session(),
    }))  # fmt: skip


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, seconds: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # loopback only
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server at {url} did not answer")


FRAMES_START = """() => { window.__frames = []; window.__stop = false;
  const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); };
  requestAnimationFrame(tick); }"""
FRAMES_STOP = """() => { window.__stop = true; const f = window.__frames;
  const gaps = f.slice(1).map((t, i) => t - f[i]).sort((a, b) => a - b);
  const q = (p) => gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * p))];
  return { frames: f.length - 1, seconds: (f[f.length - 1] - f[0]) / 1000,
           p50_ms: q(0.5), p95_ms: q(0.95), max_ms: gaps[gaps.length - 1] }; }"""


def frame_rate(env: dict[str, str], session: str, seconds: float) -> dict[str, Any]:
    """Serve the page, open it in Chromium, pan and zoom, count frames."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    server_env = {**env, "PHAKHI_DEBUG": "1"}  # static files straight from assets/build
    server = subprocess.Popen(
        [*PHAKHI, "serve", "--host", "127.0.0.1", "--port", str(port)], env=server_env,
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(f"{base}/static/phakhi/map.js")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="th-TH")
            context.add_cookies([{"name": "sessionid", "value": session, "url": base}])
            page = context.new_page()
            start = time.perf_counter()
            page.goto(f"{base}/w/{SLUG}/map/")
            page.wait_for_selector("#network-map[data-state=ready]", timeout=120_000)
            page.evaluate("() => new Promise((done) => requestAnimationFrame(() => done()))")
            drawn = time.perf_counter() - start
            page.wait_for_timeout(2000)
            box = page.locator("#map-canvas").bounding_box()
            assert box is not None
            cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            page.evaluate(FRAMES_START)
            page.mouse.move(cx, cy)
            page.mouse.down()
            clock, step = time.monotonic(), 0
            while time.monotonic() - clock < seconds / 2:
                step += 1
                page.mouse.move(cx + 150 * math.cos(step / 10), cy + 150 * math.sin(step / 10))
            page.mouse.up()
            clock = time.monotonic()
            while time.monotonic() - clock < seconds / 2:
                inward = int((time.monotonic() - clock) * 2) % 2 == 0
                page.mouse.wheel(0, -120 if inward else 120)
                page.wait_for_timeout(30)
            frames = page.evaluate(FRAMES_STOP)
            version = browser.version
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    fps = frames["frames"] / frames["seconds"] if frames["seconds"] else 0.0
    return {"drawn_seconds": drawn, "fps": fps, **frames, "chromium": version}


def ensure_workspace(env: dict[str, str], database: str, url: str | None) -> None:
    check = subprocess.run([*PHAKHI, "workspace", "list"], env=env, cwd=ROOT,
                           capture_output=True, text=True)  # fmt: skip
    if check.returncode == 0 and f"{SLUG}\t" in check.stdout:
        return
    if database == "postgresql" and url:
        fresh_postgres(url)
    subprocess.run([*PHAKHI, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run([sys.executable, __file__, "--build"], env=env, cwd=ROOT, check=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--fps-seconds", type=float, default=6.0)
    parser.add_argument(
        "--postgres", default=DEFAULT_POSTGRES, help="a scratch database for the workspace"
    )
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build()
        return
    if args.measure:
        measure(args.measure)
        return
    databases = ([] if args.skip_sqlite else ["sqlite"]) + (
        [] if args.skip_postgres else ["postgresql"]
    )
    results = {}
    for database in databases:
        env = {**os.environ}
        if database == "postgresql":
            env["DATABASE_URL"] = args.postgres
        else:
            env.pop("DATABASE_URL", None)
            env["PHAKHI_DATA_DIR"] = str(ROOT / "benchmarks" / "out" / "db-map")
        ensure_workspace(env, database, args.postgres)
        subprocess.run([*PHAKHI, "manage", "migrate", "-v0"], env=env, cwd=ROOT, check=True)
        out = subprocess.run([sys.executable, __file__, "--measure", str(args.repeat)], env=env,
                             cwd=ROOT, check=True, capture_output=True, text=True)  # fmt: skip
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        session = figures.pop("session")
        figures["browser"] = frame_rate(env, session, args.fps_seconds)
        results[database] = figures
        view, browser = figures["view_seconds"], figures["browser"]
        print(
            f"{database}: view median {view['median']:.3f} s (min {view['min']:.3f}, max "
            f"{view['max']:.3f}), selector {figures['selector_seconds']['median']:.3f} s, "
            f"{figures['gzip_bytes'] / 1e6:.1f} MB gzip ({figures['json_bytes'] / 1e6:.1f} MB "
            f"JSON); drawn after {browser['drawn_seconds']:.1f} s, {browser['fps']:.1f} "
            f"frames/s while moving (p95 frame {browser['p95_ms']:.0f} ms)",
            flush=True,
        )
    report = {
        "actors": ACTORS, "ties_generated": TIES, "repeat": args.repeat,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "load": os.getloadavg()},
        "results": results,
    }  # fmt: skip
    path = ROOT / "benchmarks" / "out" / "map.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
