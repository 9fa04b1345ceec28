//! The link from a certificate to its issuer: who signed it (itself, or a
//! certificate of the run context), whether the signature verifies, and the
//! chain checks a relying party makes (names chain, validity nests, the
//! issuer is a CA allowed to sign certificates, path length). Without the
//! issuer, every fact about it is unknown, never assumed.

use std::sync::Arc;

use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::ParsedExtension;
use x509_parser::prelude::FromDer;

use sha2::{Digest, Sha256};

use super::hex;
use super::names::{match_key, names_match};
use super::schema::{CHAIN, SIGNATURE};
use super::verify::{Verdict, verify};
use crate::facts::context::{IssuerLink, RunContext, subject_key_id};
use crate::facts::{Record, RecordBuilder, Value};
use crate::i18n::Text;

/// How far up a chain certlex walks (real chains have 2 to 5 certificates).
const MAX_DEPTH: usize = 12;

pub(super) struct Link {
    pub self_signed: Value,
    pub signature: Record,
    pub chain: Record,
    /// The CA certificates found above this one (positions in the context),
    /// nearest first, and whether the walk reached a self-signed one.
    pub above: Vec<usize>,
    pub anchored: bool,
}

fn authority_key_id<'a>(cert: &X509Certificate<'a>) -> Option<&'a [u8]> {
    cert.extensions().iter().find_map(|e| match e.parsed_extension() {
        ParsedExtension::AuthorityKeyIdentifier(a) => a.key_identifier.as_ref().map(|k| k.0),
        _ => None,
    })
}

/// Issuer and subject names match (RFC 5280 7.1), as RFC 5280 defines a
/// self-issued certificate.
fn self_issued(cert: &X509Certificate) -> bool {
    names_match(cert.tbs_certificate.issuer(), cert.tbs_certificate.subject())
}

/// Verified with its own key.
fn self_signed(cert: &X509Certificate) -> Verdict {
    if !self_issued(cert) {
        return Verdict::Invalid;
    }
    verify(cert, cert.public_key())
}

fn basic_ca(cert: &X509Certificate) -> Option<bool> {
    cert.extensions().iter().find_map(|e| match e.parsed_extension() {
        ParsedExtension::BasicConstraints(bc) => Some(bc.ca),
        _ => None,
    })
}

fn path_len(cert: &X509Certificate) -> Option<u32> {
    cert.extensions().iter().find_map(|e| match e.parsed_extension() {
        ParsedExtension::BasicConstraints(bc) if bc.ca => bc.path_len_constraint,
        _ => None,
    })
}

fn key_cert_sign(cert: &X509Certificate) -> bool {
    cert.extensions()
        .iter()
        .find_map(|e| match e.parsed_extension() {
            ParsedExtension::KeyUsage(ku) => Some(ku.key_cert_sign()),
            _ => None,
        })
        .unwrap_or(true)
}

/// What looking for the issuer of `cert` among the context gave.
#[derive(Debug)]
enum Search {
    /// The issuer's position in the context, and its DER.
    Found(usize, Arc<[u8]>),
    /// The certificate the authority key identifier names is there, and the
    /// signature does not verify with its key: a bad signature.
    Invalid,
    /// A candidate's signature could not be checked (the text says why).
    Unsupported(Text),
    /// Certificates named like the issuer are there, but none is the one
    /// that signed: their key is not the one the authority key identifier
    /// names (`key_id_differs`), or the signature does not verify with it.
    /// A key rollover looks like this; the signing certificate is missing.
    NamedLike {
        key_id_differs: bool,
    },
    NotAvailable,
}

fn find_issuer(der: &[u8], cert: &X509Certificate, ctx: &RunContext) -> Search {
    let name = match_key(cert.tbs_certificate.issuer());
    let aki = authority_key_id(cert);
    let (mut identified_fails, mut named_fails) = (false, false);
    let mut unsupported = None;
    for index in ctx.issuer_candidates(&name, aki) {
        let Some(cand) = ctx.issuer(index) else { continue };
        if cand.as_ref() == der {
            continue;
        }
        let Ok((_, issuer)) = X509Certificate::from_der(cand) else {
            continue;
        };
        match verify(cert, issuer.public_key()) {
            Verdict::Valid => return Search::Found(index, cand.clone()),
            Verdict::Invalid if aki.is_some() && subject_key_id(&issuer) == aki => identified_fails = true,
            Verdict::Invalid => named_fails = true,
            Verdict::Unsupported(w) => {
                unsupported.get_or_insert(w);
            }
        }
    }
    if let Some(w) = unsupported {
        return Search::Unsupported(w);
    }
    if identified_fails {
        return Search::Invalid;
    }
    if named_fails {
        return Search::NamedLike { key_id_differs: false };
    }
    // Every candidate tried has returned above, so a certificate named like
    // the issuer here is one its key identifier ruled out (not `cert` itself).
    let passed_over = ctx
        .named(&name)
        .iter()
        .any(|i| ctx.issuer(*i).is_some_and(|c| c.as_ref() != der));
    if passed_over {
        return Search::NamedLike { key_id_differs: true };
    }
    Search::NotAvailable
}

