#!/usr/bin/env bash
# Makes the certificate fixtures of corpus/certificates/ (ca/, good/, bad/)
# with OpenSSL 3 (SM2 included). Each PEM starts with its `openssl x509 -text`
# dump, as zlint's fixtures do; certlex ignores text around PEM blocks.
#
# The keys in keys/ are test-only: generated once, committed so that a rerun
# makes the same names, serials, dates and keys (RSA signatures come out
# byte-identical; ECDSA and SM2 signatures are randomized, so those files
# differ byte-wise but not in any fact a rule reads).
#
# Usage: corpus/certificates/make.sh          (from anywhere)
# Needs: bash, openssl 3, xxd, base64.
set -euo pipefail
cd "$(dirname "$0")"
HERE=$(pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p keys ca good bad dated

SM2ID=1234567812345678
ROOT_START=20250101000000Z
ROOT_END=20550101000000Z
EE_START=20250601000000Z
EE_END=20300601000000Z

# ---- keys ----

key() { # name algorithm
  local f="keys/$1.key"
  [[ -f $f ]] && return
  case $2 in
    rsa) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$f" 2>/dev/null ;;
    ec) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$f" ;;
    sm2) openssl genpkey -algorithm SM2 -out "$f" ;;
  esac
}
for k in rsa-root rsa-root-pathlen0 foreign-root hk-root rsa-ee ee-used-as-issuer rsa-sub; do key "$k" rsa; done
for k in ecdsa-root ecdsa-ee; do key "$k" ec; done
for k in sm2-root sm2-sub sm2-sign sm2-enc; do key "$k" sm2; done

# The key of an issuer whose key file is named otherwise.
declare -A KEY_OF=([other-name]=rsa-root)

is_sm2() { openssl pkey -in "$1" -noout -text 2>/dev/null | grep -q 'SM2'; }

# ---- issuing with `openssl ca` (fixed dates and serials) ----

cat >"$T/ca.cnf" <<EOF
[ ca ]
default_ca = test
[ test ]
database = $T/index.txt
new_certs_dir = $T
serial = $T/serial
policy = any
unique_subject = no
email_in_dn = yes
[ any ]
commonName = optional
EOF

# Appends the text dump and the PEM of a DER or PEM certificate to a file.
write() { # in.pem out.pem
  {
    # (OpenSSL's error lines carry a thread id: drop it, so reruns agree.)
    { openssl x509 -in "$1" -noout -text -nameopt oneline,-esc_msb 2>/dev/null ||
      openssl asn1parse -in "$1" 2>/dev/null || true; } | sed -E 's/^[0-9A-F]+:error:/error:/'
    openssl x509 -in "$1" 2>/dev/null || cat "$1"
  } >"$2"
}

# issue OUT SUBJECT SUBJECT_KEY ISSUER(cert name in ca/ or "self") SERIAL_HEX START END EXTENSIONS
issue() {
  local out=$1 subj=$2 subj_key=keys/$3.key issuer=$4 serial=$5 start=$6 end=$7 ext=$8
  : >"$T/index.txt"
  echo "$serial" >"$T/serial"
  printf '[ ext ]\n%b\n' "$ext" >"$T/ext.cnf"
  local signer_key sign_opts=() req_opts=() cert_opts=()
  if [[ $issuer == self ]]; then
    signer_key=$subj_key
    cert_opts=(-selfsign)
  else
    signer_key=keys/${KEY_OF[$issuer]:-$issuer}.key
    cert_opts=(-cert "ca/$issuer.pem")
  fi
  if is_sm2 "$subj_key"; then
    req_opts=(-sm3 -sigopt "distid:$SM2ID")
    cert_opts+=(-vfyopt "distid:$SM2ID")
  else
    req_opts=(-sha256)
  fi
  if is_sm2 "$signer_key"; then
    sign_opts=(-md sm3 -sigopt "distid:$SM2ID")
  else
    sign_opts=(-md sha256)
  fi
  openssl req -new -utf8 -key "$subj_key" -subj "$subj" "${req_opts[@]}" -out "$T/req.csr"
  openssl ca -batch -config "$T/ca.cnf" -keyfile "$signer_key" "${cert_opts[@]}" "${sign_opts[@]}" \
    -in "$T/req.csr" -out "$T/out.pem" -notext -preserveDN -utf8 \
    -startdate "$start" -enddate "$end" -extfile "$T/ext.cnf" -extensions ext 2>"$T/ca.log" ||
    { cat "$T/ca.log" >&2; exit 1; }
  write "$T/out.pem" "$out"
}

