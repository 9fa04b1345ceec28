#!/usr/bin/env bash
# Throughput of `certlex check` over a directory of N certificates (default
# 10,000), a third each RSA 2048, ECDSA P-256 and SM2, issued by the CAs of
# corpus/certificates/ca (given with --issuers, so every signature and chain
# is checked). The certificates are made in a temporary directory and not
# kept; pass a directory as $2 to keep them. Every streaming format is
# measured: peak memory should not grow with N.
#
# Usage: scripts/bench-certs.sh [N] [DIR]
# Needs: openssl 3, GNU time (/usr/bin/time), a release build (cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
OUT=${2:-$(mktemp -d)}
C=corpus/certificates
mkdir -p "$OUT"
SM2ID=1234567812345678
EXT=(-addext "basicConstraints=critical,CA:FALSE" -addext "keyUsage=critical,digitalSignature,nonRepudiation"
  -addext "crlDistributionPoints=URI:http://crl.example.cn/ca.crl")

one() { # index
  local i=$1 f
  f=$(printf '%s/cert-%05d.pem' "$OUT" "$i")
  [[ -f $f ]] && return
  case $((i % 3)) in
    0) openssl req -new -key $C/keys/rsa-ee.key -subj "/C=CN/O=Bench/CN=rsa $i" -CA $C/ca/rsa-root.pem \
      -CAkey $C/keys/rsa-root.key -sha256 -days 365 -set_serial "$((i + 100000))" "${EXT[@]}" -out "$f" ;;
    1) openssl req -new -key $C/keys/ecdsa-ee.key -subj "/C=CN/O=Bench/CN=ecdsa $i" -CA $C/ca/ecdsa-root.pem \
      -CAkey $C/keys/ecdsa-root.key -sha256 -days 365 -set_serial "$((i + 100000))" "${EXT[@]}" -out "$f" ;;
    2) openssl req -new -key $C/keys/sm2-sign.key -subj "/C=CN/O=Bench/CN=sm2 $i" -CA $C/ca/sm2-sub.pem \
      -CAkey $C/keys/sm2-sub.key -sm3 -sigopt "distid:$SM2ID" -days 365 -set_serial "$((i + 100000))" \
      "${EXT[@]}" -out "$f" ;;
  esac
}
export -f one
export OUT C SM2ID
echo "making $N certificates in $OUT ..."
seq 0 $((N - 1)) | xargs -P "$(nproc)" -I{} bash -c "$(declare -p EXT); $(declare -f one); one {}"
BIN=target/release/certlex
bench() { # format
  /usr/bin/time -v "$BIN" check --format "$1" --at 2026-06-01 --issuers $C/ca "$OUT" >"$OUT.$1.out" 2>"$OUT.$1.time" || true
  local elapsed rss secs subjects
  elapsed=$(grep 'Elapsed (wall clock)' "$OUT.$1.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$OUT.$1.time" | awk '{print $NF}')
  secs=$(echo "$elapsed" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  subjects=$(grep -oE '"subjects": ?[0-9]+|[0-9]+ subjects' "$OUT.$1.out" | tail -1 | grep -oE '[0-9]+')
  echo "--format $1: $subjects certificates in ${secs}s = $(awk -v n="$subjects" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')/s, peak RSS $((rss / 1024)) MiB"
}
echo "checking: $BIN check --at 2026-06-01 --issuers $C/ca $OUT"
bench human
bench json
bench jsonl
bench sarif
