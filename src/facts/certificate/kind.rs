//! What a certificate is for (`kind`), read from basic constraints, key
//! usage, extended key usage and certificate policies. The ESL governs
//! electronic signature certificates (电子签名认证证书, ESL 34(3): a record
//! that can confirm the link between a signatory and the signature creation
//! data); a CA's other certificates (TLS, time-stamping, OCSP, encryption)
//! are told apart here so that rules can be scoped to them. The decision is
//! [`KINDS`] in order; the first that applies wins.

use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{ExtendedKeyUsage, KeyUsage, ParsedExtension};

use super::oid_text;
use crate::facts::Value;

/// Each kind and how it is decided, in the order certlex decides: the
/// documentation of `kind` (`docs/facts/certificate.md`) is made from it.
pub(super) static KINDS: &[(&str, &str)] = &[
    (
        "ca",
        "basic constraints assert cA; or an X.509 v1 or v2 certificate that is self-issued (an old root, which cannot say so)",
    ),
    (
        "timestamping",
        "the extended key usage is timeStamping alone (RFC 3161 2.3): a time-stamping authority's certificate",
    ),
    (
        "ocsp-signing",
        "the extended key usage is OCSPSigning alone (RFC 6960 4.2.2.2): an OCSP responder's certificate",
    ),
    (
        "e-signature",
        "the key usage asserts nonRepudiation (contentCommitment), whatever the extended key usage says: the key is certified for signatures that commit the signatory, which is what an electronic signature is (ESL 2, 34(3)); so a certificate with serverAuth, clientAuth and nonRepudiation is `e-signature`",
    ),
    (
        "tls-server",
        "the extended key usage has serverAuth (with clientAuth or others) and the key usage does not assert nonRepudiation",
    ),
    (
        "encryption",
        "the key usage asserts neither digitalSignature nor nonRepudiation, and asserts keyEncipherment, dataEncipherment or keyAgreement: the key cannot make signatures. An SM2 encryption certificate, the encryption half of the signing-and-encryption pair of GM/T 0015 (双证书), is one: its key does not create electronic signatures, so it is not itself an electronic signature certificate in ESL 34(3)'s sense, but GM/T 0015's requirements reach it",
    ),
    (
        "e-signature",
        "the extended key usage has emailProtection or a document-signing purpose (id-kp-documentSigning 1.3.6.1.5.5.7.3.36, Microsoft 1.3.6.1.4.1.311.10.3.12, Adobe 1.2.840.113583.1.1.5), with digitalSignature or no key usage",
    ),
    (
        "tls-client",
        "the extended key usage has clientAuth (and neither serverAuth, emailProtection nor a document-signing purpose): a certificate for logging in, whose signatures authenticate a session rather than sign content",
    ),
    (
        "code-signing",
        "the extended key usage has codeSigning (and none of the above)",
    ),
    (
        "other",
        "an extended key usage of other purposes only; or a key usage with none of the bits above (only keyCertSign or cRLSign without cA)",
    ),
    (
        "tls-server",
        "no extended key usage (or anyExtendedKeyUsage), and a CA/Browser Forum TLS policy (2.23.140.1.1, 2.23.140.1.2.*)",
    ),
    (
        "e-signature",
        "no extended key usage (or anyExtendedKeyUsage), and digitalSignature or no key usage: a key certified for signatures with no narrower purpose",
    ),
];

const SERVER_AUTH: &str = "1.3.6.1.5.5.7.3.1";
const CLIENT_AUTH: &str = "1.3.6.1.5.5.7.3.2";
const CODE_SIGNING: &str = "1.3.6.1.5.5.7.3.3";
const EMAIL_PROTECTION: &str = "1.3.6.1.5.5.7.3.4";
const TIME_STAMPING: &str = "1.3.6.1.5.5.7.3.8";
const OCSP_SIGNING: &str = "1.3.6.1.5.5.7.3.9";
const DOCUMENT_SIGNING: &[&str] = &["1.3.6.1.5.5.7.3.36", "1.3.6.1.4.1.311.10.3.12", "1.2.840.113583.1.1.5"];

