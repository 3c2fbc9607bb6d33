# Shared helpers for the ops/ scripts; sourced, never run.
# shellcheck shell=bash

# shellcheck disable=SC2034 # used by the scripts that source this file
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Diagnostics go to stderr so stdout stays machine-readable.
log() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "$*"; exit 1; }

# Installs Debian packages, running `apt-get update` once first.
# Waits for the dpkg lock, since other sessions may be installing too.
apt_install() {
  local sudo=() out
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  log "installing $* (apt)"
  out="$(mktemp)"
  if ! { "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq &&
         "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 \
           install -y -qq --no-install-recommends "$@"; } >"$out" 2>&1; then
    cat "$out" >&2; rm -f "$out"; die "apt-get install $* failed"
  fi
  rm -f "$out"
}

# Prints the script's leading comment block (its usage) on stderr and exits 2.
usage_from_header() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
  exit 2
}
