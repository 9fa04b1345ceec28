//! CRL facts (RFC 5280 section 5): what a relying party needs to learn a
//! certificate's status from a CRL (ESL 22) — who issued it and whether the
//! signature verifies with that CA's key (`--issuers`), when it was issued
//! and when the next one is due, its number and authority key identifier,
//! and the revoked certificates with their reasons. RSA, ECDSA and SM2.

use std::sync::Arc;

use sha2::{Digest, Sha256};
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::ParsedExtension;
use x509_parser::prelude::FromDer;
use x509_parser::revocation_list::CertificateRevocationList;

use super::certificate::der::signed_envelope;
use super::certificate::verify::{Verdict, verify_signed};
use super::certificate::{
    ALGORITHM, NAME, ParseError, algorithm, hex, match_key, name, names_match, oid_name, oid_text,
};
use super::context::{RunContext, subject_key_id};
use super::schema::{Field, Ty};
use super::value::{Record, RecordBuilder, Value};
use crate::i18n::Text;

const STRS: Ty = Ty::List(&Ty::Str);

static REVOKED: &[Field] = &[
    Field::new(
        "serial",
        Ty::Str,
        "the revoked certificate's serial number in hexadecimal",
    )
.zh("被撤销证书的序列号，十六进制"),
    Field::new("revoked_at", Ty::Date, "revocationDate")
.zh("撤销日期（revocationDate）"),
    Field::new(
        "reason",
        Ty::Str,
        "the reasonCode (RFC 5280 5.3.1) as its name: `unspecified`, `keyCompromise`, `cACompromise`, `affiliationChanged`, `superseded`, `cessationOfOperation`, `certificateHold`, `removeFromCRL`, `privilegeWithdrawn`, `aACompromise`; absent without a reason code",
    )
.zh("撤销原因代码（RFC 5280 第5.3.1节）的名称：`unspecified`、`keyCompromise`、`cACompromise`、`affiliationChanged`、`superseded` 等"),
    Field::new(
        "reason_valid",
        Ty::Bool,
        "the entry has no reason code, or one RFC 5280 5.3.1 defines (0 to 10 but 7), non-critical",
    )
.zh("该条目没有原因代码，或其原因代码为 RFC 5280 第5.3.1节所定义（0 至 10，7 除外）且非关键"),
];

static ISSUER_LINK: &[Field] = &[
    Field::new(
        "found",
        Ty::Bool,
        "a CA certificate whose key verifies the CRL's signature is among the inputs or `--issuers`",
    )
.zh("输入或 `--issuers` 中有一张认证机构证书的公钥可以验证该列表的签名"),
    Field::new(
        "verified",
        Ty::Bool,
        "the CRL's signature verifies with the issuing CA's key (SM2: signer ID `1234567812345678`); false when the CA certificate the name and authority key identifier point at does not verify it; unknown when no such certificate is given",
    )
.zh("证书撤销列表的签名可用签发机构的公钥验证（SM2：签名者标识 `1234567812345678`）"),
    Field::new(
        "names_match",
        Ty::Bool,
        "the CRL's issuer name matches the CA certificate's subject name (RFC 5280 7.1): the certificate that verified the signature, or else the one the issuer name and authority key identifier point at",
    )
.zh("证书撤销列表的签发者名称与该认证机构证书的主体名称相符（RFC 5280 第7.1节）"),
    Field::new(
        "crl_sign",
        Ty::Bool,
        "that CA certificate's key usage allows signing CRLs (cRLSign, or no key usage extension; RFC 5280 4.2.1.3)",
    )
.zh("该认证机构证书的密钥用法允许签发证书撤销列表（cRLSign，或无密钥用法扩展；RFC 5280 第4.2.1.3节）"),
    Field::new(
        "issuer_sha256",
        Ty::Str,
        "SHA-256 of the CA certificate whose key verified the signature",
    )
.zh("验证签名所用公钥所在认证机构证书的 SHA-256"),
];

/// The CRL's own date: when it was issued (thisUpdate).
pub const OWN_DATE: &[&str] = &["this_update"];

