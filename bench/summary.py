#!/usr/bin/env python3
"""Summarizes bench/run.sh's raw outputs (build/bench/) as Markdown tables.

usage: bench/summary.py build/bench

Reads machine.txt, engine.json (Google Benchmark, repetitions with aggregates) and
throughput.txt (one `key=value ...` line per measurement). MB = 10^6 bytes throughout.
"""
import json
import pathlib
import sys

TARGET_NS = 20_000  # DESIGN.md: 600-character draft, built-in + 1,000 admin rules, median


def fmt_time(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.1f} µs"
    return f"{ns:.0f} ns"


def to_ns(value, unit):
    return value * {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[unit]


def engine(out, path):
    data = json.loads(path.read_text())
    rows = {}
    for b in data["benchmarks"]:
        rows.setdefault(b["run_name"], {})[b.get("aggregate_name", "")] = b
    out.append("## Engine (Google Benchmark, 5 repetitions: median, cv of real time)\n")
    out.append("| benchmark | real time | CPU time | cv | drafts/s | MB/s | ns/byte | hints |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    fits = []
    for name, agg in rows.items():
        if "BigO" in agg:
            fits.append((name, agg["BigO"], agg.get("RMS", {})))
            continue
        m = agg.get("median")
        if not m:
            continue
        real = to_ns(m["real_time"], m["time_unit"])
        cpu = to_ns(m["cpu_time"], m["time_unit"])
        cv = agg.get("cv", {}).get("real_time")
        ips = m.get("items_per_second")
        bps = m.get("bytes_per_second")
        size = bps / ips if bps and ips else None
        out.append(
            f"| {name} | {fmt_time(real)} | {fmt_time(cpu)} | "
            + (f"{cv * 100:.1f}%" if cv is not None else "")
            + " | "
            + (f"{ips:,.0f}" if ips else "")
            + " | "
            + (f"{bps / 1e6:.2f}" if bps else "")
            + " | "
            + (f"{cpu / size:.0f}" if size else "")
            + " | "
            + (f"{m['hints']:.0f}" if "hints" in m else "")
            + " |"
        )
    for name, bigo, rms in fits:
        out.append(
            f"\n{name}: fitted complexity O({bigo['big_o']}), CPU coefficient "
            f"{bigo['cpu_coefficient']:.4g} {bigo['time_unit']}, RMS error "
            f"{rms.get('rms', float('nan')) * 100:.0f}%"
        )
    d600 = rows.get("BM_Draft600", {}).get("median")
    if d600:
        real = to_ns(d600["real_time"], d600["time_unit"])
        cpu = to_ns(d600["cpu_time"], d600["time_unit"])
        verdict = "meets" if real <= TARGET_NS else f"misses ({real / TARGET_NS:.1f}x over)"
        out.append(
            f"\nTarget (600-char draft, 5 history messages, built-in + 1,000 admin rules, "
            f"median <= 20 µs): {fmt_time(real)} real / {fmt_time(cpu)} CPU: {verdict}."
        )
    ctx = data.get("context", {})
    out.append(
        f"\nGoogle Benchmark context: {ctx.get('num_cpus')} CPUs at {ctx.get('mhz_per_cpu')} MHz, "
        f"load average {', '.join(f'{x:.2f}' for x in ctx.get('load_avg', []))}, "
        f"library build type {ctx.get('library_build_type')}."
    )


def throughput(out, path):
    runs = []
    for line in path.read_text().splitlines():
        if line.strip():
            runs.append(dict(kv.split("=", 1) for kv in line.split()))
    if not runs:
        return
    tools = []
    for r in runs:
        label = r["tool"]
        if r["tool"] == "tactful":
            label = "tactful built-in" if r["rules"] == "builtin" else "tactful +1,000 rules"
            if r["history"] == "1":
                label += " +history"
        r["label"] = label
        if label not in tools:
            tools.append(label)
    files = []
    for r in runs:
        if r["file"] not in files:
            files.append(r["file"])
    out.append("\n## Throughput over the same draft files (median of the timed passes)\n")
    out.append("drafts/s (MB/s); no process start-up, module loading or file reading timed.\n")
    out.append("| drafts | " + " | ".join(tools) + " |")
    out.append("|---|" + "---:|" * len(tools))
    by = {(r["file"], r["label"]): r for r in runs}
    for f in files:
        any_run = next(r for r in runs if r["file"] == f)
        n, size = int(any_run["drafts"]), int(any_run["bytes"]) // int(any_run["drafts"])
        cells = []
        for t in tools:
            r = by.get((f, t))
            cells.append(
                f"{float(r['drafts_per_s']):,.1f} ({float(r['mb_per_s']):.3f})" if r else "-"
            )
        out.append(f"| {f}: {n} × {size:,} B | " + " | ".join(cells) + " |")
    base = "tactful built-in"
    for other in (t for t in tools if t.startswith("alex")):
        ratios = [
            float(by[(f, base)]["mb_per_s"]) / float(by[(f, other)]["mb_per_s"])
            for f in files
            if (f, base) in by and (f, other) in by and float(by[(f, other)]["mb_per_s"]) > 0
        ]
        if ratios:
            out.append(
                f"\n{base} / {other}: {min(ratios):.0f}x to {max(ratios):.0f}x the MB/s."
            )
    hints = {t: sum(int(by[(f, t)]["hints"]) for f in files if (f, t) in by) for t in tools}
    out.append("\nHints per pass, summed over the files: "
               + ", ".join(f"{t} {h:,}" for t, h in hints.items()) + ".")


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build/bench")
    out = ["# tactful benchmark summary\n"]
    machine = root / "machine.txt"
    if machine.exists():
        out.append("```\n" + machine.read_text().strip() + "\n```\n")
    if (root / "engine.json").exists():
        engine(out, root / "engine.json")
    if (root / "throughput.txt").exists():
        throughput(out, root / "throughput.txt")
    print("\n".join(out))


if __name__ == "__main__":
    main()
