#!/usr/bin/env bash
# Makes the issuance-pipeline fixtures of corpus/pipeline/ with OpenSSL 3 (SM2
# included): to-be-signed certificates (TBSCertificate DER, as pkimetal's
# /linttbscert takes it), precertificates (RFC 6962 poison), PKCS#10 requests
# and CRLs, RSA and SM2. They use the test keys of corpus/certificates/keys/
# and the CA certificates of corpus/certificates/ca/ (give those with
# `--issuers`). RSA signatures come out byte-identical on a rerun; SM2
# signatures are randomized.
#
# Usage: corpus/pipeline/make.sh          (from anywhere)
# Needs: bash, openssl 3, python3 (to patch bytes of the fixtures that
# OpenSSL will not make).
set -euo pipefail
cd "$(dirname "$0")"
CERTS=../certificates
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p tbs precert csr crl keys
[[ -f keys/rsa-1024.key ]] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out keys/rsa-1024.key 2>/dev/null

# Replace the bytes HEX1 (hexadecimal) with HEX2 in a file, once.
patch() { # file hex1 hex2
  python3 -c "import sys; p,a,b=sys.argv[1:]; d=open(p,'rb').read(); a,b=bytes.fromhex(a),bytes.fromhex(b); assert d.count(a)>=1, 'pattern not found'; open(p,'wb').write(d.replace(a,b,1))" "$@"
}

SM2ID=1234567812345678
EE_START=20250601000000Z
EE_END=20300601000000Z

is_sm2() { openssl pkey -in "$1" -noout -text 2>/dev/null | grep -q 'SM2'; }

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
default_md = sha256
[ any ]
commonName = optional
[ crl_ext ]
authorityKeyIdentifier = keyid:always
[ crl_ext_unknown_critical ]
authorityKeyIdentifier = keyid:always
1.2.3.4 = critical,DER:0500
EOF

# The TBSCertificate of a PEM certificate, as DER: the first element of its
# outer SEQUENCE.
tbs_of() { # cert.pem out.der
  openssl x509 -in "$1" -outform DER -out "$T/c.der"
  local line off hl l
  line=$(openssl asn1parse -inform DER -in "$T/c.der" | sed -n 2p)
  off=$(sed -E 's/^ *([0-9]+):.*/\1/' <<<"$line")
  hl=$(sed -E 's/.*hl= *([0-9]+).*/\1/' <<<"$line")
  l=$(sed -E 's/.*l= *([0-9]+) cons.*/\1/' <<<"$line")
  tail -c +$((off + 1)) "$T/c.der" | head -c $((hl + l)) >"$2"
}

# issue OUT SUBJECT KEY ISSUER SERIAL EXT (as corpus/certificates/make.sh)
issue() {
  local out=$1 subj=$2 key=$CERTS/keys/$3.key issuer=$4 serial=$5 ext=$6
  : >"$T/index.txt"
  echo "$serial" >"$T/serial"
  printf '[ ext ]\n%b\n' "$ext" >"$T/ext.cnf"
  local signer_key=$CERTS/keys/$issuer.key req_opts=(-sha256) sign_opts=(-md sha256) cert_opts=(-cert "$CERTS/ca/$issuer.pem")
  if is_sm2 "$key"; then req_opts=(-sm3 -sigopt "distid:$SM2ID"); cert_opts+=(-vfyopt "distid:$SM2ID"); fi
  if is_sm2 "$signer_key"; then sign_opts=(-md sm3 -sigopt "distid:$SM2ID"); fi
  openssl req -new -utf8 -key "$key" -subj "$subj" "${req_opts[@]}" -out "$T/req.csr"
  openssl ca -batch -config "$T/ca.cnf" -keyfile "$signer_key" "${cert_opts[@]}" "${sign_opts[@]}" \
    -in "$T/req.csr" -out "$out" -notext -preserveDN -utf8 \
    -startdate $EE_START -enddate $EE_END -extfile "$T/ext.cnf" -extensions ext 2>"$T/ca.log" ||
    { cat "$T/ca.log" >&2; exit 1; }
}

