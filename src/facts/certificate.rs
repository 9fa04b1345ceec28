//! Certificate facts: the schema (`certificate/schema.rs`) and the extractor
//! that reads them from a DER certificate with x509-parser. Facts that need
//! other certificates (the issuer's signature, the chain) or other subjects
//! (ESL 26 approvals) come from the run context ([`crate::facts::context`]).

mod chain;
pub(crate) mod der;
mod extensions;
mod form;
mod identity;
mod kind;
mod names;
mod schema;
#[cfg(test)]
pub(crate) mod testcert;
pub mod verify;

pub(crate) use der::{Glance, glance};
pub use form::{CT_POISON, Form};
pub use identity::{CertIdentity, identity};
pub(crate) use names::{MatchKey, match_key, name, names_match};
pub(crate) use schema::{ALGORITHM, NAME, PUBLIC_KEY, SERIAL};
pub use schema::{OWN_DATE, SCHEMA};

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use sha2::{Digest, Sha256};
use x509_parser::certificate::X509Certificate;
use x509_parser::num_bigint::BigInt;
use x509_parser::oid_registry::Oid;
use x509_parser::prelude::FromDer;

use super::value::{Record, RecordBuilder, Value};
use crate::facts::context::RunContext;
use crate::facts::register::{Identified, Licensed, Link};
use schema::{PROVIDER, VALIDITY};

/// The certificate facts' documentation (`docs/facts/certificate.md`): the
/// schema, and how `kind` is decided.
pub fn markdown(docs: &super::Docs) -> String {
    use crate::i18n::Text;
    use std::fmt::Write as _;
    let mut out = super::markdown(
        Text::new(Some("证书的事实".into()), Some("Certificate facts".into())),
        Text::new(
            Some("certlex 从 X.509 证书（PEM 或 DER；RSA、ECDSA 与 SM2）读取的事实，以及规则读取它们所用的路径。".into()),
            Some("What certlex reads from an X.509 certificate (PEM or DER; RSA, ECDSA and SM2), and the paths rules use to read it.".into()),
        ),
        SCHEMA,
        docs,
    );
    out.push_str(
        "\n## How `kind` is decided\n\n\
         The first row that applies gives the kind. The ESL governs electronic signature certificates \
         (电子签名认证证书, ESL 34(3)); `kind` tells them from a CA's other certificates. A signing \
         certificate of China's TLCP (GM/T 0024) with no extended key usage cannot be told from an \
         electronic signature certificate by its contents: with nonRepudiation it is `e-signature`.\n\n\
         | order | kind | when |\n|---|---|---|\n",
    );
    for (i, (word, when)) in kind::KINDS.iter().enumerate() {
        let _ = writeln!(out, "| {} | `{word}` | {} |", i + 1, when.replace('|', "\\|"));
    }
    out
}

/// Why a certificate could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError(pub String);

/// Read the facts of one DER-encoded certificate, linking it to its issuer
/// and other subjects through the run context.
pub fn extract(der: &[u8], ctx: &RunContext) -> Result<Record, ParseError> {
    let (rest, cert) = X509Certificate::from_der(der).map_err(|e| {
        ParseError(match der::time_fault(der) {
            Some(why) => format!("not a valid X.509 certificate: {e}: {why}"),
            None => format!("not a valid X.509 certificate: {e}"),
        })
    })?;
    if !rest.is_empty() {
        return Err(ParseError(format!(
            "{} bytes of data follow the certificate",
            rest.len()
        )));
    }
    der::signed_envelope(der)
        .map_err(|why| ParseError(format!("not a valid X.509 certificate: {why} (RFC 5280 4.1)")))?;
    Ok(facts(der, &cert, ctx, Form::Certificate))
}