fn all_unknown(fields: &'static [crate::facts::Field], why: &Text, set: &[(&str, Value)]) -> Record {
    let mut r = RecordBuilder::new(fields);
    let why = Arc::new(why.clone());
    for f in fields {
        r.set(f.name, Value::Unknown(why.clone()));
    }
    for (name, v) in set {
        r.set(name, v.clone());
    }
    r.finish()
}

/// Why a TBSCertificate has no signature facts.
fn unsigned() -> Text {
    Text::both(
        "待签名证书尚无签名",
        "a to-be-signed certificate carries no signature yet",
    )
}

/// The link of a TBSCertificate: there is no signature to find the issuer
/// by, so the issuer is the CA certificate of the context named like this
/// one's issuer whose key identifier is the authority key identifier (or,
/// without one, the only certificate so named); the chain facts are then
/// those the signed certificate will have. It will be self-signed when it
/// is self-issued and its authority key identifier, if any, names its own key.
fn tbs_link(der: &[u8], cert: &X509Certificate, ctx: &RunContext) -> Link {
    let why = unsigned();
    let mut s = RecordBuilder::new(SIGNATURE);
    s.set("verified", Value::Unknown(Arc::new(why.clone())));
    s.set("algorithms_match", Value::Unknown(Arc::new(why.clone())));
    s.set("issuer_sha256", Value::Absent);
    let signature = s.finish();
    // A root before signing: it will sign itself.
    if self_issued(cert) && authority_key_id(cert).is_none_or(|aki| subject_key_id(cert) == Some(aki)) {
        return Link {
            self_signed: Value::Bool(true),
            signature,
            chain: chain_facts(cert, cert, None, ctx),
            above: Vec::new(),
            anchored: true,
        };
    }
    let name = match_key(cert.tbs_certificate.issuer());
    let aki = authority_key_id(cert);
    let candidates: Vec<usize> = ctx
        .issuer_candidates(&name, aki)
        .into_iter()
        .filter(|&i| {
            ctx.issuer(i).is_some_and(|c| {
                c.as_ref() != der
                    && X509Certificate::from_der(c).is_ok_and(|(_, issuer)| {
                        names_match(cert.tbs_certificate.issuer(), issuer.tbs_certificate.subject())
                            && aki.is_none_or(|aki| subject_key_id(&issuer) == Some(aki))
                    })
            })
        })
        .collect();
    let found = match candidates.as_slice() {
        [one] => ctx.issuer(*one).map(|d| (*one, d.clone())),
        _ => None,
    };
    let Some((index, issuer_der)) = found else {
        // Not one candidate: none, or several (one is always found).
        let why = if candidates.is_empty() {
            Text::both(
                "颁发者证书不在输入之中，请用 `--issuers` 提供",
                "the issuer's certificate is not among the inputs; give it with `--issuers`",
            )
        } else {
            Text::both(
                "有多张证书与颁发者同名，而待签名证书没有颁发者密钥标识符，无法确定颁发者",
                "several certificates are named like the issuer and the to-be-signed certificate has no authority key identifier to tell them apart",
            )
        };
        return Link {
            self_signed: Value::Bool(false),
            signature,
            chain: not_found(Some(&why)),
            above: Vec::new(),
            anchored: false,
        };
    };
    let (above, anchored) = ancestors(index, ctx);
    let chain = match X509Certificate::from_der(&issuer_der) {
        Ok((_, issuer)) => chain_facts(cert, &issuer, Some((&above, anchored)), ctx),
        Err(_) => not_found(None),
    };
    Link {
        self_signed: Value::Bool(false),
        signature,
        chain,
        above,
        anchored,
    }
}