REV='crlDistributionPoints=URI:http://crl.example.cn/ca.crl\nauthorityInfoAccess=OCSP;URI:http://ocsp.example.cn,caIssuers;URI:http://ca.example.cn/ca.cer'
EE_SIGN="basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always\n$REV"
POISON='1.3.6.1.4.1.11129.2.4.3=critical,DER:0500'

# ---- tbs/: to-be-signed certificates (the TBS of a certificate, unsigned) ----

tbs_of $CERTS/good/rsa-ee.pem tbs/rsa-ee.tbs.der
tbs_of $CERTS/good/sm2-sign.pem tbs/sm2-sign.tbs.der
tbs_of $CERTS/bad/esl-21-2-no-holder-name.pem tbs/esl-21-2-no-holder-name.tbs.der
openssl x509 -in $CERTS/ca/sm2-root.pem -outform DER -out "$T/root.der"
tbs_of $CERTS/ca/sm2-root.pem tbs/sm2-root.tbs.der
# A TBS in a PEM block (base64 of the DER, as pkimetal's b64input).
{ echo "-----BEGIN CERTIFICATE-----"; base64 -w 64 tbs/rsa-ee.tbs.der; echo "-----END CERTIFICATE-----"; } >tbs/rsa-ee.tbs.pem

# ---- precert/: precertificates (RFC 6962 3.1 poison, critical) ----

issue precert/rsa-ee.precert.pem "/C=CN/O=某某科技有限公司/CN=张三" rsa-ee rsa-root 4001 "$EE_SIGN\n$POISON"
issue precert/sm2-sign.precert.pem "/C=CN/O=某某科技有限公司/CN=王五" sm2-sign sm2-sub 4002 "$EE_SIGN\n$POISON"
# The poison not marked critical (RFC 6962 3.1 requires it critical).
issue precert/poison-not-critical.precert.pem "/C=CN/O=某某科技有限公司/CN=张三" rsa-ee rsa-root 4003 \
  "$EE_SIGN\n1.3.6.1.4.1.11129.2.4.3=DER:0500"

# ---- csr/: PKCS#10 certification requests ----

openssl req -new -utf8 -key $CERTS/keys/rsa-ee.key -subj "/C=CN/O=某某科技有限公司/CN=张三" -sha256 \
  -addext "subjectAltName=email:zhangsan@example.cn" -out csr/rsa.csr.pem
openssl req -new -utf8 -key $CERTS/keys/sm2-sign.key -subj "/C=CN/O=某某科技有限公司/CN=王五" \
  -sm3 -sigopt "distid:$SM2ID" -out csr/sm2.csr.pem
openssl req -new -utf8 -key $CERTS/keys/rsa-ee.key -subj "/C=CN/OU=无名部门" -sha256 -out csr/no-holder-name.csr.pem
openssl req -in csr/rsa.csr.pem -outform DER -out csr/rsa.csr.der
openssl req -new -utf8 -key keys/rsa-1024.key -subj "/C=CN/O=某某科技有限公司/CN=张三" -sha256 -out csr/rsa-1024.csr.pem
# A requested extension whose value does not decode (basicConstraints as NULL).
openssl req -new -utf8 -key $CERTS/keys/rsa-ee.key -subj "/C=CN/O=某某科技有限公司/CN=张三" -sha256 \
  -addext "2.5.29.19=DER:0500" -out csr/extension-does-not-decode.csr.pem
