//! OCSP response facts (RFC 6960): what a relying party needs to learn a
//! certificate's status from an OCSP responder (ESL 22) — whether the
//! responder answered, who signed the answer and whether that signer may
//! speak for the CA (the CA itself, or a responder certificate the CA issued
//! for id-kp-OCSPSigning), whether the signature verifies, and for each
//! certificate asked about its status and the window the answer is good for.
//! Decoded with RustCrypto's `x509-ocsp`; signatures checked like every
//! other signed structure (`verify_signed`: RSA, ECDSA, Ed25519, SM2).

use std::sync::Arc;

use aws_lc_rs::digest;
use ocsp_der::{Decode, Encode};
use sha2::{Digest, Sha256};
use x509_ocsp::{BasicOcspResponse, CertId, CertStatus, OcspResponse, OcspResponseStatus, ResponderId};
use x509_parser::asn1_rs::BitString;
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::ParsedExtension;
use x509_parser::prelude::FromDer;
use x509_parser::x509::{AlgorithmIdentifier, X509Name};

use super::certificate::der::{ocsp_envelope, read};
use super::certificate::verify::{Verdict, verify, verify_signed};
use super::certificate::{ALGORITHM, NAME, ParseError, algorithm, hex, name, names_match, oid_text};
use super::context::RunContext;
use super::crl::REASONS;
use super::schema::{Field, Ty};
use super::value::{Record, RecordBuilder, Value};
use crate::i18n::Text;

/// id-pkix-ocsp-basic (RFC 6960 4.2.1).
const BASIC: &str = "1.3.6.1.5.5.7.48.1.1";
/// id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2.1).
const NOCHECK: &str = "1.3.6.1.5.5.7.48.1.5";

static RESPONDER_ID: &[Field] = &[
    Field::new(
        "by",
        Ty::Str,
        "how the responder is named: `name` or `key` (RFC 6960 4.2.2.3)",
    )
    .zh("响应者的标识方式：`name`（名称）或 `key`（公钥）（RFC 6960 第 4.2.2.3 节）"),
    Field::new(
        "name",
        Ty::Record(NAME),
        "the responder's name (absent when named by key)",
    )
    .zh("响应者的名称（以公钥标识时缺失）"),
    Field::new(
        "key_hash",
        Ty::Str,
        "SHA-1 of the responder's public key, in hexadecimal (absent when named by name)",
    )
    .zh("响应者公钥的 SHA-1 值，十六进制（以名称标识时缺失）"),
];

static SINGLE: &[Field] = &[
    Field::new(
        "hash_algorithm",
        Ty::Str,
        "the hash of the CertID: `sha1`, `sha256`, `sha384`, `sha512`, or its OID",
    )
    .zh("CertID 使用的杂凑算法：`sha1`、`sha256`、`sha384`、`sha512` 或其 OID"),
    Field::new(
        "issuer_name_hash",
        Ty::Str,
        "the CertID's hash of the issuer's name, in hexadecimal",
    )
    .zh("CertID 中颁发者名称的杂凑值，十六进制"),
    Field::new(
        "issuer_key_hash",
        Ty::Str,
        "the CertID's hash of the issuer's public key, in hexadecimal",
    )
    .zh("CertID 中颁发者公钥的杂凑值，十六进制"),
    Field::new("serial", Ty::Str, "the certificate's serial number in hexadecimal").zh("证书序列号，十六进制"),
    Field::new(
        "status",
        Ty::Str,
        "the certificate's status: `good`, `revoked` or `unknown`",
    )
    .zh("证书状态：`good`（正常）、`revoked`（已撤销）或 `unknown`（未知）"),
    Field::new("revoked_at", Ty::Date, "revocationTime (only when revoked)").zh("撤销时间（仅在已撤销时）"),
    Field::new(
        "reason",
        Ty::Str,
        "the revocation reason (RFC 5280 5.3.1) as its name; absent when not revoked or not given",
    )
    .zh("撤销原因（RFC 5280 第 5.3.1 节）的名称；未撤销或未写明时缺失"),
    Field::new(
        "this_update",
        Ty::Date,
        "thisUpdate: when the status was known to be so",
    )
    .zh("thisUpdate：已知该状态的时间"),
    Field::new(
        "next_update",
        Ty::Date,
        "nextUpdate: by when newer status will be available (absent when the responder does not say: RFC 6960 4.2.2.1)",
    )
    .zh("nextUpdate：更新状态最迟可得的时间（响应者未写明时缺失，RFC 6960 第 4.2.2.1 节）"),
];