pub(super) fn link(der: &[u8], cert: &X509Certificate, ctx: &RunContext, form: super::Form) -> Link {
    if form == super::Form::Tbs {
        return tbs_link(der, cert, ctx);
    }
    let algorithms_match = Value::Bool(cert.signature_algorithm == cert.tbs_certificate.signature);
    let own = self_signed(cert);
    let self_signed_value = match &own {
        Verdict::Valid => Value::Bool(true),
        Verdict::Invalid => Value::Bool(false),
        Verdict::Unsupported(w) => Value::Unknown(Arc::new(w.clone())),
    };
    let signature = |verified: Value, issuer_der: Option<&[u8]>| {
        let mut s = RecordBuilder::new(SIGNATURE);
        s.set("verified", verified);
        s.set("algorithms_match", algorithms_match.clone());
        s.set("issuer_sha256", Value::opt(issuer_der.map(|d| hex(&Sha256::digest(d)))));
        s.finish()
    };
    if own == Verdict::Valid {
        return Link {
            self_signed: self_signed_value,
            signature: signature(Value::Bool(true), Some(der)),
            chain: chain_facts(cert, cert, None, ctx),
            above: Vec::new(),
            anchored: true,
        };
    }
    // A self-issued certificate that names no other key claims to be
    // self-signed: its own key failing is then a bad signature.
    let claims_self_signed = self_issued(cert)
        && authority_key_id(cert).is_none_or(|aki| subject_key_id(cert).is_some_and(|ski| ski == aki));
    let search = find_issuer(der, cert, ctx);
    let (above, anchored) = match &search {
        Search::Found(index, _) => ancestors(*index, ctx),
        _ => (Vec::new(), false),
    };
    let mut signer = None;
    let (verified, chain) = match &search {
        Search::Found(_, issuer_der) => match X509Certificate::from_der(issuer_der) {
            Ok((_, issuer)) => {
                signer = Some(issuer_der.as_ref());
                (
                    Value::Bool(true),
                    chain_facts(cert, &issuer, Some((&above, anchored)), ctx),
                )
            }
            Err(_) => (
                Value::unknown("颁发者证书无法解析", "the issuer's certificate does not parse"),
                not_found(None),
            ),
        },
        Search::Unsupported(w) => (Value::Unknown(Arc::new(w.clone())), not_found(Some(w))),
        Search::Invalid => (Value::Bool(false), not_found(None)),
        // A self-issued certificate that claims to be self-signed and does
        // not verify with its own key: its own verdict stands.
        Search::NamedLike { .. } | Search::NotAvailable if claims_self_signed => match own {
            Verdict::Unsupported(w) => (Value::Unknown(Arc::new(w.clone())), not_found(Some(&w))),
            _ => (Value::Bool(false), not_found(None)),
        },
        Search::NamedLike { key_id_differs } => {
            let why = named_like(*key_id_differs, authority_key_id(cert));
            (Value::Unknown(Arc::new(why.clone())), not_found(Some(&why)))
        }
        Search::NotAvailable => (
            Value::unknown(
                "颁发者证书不在输入之中，请用 `--issuers` 提供",
                "the issuer's certificate is not among the inputs; give it with `--issuers`",
            ),
            not_found(None),
        ),
    };
    Link {
        self_signed: self_signed_value,
        signature: signature(verified, signer),
        chain,
        above,
        anchored,
    }
}

/// Why the issuer was not found although certificates named like it were
/// given: the key rollover message.
fn named_like(key_id_differs: bool, aki: Option<&[u8]>) -> Text {
    if key_id_differs {
        let id = aki.map(hex).unwrap_or_default();
        Text::both(
            format!(
                "输入中有与颁发者同名的证书，但其密钥与颁发者密钥标识符不符；请用 `--issuers` 提供密钥标识符为 {id} 的颁发者证书"
            ),
            format!(
                "a certificate named like the issuer was given, but its key does not match the authority key identifier; give the issuer certificate with key identifier {id} with `--issuers`"
            ),
        )
    } else {
        Text::both(
            "输入中有与颁发者同名的证书，但用其密钥验证签名失败（颁发者可能已更换密钥）；请用 `--issuers` 提供签发该证书的颁发者证书",
            "a certificate named like the issuer was given, but the signature does not verify with its key (the issuer may have a new key); give the issuer certificate whose key signed this one with `--issuers`",
        )
    }
}

/// Issuer `index` and the CAs above it, nearest first, and whether the walk
/// reached a self-signed certificate.
fn ancestors(index: usize, ctx: &RunContext) -> (Vec<usize>, bool) {
    let mut out = Vec::new();
    let mut current = Some(index);
    while let Some(i) = current {
        if out.len() >= MAX_DEPTH || out.contains(&i) {
            break;
        }
        out.push(i);
        match issuer_link(i, ctx) {
            Some(link) if link.self_signed => return (out, true),
            Some(link) => current = link.parent,
            None => break,
        }
    }
    (out, false)
}