# An SM2 key in a request whose signature algorithm says ecdsa-with-SHA256
# (the OID 1.2.156.10197.1.501 patched to 1.2.840.10045.4.3.2, same length).
openssl req -in csr/sm2.csr.pem -outform DER -out csr/sm2-key-ecdsa-signature.csr.der
patch csr/sm2-key-ecdsa-signature.csr.der 06082a811ccf55018375 06082a8648ce3d040302
# An SM2 key that is not a point on the curve (one octet of X changed).
openssl req -in csr/sm2.csr.pem -outform DER -out csr/sm2-key-off-curve.csr.der
python3 -c "import sys; p=sys.argv[1]; d=bytearray(open(p,'rb').read()); i=d.index(bytes.fromhex('034200'))+4; d[i]^=1; open(p,'wb').write(bytes(d))" csr/sm2-key-off-curve.csr.der
# A request whose signature does not verify (one octet of the signature changed):
# no proof of possession of the key.
openssl req -in csr/rsa.csr.pem -outform DER -out "$T/r.der"
n=$(wc -c <"$T/r.der")
{ head -c $((n - 10)) "$T/r.der"; printf '\x00'; tail -c 9 "$T/r.der"; } >csr/bad-signature.csr.der

# ---- crl/: CRLs (RFC 5280 section 5) ----

# crl OUT ISSUER THIS_UPDATE NEXT_UPDATE [REVOKED_SERIAL REASON [CRLEXTS [CERT]]]
# (CRLEXTS `none`: no extensions and no CRL number, a version 1 CRL)
crl() {
  local out=$1 issuer=$2 this=$3 next=$4 serial=${5:-} reason=${6:-} exts=${7:-crl_ext} cert=${8:-$CERTS/ca/$2.pem}
  : >"$T/index.txt"
  if [[ -n $serial ]]; then
    printf 'R\t300601000000Z\t260401000000Z,%s\t%s\tunknown\t/CN=revoked\n' "$reason" "$serial" >"$T/index.txt"
  fi
  local opts=(-md sha256)
  if is_sm2 "$CERTS/keys/$issuer.key"; then opts=(-md sm3 -sigopt "distid:$SM2ID"); fi
  if [[ $exts != none ]]; then
    echo 01 >"$T/crlnumber"
    sed -i "s|^database.*|&\ncrlnumber = $T/crlnumber|" "$T/ca.cnf"
    opts+=(-crlexts "$exts")
  fi
  openssl ca -batch -gencrl -config "$T/ca.cnf" -keyfile "$CERTS/keys/$issuer.key" -cert "$cert" \
    "${opts[@]}" -crl_lastupdate "$this" -crl_nextupdate "$next" -out "$out" 2>"$T/ca.log" ||
    { cat "$T/ca.log" >&2; exit 1; }
  sed -i '/^crlnumber/d' "$T/ca.cnf"
}

crl crl/rsa-root.crl.pem rsa-root 20260501000000Z 20260701000000Z 1001 keyCompromise
crl crl/sm2-sub.crl.pem sm2-sub 20260501000000Z 20260701000000Z 1003 superseded
openssl crl -in crl/rsa-root.crl.pem -outform DER -out crl/rsa-root.crl.der
# Stale at 2026-06-01: its nextUpdate has passed.
crl crl/stale.crl.pem rsa-root 20260401000000Z 20260501000000Z
# nextUpdate before thisUpdate.
crl crl/next-before-this.crl.pem rsa-root 20260601000000Z 20260501000000Z
# Version 1: no extensions, so no CRL number and no authority key identifier.
crl crl/v1.crl.pem rsa-root 20260501000000Z 20260701000000Z "" "" none
# An unknown critical CRL extension (1.2.3.4).
crl crl/unknown-critical-extension.crl.pem rsa-root 20260501000000Z 20260701000000Z "" "" crl_ext_unknown_critical
# Signed by a certificate without cRLSign (ee-used-as-issuer: digitalSignature, nonRepudiation).
crl crl/signer-without-crl-sign.crl.pem ee-used-as-issuer 20260501000000Z 20260701000000Z
# Signed with rsa-root's key under another name: the signature verifies with
# rsa-root's key (found by its key identifier), the names differ.
openssl req -new -x509 -key $CERTS/keys/rsa-root.key -subj "/C=CN/O=certlex 测试认证有限公司/CN=Another Name" -utf8 \
  -days 3650 -addext "subjectKeyIdentifier=hash" -out "$T/other-name.pem" 2>/dev/null
