#!/usr/bin/env python3
"""Make the small files of corpus/bad/ (run from anywhere; deterministic).

The huge inputs (a 100 MB file, a 50 MB rule statement, a certificate with
10,000 extensions, a PEM of 10,001 blocks, YAML nested 1,000 levels in block
style) are not committed: tests/bad_inputs.rs makes them in a temporary
folder. README.md lists every file, how it was made, what it tests and the
message it gets.
"""
import base64
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
rng = random.Random(20250601)


def write(name, data):
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def pem_body(der, label="CERTIFICATE"):
    b64 = base64.b64encode(der).decode()
    lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----\n"


def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, content):
    return bytes([tag]) + der_len(len(content)) + content


with open(os.path.join(ROOT, "corpus/certificates/real/cfca-ev-root.pem")) as f:
    good_pem = f.read()
good_der = base64.b64decode("".join(l for l in good_pem.splitlines() if l and not l.startswith("-----")))

# --- certificates: DER -------------------------------------------------------
write("cert-empty.der", b"")
write("cert-truncated.der", good_der[: len(good_der) // 2])
write("cert-truncated-header.der", good_der[:3])
write("cert-trailing-garbage.der", good_der + b"\x00garbage after the certificate" * 4)
write("cert-length-overflow.der", b"\x30\x84\x7f\xff\xff\xff" + good_der[4:64])
write("cert-indefinite-length.der", b"\x30\x80" + good_der[4:] + b"\x00\x00")
write("cert-not-a-certificate.der", tlv(0x30, tlv(0x02, b"\x01") + tlv(0x0C, b"not a certificate")))
nested = b"\x05\x00"
for _ in range(5000):
    nested = tlv(0x30, nested)
write("cert-deeply-nested.der", nested)
write("cert-random-bytes.der", b"\x30" + bytes(rng.randrange(256) for _ in range(1023)))

# --- certificates: PEM -------------------------------------------------------
write("cert-empty.pem", b"")
write("cert-whitespace-only.pem", "\n \n\t\r\n   \n")
write("pem-bad-base64.pem", "-----BEGIN CERTIFICATE-----\nMIIB!!!not*base64$$$\n-----END CERTIFICATE-----\n")
write("pem-no-end-line.pem", good_pem.split("-----END")[0])
cut = good_pem.splitlines()
write("pem-truncated-body.pem", "\n".join(cut[: len(cut) // 2]) + "\n")
write("pem-empty-block.pem", "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n")
write("pem-mismatched-end.pem", good_pem.replace("-----END CERTIFICATE-----", "-----END PRIVATE KEY-----"))
write("pem-begin-typo.pem", good_pem.replace("-----BEGIN CERTIFICATE-----", "-----BEGIN CERTIFICATE----"))
write("pem-base64-not-der.pem", pem_body(b"hello, this is not DER at all"))
write("pem-truncated-der.pem", pem_body(good_der[: len(good_der) - 100]))
write("pem-csr.pem", pem_body(tlv(0x30, tlv(0x30, tlv(0x02, b"\x00"))), "CERTIFICATE REQUEST"))
write("pem-public-key.pem", pem_body(tlv(0x30, tlv(0x30, tlv(0x06, b"\x2a\x86\x48\xce\x3d\x02\x01"))), "PUBLIC KEY"))
with open(os.path.join(ROOT, "corpus/certificates/keys/rsa-ee.key")) as f:
    write("pem-private-key-only.pem", f.read())
write("pem-encrypted-private-key.pem", pem_body(bytes(rng.randrange(256) for _ in range(300)), "ENCRYPTED PRIVATE KEY"))
write("pem-broken-private-key.pem", "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI!!!\n-----END EC PRIVATE KEY-----\n")
write("pem-good-then-broken.pem", good_pem + "\n" + "\n".join(cut[: len(cut) // 2]) + "\n")
write("pem-nul-bytes.pem", good_pem.replace("\n", "\n\x00", 5))
write("pem-latin1.pem", b"Certificat r\xe9seau \xe0 v\xe9rifier\n" + pem_body(good_der[:200]).encode("ascii"))
write("pem-utf16le-bom.pem", b"\xff\xfe" + good_pem.encode("utf-16-le"))
write("blob-random.bin", bytes([0x7f]) + bytes(rng.randrange(256) for _ in range(4095)))
write("blob-zeros.bin", bytes(4096))

# --- CA profiles (YAML) --------------------------------------------------------
HEAD = "kind: ca-profile\n"
bomb = HEAD + 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
for i in range(1, 10):
    bomb += f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n"
write("profile-alias-bomb.yaml", bomb)
write("profile-nested-flow-1000.yaml", HEAD + "legal_entity: " + "[" * 1000 + "]" * 1000 + "\n")
write("profile-tabs.yaml", HEAD + "legal_entity:\n\tname: 测试 CA\n\tcredit_code: 91110000000000000X\n")
write("profile-utf16le-bom.yaml", b"\xff\xfe" + (HEAD + "legal_entity:\n  name: Test CA\n").encode("utf-16-le"))
write("profile-invalid-utf8.yaml", HEAD.encode() + b"legal_entity:\n  name: Test \xff\xfe CA\n")
write("profile-nul-byte.yaml", HEAD + "legal_entity:\n  name: Test\x00CA\n")
write("profile-duplicate-key.yaml", HEAD + "legal_entity:\n  name: A\n  name: B\n")
write("profile-two-documents.yaml", HEAD + "legal_entity:\n  name: A\n---\n" + HEAD)
write("profile-unknown-anchor.yaml", HEAD + "legal_entity: *nowhere\n")
write("profile-python-tag.yaml", HEAD + "legal_entity: !!python/object/apply:os.system ['true']\n")
write("profile-unclosed-quote.yaml", HEAD + 'legal_entity:\n  name: "Test CA\n  credit_code: x\n')
write("profile-unclosed-flow.yaml", HEAD + "legal_entity: {name: Test CA, credit_code: [1, 2\n")
write("profile-bad-indentation.yaml", HEAD + "legal_entity:\n    name: Test CA\n  credit_code: x\n")
write("profile-huge-number.yaml", HEAD + "capital:\n  registered_rmb: 99999999999999999999999999999999\n")
write("profile-alias-chain.yaml", HEAD + "a0: &a0 x\n" + "".join(f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" for i in range(1, 40)))
write("profile-many-anchors.yaml", HEAD + "".join(f"k{i}: &n{i} {i}\n" for i in range(1500)))

# --- rule statements (Markdown, text) ------------------------------------------
OUTLINE = "# 1 概括性描述 Introduction\n\n# 2 信息发布与信息管理 Publication\n\n# 3 身份标识与鉴别 Identification\n"
FM = "---\nkind: rule-statement\n"
write("statement-invalid-utf8.md", OUTLINE.encode() + b"\n\xc3\x28 broken\n")
write("statement-utf16le-bom.md", b"\xff\xfe" + OUTLINE.encode("utf-16-le"))
write("statement-front-matter-yaml-error.md", FM + "ca_name: [unclosed\n---\n" + OUTLINE)
write("statement-front-matter-unknown-key.md", FM + "filling_number: x\n---\n" + OUTLINE)
write("statement-front-matter-bad-date.md", FM + "effective_date: 2024/9/2\n---\n" + OUTLINE)
write("statement-front-matter-wrong-kind.md", "---\nkind: certificate\n---\n" + OUTLINE)
write("statement-front-matter-alias-bomb.md", "---\n" + "\n".join(bomb.splitlines()[1:]) + "\nkind: rule-statement\n---\n" + OUTLINE)
write("statement-front-matter-nested-1000.md", FM + "ca_name: " + "[" * 1000 + "]" * 1000 + "\n---\n" + OUTLINE)
write("statement-front-matter-not-a-mapping.md", "---\n- kind\n- rule-statement\n---\n" + OUTLINE)
write("statement-binary.md", bytes([0x01]) + bytes(rng.randrange(256) for _ in range(2047)))

# --- rule files: one of each syntax error (and files that are not text) ----------
RULE = """rule TEST-1 {{
  cites ESL 21(1)
  title.en "A test rule"
  title.zh "测试规则"
  applies-to certificate
  severity error
  require {require}
  message.en "the test failed"
  message.zh "测试失败"
}}
"""


def rule(name, require):
    write(name, RULE.format(require=require))


rule("rules-bad-escape.rules", r'issuer.organization == "a\qb"')
rule("rules-connective.rules", "issuer.organization is present && subject.common_name is present")
rule("rules-date-format.rules", "not_before >= 2024/1/1")
rule("rules-no-such-date.rules", "not_before >= 2023-02-30")
rule("rules-number-commas.rules", "serial.length <= 1,000")
rule("rules-number-too-large.rules", "serial.length <= 99999999999999999999999")
rule("rules-reserved-word.rules", "every and in issuer.organization: and is present")
rule("rules-single-equals.rules", "issuer.country = \"CN\"")
rule("rules-unclosed-string.rules", "issuer.organization == \"CFCA")
rule("rules-full-width.rules", "issuer.country == “CN”")
rule("rules-unexpected.rules", "issuer.organization is here")
rule("rules-nested-20000.rules", "(" * 20000 + "issuer.organization is present" + ")" * 20000)
rule("rules-not-20000.rules", "not " * 20000 + "issuer.organization is absent")
rule("rules-pattern-too-large.rules", 'issuer.organization matches "(((a{100}){100}){100})"')
write("rules-unclosed-block.rules", RULE.format(require="issuer.organization is present").rstrip().rstrip("}") + "\n")
write("rules-field-outside-block.rules", "severity error\n" + RULE.format(require="issuer.organization is present"))
write("rules-unknown-block.rules", "regel TEST-1 {\n  severity error\n}\n")
write("rules-unknown-field.rules", RULE.format(require="issuer.organization is present").replace("severity error", "severty error"))
write("rules-param-value.rules", "parameter test-days {\n  value [30, 60] cites ESL 21(1)\n}\n")
write("rules-incomplete.rules", RULE.format(require="issuer.organization =="))
write("rules-invalid-utf8.rules", RULE.format(require="issuer.organization is present").encode().replace(b"A test rule", b"A test \xff rule"))
write("rules-utf16le-bom.rules", b"\xff\xfe" + RULE.format(require="issuer.organization is present").encode("utf-16-le"))
write("rules-binary.rules", bytes(rng.randrange(256) for _ in range(1024)))

# --- the issuance pipeline: to-be-signed certificates, requests, CRLs ----------
def fixture(rel):
    with open(os.path.join(ROOT, "corpus/pipeline", rel), "rb") as f:
        return f.read()


tbs = fixture("tbs/rsa-ee.tbs.der")
write("tbs-trailing-bytes.der", tbs + b"\x00\x01\x02")
write("tbs-truncated.der", tbs[: len(tbs) // 2])
csr = fixture("csr/rsa.csr.der")
write("csr-truncated.der", csr[: len(csr) // 2])
write("csr-truncated.pem", pem_body(csr[: len(csr) - 40], "CERTIFICATE REQUEST"))
crl = fixture("crl/rsa-root.crl.der")
write("crl-truncated.der", crl[: len(crl) // 2])
write("crl-trailing-bytes.der", crl + b"\x00" * 8)
write("crl-not-a-crl.pem", pem_body(tlv(0x30, tlv(0x02, b"\x01")), "X509 CRL"))
ocsp = fixture("ocsp/rsa-good.ocsp.der")
write("ocsp-truncated.der", ocsp[: len(ocsp) // 2])
write("ocsp-trailing-bytes.der", ocsp + b"\x00" * 8)
# successful, id-pkix-ocsp-basic, but the response bytes hold SEQUENCE { INTEGER 1 }
BASIC = bytes.fromhex("2b0601050507300101")
write(
    "ocsp-does-not-decode.der",
    tlv(0x30, tlv(0x0A, b"\x00") + tlv(0xA0, tlv(0x30, tlv(0x06, BASIC) + tlv(0x04, tlv(0x30, tlv(0x02, b"\x01")))))),
)