/// Read the facts of one DER-encoded TBSCertificate (a certificate before it
/// is signed): the certificate's facts, `form` `tbs`, and a signature that
/// is not there yet. `fingerprint_sha256` is the TBS's own.
pub fn extract_tbs(tbs: &[u8], ctx: &RunContext) -> Result<Record, ParseError> {
    use x509_parser::certificate::TbsCertificate;
    let wrapped = form::wrap(tbs)?;
    match TbsCertificate::from_der(tbs) {
        Ok((rest, _)) if !rest.is_empty() => {
            return Err(ParseError(format!(
                "{} bytes of data follow the TBSCertificate",
                rest.len()
            )));
        }
        Ok(_) => {}
        Err(e) => return Err(ParseError(format!("not a valid TBSCertificate: {e}"))),
    }
    let (_, cert) =
        X509Certificate::from_der(&wrapped).map_err(|e| ParseError(format!("not a valid TBSCertificate: {e}")))?;
    Ok(facts(tbs, &cert, ctx, Form::Tbs))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    data_encoding::HEXUPPER.encode(bytes)
}

/// An OID's dotted form and its readable name.
type OidTexts = (Arc<str>, Arc<str>);

thread_local! {
    /// OIDs as text and their names, made once per thread: a corpus repeats
    /// the same few dozen OIDs in every certificate.
    static OIDS: RefCell<HashMap<Vec<u8>, OidTexts>> = RefCell::new(HashMap::new());
}

/// Most OIDs remembered per thread; a hostile input's endless new OIDs are
/// then made each time, not kept.
const OID_CACHE_LIMIT: usize = 4096;

fn oid_texts(oid: &Oid) -> OidTexts {
    let key = oid.as_bytes();
    if let Some(hit) = OIDS.with_borrow(|m| m.get(key).cloned()) {
        return hit;
    }
    let id = oid.to_id_string();
    let name: Arc<str> = match known_oid_name(&id) {
        Some(n) => n.into(),
        None => x509_parser::objects::oid2sn(oid, x509_parser::objects::oid_registry())
            .map_or_else(|_| Arc::from(id.as_str()), Arc::from),
    };
    let texts = (Arc::from(id), name);
    OIDS.with_borrow_mut(|m| {
        if m.len() < OID_CACHE_LIMIT {
            m.insert(key.to_vec(), texts.clone());
        }
    });
    texts
}

/// An OID in dotted form: `1.2.156.10197.1.501`.
pub(crate) fn oid_text(oid: &Oid) -> Arc<str> {
    oid_texts(oid).0
}

/// A readable name of an OID (`sm2-with-sm3`), or its dotted form.
pub(crate) fn oid_name(oid: &Oid) -> Arc<str> {
    oid_texts(oid).1
}

/// Names of OIDs that x509-parser's registry lacks: the Chinese SM
/// algorithms (GM/T 0006) and identity codes (GM/T 0015).
fn known_oid_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        verify::SM2_WITH_SM3 => "sm2-with-sm3",
        verify::SM2_CURVE => "sm2",
        "1.2.156.10197.1.401" => "sm3",
        "2.5.29.9" => "subjectDirectoryAttributes",
        "1.2.156.10197.1.504" => "rsa-with-sm3",
        "1.2.156.10260.4.1.1" => "identityCode",
        "1.2.156.10260.4.1.2" => "insuranceNumber",
        "1.2.156.10260.4.1.3" => "icRegistrationNumber",
        "1.2.156.10260.4.1.4" => "organizationCode",
        "1.2.156.10260.4.1.5" => "taxationNumber",
        "1.2.840.10045.3.1.7" => "prime256v1",
        "1.3.132.0.34" => "secp384r1",
        "1.3.132.0.35" => "secp521r1",
        CT_POISON => "ctPoison",
        _ => return None,
    })
}

/// A certificate with the RFC 6962 poison extension is a precertificate.
fn form_of(cert: &X509Certificate, form: Form) -> Form {
    let poisoned = cert.extensions().iter().any(|e| &*oid_text(&e.oid) == CT_POISON);
    match form {
        Form::Certificate if poisoned => Form::Precertificate,
        other => other,
    }
}