CA_EXT='basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash'
SUB_EXT='basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\ncrlDistributionPoints=URI:http://crl.example.cn/root.crl'
REV='crlDistributionPoints=URI:http://crl.example.cn/ca.crl\nauthorityInfoAccess=OCSP;URI:http://ocsp.example.cn,caIssuers;URI:http://ca.example.cn/ca.cer'
IDS='subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always'
EE_SIGN="basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n$IDS\n$REV"
EE_ENC="basicConstraints=critical,CA:FALSE\nkeyUsage=critical,keyEncipherment,dataEncipherment,keyAgreement\n$IDS\n$REV"

# ---- ca/: the issuers (the snapshot tests pass them with --issuers) ----

issue ca/rsa-root.pem "/C=CN/O=certlex 测试认证有限公司/CN=certlex Test RSA Root" rsa-root self 01 \
  $ROOT_START $ROOT_END "$CA_EXT"
issue ca/rsa-root-pathlen0.pem "/C=CN/O=certlex 测试认证有限公司/CN=certlex Test RSA Root pathlen 0" \
  rsa-root-pathlen0 self 02 $ROOT_START $ROOT_END \
  'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash'
issue ca/ecdsa-root.pem "/C=CN/O=certlex 测试认证有限公司/CN=certlex Test ECDSA Root" ecdsa-root self 03 \
  $ROOT_START $ROOT_END "$CA_EXT"
issue ca/sm2-root.pem "/C=CN/O=certlex 测试认证有限公司/CN=certlex Test SM2 Root" sm2-root self 04 \
  $ROOT_START $ROOT_END "$CA_EXT"
issue ca/sm2-sub.pem "/C=CN/O=certlex 测试认证有限公司/CN=certlex Test SM2 CA" sm2-sub sm2-root 05 \
  20250201000000Z 20500101000000Z "$SUB_EXT"
issue ca/foreign-root.pem "/C=US/O=Example Foreign Trust Inc/CN=Example Foreign Root" foreign-root self 06 \
  $ROOT_START $ROOT_END "$CA_EXT"
issue ca/hk-root.pem "/C=HK/O=Example Hong Kong Certification Ltd/CN=Example HK Root" hk-root self 07 \
  $ROOT_START $ROOT_END "$CA_EXT"
issue ca/ee-used-as-issuer.pem "/C=CN/O=某某科技有限公司/CN=Not a CA" ee-used-as-issuer rsa-root 08 \
  $EE_START $EE_END "$EE_SIGN"

# ---- good/ ----

issue good/rsa-ee.pem "/C=CN/O=某某科技有限公司/CN=张三" rsa-ee rsa-root 1001 $EE_START $EE_END \
  "$EE_SIGN\nextendedKeyUsage=clientAuth,emailProtection\nsubjectAltName=email:zhangsan@example.cn\ncertificatePolicies=@pol\n[ pol ]\npolicyIdentifier=1.2.156.999.1\nCPS.1=http://ca.example.cn/cps"
openssl x509 -in good/rsa-ee.pem -outform DER -out good/rsa-ee.der
issue good/ecdsa-ee.pem "/C=CN/O=某某科技有限公司/CN=李四" ecdsa-ee ecdsa-root 1002 $EE_START $EE_END "$EE_SIGN"
issue good/sm2-sign.pem "/C=CN/O=某某科技有限公司/CN=王五" sm2-sign sm2-sub 1003 $EE_START $EE_END \
  "$EE_SIGN\n1.2.156.10260.4.1.1=ASN1:PRINTABLESTRING:00000000000000000X"
