#!/usr/bin/env bash
# certlex side by side with peers and OpenSSL, in one run, on one machine:
#
#   1. certlex and pkilint per core on the same certificates. certlex checks
#      the N generated certificates (examples/gen-corpus.rs) without
#      --issuers, as one process on all cores, with `--format jsonl` and with
#      `--format human` (which writes little: non-pass findings only);
#      certificates per second per core = N / CPU time (user + sys, GNU
#      time). pkilint (PyPI, installed into target/compare/venv) runs its
#      RFC 5280 certificate validator in-process on one core over the first
#      min(N, 2000) of them (benches/pkilint_bench.py, CPU time).
#   2. One certificate, one process (benches/startup.sh): `certlex check FILE` against a bare
#      start of the binary (`certlex --version`) and against x509lint (C,
#      one process per certificate, as it is run), median of 21 runs each,
#      interleaved; x509lint when it is on PATH, named by $X509LINT, or
#      built here from $X509LINT_SRC or a clone into target/compare/x509lint
#      (its code stays in target/).
#   3. Signature verification per algorithm: `openssl speed` verify rates
#      beside certlex's (examples/verify-rate.rs: the whole signature check
#      of a certificate, per CPU second, one core), each measured twice,
#      interleaved, the best of the two kept (the machine may be shared).
#
# Usage: benches/compare.sh [N]   (default 20000)
# Needs: GNU time (/usr/bin/time), python3 with venv, openssl.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
cargo build --release --quiet --bin certlex --example gen-corpus --example verify-rate
BIN=target/release/certlex
dir=target/corpus-$N
if [[ ! -d $dir || $(find "$dir" -name '*.pem' | wc -l) -ne $N ]]; then
  rm -rf "$dir"
  target/release/examples/gen-corpus "$N" "$dir" 2>/dev/null
fi
P=$(( N < 2000 ? N : 2000 ))
sub=target/compare/first-$P
rm -rf "$sub" && mkdir -p "$sub"
find "$dir" -name '*.pem' | sort | sed -n "1,${P}p" | xargs -I{} cp {} "$sub/"
mkdir -p target/compare
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"

# certlex over a directory: certificates per CPU second (the best of 3 runs).
# Prints "RATE wall W s, peak RSS M MB" of the best run.
per_core() { # dir count format
  local best=0 r user sys wall rss what=
  for _ in 1 2 3; do
    /usr/bin/time -f '%U %S %e %M' -o target/compare/time "$BIN" check --format "$3" --at 2026-06-01 "$1" >/dev/null || true
    read -r user sys wall rss < <(tail -n 1 target/compare/time)
    r=$(awk -v n="$2" -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", n / (u + s) }')
    if (( r > best )); then best=$r; what="wall ${wall} s, peak RSS $((rss / 1024)) MB"; fi
  done
  echo "$best $what"
}
echo "== 1. throughput per core (CPU time), $N certificates, no --issuers"
read -r c_jsonl what < <(per_core "$dir" "$N" jsonl)
echo "certlex   $c_jsonl certificates/s per core, --format jsonl ($what)"
read -r c_human what < <(per_core "$dir" "$N" human)
echo "certlex   $c_human certificates/s per core, --format human ($what)"
read -r c_sub what < <(per_core "$sub" "$P" jsonl)
echo "certlex   $c_sub certificates/s per core on the first $P, --format jsonl ($what)"

venv=target/compare/venv
if [[ ! -x $venv/bin/python ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pkilint
fi
p_line=$("$venv/bin/python" benches/pkilint_bench.py "$sub")
p_rate=$(awk '{ for (i = 1; i <= NF; i++) if ($i == "cpu") { print $(i + 1); exit } }' <<<"$p_line")
echo "pkilint   $p_rate certificates/s per core on the first $P ($("$venv/bin/pip" show pkilint | awk '/^Version/ { print $2 }'), in-process)"
echo "ratio     certlex/pkilint per core = $(awk -v a="$c_sub" -v b="$p_rate" 'BEGIN { printf "%.0f", a / b }')x on the same $P certificates (jsonl), $(awk -v a="$c_jsonl" -v b="$p_rate" 'BEGIN { printf "%.0f", a / b }')x with certlex on all $N"

echo "== 2. one certificate, one process (median of 21 runs, interleaved)"
build_x509lint() { # prints the binary, or why not
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
why=
if [[ -z $x509lint ]]; then
  if built=$(build_x509lint); then x509lint=$built; else why=$built; fi
fi
benches/startup.sh "$BIN" "$x509lint"
[[ -n $x509lint ]] || echo "x509lint  skipped: $why (or set X509LINT=/path/to/x509lint)"

echo "== 3. signature verification per CPU second, one core"
declare -A ossl best
for round in 1 2; do
  while read -r _ alg rate; do
    (( ${rate%.*} > ${best[$alg]:-0} )) && best[$alg]=${rate%.*}
  done < <(target/release/examples/verify-rate 2)
  out=$(openssl speed -seconds 2 rsa2048 ecdsap256 sm2 2>/dev/null)
  for pair in "rsa2048:^rsa 2048" "ecdsap256:nistp256" "sm2:CurveSM2"; do
    alg=${pair%%:*}; pat=${pair#*:}
    r=$(grep -E "$pat" <<<"$out" | awk '{ print int($NF) }' | tail -n 1)
    (( ${r:-0} > ${ossl[$alg]:-0} )) && ossl[$alg]=$r
  done
done
for alg in rsa2048 ecdsap256 sm2; do
  printf '%-10s certlex %7s/s  openssl %7s/s  ratio %.2f\n' "$alg" "${best[$alg]}" "${ossl[$alg]}" \
    "$(awk -v a="${best[$alg]}" -v b="${ossl[$alg]}" 'BEGIN { print a / b }')"
done
