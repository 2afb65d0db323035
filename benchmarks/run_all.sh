#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md, one after another (never two at once: they time the
# machine). Figures go to benchmarks/out/. With PHAKHI_BENCH_POSTGRES set to a scratch
# database's URL (it is filled: 600,000 actors) each also runs on PostgreSQL.
#
#   PHAKHI_BENCH_POSTGRES=postgres://bench:bench@localhost:5432/phakhi_bench \
#       bash benchmarks/run_all.sh
#
# The national demo databases are built by bench_analysis.py (about an hour on 2 cores) and
# kept; the web benchmarks after it (search, pages, load) read them. The map benchmark builds
# its own workspace in a database it recreates: give it another one with
# PHAKHI_BENCH_POSTGRES_MAP (without it the map runs on SQLite only).
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
postgres=()
if [[ -n "${PHAKHI_BENCH_POSTGRES:-}" ]]; then
    postgres=(--postgres "$PHAKHI_BENCH_POSTGRES")
fi

step() {
    echo "== $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg): $*"
    "$python" "$@"
}

# issue #2: import and export
step benchmarks/bench_import.py --size national --repeat 3 "${postgres[@]}"
# issue #3: the engine against networkx, then the national demo analysed end to end
step benchmarks/bench_engine.py --part networkx --size province --repeat 3
step benchmarks/bench_engine.py --part networkx --size region --repeat 3
step benchmarks/bench_engine.py --part accuracy
step benchmarks/bench_analysis.py --size national --repeat 3 "${postgres[@]}"
# issue #4: the web application on the national demo
map_postgres=()
if [[ -n "${PHAKHI_BENCH_POSTGRES_MAP:-}" ]]; then
    map_postgres=(--postgres "$PHAKHI_BENCH_POSTGRES_MAP")
fi
step benchmarks/bench_map.py --repeat 5 "${map_postgres[@]}"
step benchmarks/bench_search.py --repeat 3 --queries 240 "${postgres[@]}"
step benchmarks/bench_pages.py --repeat 3 --sample 200 "${postgres[@]}"
step benchmarks/bench_load.py --users 20 --ramp 10 --seconds 60 "${postgres[@]}"