pub static SCHEMA: &[Field] = &[
    Field::new("version", Ty::Int, "CRL version: 2 (v2) or 1 (no version field)")
.zh("证书撤销列表版本：2（v2）或 1（无版本字段）"),
    Field::new("issuer", Ty::Record(NAME), "the CRL issuer's distinguished name")
.zh("证书撤销列表签发者的甄别名"),
    Field::new(
        "signature_algorithm",
        Ty::Record(ALGORITHM),
        "the algorithm of the issuer's signature",
    )
.zh("签发者签名所用的算法"),
    Field::new(
        "algorithms_match",
        Ty::Bool,
        "the signature algorithm outside the signed part equals the one inside it (`signature` in TBSCertList, RFC 5280 5.1.1.2)",
    )
.zh("签名部分之外的签名算法与其内（TBSCertList 中的 `signature`，RFC 5280 第5.1.1.2节）一致"),
    Field::new("this_update", Ty::Date, "thisUpdate: when this CRL was issued")
.zh("本次更新时间（thisUpdate）：本列表的签发时间"),
    Field::new(
        "next_update",
        Ty::Date,
        "nextUpdate: by when the next CRL will be issued (absent if the CRL does not say; RFC 5280 5.1.2.5 requires it)",
    )
.zh("下次更新时间（nextUpdate）：下一份列表的签发期限（列表未写明时缺失；RFC 5280 第5.1.2.5节要求写明）"),
    Field::new(
        "crl_number",
        Ty::Str,
        "the CRL number in decimal (absent without the cRLNumber extension, RFC 5280 5.2.3)",
    )
.zh("证书撤销列表编号，十进制（无 cRLNumber 扩展时缺失，RFC 5280 第5.2.3节）"),
    Field::new(
        "crl_number_critical",
        Ty::Bool,
        "the cRLNumber extension is marked critical",
    )
.zh("cRLNumber 扩展标为关键"),
    Field::new(
        "authority_key_id",
        Ty::Str,
        "the authority key identifier's keyIdentifier in hexadecimal (absent without one, RFC 5280 5.2.1)",
    )
.zh("机构密钥标识符的 keyIdentifier，十六进制（没有时缺失，RFC 5280 第5.2.1节）"),
    Field::new(
        "unknown_critical_extensions",
        STRS,
        "OIDs of CRL extensions marked critical that certlex does not understand",
    )
.zh("标为关键、certlex 却不理解的列表扩展的 OID"),
    Field::new(
        "extension_decode_errors",
        STRS,
        "one line per CRL or entry extension whose value does not decode: its name, OID and why",
    )
.zh("每个值无法解码的列表扩展或条目扩展一行：名称、OID 及原因"),
    Field::new(
        "revoked",
        Ty::List(&Ty::Record(REVOKED)),
        "the revoked certificates, in order",
    )
.zh("按顺序列出的被撤销证书"),
    Field::new("revoked_count", Ty::Int, "how many certificates the CRL lists")
.zh("列表所列证书的数量"),
    Field::new(
        "invalid_reasons",
        STRS,
        "one line per entry whose reason code RFC 5280 5.3.1 does not allow: the serial and why",
    )
.zh("每个原因代码不为 RFC 5280 第5.3.1节所允许的条目一行：序列号及原因"),
    Field::new(
        "signature",
        Ty::Record(ISSUER_LINK),
        "the issuing CA and its signature, when its certificate is given",
    )
.zh("签发机构及其签名（给出其证书时）"),
    Field::new(
        "fingerprint_sha256",
        Ty::Str,
        "SHA-256 of the whole CRL (DER), in hexadecimal",
    )
.zh("整份证书撤销列表（DER）的 SHA-256，十六进制"),
];

/// Reason codes by number (RFC 5280 5.3.1), as CRL entries and OCSP responses give them.
pub(super) const REASONS: [&str; 11] = [
    "unspecified",
    "keyCompromise",
    "cACompromise",
    "affiliationChanged",
    "superseded",
    "cessationOfOperation",
    "certificateHold",
    "7",
    "removeFromCRL",
    "privilegeWithdrawn",
    "aACompromise",
];

