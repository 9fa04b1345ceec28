#!/usr/bin/env bash
# One certificate, one process: `certlex check one.pem` against a bare start
# of the same binary (`certlex --version`), the median of 21 runs each,
# interleaved so both see the same machine. Prints both medians and their
# ratio (issue 18 point 1: the ratio should be at most 1.5).
#
# Usage: benches/startup.sh [BIN]     (default: target/release/certlex, built)
# benches/compare.sh runs it as its part 2.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-}
if [[ -z $BIN ]]; then
  cargo build --release --quiet --bin certlex
  BIN=target/release/certlex
fi
one=corpus/certificates/good/rsa-ee.pem

# Microseconds one run of the command takes (wall).
once() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000 ))
}
bare=() check=()
"$BIN" check --at 2026-06-01 "$one" >/dev/null 2>&1 || true # warm the page cache
for _ in $(seq 21); do
  bare+=("$(once "$BIN" --version)")
  check+=("$(once "$BIN" check --at 2026-06-01 "$one")")
done
median_ms() { printf '%s\n' "$@" | sort -n | sed -n 11p | awk '{ printf "%.2f", $1 / 1000 }'; }
b=$(median_ms "${bare[@]}")
c=$(median_ms "${check[@]}")
echo "certlex   bare start ${b} ms, check one.pem ${c} ms (medians of 21): $(awk -v a="$c" -v b="$b" 'BEGIN { printf "%.2f", a / b }')x a bare start"
