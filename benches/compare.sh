#!/usr/bin/env bash
# certlex side by side with peers, on the same certificates in the same run:
#   pkilint  (PyPI; installed here into target/compare/venv), its RFC 5280
#            certificate validator timed in-process (benches/pkilint_bench.py);
#   x509lint (C; run if an `x509lint` binary is on PATH or named by $X509LINT,
#            else skipped with a message: it is not packaged for Debian, and
#            this script does not fetch or build other projects' code).
# certlex is timed without --issuers (no signature verification, as the peers
# do none) and with them. Prints throughput and the ratios certlex/peer.
#
# Usage: benches/compare.sh [N]   (default 10000; pkilint is timed on the
#        first min(N, 2000) certificates, since it runs at tens per second)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
cargo build --release --quiet --bin certlex --example gen-corpus
dir=target/corpus-$N
if [[ ! -d $dir || $(find "$dir" -name '*.pem' | wc -l) -ne $N ]]; then
  rm -rf "$dir"
  target/release/examples/gen-corpus "$N" "$dir" 2>/dev/null
fi
P=$(( N < 2000 ? N : 2000 ))
sub=target/compare/first-$P
rm -rf "$sub" && mkdir -p "$sub"
find "$dir" -name '*.pem' | sort | sed -n "1,${P}p" | xargs -I{} cp {} "$sub/"

rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.1f", n / t }'; }
certlex_rate() { # dir count extra-args...
  local d=$1 n=$2; shift 2
  local t0 t1
  t0=$(date +%s.%N)
  target/release/certlex check --format jsonl --at 2026-06-01 "$@" "$d" >/dev/null || true
  t1=$(date +%s.%N)
  rate "$n" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')"
}

echo "certificates: $N generated in $dir; peers timed on the first $P"
c_all=$(certlex_rate "$dir" "$N")
c_sub=$(certlex_rate "$sub" "$P")
c_sig=$(certlex_rate "$dir" "$N" --issuers corpus/certificates/ca)
echo "certlex   $c_all certificates/s (all $N, no signatures), $c_sub on the first $P, $c_sig verifying signatures and chains"

venv=target/compare/venv
if [[ ! -x $venv/bin/python ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pkilint
fi
p_line=$("$venv/bin/python" benches/pkilint_bench.py "$sub")
p_rate=$(awk '{ for (i = 1; i <= NF; i++) if ($i == "s") { print $(i + 1); exit } }' <<<"$p_line")
echo "pkilint   $p_rate certificates/s in-process ($("$venv/bin/pip" show pkilint | awk '/^Version/ { print $2 }'))"
echo "ratio     certlex/pkilint = $(awk -v a="$c_sub" -v b="$p_rate" 'BEGIN { printf "%.0f", a / b }')x on the same $P certificates (no signatures)"

x509lint=${X509LINT:-$(command -v x509lint || true)}
if [[ -z $x509lint ]]; then
  echo "x509lint  skipped: no x509lint binary on PATH (set X509LINT=/path/to/x509lint to include it)"
else
  t0=$(date +%s.%N)
  for f in "$sub"/*.pem; do "$x509lint" "$f" >/dev/null 2>&1 || true; done
  t1=$(date +%s.%N)
  x_rate=$(rate "$P" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')")
  echo "x509lint  $x_rate certificates/s (one process per certificate, as it is run)"
  echo "ratio     certlex/x509lint = $(awk -v a="$c_sub" -v b="$x_rate" 'BEGIN { printf "%.1f", a / b }')x"
fi