/// Read the facts of one DER-encoded CRL, finding its issuer in the context.
pub fn extract(der: &[u8], ctx: &RunContext) -> Result<Record, ParseError> {
    let (rest, crl) =
        CertificateRevocationList::from_der(der).map_err(|e| ParseError(format!("not a valid X.509 CRL: {e}")))?;
    if !rest.is_empty() {
        return Err(ParseError(format!("{} bytes of data follow the CRL", rest.len())));
    }
    signed_envelope(der).map_err(|why| ParseError(format!("not a valid X.509 CRL: {why} (RFC 5280 5.1)")))?;
    let tbs = &crl.tbs_cert_list;
    let mut r = RecordBuilder::new(SCHEMA);
    r.set("version", tbs.version.map_or(1, |v| i64::from(v.0) + 1));
    r.set("issuer", name(&tbs.issuer));
    r.set("signature_algorithm", algorithm(&crl.signature_algorithm.algorithm));
    r.set("algorithms_match", crl.signature_algorithm == tbs.signature);
    r.set("this_update", Value::Date(tbs.this_update.timestamp()));
    r.set(
        "next_update",
        Value::opt(tbs.next_update.map(|t| Value::Date(t.timestamp()))),
    );
    let mut aki = None;
    let mut unknown_critical = Vec::new();
    let mut decode_errors = Vec::new();
    for e in tbs.extensions() {
        match e.parsed_extension() {
            ParsedExtension::CRLNumber(n) => {
                r.set("crl_number", n.to_string());
                r.set("crl_number_critical", e.critical);
            }
            ParsedExtension::AuthorityKeyIdentifier(a) => aki = a.key_identifier.as_ref().map(|k| k.0),
            ParsedExtension::ParseError { error } => {
                decode_errors.push(Value::from(format!(
                    "`{}` ({}): {error}",
                    oid_name(&e.oid),
                    oid_text(&e.oid)
                )));
            }
            ParsedExtension::UnsupportedExtension { .. } if e.critical => {
                unknown_critical.push(Value::Str(oid_text(&e.oid)));
            }
            _ => {}
        }
    }
    r.set("authority_key_id", Value::opt(aki.map(hex)));
    r.set("unknown_critical_extensions", Value::List(unknown_critical));
    let mut revoked = Vec::new();
    let mut invalid = Vec::new();
    for entry in crl.iter_revoked_certificates() {
        let serial = hex(entry.raw_serial());
        let mut e = RecordBuilder::new(REVOKED);
        e.set("serial", serial.as_str());
        e.set("revoked_at", Value::Date(entry.revocation_date.timestamp()));
        let mut valid = true;
        for ext in entry.extensions() {
            if let ParsedExtension::ParseError { error } = ext.parsed_extension() {
                decode_errors.push(Value::from(format!(
                    "`{}` ({}) of entry {serial}: {error}",
                    oid_name(&ext.oid),
                    oid_text(&ext.oid)
                )));
                if &*oid_text(&ext.oid) == "2.5.29.21" {
                    valid = false;
                    invalid.push(Value::from(format!(
                        "{serial}: the reason code is not one RFC 5280 5.3.1 defines"
                    )));
                }
            }
        }
        match entry.reason_code() {
            Some((critical, code)) => {
                let word = REASONS.get(usize::from(code.0)).copied().unwrap_or("unknown");
                e.set("reason", word);
                if code.0 == 7 {
                    valid = false;
                    invalid.push(Value::from(format!(
                        "{serial}: reason code 7 is not used (RFC 5280 5.3.1)"
                    )));
                } else if critical {
                    valid = false;
                    invalid.push(Value::from(format!(
                        "{serial}: the reason code is marked critical (RFC 5280 5.3.1: non-critical)"
                    )));
                }
            }
            None => {
                e.set("reason", Value::Absent);
            }
        }
        e.set("reason_valid", valid);
        revoked.push(Value::Record(e.finish()));
    }
    r.set("revoked_count", revoked.len() as i64);
    r.set("revoked", Value::List(revoked));
    r.set("invalid_reasons", Value::List(invalid));
    r.set("extension_decode_errors", Value::List(decode_errors));
    r.set("signature", issuer_link(&crl, aki, ctx));
    r.set("fingerprint_sha256", hex(&Sha256::digest(der)));
    Ok(r.finish())
}

fn crl_sign(cert: &X509Certificate) -> bool {
    cert.extensions()
        .iter()
        .find_map(|e| match e.parsed_extension() {
            ParsedExtension::KeyUsage(ku) => Some(ku.crl_sign()),
            _ => None,
        })
        .unwrap_or(true)
}