static SIGNER: &[Field] = &[
    Field::new(
        "ca_found",
        Ty::Bool,
        "the CA the CertID names (issuer name and key hashes) is among the inputs or `--issuers`",
    )
    .zh("CertID 所指的认证机构（颁发者名称和公钥杂凑值）在输入或 `--issuers` 之中"),
    Field::new(
        "verified",
        Ty::Bool,
        "the signature verifies with the key of the CA or of a responder certificate in the response (SM2: signer ID `1234567812345678`); unknown when neither key is given",
    )
    .zh("签名能用认证机构或响应中所载响应者证书的公钥验证（SM2 签名者标识 `1234567812345678`）；两者的公钥都未给出时未知"),
    Field::new(
        "responder",
        Ty::Str,
        "who signed (RFC 6960 4.2.2.2): `ca` (the CA itself), `delegated` (a responder certificate issued by the CA with id-kp-OCSPSigning) or `unauthorised` (anyone else); unknown when the CA's certificate is not given",
    )
    .zh("签名者（RFC 6960 第 4.2.2.2 节）：`ca`（认证机构本身）、`delegated`（认证机构签发并载有 id-kp-OCSPSigning 的响应者证书）或 `unauthorised`（其他）；未给出认证机构证书时未知"),
    Field::new(
        "ocsp_signing",
        Ty::Bool,
        "the responder certificate that signed carries id-kp-OCSPSigning (1.3.6.1.5.5.7.3.9) in its extended key usage; absent when the CA signed",
    )
    .zh("签名的响应者证书在扩展密钥用法中载有 id-kp-OCSPSigning（1.3.6.1.5.5.7.3.9）；认证机构签名时缺失"),
    Field::new(
        "ocsp_nocheck",
        Ty::Bool,
        "the responder certificate that signed carries id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2.1); absent when the CA signed",
    )
    .zh("签名的响应者证书载有 id-pkix-ocsp-nocheck（RFC 6960 第 4.2.2.2.1 节）；认证机构签名时缺失"),
    Field::new("issuer_sha256", Ty::Str, "SHA-256 of the CA certificate")
    .zh("认证机构证书的 SHA-256 值"),
    Field::new(
        "responder_sha256",
        Ty::Str,
        "SHA-256 of the responder certificate that signed (absent when the CA signed)",
    )
    .zh("签名的响应者证书的 SHA-256 值（认证机构签名时缺失）"),
];

/// The response's own date: when it was produced.
pub const OWN_DATE: &[&str] = &["produced_at"];