issue good/sm2-enc.pem "/C=CN/O=某某科技有限公司/CN=王五" sm2-enc sm2-sub 1004 $EE_START $EE_END "$EE_ENC"
issue good/generalized-time-2050.pem "/C=CN/O=某某科技有限公司/CN=赵六" rsa-ee rsa-root 1005 \
  $EE_START 20500601000000Z "$EE_SIGN"
# A root named without O: the provider's name is its CN (ESL 21(1)).
issue good/issuer-name-without-o.pem "/C=CN/CN=certlex Test Root Without Organization" rsa-sub self 2001 \
  $ROOT_START $ROOT_END "$CA_EXT"
# One file, many blocks, text around them, CRLF line endings: the SM2 chain.
{
  echo "The SM2 chain of good/sm2-sign.pem, signing certificate first."
  sed -n '/-----BEGIN/,/-----END/p' good/sm2-sign.pem ca/sm2-sub.pem ca/sm2-root.pem
  echo "End of chain."
} | sed 's/$/\r/' >good/sm2-chain-crlf.pem

# ---- dated/: certificates issued at a date the law judges them by ----

# Issued before the ESL came into force (2005-04-01): no rule reaches it.
issue dated/issued-2004.pem "/C=CN/O=certlex 测试认证有限公司/CN=certlex Test Root of 2004" rsa-sub self 3001 \
  20040601000000Z 20240601000000Z "$CA_EXT"

# ---- bad/: each fails one rule on purpose ----

issue bad/esl-21-2-no-holder-name.pem "/C=CN/OU=无名部门" rsa-ee rsa-root 2002 $EE_START $EE_END "$EE_SIGN"
issue bad/esl-21-3-serial-zero.pem "/C=CN/O=某某科技有限公司/CN=序列号为零" rsa-ee rsa-root 00 \
  $EE_START $EE_END "$EE_SIGN"
issue bad/esl-21-4-validity-reversed.pem "/C=CN/O=某某科技有限公司/CN=有效期颠倒" rsa-ee rsa-root 2004 \
  20300601000000Z 20260601000000Z "$EE_SIGN"
issue bad/esl-22-serial-too-long.pem "/C=CN/O=某某科技有限公司/CN=序列号过长" rsa-ee rsa-root \
  0102030405060708090A0B0C0D0E0F101112131415 $EE_START $EE_END "$EE_SIGN"
issue bad/esl-22-unknown-critical-extension.pem "/C=CN/O=某某科技有限公司/CN=未知关键扩展项" rsa-ee rsa-root 2007 \
  $EE_START $EE_END "$EE_SIGN\n1.2.156.999.9=critical,DER:0500"
issue bad/esl-22-extension-does-not-decode.pem "/C=CN/O=某某科技有限公司/CN=扩展项无法解码" rsa-ee rsa-root 2017 \
  $EE_START $EE_END "$EE_SIGN\n2.5.29.17=DER:30058201"
issue bad/esl-22-key-usage-empty.pem "/C=CN/O=某某科技有限公司/CN=密钥用法为空" rsa-ee rsa-root 2008 \
  $EE_START $EE_END "basicConstraints=critical,CA:FALSE\n2.5.29.15=critical,DER:030100\n$IDS\n$REV"
issue bad/esl-22-key-cert-sign-not-ca.pem "/C=CN/O=某某科技有限公司/CN=非CA却可签发证书" rsa-ee rsa-root 2009 \
  $EE_START $EE_END "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyCertSign\n$IDS\n$REV"
issue bad/esl-22-ca-without-key-usage.pem "/C=CN/O=certlex 测试认证有限公司/CN=CA Without Key Usage" rsa-sub rsa-root 200A \
  20250201000000Z 20500101000000Z "basicConstraints=critical,CA:TRUE\n$IDS"
