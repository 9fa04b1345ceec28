#!/usr/bin/env bash
# One certificate, one process: `certlex check one.pem` against a bare start
# of the same binary (`certlex --version`), and against x509lint's process on
# the same file when one is given: the median of 21 runs each, interleaved so
# all see the same machine. Prints the medians and their ratios (issue 18
# point 1: at most 1.5 a bare start, at most 1.0 x509lint).
#
# Each run is timed by the shell itself ($EPOCHREALTIME, no `date` process
# around it), so the figure is the command's process: start, work, exit.
#
# Usage: benches/startup.sh [BIN [X509LINT]]  (default: target/release/certlex, built)
# benches/compare.sh runs it as its part 2.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-}
X509LINT=${2:-}
if [[ -z $BIN ]]; then
  cargo build --release --quiet --bin certlex
  BIN=target/release/certlex
fi
one=corpus/certificates/good/rsa-ee.pem

# Append the microseconds one run of the command takes (wall) to the array
# named first.
once() {
  local -n into=$1
  shift
  local t0=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || true
  local t1=$EPOCHREALTIME
  into+=($(( ${t1//[.,]/} - ${t0//[.,]/} )))
}
bare=() check=() x509=()
"$BIN" check --at 2026-06-01 "$one" >/dev/null 2>&1 || true # warm the page cache
for _ in $(seq 21); do
  once bare "$BIN" --version
  once check "$BIN" check --at 2026-06-01 "$one"
  [[ -z $X509LINT ]] || once x509 "$X509LINT" "$one"
done
median_ms() { printf '%s\n' "$@" | sort -n | sed -n 11p | awk '{ printf "%.2f", $1 / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
b=$(median_ms "${bare[@]}")
c=$(median_ms "${check[@]}")
echo "certlex   bare start ${b} ms, check one.pem ${c} ms (medians of 21): $(ratio "$c" "$b")x a bare start"
if [[ -n $X509LINT ]]; then
  x=$(median_ms "${x509[@]}")
  echo "x509lint  one.pem ${x} ms, certlex ${c} ms (medians of 21, interleaved): certlex/x509lint = $(ratio "$c" "$x")x the time"
fi