pub static SCHEMA: &[Field] = &[
    Field::new(
        "status",
        Ty::Str,
        "responseStatus (RFC 6960 4.2.1): `successful`, `malformedRequest`, `internalError`, `tryLater`, `sigRequired` or `unauthorized`; only a successful response has the facts below",
    )
    .zh("响应状态（RFC 6960 第 4.2.1 节）：`successful`、`malformedRequest`、`internalError`、`tryLater`、`sigRequired` 或 `unauthorized`；只有成功的响应才有以下事实"),
    Field::new(
        "response_type",
        Ty::Str,
        "`basic` (id-pkix-ocsp-basic) or the OID of another response type, whose facts certlex does not read",
    )
    .zh("`basic`（id-pkix-ocsp-basic），或 certlex 不读取其事实的其他响应类型的 OID"),
    Field::new("responder_id", Ty::Record(RESPONDER_ID), "the responder's ID")
    .zh("响应者标识"),
    Field::new("produced_at", Ty::Date, "producedAt: when the response was signed")
    .zh("producedAt：响应的签署时间"),
    Field::new(
        "signature_algorithm",
        Ty::Record(ALGORITHM),
        "the algorithm of the responder's signature",
    )
    .zh("响应者签名所用的算法"),
    Field::new(
        "responses",
        Ty::List(&Ty::Record(SINGLE)),
        "one per certificate asked about, in order",
    )
    .zh("每个被查询证书一项，按顺序"),
    Field::new(
        "response_count",
        Ty::Int,
        "how many certificates the response answers for",
    )
    .zh("响应所答复的证书数"),
    Field::new(
        "certs_count",
        Ty::Int,
        "how many certificates the response carries (a delegated responder's, and its chain)",
    )
    .zh("响应所载的证书数（授权响应者的证书及其证书链）"),
    Field::new(
        "signature",
        Ty::Record(SIGNER),
        "the responder's signature and its authority for the CA (the CA of the first response's CertID)",
    )
    .zh("响应者的签名及其代表认证机构的授权（以第一项答复的 CertID 所指的认证机构为准）"),
    Field::new(
        "fingerprint_sha256",
        Ty::Str,
        "SHA-256 of the whole response (DER), in hexadecimal",
    )
    .zh("整个 OCSP 响应（DER）的 SHA-256 值，十六进制"),
];

fn status_word(s: OcspResponseStatus) -> &'static str {
    match s {
        OcspResponseStatus::Successful => "successful",
        OcspResponseStatus::MalformedRequest => "malformedRequest",
        OcspResponseStatus::InternalError => "internalError",
        OcspResponseStatus::TryLater => "tryLater",
        OcspResponseStatus::SigRequired => "sigRequired",
        OcspResponseStatus::Unauthorized => "unauthorized",
    }
}

fn bad(what: &str, e: impl std::fmt::Display) -> ParseError {
    ParseError(format!("not a valid OCSP response: {what}: {e}"))
}

/// The value of a `der` 0.7 type re-read by x509-parser (names, algorithm
/// identifiers): encoded once, parsed from those bytes.
fn encoded<T: Encode>(v: &T) -> Result<Vec<u8>, ParseError> {
    v.to_der().map_err(|e| bad("an element does not encode", e))
}

fn date(t: &x509_ocsp::OcspGeneralizedTime) -> Value {
    Value::Date(i64::try_from(t.0.to_unix_duration().as_secs()).unwrap_or(i64::MAX))
}