/// The CA whose key verifies the CRL, among the context's certificates named
/// like its issuer (or with its authority key identifier).
fn issuer_link(crl: &CertificateRevocationList, aki: Option<&[u8]>, ctx: &RunContext) -> Record {
    let tbs = &crl.tbs_cert_list;
    // The CA certificate the name and key identifier point at, when its
    // key does not verify the signature: what it says still counts.
    let mut identified: Option<(bool, bool)> = None;
    let mut unsupported = None;
    for index in ctx.issuer_candidates(&match_key(&tbs.issuer), aki) {
        let Some(der) = ctx.issuer(index) else { continue };
        let Ok((_, ca)) = X509Certificate::from_der(der) else {
            continue;
        };
        match verify_signed(
            tbs.as_ref(),
            &crl.signature_algorithm,
            &crl.signature_value,
            ca.public_key(),
        ) {
            Verdict::Valid => {
                let mut r = RecordBuilder::new(ISSUER_LINK);
                r.set("found", true);
                r.set("verified", true);
                r.set("names_match", names_match(&tbs.issuer, ca.subject()));
                r.set("crl_sign", crl_sign(&ca));
                r.set("issuer_sha256", hex(&Sha256::digest(der)));
                return r.finish();
            }
            Verdict::Invalid if aki.is_none() || subject_key_id(&ca) == aki => {
                identified = Some((names_match(&tbs.issuer, ca.subject()), crl_sign(&ca)));
            }
            Verdict::Invalid => {}
            Verdict::Unsupported(why) => unsupported = Some(why),
        }
    }
    let why = unsupported.unwrap_or_else(|| {
        Text::both(
            "签发该 CRL 的 CA 证书不在输入之中，请用 `--issuers` 提供",
            "the certificate of the CA that issued the CRL is not among the inputs; give it with `--issuers`",
        )
    });
    let unknown = || Value::Unknown(Arc::new(why.clone()));
    let mut r = RecordBuilder::new(ISSUER_LINK);
    r.set("found", false);
    match identified {
        Some((names, sign)) => {
            r.set("verified", false);
            r.set("names_match", names);
            r.set("crl_sign", sign);
        }
        None => {
            r.set("verified", unknown());
            r.set("names_match", unknown());
            r.set("crl_sign", unknown());
        }
    }
    r.set("issuer_sha256", Value::Absent);
    r.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::certificate::testcert::{corpus_ca, corpus_cas, named_alike};
    use crate::facts::context::Origin;
    use serde_json::{Value as J, json};

    fn cas() -> RunContext {
        corpus_cas(&["rsa-root", "sm2-root", "sm2-sub", "ee-used-as-issuer"])
    }

    /// The DER of a pipeline CRL fixture, PEM or DER.
    fn fixture(file: &str) -> Vec<u8> {
        let bytes = std::fs::read(crate::repo().join("corpus/pipeline/crl").join(file)).unwrap();
        if file.ends_with(".pem") {
            x509_parser::pem::parse_x509_pem(&bytes).unwrap().1.contents
        } else {
            bytes
        }
    }

    /// What each pipeline fixture says (see corpus/pipeline/README.md for
    /// how each was made).
    #[test]
    fn each_fixture_gives_the_facts_it_was_made_for() {
        let ctx = cas();
        let cases: &[(&str, &str, J)] = &[
            ("rsa-root.crl.der", "/version", json!(2)),
            ("rsa-root.crl.der", "/crl_number", json!("1")),
            ("rsa-root.crl.der", "/crl_number_critical", json!(false)),
            ("rsa-root.crl.der", "/algorithms_match", json!(true)),
            (
                "rsa-root.crl.der",
                "/authority_key_id",
                json!("79ABC738B703FCCF57EB5FD38657A343B936EC58"),
            ),
            ("rsa-root.crl.der", "/revoked/0/reason", json!("keyCompromise")),
            ("rsa-root.crl.der", "/revoked/0/reason_valid", json!(true)),
            ("rsa-root.crl.der", "/signature/found", json!(true)),
            ("rsa-root.crl.der", "/signature/verified", json!(true)),
            ("rsa-root.crl.der", "/signature/names_match", json!(true)),
            ("rsa-root.crl.der", "/signature/crl_sign", json!(true)),
            ("rsa-root.crl.pem", "/signature/verified", json!(true)),
            ("sm2-sub.crl.pem", "/signature/verified", json!(true)),
            ("sm2-sub.crl.pem", "/revoked/0/reason", json!("superseded")),
            ("v1.crl.pem", "/version", json!(1)),
            ("v1.crl.pem", "/crl_number", J::Null),
            ("v1.crl.pem", "/authority_key_id", J::Null),
            (
                "unknown-critical-extension.crl.pem",
                "/unknown_critical_extensions",
                json!(["1.2.3.4"]),
            ),
            ("rsa-root.crl.der", "/unknown_critical_extensions", json!([])),
            ("signer-without-crl-sign.crl.pem", "/signature/verified", json!(true)),
            ("signer-without-crl-sign.crl.pem", "/signature/crl_sign", json!(false)),
            ("issuer-name-differs.crl.pem", "/signature/verified", json!(true)),
            ("issuer-name-differs.crl.pem", "/signature/names_match", json!(false)),
            ("reason-code-7.crl.der", "/revoked/0/reason_valid", json!(false)),
            (
                "reason-code-7.crl.der",
                "/invalid_reasons",
                json!(["1001: reason code 7 is not used (RFC 5280 5.3.1)"]),
            ),
            ("reason-code-7.crl.der", "/signature/verified", json!(false)),
            ("bad-signature.crl.der", "/signature/found", json!(false)),
            ("bad-signature.crl.der", "/signature/verified", json!(false)),
            ("bad-signature.crl.der", "/signature/names_match", json!(true)),
            ("algorithm-mismatch.crl.der", "/algorithms_match", json!(false)),
            ("next-before-this.crl.pem", "/next_update", json!("2026-05-01")),
            ("next-before-this.crl.pem", "/this_update", json!("2026-06-01")),
        ];
        for (file, pointer, want) in cases {
            let got = extract(&fixture(file), &ctx).unwrap().to_json(SCHEMA);
            assert_eq!(got.pointer(pointer), Some(want), "{file} {pointer}");
        }
    }

    /// Without its issuer's certificate a CRL's signer facts are unknown.
    #[test]
    fn without_the_ca_the_signer_is_unknown() {
        let got = extract(&fixture("rsa-root.crl.der"), &RunContext::new())
            .unwrap()
            .to_json(SCHEMA);
        assert_eq!(got["signature"]["found"], json!(false));
        for fact in ["verified", "names_match", "crl_sign"] {
            assert!(got["signature"][fact].is_object(), "{fact} unknown: {got}");
        }
    }

    /// An extension that does not decode is named among the decode errors,
    /// not skipped: here the CRL number is made an OCTET STRING.
    #[test]
    fn an_extension_that_does_not_decode_is_named() {
        let mut der = fixture("rsa-root.crl.der");
        let number = [0x06, 0x03, 0x55, 0x1d, 0x14, 0x04, 0x03, 0x02, 0x01, 0x01];
        let at = der
            .windows(number.len())
            .position(|w| w == number)
            .expect("the CRL number");
        der[at + 7] = 0x04;
        let got = extract(&der, &cas()).unwrap().to_json(SCHEMA);
        let errors = got["extension_decode_errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "{got}");
        assert!(errors[0].as_str().unwrap().contains("2.5.29.20"), "{got}");
        assert_eq!(got["crl_number"], J::Null);
    }

    /// A reason code that does not decode makes its entry's reason invalid.
    #[test]
    fn a_reason_code_that_does_not_decode_is_invalid() {
        let mut der = fixture("rsa-root.crl.der");
        let reason = [0x06, 0x03, 0x55, 0x1d, 0x15, 0x04, 0x03, 0x0a, 0x01, 0x01];
        let at = der
            .windows(reason.len())
            .position(|w| w == reason)
            .expect("the reason code");
        der[at + 7] = 0x02;
        let got = extract(&der, &cas()).unwrap().to_json(SCHEMA);
        assert_eq!(
            got["invalid_reasons"],
            json!(["1001: the reason code is not one RFC 5280 5.3.1 defines"])
        );
        assert_eq!(got["revoked"][0]["reason_valid"], json!(false));
        let errors = got["extension_decode_errors"].as_array().unwrap();
        assert!(errors[0].as_str().unwrap().contains("2.5.29.21"), "{got}");
    }

    /// Only a critical extension certlex does not know is listed: a
    /// non-critical one may be ignored (RFC 5280 5.2).
    #[test]
    fn an_unknown_extension_that_is_not_critical_is_not_listed() {
        let mut der = fixture("unknown-critical-extension.crl.pem");
        let critical = [0x06, 0x03, 0x2a, 0x03, 0x04, 0x01, 0x01, 0xff];
        let at = der
            .windows(critical.len())
            .position(|w| w == critical)
            .expect("the extension");
        der[at + 7] = 0x00;
        let got = extract(&der, &cas()).unwrap().to_json(SCHEMA);
        assert_eq!(got["unknown_critical_extensions"], json!([]), "{got}");
    }

    /// A CA certificate named like the issuer but without a key identifier,
    /// whose key does not verify the CRL, may be another key of that CA (a
    /// rollover): what its certificate says is not taken for the signer's.
    #[test]
    fn a_ca_named_alike_without_a_key_identifier_is_not_taken_for_the_signer() {
        let mut ctx = RunContext::new();
        ctx.add_certificate(&named_alike(&corpus_ca("rsa-root")), Origin::Issuers);
        let got = extract(&fixture("rsa-root.crl.der"), &ctx).unwrap().to_json(SCHEMA);
        assert_eq!(got["signature"]["found"], json!(false));
        assert!(got["signature"]["verified"].is_object(), "unknown: {got}");
    }

    #[test]
    fn bytes_after_the_crl_are_refused() {
        let mut der = fixture("rsa-root.crl.der");
        der.push(0);
        assert!(extract(&der, &cas()).is_err());
    }
}