fn facts(der: &[u8], cert: &X509Certificate, ctx: &RunContext, form: Form) -> Record {
    let tbs = &cert.tbs_certificate;
    let form = form_of(cert, form);
    let mut r = RecordBuilder::new(SCHEMA);
    r.set("form", form.word());
    r.set("version", i64::from(tbs.version.0) + 1);
    r.set("serial", serial(tbs.raw_serial()));
    r.set("signature_algorithm", algorithm(&cert.signature_algorithm.algorithm));
    let issuer = names::name(tbs.issuer());
    let issuer_org = string_of(&issuer, "organization");
    let issuer_country = string_of(&issuer, "country");
    r.set("issuer", issuer);
    r.set("subject", names::name(tbs.subject()));
    let self_issued = names::names_match(tbs.issuer(), tbs.subject());
    r.set("self_issued", self_issued);
    let raw = der::tbs(tbs.as_ref());
    r.set("validity", validity(cert, raw.as_ref()));
    r.set("public_key", public_key(cert.public_key()));
    r.set(
        "unique_identifiers",
        tbs.issuer_uid.is_some() || tbs.subject_uid.is_some(),
    );
    r.set("is_ca", false);
    r.set("kind", kind::kind(cert, self_issued));
    extensions::extensions(cert, raw.as_ref(), self_issued, &mut r);
    let fingerprint = hex(&Sha256::digest(der));
    r.set("fingerprint_sha256", fingerprint.as_str());
    let link = chain::link(der, cert, ctx, form);
    // The chain filed with the regulator, as CA profiles of the run list them.
    let mut on_chain = vec![fingerprint];
    on_chain.extend(
        link.above
            .iter()
            .filter_map(|&i| ctx.issuer(i))
            .map(|d| hex(&Sha256::digest(d))),
    );
    r.set("chain_filed", ctx.chain_filed(&on_chain, link.anchored));
    r.set(
        "chain_filed_since",
        Value::opt(ctx.chain_filed_since(&on_chain).map(Value::Date)),
    );
    // The register and the CA profiles of the run know providers by their
    // CA certificates: the issuing CA and those above it, or a self-signed
    // certificate itself.
    let not_before = cert.validity().not_before.timestamp();
    let befores =
        std::iter::once(not_before).chain(link.above.iter().map(|&i| ctx.issuer_not_before(i).unwrap_or(i64::MIN)));
    let links: Vec<Link> = on_chain
        .iter()
        .zip(befores)
        .map(|(fp, not_before)| Link { sha256: fp, not_before })
        .collect();
    let issuing = if link.above.is_empty() && link.anchored {
        &links[..]
    } else {
        links.get(1..).unwrap_or_default()
    };
    r.set(
        "issuer_provider",
        provider(ctx.identify(issuing), not_before, issuer_country.as_deref()),
    );
    r.set(
        "subject_provider",
        if cert.is_ca() {
            Value::Record(provider(ctx.identify(&links), not_before, None))
        } else {
            Value::Absent
        },
    );
    r.set("self_signed", link.self_signed);
    r.set("signature", link.signature);
    r.set("chain", link.chain);
    r.set(
        "issuer_recognized",
        ctx.recognized(issuer_org.as_deref(), issuer_country.as_deref()),
    );
    r.set(
        "issuer_recognized_since",
        Value::opt(
            ctx.recognized_since(issuer_org.as_deref(), issuer_country.as_deref())
                .map(Value::Date),
        ),
    );
    r.finish()
}

/// A text fact of a name record, if it has one.
fn string_of(name: &Record, field: &str) -> Option<String> {
    let (i, _) = crate::facts::lookup(schema::NAME, field)?;
    match name.get(i) {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    }
}