/// The purposes of an extended key usage as OIDs; `None` for anyExtendedKeyUsage.
fn purposes(eku: &ExtendedKeyUsage) -> Option<Vec<String>> {
    (!eku.any).then(|| {
        super::extensions::eku_purposes(eku)
            .iter()
            .map(|p| p.to_string())
            .collect()
    })
}

/// The facts the decision reads, from the first instance of each extension.
struct Uses<'a> {
    ca: Option<bool>,
    key_usage: Option<&'a KeyUsage>,
    /// `None`: no extended key usage, or anyExtendedKeyUsage.
    purposes: Option<Vec<String>>,
    policies: Vec<String>,
}

/// The certificate's kind: one of [`KINDS`]' words, unknown when an
/// extension it is decided from does not decode.
pub(super) fn kind(cert: &X509Certificate, self_issued: bool) -> Value {
    let mut uses = Uses {
        ca: None,
        key_usage: None,
        purposes: None,
        policies: Vec::new(),
    };
    // The first of each (a duplicate is another rule's matter).
    let mut seen = [false; 4];
    for ext in cert.extensions() {
        let oid = oid_text(&ext.oid);
        let slot = match &*oid {
            "2.5.29.19" => 0,
            "2.5.29.15" => 1,
            "2.5.29.37" => 2,
            "2.5.29.32" => 3,
            _ => continue,
        };
        if let Some(s) = seen.get_mut(slot) {
            if *s {
                continue;
            }
            *s = true;
        }
        match ext.parsed_extension() {
            ParsedExtension::BasicConstraints(bc) => uses.ca = Some(bc.ca),
            ParsedExtension::KeyUsage(ku) => uses.key_usage = Some(ku),
            ParsedExtension::ExtendedKeyUsage(eku) => uses.purposes = purposes(eku),
            ParsedExtension::CertificatePolicies(ps) => {
                uses.policies = ps.iter().map(|p| oid_text(&p.policy_id).to_string()).collect();
            }
            ParsedExtension::ParseError { .. } => {
                let name = super::oid_name(&ext.oid);
                return Value::unknown(
                    format!("`{name}` 扩展项无法解码，无法判断证书类别"),
                    format!("the `{name}` extension does not decode, so the certificate's kind cannot be told"),
                );
            }
            _ => {}
        }
    }
    let old_root = cert.tbs_certificate.version.0 < 2 && self_issued;
    Value::str(decide(&uses, old_root))
}

fn decide(u: &Uses, old_root: bool) -> &'static str {
    if u.ca == Some(true) || (u.ca.is_none() && old_root) {
        return "ca";
    }
    let has = |p: &str| u.purposes.as_ref().is_some_and(|ps| ps.iter().any(|x| x == p));
    let only = |p: &str| u.purposes.as_ref().is_some_and(|ps| ps.len() == 1 && has(p));
    if only(TIME_STAMPING) {
        return "timestamping";
    }
    if only(OCSP_SIGNING) {
        return "ocsp-signing";
    }
    let ku = u.key_usage;
    if ku.is_some_and(KeyUsage::non_repudiation) {
        return "e-signature";
    }
    if has(SERVER_AUTH) {
        return "tls-server";
    }
    let signs = ku.is_none_or(KeyUsage::digital_signature);
    if !signs {
        let encrypts = ku.is_some_and(|k| k.key_encipherment() || k.data_encipherment() || k.key_agreement());
        return if encrypts { "encryption" } else { "other" };
    }
    if let Some(ps) = &u.purposes {
        if has(EMAIL_PROTECTION) || ps.iter().any(|p| DOCUMENT_SIGNING.contains(&p.as_str())) {
            return "e-signature";
        }
        if has(CLIENT_AUTH) {
            return "tls-client";
        }
        if has(CODE_SIGNING) {
            return "code-signing";
        }
        return "other";
    }
    let tls_policy = u
        .policies
        .iter()
        .any(|p| p == "2.23.140.1.1" || p.starts_with("2.23.140.1.2."));
    if tls_policy { "tls-server" } else { "e-signature" }
}

#[cfg(test)]
mod tests;