issue bad/esl-22-no-authority-key-id.pem "/C=CN/O=某某科技有限公司/CN=无颁发者密钥标识符" rsa-ee rsa-root 200B \
  $EE_START $EE_END "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=none\n$REV"
issue bad/esl-22-no-revocation-pointer.pem "/C=CN/O=某某科技有限公司/CN=无状态查询地址" rsa-ee rsa-root 200C \
  $EE_START $EE_END "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n$IDS"
issue bad/esl-22-issuer-not-ca.pem "/C=CN/O=某某科技有限公司/CN=由非CA签发" rsa-ee ee-used-as-issuer 200D \
  $EE_START 20300101000000Z "$EE_SIGN"
issue bad/esl-22-validity-beyond-issuer.pem "/C=CN/O=某某科技有限公司/CN=有效期超出颁发者" rsa-ee rsa-root 200E \
  $EE_START 20600101000000Z "$EE_SIGN"
issue bad/esl-22-path-length-exceeded.pem "/C=CN/O=certlex 测试认证有限公司/CN=Sub CA Under pathlen 0" rsa-sub \
  rsa-root-pathlen0 200F 20250201000000Z 20500101000000Z "$SUB_EXT"
issue bad/gmt0015-sm2-key-rsa-signature.pem "/C=CN/O=某某科技有限公司/CN=SM2密钥RSA签名" sm2-sign rsa-root 2010 \
  $EE_START $EE_END "$EE_SIGN"
issue bad/gmt0015-rsa-key-sm2-signature.pem "/C=CN/O=某某科技有限公司/CN=RSA密钥SM2签名" rsa-ee sm2-sub 2011 \
  $EE_START $EE_END "$EE_SIGN"
issue bad/gmt0015-no-key-usage.pem "/C=CN/O=某某科技有限公司/CN=SM2无密钥用法" sm2-sign sm2-sub 2012 \
  $EE_START $EE_END "basicConstraints=critical,CA:FALSE\n$IDS\n$REV"
issue bad/gmt0015-signing-and-encryption.pem "/C=CN/O=某某科技有限公司/CN=SM2签名加密混用" sm2-sign sm2-sub 2013 \
  $EE_START $EE_END "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n$IDS\n$REV"
issue bad/esl-26-foreign-issuer.pem "/C=CN/O=某某科技有限公司/CN=境外签发" rsa-ee foreign-root 2014 \
  $EE_START $EE_END "$EE_SIGN"
issue bad/esl-26-hong-kong-issuer.pem "/C=CN/O=某某科技有限公司/CN=香港签发" rsa-ee hk-root 2015 \
  $EE_START $EE_END "$EE_SIGN"

# The issuer name differs from the issuer's subject, though its key (found
# by the authority key identifier) signed it: a copy of the RSA root with
# another name signs, and is not kept.
issue "$T/other-name.pem" "/C=CN/O=certlex 测试认证有限公司/CN=certlex Test Renamed Root" rsa-root self 09 \
  $ROOT_START $ROOT_END "$CA_EXT"
cp "$T/other-name.pem" ca/other-name.pem
issue bad/esl-22-issuer-name-mismatch.pem "/C=CN/O=某某科技有限公司/CN=颁发者名称不符" rsa-ee other-name 2016 \
  $EE_START $EE_END "$EE_SIGN"
rm ca/other-name.pem

# ---- bad/: certificates OpenSSL will not make, built from a good one's parts ----

hexof() { xxd -p "$1" | tr -d '\n'; }
der_len() {
  local n=$1
  if ((n < 128)); then printf '%02x' "$n"; elif ((n < 256)); then printf '81%02x' "$n"; else printf '82%04x' "$n"; fi
}
tlv() { printf '%s%s%s' "$1" "$(der_len $((${#2} / 2)))" "$2"; }
ascii() { printf '%s' "$1" | xxd -p | tr -d '\n'; }
SHA256_RSA=300d06092a864886f70d01010b0500