fn not_found(why: Option<&Text>) -> Record {
    let default = Text::both(
        "输入和 `--issuers` 中没有其密钥能验证该签名的证书",
        "no certificate whose key verifies the signature is among the inputs or `--issuers`",
    );
    all_unknown(CHAIN, why.unwrap_or(&default), &[("issuer_found", Value::Bool(false))])
}

/// The chain facts of `cert` signed by `issuer`; `above` is the walk up from
/// the issuer ([`ancestors`]), `None` when `cert` signed itself.
fn chain_facts(
    cert: &X509Certificate,
    issuer: &X509Certificate,
    above: Option<(&[usize], bool)>,
    ctx: &RunContext,
) -> Record {
    let mut r = RecordBuilder::new(CHAIN);
    r.set("issuer_found", true);
    r.set(
        "names_chain",
        names_match(cert.tbs_certificate.issuer(), issuer.tbs_certificate.subject()),
    );
    let issuer_is_ca = match basic_ca(issuer) {
        Some(ca) => Value::Bool(ca),
        None if issuer.tbs_certificate.version.0 < 2 && self_issued(issuer) => Value::Bool(true),
        None if issuer.tbs_certificate.version.0 < 2 => Value::unknown(
            "颁发者是 X.509 第1版证书，无法表明自己是认证机构",
            "the issuer is an X.509 v1 certificate, which cannot state that it is a CA",
        ),
        None => Value::Bool(false),
    };
    r.set("issuer_is_ca", issuer_is_ca);
    r.set("issuer_key_cert_sign", key_cert_sign(issuer));
    let (v, iv) = (cert.validity(), issuer.validity());
    r.set(
        "validity_nested",
        iv.not_before.timestamp() <= v.not_before.timestamp() && v.not_after.timestamp() <= iv.not_after.timestamp(),
    );
    let (path_ok, length, anchored) = match above {
        Some((above, anchored)) => {
            let (ok, length) = walk(cert, above, anchored, ctx);
            (ok, length, anchored)
        }
        None => (Value::Bool(true), 1, true),
    };
    r.set("path_length_ok", path_ok);
    r.set("length", length);
    r.set("anchored", anchored);
    r.finish()
}

/// Issuer `index`'s own link: self-signed, or signed by another issuer of
/// the context (worked out once per run and cached).
fn issuer_link(index: usize, ctx: &RunContext) -> Option<IssuerLink> {
    ctx.link(index, || {
        let parsed = ctx
            .issuer(index)
            .and_then(|der| X509Certificate::from_der(der).ok().map(|(_, c)| (der.clone(), c)));
        let Some((der, cert)) = parsed else {
            return IssuerLink {
                self_signed: false,
                parent: None,
                not_before: None,
            };
        };
        let not_before = Some(cert.validity().not_before.timestamp());
        if self_signed(&cert) == Verdict::Valid {
            return IssuerLink {
                self_signed: true,
                parent: None,
                not_before,
            };
        }
        let parent = match find_issuer(&der, &cert, ctx) {
            Search::Found(i, _) => Some(i),
            _ => None,
        };
        IssuerLink {
            self_signed: false,
            parent,
            not_before,
        }
    })
}

/// Check every pathLenConstraint on the chain found above `cert` (`above`,
/// nearest first, as [`ancestors`] walked it) against the non-self-issued CA
/// certificates below it (the certificate checked counts when it is itself
/// a CA: it exists to issue certificates under the constraint). Returns
/// whether no constraint is exceeded (unknown when none is and the chain is
/// not `anchored`) and the chain's length, this certificate included.
fn walk(cert: &X509Certificate, above: &[usize], anchored: bool, ctx: &RunContext) -> (Value, i64) {
    let mut below: u32 = u32::from(basic_ca(cert) == Some(true) && !self_issued(cert));
    let mut length = 1;
    let mut violated = false;
    for &i in above {
        let Some(der) = ctx.issuer(i) else { break };
        let Ok((_, cur)) = X509Certificate::from_der(der) else {
            break;
        };
        length += 1;
        if path_len(&cur).is_some_and(|p| below > p) {
            violated = true;
        }
        if !self_issued(&cur) {
            below += 1;
        }
    }
    let ok = match (violated, anchored) {
        (true, _) => Value::Bool(false),
        (false, true) => Value::Bool(true),
        (false, false) => Value::unknown(
            "颁发者以上的证书链不完整，无法检查其上的路径长度",
            "the chain above the issuer is not complete, so path lengths above it cannot be checked",
        ),
    };
    (ok, length)
}

#[cfg(test)]
mod tests;
