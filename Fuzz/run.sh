#!/usr/bin/env bash
# Builds and runs one libFuzzer target over the engine's own sources (compiled directly, so
# nothing in the engine has to become public).
#
#   Fuzz/run.sh [frontmatter|yaml|date|all] [seconds]      (default: all, 600 s each)
#
# Binaries go to Fuzz/.build (git-ignored), new corpus entries to Fuzz/.work/<target>
# (seeds in Fuzz/corpus/<target> stay untouched), crashes to Fuzz/.work/crashes/<target>.
# Not part of `swift test`. Extra libFuzzer flags can be given in FUZZ_FLAGS.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
src="$root/Sources/SiteGen"
target="${1:-all}"
seconds="${2:-600}"

sources_for() {
    case "$1" in
    frontmatter)
        echo "$src/Content/FrontMatter.swift $src/Content/SourceDecoder.swift $src/Content/SourceText.swift" \
             "$src/Diagnostics/Diagnostic.swift $src/Diagnostics/SourceLocation.swift $src/Text/DisplayWidth.swift $src/Text/UTF8Scalars.swift" ;;
    yaml)
        echo "$src/YAML/YAMLCoreSchema.swift $src/YAML/YAMLError.swift $src/YAML/YAMLMark.swift" \
             "$src/YAML/YAMLNode.swift $src/YAML/YAMLNode+Schema.swift $src/YAML/YAMLParser.swift" \
             "$src/YAML/YAMLTreeBuilder.swift $src/Content/TemplateValue.swift" ;;
    date)
        echo "$src/Content/DateParser.swift" ;;
    *) echo "unknown target '$1' (frontmatter, yaml, date)" >&2; exit 2 ;;
    esac
}

build() {
    local name="$1"
    mkdir -p "$here/.build"
    # shellcheck disable=SC2046
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 \
        -module-name SiteGenFuzz -I "$root/Sources/CLibYAML" -lyaml \
        $(sources_for "$name") "$here/Targets/$name.swift" -o "$here/.build/fuzz-$name"
}

run() {
    local name="$1"
    build "$name"
    mkdir -p "$here/.work/$name" "$here/.work/crashes/$name"
    echo "== $name: ${seconds}s"
    nice -n 10 "$here/.build/fuzz-$name" "$here/.work/$name" "$here/corpus/$name" \
        -max_len=4096 -timeout=5 -rss_limit_mb=2048 -max_total_time="$seconds" \
        -artifact_prefix="$here/.work/crashes/$name/" -print_final_stats=1 ${FUZZ_FLAGS:-}
}

if [ "$target" = all ]; then
    for name in frontmatter yaml date; do run "$name"; done
else
    run "$target"
fi