# The TBSCertificate elements of a certificate, in hex, one per line.
tbs_parts() {
  openssl x509 -in "$1" -outform DER -out "$T/c.der"
  local hex
  hex=$(hexof "$T/c.der")
  openssl asn1parse -inform DER -in "$T/c.der" | awk -v hex="$hex" '
    {
      match($0, /^ *[0-9]+/); off = substr($0, RSTART, RLENGTH) + 0
      match($0, /d=[0-9]+/); d = substr($0, RSTART + 2, RLENGTH - 2) + 0
      match($0, /hl=[0-9]+/); hl = substr($0, RSTART + 3, RLENGTH - 3) + 0
      match($0, / l= *[0-9]+/); s = substr($0, RSTART + 3, RLENGTH - 3); gsub(/ /, "", s); l = s + 0
    }
    d == 1 && !seen { seen = 1; end = off + hl + l; next }
    d == 2 && off < end { print substr(hex, off * 2 + 1, (hl + l) * 2) }'
}

# The extensions of a certificate, in hex, one per line.
ext_parts() {
  openssl x509 -in "$1" -outform DER -out "$T/c.der"
  local hex
  hex=$(hexof "$T/c.der")
  openssl asn1parse -inform DER -in "$T/c.der" | awk -v hex="$hex" '
    {
      match($0, /^ *[0-9]+/); off = substr($0, RSTART, RLENGTH) + 0
      match($0, /d=[0-9]+/); d = substr($0, RSTART + 2, RLENGTH - 2) + 0
      match($0, /hl=[0-9]+/); hl = substr($0, RSTART + 3, RLENGTH - 3) + 0
      match($0, / l= *[0-9]+/); s = substr($0, RSTART + 3, RLENGTH - 3); gsub(/ /, "", s); l = s + 0
    }
    d == 1 && !seen { seen = 1; end = off + hl + l; next }
    d == 2 && /cont \[ 3 \]/ { start = off }
    start && d == 4 && off < end { print substr(hex, off * 2 + 1, (hl + l) * 2) }'
}

# Sign TBS elements with an RSA key (sha256WithRSAEncryption) into a PEM file.
assemble() { # key out outer_alg part...
  local key=$1 out=$2 alg=$3
  shift 3
  local tbs sig
  tbs=$(tlv 30 "$(printf '%s' "$@")")
  printf '%s' "$tbs" | xxd -r -p >"$T/tbs.der"
  openssl dgst -sha256 -sign "$key" -out "$T/sig" "$T/tbs.der"
  sig=$(hexof "$T/sig")
  tlv 30 "$tbs$alg$(tlv 03 "00$sig")" | xxd -r -p >"$T/crafted.der"
  {
    echo "-----BEGIN CERTIFICATE-----"
    base64 -w 64 "$T/crafted.der"
    echo "-----END CERTIFICATE-----"
  } >"$T/crafted.pem"
  write "$T/crafted.pem" "$out"
}

issue "$T/base.pem" "/C=CN/O=某某科技有限公司/CN=手工构造" rsa-ee rsa-root 3000 $EE_START $EE_END "$EE_SIGN"
mapfile -t P < <(tbs_parts "$T/base.pem")
# 0 version, 1 serial, 2 signature, 3 issuer, 4 validity, 5 subject, 6 spki, 7 extensions
serial() { tlv 02 "$1"; }

# notBefore in 2025 written as GeneralizedTime (RFC 5280: UTCTime through 2049).
validity=$(tlv 30 "$(tlv 18 "$(ascii 20250601000000Z)")$(tlv 17 "$(ascii 300601000000Z)")")
assemble keys/rsa-root.key bad/esl-22-generalized-time-before-2050.pem $SHA256_RSA \
  "${P[0]}" "$(serial 3001)" "${P[2]}" "${P[3]}" "$validity" "${P[5]}" "${P[6]}" "${P[7]}"