crl crl/issuer-name-differs.crl.pem rsa-root 20260501000000Z 20260701000000Z "" "" crl_ext "$T/other-name.pem"
# Reason code 7 (not used by RFC 5280): superseded (4) patched to 7; the
# signature then no longer verifies either.
openssl crl -in crl/rsa-root.crl.pem -outform DER -out crl/reason-code-7.crl.der
crl "$T/r.pem" rsa-root 20260501000000Z 20260701000000Z 1001 superseded
openssl crl -in "$T/r.pem" -outform DER -out crl/reason-code-7.crl.der
patch crl/reason-code-7.crl.der 0603551d1504030a0104 0603551d1504030a0107
# One octet of the signature changed: the signature does not verify.
openssl crl -in crl/rsa-root.crl.pem -outform DER -out "$T/a.der"
n=$(wc -c <"$T/a.der")
{ head -c $((n - 10)) "$T/a.der"; printf '\x00'; tail -c 9 "$T/a.der"; } >crl/bad-signature.crl.der
# The outer signature algorithm changed to sha384WithRSAEncryption after
# signing (the last octet of its OID, 0x0b to 0x0c): it no longer says what
# the signed part says.
xxd -p "$T/a.der" | tr -d '\n' | sed 's/06092a864886f70d01010b0500038201/06092a864886f70d01010c0500038201/' |
  xxd -r -p >crl/algorithm-mismatch.crl.der

# ---- ocsp/: OCSP responses (RFC 6960), made by `openssl ocsp` ----
# producedAt and thisUpdate are the time the script runs (OpenSSL takes no
# other): tests give `--at` a date inside the window they need.

mkdir -p ocsp
# A delegated responder certificate issued by ISSUER
ocsp_signer() { # OUT ISSUER SERIAL EXT
  issue "$1" "/C=CN/O=certlex 测试认证有限公司/CN=certlex Test OCSP Responder" rsa-sub "$2" "$3" "$4"
}
RESPONDER="basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid:always"
ocsp_signer "$T/delegated.pem" rsa-root 5001 "$RESPONDER\nextendedKeyUsage=OCSPSigning\nnoCheck=ignored"
ocsp_signer "$T/delegated-no-eku.pem" rsa-root 5002 "$RESPONDER\nextendedKeyUsage=clientAuth"
ocsp_signer "$T/delegated-no-nocheck.pem" rsa-root 5003 "$RESPONDER\nextendedKeyUsage=OCSPSigning"

# ocsp OUT ISSUER CERT STATUS SIGNER SIGNER_KEY [OPTIONS...]
# STATUS: good, revoked (keyCompromise at 2026-04-01) or unknown (not in the index)
ocsp() {
  local out=$1 issuer=$2 cert=$3 status=$4 signer=$5 key=$6
  shift 6
  local serial
  serial=$(openssl x509 -in "$cert" -noout -serial | cut -d= -f2)
  case $status in
    good) printf 'V\t300601000000Z\t\t%s\tunknown\t/CN=x\n' "$serial" >"$T/index.txt" ;;
    revoked) printf 'R\t300601000000Z\t260401000000Z,keyCompromise\t%s\tunknown\t/CN=x\n' "$serial" >"$T/index.txt" ;;
    unknown) : >"$T/index.txt" ;;
  esac
  local opts=(-rmd sha256)
  if is_sm2 "$key"; then opts=(-rmd sm3 -rsigopt "distid:$SM2ID"); fi
  openssl ocsp -index "$T/index.txt" -CA "$CERTS/ca/$issuer.pem" -issuer "$CERTS/ca/$issuer.pem" -cert "$cert" \
    -rsigner "$signer" -rkey "$key" "${opts[@]}" -respout "$out" "$@" >"$T/ocsp.log" 2>&1 ||
    { cat "$T/ocsp.log" >&2; exit 1; }
}