/// Read the facts of one DER-encoded OCSP response, finding the CA it
/// answers for in the context.
pub fn extract(der: &[u8], ctx: &RunContext) -> Result<Record, ParseError> {
    let (_, rest) = read(der).map_err(|e| bad(&format!("its outer SEQUENCE ({} bytes in all)", der.len()), e))?;
    if !rest.is_empty() {
        return Err(ParseError(format!(
            "{} bytes of data follow the OCSP response",
            rest.len()
        )));
    }
    let response = OcspResponse::from_der(der).map_err(|e| bad("OCSPResponse", e))?;
    let mut r = RecordBuilder::new(SCHEMA);
    r.set("status", status_word(response.response_status));
    r.set("fingerprint_sha256", hex(&Sha256::digest(der)));
    let Some(bytes) = &response.response_bytes else {
        return Ok(r.finish());
    };
    let kind = bytes.response_type.to_string();
    if kind != BASIC {
        r.set("response_type", kind);
        return Ok(r.finish());
    }
    r.set("response_type", "basic");
    let basic_der = bytes.response.as_bytes();
    let basic = BasicOcspResponse::from_der(basic_der).map_err(|e| {
        bad(
            "its responseBytes do not hold a BasicOCSPResponse (offsets count from the start of the responseBytes)",
            e,
        )
    })?;
    ocsp_envelope(basic_der).map_err(|why| bad("its BasicOCSPResponse (RFC 6960 4.2.1)", why))?;
    let data = &basic.tbs_response_data;
    let mut id = RecordBuilder::new(RESPONDER_ID);
    match &data.responder_id {
        ResponderId::ByName(n) => {
            let raw = encoded(n)?;
            let (_, parsed) = X509Name::from_der(&raw).map_err(|e| bad("the responder's name", e))?;
            id.set("by", "name");
            id.set("name", name(&parsed));
        }
        ResponderId::ByKey(k) => {
            id.set("by", "key");
            id.set("key_hash", hex(k.as_bytes()));
        }
    }
    r.set("responder_id", Value::Record(id.finish()));
    r.set("produced_at", date(&data.produced_at));
    let alg_der = encoded(&basic.signature_algorithm)?;
    let (_, alg) = AlgorithmIdentifier::from_der(&alg_der).map_err(|e| bad("the signature algorithm", e))?;
    r.set("signature_algorithm", algorithm(&alg.algorithm));
    let mut singles = Vec::with_capacity(data.responses.len());
    for s in &data.responses {
        let mut e = RecordBuilder::new(SINGLE);
        let id = &s.cert_id;
        e.set("hash_algorithm", hash_word(id));
        e.set("issuer_name_hash", hex(id.issuer_name_hash.as_bytes()));
        e.set("issuer_key_hash", hex(id.issuer_key_hash.as_bytes()));
        e.set("serial", hex(id.serial_number.as_bytes()));
        match &s.cert_status {
            CertStatus::Good(_) => {
                e.set("status", "good");
            }
            CertStatus::Unknown(_) => {
                e.set("status", "unknown");
            }
            CertStatus::Revoked(info) => {
                e.set("status", "revoked");
                e.set("revoked_at", date(&info.revocation_time));
                let reason = info
                    .revocation_reason
                    .map(|c| REASONS.get(c as usize).copied().unwrap_or("unknown"));
                e.set("reason", Value::opt(reason.map(Value::from)));
            }
        }
        e.set("this_update", date(&s.this_update));
        e.set("next_update", Value::opt(s.next_update.as_ref().map(date)));
        singles.push(Value::Record(e.finish()));
    }
    r.set("response_count", singles.len() as i64);
    r.set("responses", Value::List(singles));
    let certs: Vec<Vec<u8>> = basic.certs.iter().flatten().map(encoded).collect::<Result<_, _>>()?;
    r.set("certs_count", certs.len() as i64);
    let signed = tbs_response_data(basic_der).ok_or_else(|| bad("tbsResponseData", "it does not read"))?;
    let sig_der = encoded(&basic.signature)?;
    let (_, sig) = BitString::from_der(&sig_der).map_err(|e| bad("the signature", e))?;
    let signature = Signed {
        data: signed,
        alg: &alg,
        sig: &sig,
    };
    let ca = data.responses.first().and_then(|s| find_ca(&s.cert_id, ctx));
    r.set(
        "signature",
        Value::Record(signer(&signature, &data.responder_id, ca.as_deref(), &certs)),
    );
    Ok(r.finish())
}

/// The DER of `tbsResponseData` as written: the signed bytes, never re-encoded.
fn tbs_response_data(basic: &[u8]) -> Option<&[u8]> {
    let (outer, _) = read(basic).ok()?;
    let (_, rest) = read(outer.content).ok()?;
    outer.content.get(..outer.content.len() - rest.len())
}

/// The hashes a CertID may use that certlex computes: OID, name, digest.
static HASHES: [(&str, &str, &digest::Algorithm); 4] = [
    ("1.3.14.3.2.26", "sha1", &digest::SHA1_FOR_LEGACY_USE_ONLY),
    ("2.16.840.1.101.3.4.2.1", "sha256", &digest::SHA256),
    ("2.16.840.1.101.3.4.2.2", "sha384", &digest::SHA384),
    ("2.16.840.1.101.3.4.2.3", "sha512", &digest::SHA512),
];

fn hash_entry(id: &CertId) -> Option<&'static (&'static str, &'static str, &'static digest::Algorithm)> {
    let oid = id.hash_algorithm.oid.to_string();
    HASHES.iter().find(|(o, _, _)| *o == oid)
}

/// The CertID's hash by name, or its OID when certlex does not know it.
fn hash_word(id: &CertId) -> String {
    hash_entry(id).map_or_else(|| id.hash_algorithm.oid.to_string(), |(_, word, _)| (*word).to_string())
}