pub(crate) fn serial(raw: &[u8]) -> Record {
    let mut r = RecordBuilder::new(SERIAL);
    r.set("hex", hex(raw));
    r.set("decimal", BigInt::from_signed_bytes_be(raw).to_string());
    r.set("length", raw.len() as i64);
    let negative = raw.first().is_some_and(|b| b & 0x80 != 0);
    let zero = raw.iter().all(|b| *b == 0);
    r.set("positive", !negative && !zero);
    r.finish()
}

pub(crate) fn algorithm(oid: &Oid) -> Record {
    let mut r = RecordBuilder::new(ALGORITHM);
    r.set("oid", oid_text(oid));
    r.set("name", oid_name(oid));
    r.finish()
}

/// Why nothing identifies a certificate's provider, with the issuer's C
/// attribute as a hint. Most certificates give no country or `CN`: their
/// reason is made once and shared, so a stream of them holds one copy.
fn unidentified(country: Option<&str>) -> Value {
    fn reason(country: Option<&str>) -> Value {
        let (hint_zh, hint_en) = match country {
            Some(c) => (
                format!("；颁发者名称写有 C={c}，仅作参考，不能据此确定"),
                format!("; the issuer's name says C={c}, a hint that does not decide it"),
            ),
            None => (String::new(), String::new()),
        };
        Value::unknown(
            format!(
                "本次检查中没有机构概况（其 `ca_certificates` 或 `filed_chains` 含有该证书链上的认证机构证书），电子认证服务提供者名录也没有该证书链上的认证机构证书；请提供机构概况，或用 `--register` 增加名录条目{hint_zh}"
            ),
            format!(
                "no CA profile in this run holds a CA certificate of this chain in its `ca_certificates` or `filed_chains`, and the register of providers has none of them; give the CA profile, or add a register entry with `--register`{hint_en}"
            ),
        )
    }
    static NONE: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| reason(None));
    static CN: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| reason(Some("CN")));
    match country {
        None => NONE.clone(),
        Some("CN") => CN.clone(),
        other => reason(other),
    }
}

/// A provider record (`issuer_provider`, `subject_provider`) from what the
/// CA profiles of the run and the register identify, its licence judged on
/// `at` (the certificate's notBefore). When nothing identifies it, the
/// issuer's C attribute is named in the reason as a hint, never as the
/// answer: the CA writes it itself.
fn provider(found: Option<Identified>, at: i64, country: Option<&str>) -> Record {
    let mut r = RecordBuilder::new(PROVIDER);
    let Some(found) = found else {
        let why = unidentified(country);
        r.set("established", why.clone());
        r.set("licensed", why);
        return r.finish();
    };
    let p = found.provider;
    match &p.established {
        Some(word) => {
            r.set("established", word.as_str());
        }
        None => {
            r.set(
                "established",
                Value::unknown(
                    format!("{}的机构概况未写明 `legal_entity.jurisdiction`", p.id),
                    format!("the CA profile of {} does not state `legal_entity.jurisdiction`", p.id),
                ),
            );
        }
    }
    r.set("place", Value::opt(p.place.clone()));
    r.set("decided_by", found.name(crate::i18n::Lang::En));
    r.set(
        "licensed",
        match found.licensed_at(at) {
            Licensed::Yes => Value::from("yes"),
            Licensed::No(_) => Value::from("no"),
            Licensed::Unknown(why) => Value::Unknown(std::sync::Arc::new(why)),
        },
    );
    let licence = p.licence.as_ref();
    r.set("licence", Value::opt(licence.and_then(|l| l.number.clone())));
    r.set(
        "licence_from",
        Value::opt(licence.and_then(|l| l.from).map(Value::Date)),
    );
    r.set(
        "licence_until",
        Value::opt(licence.and_then(|l| l.until).map(Value::Date)),
    );
    r.set("entry", format!("{} ({})", p.id, p.source));
    r.finish()
}