ocsp ocsp/rsa-good.ocsp.der rsa-root $CERTS/good/rsa-ee.pem good $CERTS/ca/rsa-root.pem $CERTS/keys/rsa-root.key -ndays 7
ocsp ocsp/rsa-revoked.ocsp.der rsa-root $CERTS/good/rsa-ee.pem revoked $CERTS/ca/rsa-root.pem $CERTS/keys/rsa-root.key -ndays 7
ocsp ocsp/rsa-unknown.ocsp.der rsa-root $CERTS/good/rsa-ee.pem unknown $CERTS/ca/rsa-root.pem $CERTS/keys/rsa-root.key -ndays 7
ocsp ocsp/sm2-good.ocsp.der sm2-sub $CERTS/good/sm2-sign.pem good $CERTS/ca/sm2-sub.pem $CERTS/keys/sm2-sub.key -ndays 7
# The responder named by its key hash, the CA certificate left out.
ocsp ocsp/by-key.ocsp.der rsa-root $CERTS/good/rsa-ee.pem good $CERTS/ca/rsa-root.pem $CERTS/keys/rsa-root.key \
  -ndays 7 -resp_key_id -resp_no_certs
# No nextUpdate: the responder does not say when newer information will be there.
ocsp ocsp/no-next-update.ocsp.der rsa-root $CERTS/good/rsa-ee.pem good $CERTS/ca/rsa-root.pem $CERTS/keys/rsa-root.key
# Delegated responders issued by rsa-root, with and without id-kp-OCSPSigning.
ocsp ocsp/delegated.ocsp.der rsa-root $CERTS/good/rsa-ee.pem good "$T/delegated.pem" $CERTS/keys/rsa-sub.key -ndays 7
ocsp ocsp/delegated-no-nocheck.ocsp.der rsa-root $CERTS/good/rsa-ee.pem good "$T/delegated-no-nocheck.pem" $CERTS/keys/rsa-sub.key -ndays 7
ocsp ocsp/delegated-no-eku.ocsp.der rsa-root $CERTS/good/rsa-ee.pem good "$T/delegated-no-eku.pem" $CERTS/keys/rsa-sub.key -ndays 7
# Signed by a key the CA did not certify: rsa-sub's key under a
# self-signed certificate that claims id-kp-OCSPSigning.
openssl req -new -x509 -key $CERTS/keys/rsa-sub.key -subj "/C=CN/O=certlex 测试认证有限公司/CN=Self Responder" -utf8 \
  -days 3650 -addext "extendedKeyUsage=OCSPSigning" -out "$T/self.pem" 2>/dev/null
ocsp ocsp/not-authorised.ocsp.der rsa-root $CERTS/good/rsa-ee.pem good "$T/self.pem" $CERTS/keys/rsa-sub.key -ndays 7
# The same response in a PEM block (RFC 7468 names no label for OCSP; tools write `OCSP RESPONSE`).
{ echo "-----BEGIN OCSP RESPONSE-----"; base64 -w 64 ocsp/rsa-good.ocsp.der; echo "-----END OCSP RESPONSE-----"; } >ocsp/rsa-good.ocsp.pem
# One octet of the signature changed.
ocsp ocsp/bad-signature.ocsp.der rsa-root $CERTS/good/rsa-ee.pem good $CERTS/ca/rsa-root.pem $CERTS/keys/rsa-root.key -ndays 7 -badsig
# An unsuccessful response: tryLater (3), no response bytes.
printf '\x30\x03\x0a\x01\x03' >ocsp/try-later.ocsp.der