/// The DER of the CA certificate the CertID names (the hashes of its
/// subject name and of its public key), among the context's.
fn find_ca(id: &CertId, ctx: &RunContext) -> Option<Arc<[u8]>> {
    let (_, _, alg) = hash_entry(id)?;
    let hashed = |data: &[u8]| digest::digest(alg, data);
    (0..ctx.issuer_count()).filter_map(|i| ctx.issuer(i)).find_map(|der| {
        let (_, ca) = X509Certificate::from_der(der).ok()?;
        let named = hashed(ca.subject().as_raw()).as_ref() == id.issuer_name_hash.as_bytes()
            && hashed(&ca.public_key().subject_public_key.data).as_ref() == id.issuer_key_hash.as_bytes();
        named.then(|| der.clone())
    })
}

struct Signed<'a> {
    data: &'a [u8],
    alg: &'a AlgorithmIdentifier<'a>,
    sig: &'a BitString<'a>,
}

impl Signed<'_> {
    fn by(&self, cert: &X509Certificate) -> Verdict {
        verify_signed(self.data, self.alg, self.sig, cert.public_key())
    }
}

/// What a responder certificate in the response says of itself: it carries
/// id-kp-OCSPSigning, it carries id-pkix-ocsp-nocheck.
fn responder_marks(cert: &X509Certificate) -> (bool, bool) {
    let mut signing = false;
    let mut nocheck = false;
    for e in cert.extensions() {
        match e.parsed_extension() {
            ParsedExtension::ExtendedKeyUsage(eku) => signing = eku.ocsp_signing,
            _ if &*oid_text(&e.oid) == NOCHECK => nocheck = true,
            _ => {}
        }
    }
    (signing, nocheck)
}

/// Does the responder ID name this certificate (by name, or by the SHA-1 of its key)?
fn named_by(id: &ResponderId, cert: &X509Certificate) -> bool {
    match id {
        ResponderId::ByKey(k) => {
            digest::digest(
                &digest::SHA1_FOR_LEGACY_USE_ONLY,
                &cert.public_key().subject_public_key.data,
            )
            .as_ref()
                == k.as_bytes()
        }
        ResponderId::ByName(n) => encoded(n)
            .ok()
            .and_then(|raw| {
                X509Name::from_der(&raw)
                    .ok()
                    .map(|(_, parsed)| names_match(&parsed, cert.subject()))
            })
            .unwrap_or(false),
    }
}

