# Shared set-up for scripts/build-sample and scripts/test (sourced, not run).

# Puts the Swift toolchain on PATH: the build machines keep it in /opt/swift.
ensure_swift() {
  if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
  fi
  if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift not found; install a Swift 6.1+ toolchain (https://www.swift.org/install/) or put it in /opt/swift" >&2
    exit 1
  fi
}

# Installs the given Debian packages, only those missing, so a second run does no apt work.
# Uses sudo when not root.
ensure_packages() {
  local missing=() package sudo=""
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} …" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# What sitegen links against: libcmark (Markdown) and libyaml (site.yml, front matter),
# found by SwiftPM through pkg-config, and libmimalloc (the memory allocator of the binary).
readonly SITEGEN_APT_PACKAGES=(libcmark-dev libyaml-dev libmimalloc-dev pkg-config)
