#!/usr/bin/env bash
# End to end: time `certlex check --format jsonl DIR >/dev/null` over
# generated corpora of 10,000 and 100,000 certificates (a third each RSA-2048,
# ECDSA P-256 and SM2; see examples/gen-corpus.rs), with and without the
# issuers (with them, every signature and chain is verified). Prints
# certificates per second, per second and core (CPU time), and peak RSS.
#
# Usage: benches/end-to-end.sh [N ...]        (default: 10000 100000)
# Needs: GNU time (/usr/bin/time). Corpora are kept in target/corpus-N.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -gt 0 ]]; then SIZES=("$@"); else SIZES=(10000 100000); fi
cargo build --release --quiet --bin certlex --example gen-corpus
BIN=target/release/certlex
printf '%-9s %-12s %12s %14s %10s %10s\n' certs issuers "wall s" "certs/s" "certs/s/cpu" "peak RSS"
for n in "${SIZES[@]}"; do
  dir=target/corpus-$n
  if [[ ! -d $dir || $(find "$dir" -name '*.pem' | wc -l) -ne $n ]]; then
    rm -rf "$dir"
    target/release/examples/gen-corpus "$n" "$dir" 2>/dev/null
  fi
  for issuers in no yes; do
    args=(check --format jsonl --at 2026-06-01)
    [[ $issuers == yes ]] && args+=(--issuers corpus/certificates/ca)
    /usr/bin/time -f '%e %U %S %M' -o target/e2e.time "$BIN" "${args[@]}" "$dir" >/dev/null || true
    read -r wall user sys rss < <(tail -n 1 target/e2e.time)
    awk -v n="$n" -v i="$issuers" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" 'BEGIN {
      printf "%-9d %-12s %12.2f %14.0f %10.0f %7.1f MB\n", n, i, w, n / w, n / (u + s), r / 1024 }'
  done
done
