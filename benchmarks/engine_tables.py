"""The engine benchmark's results as markdown tables, ready for docs/benchmarks.md."""

from __future__ import annotations

from typing import Any

from engine_common import (
    PATH_MEASURES,
    machine_line,
)


def effective_seconds(x: dict[str, Any]) -> float:
    return sum(v for name, v in x["steps_median"].items() if name.startswith("effective_size"))


def seconds(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.2f}" if value < 10 else f"{value:.1f}"


def networkx_tables(r: dict[str, Any]) -> str:
    e, x = r["engine"], r["networkx"]
    lines = [
        f"### Engine vs networkx: {r['size']} ({r['graph']['actors']:,} actors, "
        f"{r['graph']['edges']:,} edges)",
        "",
        machine_line(r["machine"], r["load_average_at_start"]),
        f"Path measures: {r['path_measures']}.",
        f"Communities: {r['communities']}. Eigenvector: {r['eigenvector']}.",
        *(
            [f"networkx effective_size: {r['effective_size']}."]
            if any(name.startswith("effective_size (") for name in x["steps_median"])
            else []
        ),
        "",
        "| | engine (igraph) | networkx | engine faster by |",
        "|---|---:|---:|---:|",
        f"| wall time, median (s) | {seconds(e['seconds_median'])} ({e['runs']} runs) | "
        f"{seconds(x['seconds_median'])} ({x['runs']} run{'s' if x['runs'] > 1 else ''}) | "
        f"{r['speedup']:,.0f}× |",
        *(
            [
                f"| networkx without effective_size (s) | | "
                f"{seconds(x['seconds_median'] - effective_seconds(x))} | "
                f"{r['speedup_without_effective_size']:,.0f}× |"
            ]
            if "effective_size" not in x["steps_median"]
            else []
        ),
        f"| peak memory (MiB) | {e['peak_mib']:,.0f} | {x['peak_mib']:,.0f} | |",
        f"| of which before the analysis (MiB) | {e['memory_before_mib']['rss']:,.0f} | "
        f"{x['memory_before_mib']['rss']:,.0f} | |",
        f"| engine with the map layout ({e['with_layout']['layout']}), 1 run (s) | "
        f"{seconds(e['with_layout']['seconds'])} | | |",
        "",
        "| engine step | s | networkx step | s |",
        "|---|---:|---|---:|",
    ]
    left = list(e["steps_median"].items())
    right = sorted(x["steps_median"].items(), key=lambda item: -item[1])
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ("", None)
        b = right[i] if i < len(right) else ("", None)
        lines.append(
            f"| {a[0]} | {'' if a[1] is None else seconds(a[1])} | {b[0]} | "
            f"{'' if b[1] is None else seconds(b[1])} |"
        )
    lines += ["", "| measure | max abs difference | actors over 1e-6 |", "|---|---:|---:|"]
    for name, entry in r["agreement"]["actors"].items():
        if "max_abs_diff" in entry:
            compared = entry["actors_compared"]
            lines.append(
                f"| {name} | {entry['max_abs_diff']:.2g} | {entry['actors_over_1e-6']:,}"
                f"{'' if compared == r['graph']['actors'] else f' of {compared:,} compared'} |"
            )
        else:
            lines.append(
                f"| {name} (both sampled) | top-20 overlap {entry['top20_overlap']:.2f}, "
                f"Spearman {entry['spearman']:.4f} | |"
            )
    lines += ["", "| network measure | engine | networkx |", "|---|---:|---:|"]
    for name, entry in r["agreement"]["network"].items():
        lines.append(f"| {name} | {number(entry['engine'])} | {number(entry['networkx'])} |")
    return "\n".join(lines)


def number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def accuracy_tables(r: dict[str, Any]) -> str:
    g, exact = r["graph"], r["exact"]
    lines = [
        f"### Accuracy of the sampled path measures: {r['size']} ({g['actors']:,} actors, "
        f"{g['edges']:,} edges, largest component {g['largest_component']:,})",
        "",
        machine_line(r["machine"], r["load_average_at_start"]),
        f"Exact against sampled from k sources of the largest component, seeds "
        f"0–{r['rows'][0]['seeds'] - 1}: median (worst) over the seeds. Targets: top-20 "
        f"overlap ≥ {r['targets']['top20_overlap']}, Spearman ≥ {r['targets']['spearman']}. "
        f"Exact average path length {exact['average_path_length']:.4f}, diameter "
        f"{exact['diameter']}.",
        "",
        "| k | measure | top-20 overlap | Spearman |",
        "|---:|---|---:|---:|",
    ]
    for row in r["rows"]:
        for name in PATH_MEASURES:
            top, rho = row[f"{name}_top20_overlap"], row[f"{name}_spearman"]
            lines.append(
                f"| {row['k']} | {name} | {top['median']:.2f} ({top['worst']:.2f}) | "
                f"{rho['median']:.4f} ({rho['worst']:.4f}) |"
            )
    lines += [
        "",
        "| k | path length, relative error | diameter (exact "
        f"{exact['diameter']}) | s per sampled run |",
        "|---:|---:|---:|---:|",
    ]
    for row in r["rows"]:
        error, diameter = row["average_path_length_relative_error"], row["diameter_lower_bound"]
        lines.append(
            f"| {row['k']} | {error['median']:.2%} ({error['worst']:.2%}) | "
            f"{diameter['median']:g} ({diameter['worst']}) | {row['seconds_median']:.2f} |"
        )
    return "\n".join(lines)