fn validity(cert: &X509Certificate, raw: Option<&der::RawTbs>) -> Record {
    let v = cert.validity();
    let enc = |generalized: bool| if generalized { "GeneralizedTime" } else { "UTCTime" };
    let mut r = RecordBuilder::new(VALIDITY);
    let (nb, na) = (v.not_before.timestamp(), v.not_after.timestamp());
    r.set("not_before", Value::Date(nb));
    r.set("not_after", Value::Date(na));
    r.set("not_before_encoding", enc(v.not_before.is_generalizedtime()));
    r.set("not_after_encoding", enc(v.not_after.is_generalizedtime()));
    r.set(
        "period",
        Value::Period(crate::dates::Period::days((na - nb).div_euclid(86_400))),
    );
    let times = [
        ("not_before", raw.and_then(|t| t.not_before)),
        ("not_after", raw.and_then(|t| t.not_after)),
    ];
    for (field, time) in times {
        let (written, form_ok) = match time {
            Some(t) => (Value::from(t.written()), Value::Bool(t.error().is_none())),
            None => {
                let why = Value::unknown(
                    "无法在证书中找到该时间的编码",
                    "the time's encoding could not be found in the certificate",
                );
                (why.clone(), why)
            }
        };
        r.set(&format!("{field}_written"), written);
        r.set(&format!("{field}_form_ok"), form_ok);
    }
    r.finish()
}

/// The facts of a public key (a certificate's, a request's).
pub(crate) fn public_key(spki: &x509_parser::x509::SubjectPublicKeyInfo) -> Record {
    use x509_parser::public_key::PublicKey;
    let oid = oid_text(&spki.algorithm.algorithm);
    let curve_oid = spki.algorithm.parameters.as_ref().and_then(|p| p.as_oid().ok());
    let curve = curve_oid.as_ref().map(oid_text);
    let mut r = RecordBuilder::new(PUBLIC_KEY);
    let sm2 = curve.as_deref() == Some(verify::SM2_CURVE) || &*oid == verify::SM2_CURVE;
    let algorithm = match &*oid {
        _ if sm2 => "sm2".to_string(),
        "1.2.840.113549.1.1.1" => "rsa".to_string(),
        "1.2.840.10045.2.1" => "ec".to_string(),
        "1.3.101.112" => "ed25519".to_string(),
        "1.2.840.10040.4.1" => "dsa".to_string(),
        other => other.to_string(),
    };
    let parsed = spki.parsed();
    let bits = match &parsed {
        Ok(PublicKey::RSA(k)) => Value::Int(k.key_size() as i64),
        Ok(PublicKey::EC(p)) if sm2 || curve.is_some() => Value::Int(if sm2 { 256 } else { p.key_size() as i64 }),
        Ok(PublicKey::Unknown(k)) if algorithm == "ed25519" => Value::Int(k.len() as i64 * 8),
        _ => Value::unknown(
            format!("无法在此读取 `{algorithm}` 密钥的长度"),
            format!("the size of `{algorithm}` keys cannot be read here"),
        ),
    };
    let usable = match (&parsed, algorithm.as_str()) {
        (_, "sm2") => Value::Bool(verify::sm2_point_ok(spki)),
        (Ok(PublicKey::RSA(k)), _) => Value::Bool(k.key_size() > 0),
        (Ok(PublicKey::EC(p)), "ec") => Value::Bool(!p.data().is_empty()),
        (Ok(PublicKey::Unknown(k)), "ed25519") => Value::Bool(k.len() == 32),
        (Err(_), "rsa" | "ec") => Value::Bool(false),
        _ => Value::unknown(
            format!("certlex 无法读取 `{algorithm}` 密钥"),
            format!("certlex cannot read `{algorithm}` keys"),
        ),
    };
    r.set("algorithm", algorithm);
    r.set("oid", oid);
    r.set("curve_name", Value::opt(curve_oid.as_ref().map(oid_name)));
    r.set("curve", Value::opt(curve));
    r.set("bits", bits);
    r.set("usable", usable);
    r.finish()
}

#[cfg(test)]
mod tests;