/// Who signed the response and whether they may speak for the CA (RFC 6960
/// 4.2.2.2): the CA's key, or a responder certificate in `certs` that the
/// CA issued and marked for OCSP signing.
fn signer(s: &Signed, id: &ResponderId, ca_der: Option<&[u8]>, certs: &[Vec<u8>]) -> Record {
    let mut r = RecordBuilder::new(SIGNER);
    let ca = ca_der.and_then(|d| X509Certificate::from_der(d).ok().map(|(_, c)| c));
    r.set("ca_found", ca.is_some());
    r.set(
        "issuer_sha256",
        Value::opt(ca_der.map(|d| Value::from(hex(&Sha256::digest(d))))),
    );
    let mut unsupported = None;
    if let Some(ca) = &ca {
        match s.by(ca) {
            Verdict::Valid => {
                r.set("verified", true);
                r.set("responder", "ca");
                return r.finish();
            }
            Verdict::Unsupported(why) => unsupported = Some(why),
            Verdict::Invalid => {}
        }
    }
    let responders: Vec<(&Vec<u8>, X509Certificate)> = certs
        .iter()
        .filter_map(|d| X509Certificate::from_der(d).ok().map(|(_, c)| (d, c)))
        .collect();
    // The responder certificate whose key verifies, or else the one the
    // responder ID names.
    let mut signing = None;
    for (der, cert) in &responders {
        match s.by(cert) {
            Verdict::Valid => {
                signing = Some((*der, cert, true));
                break;
            }
            Verdict::Unsupported(why) => unsupported = Some(why),
            Verdict::Invalid => {}
        }
    }
    let could_not = unsupported.is_some();
    let why = unsupported.unwrap_or_else(|| {
        Text::both(
            "OCSP 响应所涉证书的 CA 证书不在输入之中，请用 `--issuers CA.pem` 提供",
            "the certificate of the CA whose certificates the OCSP response answers for is not among the inputs; give it with `--issuers CA.pem`",
        )
    });
    let unknown = || Value::Unknown(Arc::new(why.clone()));
    if let (None, Some(ca)) = (&signing, &ca)
        && named_by(id, ca)
    {
        // The CA names itself, and its key did not verify the signature.
        r.set("verified", if could_not { unknown() } else { Value::Bool(false) });
        r.set("responder", "ca");
        return r.finish();
    }
    if signing.is_none() {
        signing = responders
            .iter()
            .find(|(_, c)| named_by(id, c))
            .map(|(d, c)| (*d, c, false));
    }
    match (signing, &ca) {
        (Some((der, cert, verified)), ca) => {
            let (eku, nocheck) = responder_marks(cert);
            r.set(
                "verified",
                if verified || !could_not {
                    Value::Bool(verified)
                } else {
                    unknown()
                },
            );
            r.set("ocsp_signing", eku);
            r.set("ocsp_nocheck", nocheck);
            r.set("responder_sha256", hex(&Sha256::digest(der)));
            match ca {
                Some(ca) if eku && verify(cert, ca.public_key()) == Verdict::Valid => {
                    r.set("responder", "delegated");
                }
                Some(_) => {
                    r.set("responder", "unauthorised");
                }
                None => {
                    r.set("responder", unknown());
                }
            }
        }
        (None, Some(_)) => {
            // Nothing verifies, and the responder ID names no certificate.
            r.set("verified", if could_not { unknown() } else { Value::Bool(false) });
            r.set("responder", "unauthorised");
        }
        (None, None) => {
            r.set("verified", unknown());
            r.set("responder", unknown());
        }
    }
    r.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::certificate::testcert::{corpus_ca, corpus_cas, named_alike};
    use crate::facts::context::Origin;
    use serde_json::{Value as J, json};

    fn cas() -> RunContext {
        corpus_cas(&["rsa-root", "sm2-root", "sm2-sub", "ecdsa-root"])
    }

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(
            crate::repo()
                .join("corpus/pipeline/ocsp")
                .join(format!("{name}.ocsp.der")),
        )
        .unwrap()
    }

    fn facts(der: &[u8], ctx: &RunContext) -> J {
        extract(der, ctx).unwrap().to_json(SCHEMA)
    }

    /// The response with the last octet of its RSA-2048 signature flipped
    /// (the first BIT STRING of 257 octets: the certificates come after it).
    fn corrupted(name: &str) -> Vec<u8> {
        let mut der = fixture(name);
        let head = [0x03, 0x82, 0x01, 0x01, 0x00];
        let at = der
            .windows(head.len())
            .position(|w| w == head)
            .expect("an RSA-2048 signature");
        let last = at + head.len() + 255;
        der[last] ^= 0x01;
        der
    }

    /// What each pipeline fixture says of its signer and its answer (see
    /// corpus/pipeline/README.md for how each was made).
    #[test]
    fn each_fixture_names_its_signer_and_its_answer() {
        let ctx = cas();
        let cases: &[(&str, &str, J)] = &[
            ("rsa-good", "/status", json!("successful")),
            ("rsa-good", "/signature/responder", json!("ca")),
            ("rsa-good", "/signature/verified", json!(true)),
            ("rsa-good", "/signature/ca_found", json!(true)),
            ("rsa-good", "/responder_id/by", json!("name")),
            (
                "rsa-good",
                "/responder_id/name/common_name",
                json!("certlex Test RSA Root"),
            ),
            ("rsa-good", "/responses/0/status", json!("good")),
            ("rsa-good", "/responses/0/hash_algorithm", json!("sha1")),
            ("rsa-good", "/responses/0/next_update", json!("2026-12-04T20:21:28Z")),
            ("rsa-revoked", "/responses/0/status", json!("revoked")),
            ("rsa-revoked", "/responses/0/reason", json!("keyCompromise")),
            ("rsa-revoked", "/responses/0/revoked_at", json!("2026-04-01")),
            ("rsa-unknown", "/responses/0/status", json!("unknown")),
            ("sm2-good", "/signature/verified", json!(true)),
            ("sm2-good", "/signature/responder", json!("ca")),
            ("by-key", "/responder_id/by", json!("key")),
            ("by-key", "/certs_count", json!(0)),
            ("by-key", "/signature/verified", json!(true)),
            ("no-next-update", "/responses/0/next_update", J::Null),
            ("delegated", "/signature/responder", json!("delegated")),
            ("delegated", "/signature/ocsp_signing", json!(true)),
            ("delegated", "/signature/ocsp_nocheck", json!(true)),
            ("delegated", "/signature/verified", json!(true)),
            ("delegated-no-nocheck", "/signature/responder", json!("delegated")),
            ("delegated-no-nocheck", "/signature/ocsp_nocheck", json!(false)),
            ("delegated-no-eku", "/signature/responder", json!("unauthorised")),
            ("delegated-no-eku", "/signature/ocsp_signing", json!(false)),
            ("not-authorised", "/signature/responder", json!("unauthorised")),
            ("not-authorised", "/signature/ocsp_signing", json!(true)),
            ("not-authorised", "/signature/verified", json!(true)),
            ("bad-signature", "/signature/responder", json!("ca")),
            ("bad-signature", "/signature/verified", json!(false)),
            ("try-later", "/status", json!("tryLater")),
            ("try-later", "/responses", J::Null),
        ];
        for (name, pointer, want) in cases {
            let got = facts(&fixture(name), &ctx);
            assert_eq!(got.pointer(pointer), Some(want), "{name} {pointer}");
        }
    }

    /// A signature that does not verify is pinned on whoever the responder
    /// ID names: the CA (by its key) or the responder certificate (by name).
    #[test]
    fn a_broken_signature_is_pinned_on_the_responder_the_id_names() {
        let ctx = cas();
        let by_key = facts(&corrupted("by-key"), &ctx);
        assert_eq!(by_key["signature"]["responder"], json!("ca"));
        assert_eq!(by_key["signature"]["verified"], json!(false));
        let delegated = facts(&corrupted("delegated"), &ctx);
        assert_eq!(delegated["signature"]["responder"], json!("delegated"));
        assert_eq!(delegated["signature"]["verified"], json!(false));
        assert_eq!(delegated["signature"]["ocsp_signing"], json!(true));
    }

    /// Without the CA's certificate nothing is found, and the signer of a
    /// response that carries no certificate is unknown.
    #[test]
    fn without_the_ca_the_signer_is_unknown() {
        let alone = facts(&fixture("by-key"), &RunContext::new());
        assert_eq!(alone["signature"]["ca_found"], json!(false));
        assert!(alone["signature"]["verified"].is_object(), "unknown: {alone}");
        assert!(alone["signature"]["responder"].is_object(), "unknown: {alone}");
    }

    /// The CertID names a CA by the hashes of its name and of its key: a CA
    /// certificate with the same name and another key (a rollover) is not it.
    #[test]
    fn a_ca_named_alike_with_another_key_is_not_the_one_named() {
        let genuine = cas();
        let root = corpus_ca("rsa-root");
        let mut ctx = RunContext::new();
        ctx.add_certificate(&named_alike(&root), Origin::Issuers);
        ctx.add_certificate(&root, Origin::Issuers);
        let want = facts(&fixture("rsa-good"), &genuine);
        let got = facts(&fixture("rsa-good"), &ctx);
        assert_eq!(got["signature"]["issuer_sha256"], want["signature"]["issuer_sha256"]);
        assert_eq!(got["signature"]["verified"], json!(true));
    }

    #[test]
    fn bytes_after_the_response_are_refused() {
        let mut der = fixture("rsa-good");
        der.push(0);
        assert!(extract(&der, &cas()).is_err());
    }
}
