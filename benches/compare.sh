#!/usr/bin/env bash
# certlex side by side with peers, on the same certificates in the same run:
#   pkilint  (PyPI; installed here into target/compare/venv), its RFC 5280
#            certificate validator timed in-process (benches/pkilint_bench.py);
#   x509lint (C, not packaged for Debian): the binary named by $X509LINT or on
#            PATH; else built here from source (target/compare/x509lint) with
#            gcc and OpenSSL's headers, the source taken from $X509LINT_SRC (a
#            checkout) or cloned from GitHub; skipped with a message when none
#            of these works. Its code stays in target/, never in the project.
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
certlex_rate() { # dir count extra-args...: the best of 5 runs (short runs are noisy)
  local d=$1 n=$2; shift 2
  local t0 t1 t best=
  for _ in 1 2 3 4 5; do
    t0=$(date +%s.%N)
    target/release/certlex check --format jsonl --at 2026-06-01 "$@" "$d" >/dev/null || true
    t1=$(date +%s.%N)
    t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
    best=$(awk -v a="${best:-$t}" -v b="$t" 'BEGIN { print (b < a ? b : a) }')
  done
  rate "$n" "$best"
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

# Build x509lint from source into target/compare/x509lint; prints why not on failure.
build_x509lint() {
  local src=target/compare/x509lint
  if [[ ! -x $src/x509lint ]]; then
    rm -rf "$src"
    if [[ -n ${X509LINT_SRC:-} ]]; then
      cp -r "$X509LINT_SRC" "$src" || { echo "cannot copy $X509LINT_SRC"; return 1; }
    elif ! timeout 60 git clone --quiet --depth 1 https://github.com/kroeckx/x509lint "$src" 2>/dev/null; then
      echo "cannot clone https://github.com/kroeckx/x509lint (set X509LINT_SRC=/path/to/checkout)"
      return 1
    fi
    make -s -C "$src" x509lint >/dev/null 2>&1 || { echo "cannot build it in $src (needs gcc and OpenSSL headers)"; return 1; }
  fi
  echo "$src/x509lint"
}

x509lint=${X509LINT:-$(command -v x509lint || true)}
if [[ -z $x509lint ]]; then
  if built=$(build_x509lint); then x509lint=$built; else why=$built; fi
fi
if [[ -z $x509lint ]]; then
  echo "x509lint  skipped: $why (or set X509LINT=/path/to/x509lint)"
else
  t0=$(date +%s.%N)
  for f in "$sub"/*.pem; do "$x509lint" "$f" >/dev/null 2>&1 || true; done
  t1=$(date +%s.%N)
  x_rate=$(rate "$P" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')")
  echo "x509lint  $x_rate certificates/s (one process per certificate, as it is run)"
  # certlex the same way, one process per certificate: the fair comparison
  # of what each costs per invocation.
  t0=$(date +%s.%N)
  for f in "$sub"/*.pem; do target/release/certlex check --at 2026-06-01 "$f" >/dev/null 2>&1 || true; done
  t1=$(date +%s.%N)
  c_one=$(rate "$P" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')")
  echo "certlex   $c_one certificates/s one process per certificate"
  echo "ratio     certlex/x509lint = $(awk -v a="$c_sub" -v b="$x_rate" 'BEGIN { printf "%.1f", a / b }')x (certlex on a directory), $(awk -v a="$c_one" -v b="$x_rate" 'BEGIN { printf "%.2f", a / b }')x (both one process per certificate)"
fi