# Version 2 (encoded 1) with extensions.
assemble keys/rsa-root.key bad/esl-22-version-2-with-extensions.pem $SHA256_RSA \
  a003020101 "$(serial 3002)" "${P[2]}" "${P[3]}" "${P[4]}" "${P[5]}" "${P[6]}" "${P[7]}"

# The CRL distribution points extension twice.
mapfile -t E < <(ext_parts "$T/base.pem")
exts=$(tlv a3 "$(tlv 30 "$(printf '%s' "${E[@]}")${E[-1]}")")
assemble keys/rsa-root.key bad/esl-22-duplicate-extension.pem $SHA256_RSA \
  "${P[0]}" "$(serial 3006)" "${P[2]}" "${P[3]}" "${P[4]}" "${P[5]}" "${P[6]}" "$exts"

# An RSA key whose bit string is not an RSAPublicKey.
spki=$(tlv 30 "300d06092a864886f70d0101010500$(tlv 03 00deadbeef)")
assemble keys/rsa-root.key bad/esl-21-5-unusable-key.pem $SHA256_RSA \
  "${P[0]}" "$(serial 3003)" "${P[2]}" "${P[3]}" "${P[4]}" "${P[5]}" "$spki" "${P[7]}"

# A serial number INTEGER with no content octets: no serial number is recorded.
assemble keys/rsa-root.key bad/esl-21-3-no-serial.pem $SHA256_RSA \
  "${P[0]}" 0200 "${P[2]}" "${P[3]}" "${P[4]}" "${P[5]}" "${P[6]}" "${P[7]}"

# Signed with sha256WithRSAEncryption, but the signed part says ecdsa-with-SHA256.
assemble keys/rsa-root.key bad/esl-22-signature-algorithm-mismatch.pem $SHA256_RSA \
  "${P[0]}" "$(serial 3004)" 300a06082a8648ce3d040302 "${P[3]}" "${P[4]}" "${P[5]}" "${P[6]}" "${P[7]}"

# A good certificate with the last octet of its signature changed.
assemble keys/rsa-root.key "$T/to-break.pem" $SHA256_RSA \
  "${P[0]}" "$(serial 3005)" "${P[2]}" "${P[3]}" "${P[4]}" "${P[5]}" "${P[6]}" "${P[7]}"
hex=$(hexof "$T/crafted.der")
last=${hex: -2}
printf '%s%02x' "${hex:0:${#hex}-2}" $((0x$last ^ 0x01)) | xxd -r -p >"$T/broken.der"
{
  echo "-----BEGIN CERTIFICATE-----"
  base64 -w 64 "$T/broken.der"
  echo "-----END CERTIFICATE-----"
} >"$T/broken.pem"
write "$T/broken.pem" bad/esl-21-6-bad-signature.pem

# A good certificate changed after it was signed, so its signature no
# longer verifies: its notBefore moved to 1985, before the ESL existed, and
# its key usage changed from digitalSignature and nonRepudiation to
# keyEncipherment alone, which makes it an encryption certificate. Neither the date nor the kind is the issuer's statement, so neither
# may take the certificate outside the law (docs/rule-language.md).
changed() { # from-hex to-hex out.pem
  hexof good/rsa-ee.der | sed "s/$1/$2/" | xxd -r -p >"$T/changed.der"
  {
    echo "-----BEGIN CERTIFICATE-----"
    base64 -w 64 "$T/changed.der"
    echo "-----END CERTIFICATE-----"
  } >"$T/changed.pem"
  write "$T/changed.pem" "$3"
}
changed 170d3235303630313030303030305a 170d3835303630313030303030305a bad/esl-21-6-date-changed-after-signing.pem
changed 030206c0 03020520 bad/esl-21-6-usage-changed-after-signing.pem

echo "made $(ls ca/*.pem good/*.pem good/*.der bad/*.pem | wc -l) certificates in $HERE"
