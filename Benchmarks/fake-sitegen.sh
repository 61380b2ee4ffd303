#!/usr/bin/env bash
# Stand-in for `sitegen build --source DIR --output DIR --quiet` to test bench.sh's plumbing:
#   SITEGEN=Benchmarks/fake-sitegen.sh QUIET_MAX=0 Benchmarks/bench.sh --sizes 200 --runs 1 --hugo none
# It copies content/ into the output and writes a manifest, like an (incremental) generator would.
set -euo pipefail
[ "${1:-}" = build ] || { echo "usage: $0 build --source DIR --output DIR [--quiet]" >&2; exit 2; }
shift
while [ $# -gt 0 ]; do
  case $1 in --source) src=$2; shift 2 ;; --output) out=$2; shift 2 ;; --quiet) shift ;; *) exit 2 ;; esac
done
mkdir -p "$out"
cp -r "$src/content/." "$out/"
date +%s.%N >"$out/.sitegen-manifest"
