#!/usr/bin/env python3
"""Markdown tables from the TSV rows bench.sh writes (Python 3 stdlib only).

    bench_report.py RESULTS.tsv

Rows:  time    tool version N scenario run wall_s maxrss_kb user_s sys_s busy_% foreign_cpu_s
       output  tool N files bytes
       check   N verdict
"""
import statistics
import sys
from collections import defaultdict

SCENARIOS = {"full": "full (fresh dest)", "nochange": "no-change rebuild", "edit": "1 article edited"}


def spread(values, digits):
    """'median (min–max)' of values."""
    f = "%%.%df" % digits
    return (f + " (" + f + "–" + f + ")") % (statistics.median(values), min(values), max(values))


def ratio(a, b):
    return "%.2f" % (statistics.median(a) / statistics.median(b)) if a and b else "—"


rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
walls, rss, foreign = defaultdict(list), defaultdict(list), defaultdict(list)
outputs, checks = {}, {}
for r in rows:
    if r[0] == "time":
        key = (r[1], int(r[3]), r[4])
        walls[key].append(float(r[6]))
        rss[key].append(int(r[7]) / 1024)
        foreign[(int(r[3]), r[4])].append(float(r[11]))
    elif r[0] == "output":
        outputs[(r[1], int(r[2]))] = (int(r[3]), int(r[4]))
    elif r[0] == "check":
        checks[int(r[1])] = r[2]

sizes = sorted({k[1] for k in walls})
print("| N | build | runs | sitegen wall s | Hugo wall s | sitegen/Hugo wall | sitegen max RSS MiB "
      "| Hugo max RSS MiB | sitegen/Hugo RSS | sitegen ms/article | other procs' CPU s, max |")
print("|---:|---|---:|---|---|---:|---|---|---:|---:|---:|")
for n in sizes:
    for scenario, label in SCENARIOS.items():
        sw, hw = walls.get(("sitegen", n, scenario), []), walls.get(("hugo", n, scenario), [])
        sm, hm = rss.get(("sitegen", n, scenario), []), rss.get(("hugo", n, scenario), [])
        if not sw and not hw:
            continue
        per_article = "%.3f" % (statistics.median(sw) * 1000 / n) if sw and scenario == "full" else "—"
        print("| %d | %s | %d | %s | %s | %s | %s | %s | %s | %s | %.1f |" % (
            n, label, max(len(sw), len(hw)),
            spread(sw, 2) if sw else "—", spread(hw, 2) if hw else "—", ratio(sw, hw),
            spread(sm, 0) if sm else "—", spread(hm, 0) if hm else "—", ratio(sm, hm),
            per_article, max(foreign[(n, scenario)])))

print()
print("Wall time and max RSS: median (min–max) over the runs, measured by GNU time; ratios are of the medians "
      "(below 1: sitegen is faster / smaller). Hugo re-renders everything on every build, so its no-change "
      "and edited rows are full rebuilds into an existing folder.")
print()
for n in sizes:
    files = ", ".join("%s %d files (%.1f MB)" % (tool, outputs[(tool, n)][0], outputs[(tool, n)][1] / 1e6)
                      for tool in ("sitegen", "hugo") if (tool, n) in outputs)
    print("- N=%d: output %s; sitegen's rebuild after the edit vs a clean build: **%s**"
          % (n, files or "n/a", checks.get(n, "not checked")))
