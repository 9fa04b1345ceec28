//! Extensions: every one listed with its critical flag, duplicates and
//! unknown critical ones named, and the common ones (and GM/T 0015's
//! identity codes) read into facts of their own.

use std::collections::HashSet;
use std::sync::Arc;

use x509_parser::certificate::X509Certificate;
use x509_parser::der_parser::asn1_rs::{Any, FromDer as _, Tag};
use x509_parser::extensions::{
    CRLDistributionPoints, DistributionPointName, ExtendedKeyUsage, GeneralName, ParsedExtension, X509Extension,
};

use super::der::{self, RawTbs};
use super::schema::{
    AIA, AKI, BASIC_CONSTRAINTS, CRL_DP, EXTENDED_KEY_USAGE, EXTENSION, IDENTITY_CODE, KEY_USAGE, POLICY, SAN,
};
use super::{hex, oid_name, oid_text};
use crate::facts::{Record, RecordBuilder, Value};

/// The arc of GM/T 0015's identity-code extensions.
const IDENTITY_ARC: &str = "1.2.156.10260.4.1.";

fn identity_kind(oid: &str) -> &str {
    match oid.strip_prefix(IDENTITY_ARC) {
        Some("1") => "identity_code",
        Some("2") => "social_insurance_number",
        Some("3") => "ic_registration_number",
        Some("4") => "organization_code",
        Some("5") => "tax_number",
        _ => oid,
    }
}

fn strs<S: Into<Value>>(items: impl IntoIterator<Item = S>) -> Value {
    Value::List(items.into_iter().map(Into::into).collect())
}

fn general_names<'a>(
    names: impl IntoIterator<Item = &'a GeneralName<'a>>,
    kind: fn(&GeneralName) -> Option<String>,
) -> Value {
    strs(names.into_iter().filter_map(kind))
}

fn uri(g: &GeneralName) -> Option<String> {
    match g {
        GeneralName::URI(u) => Some((*u).to_string()),
        _ => None,
    }
}

fn ip_text(b: &[u8]) -> String {
    if let Ok(v4) = <[u8; 4]>::try_from(b) {
        return std::net::Ipv4Addr::from(v4).to_string();
    }
    if let Ok(v6) = <[u8; 16]>::try_from(b) {
        return std::net::Ipv6Addr::from(v6).to_string();
    }
    hex(b)
}

/// The text of a DER string (any string type), unwrapping one OCTET STRING
/// or SEQUENCE layer, as identity-code values are written in practice.
fn der_text(bytes: &[u8], depth: u8) -> Option<String> {
    let (_, any) = Any::from_der(bytes).ok()?;
    match any.tag() {
        Tag::Utf8String
        | Tag::PrintableString
        | Tag::Ia5String
        | Tag::NumericString
        | Tag::VisibleString
        | Tag::TeletexString => std::str::from_utf8(any.data).ok().map(str::to_string),
        Tag::BmpString => {
            let units: Vec<u16> = any
                .data
                .chunks_exact(2)
                .filter_map(|c| c.try_into().ok())
                .map(u16::from_be_bytes)
                .collect();
            String::from_utf16(&units).ok()
        }
        Tag::OctetString | Tag::Sequence if depth > 0 => der_text(any.data, depth - 1).or_else(|| {
            (any.tag() == Tag::OctetString)
                .then(|| std::str::from_utf8(any.data).ok().map(str::to_string))
                .flatten()
        }),
        _ => None,
    }
}

fn identity_code(ext: &X509Extension, oid: &str) -> Value {
    let mut r = RecordBuilder::new(IDENTITY_CODE);
    r.set("oid", oid);
    r.set("kind", identity_kind(oid));
    r.set(
        "value",
        der_text(ext.value, 2).map_or_else(
            || Value::unknown("该值不是文字串", "the value is not a text string"),
            Value::from,
        ),
    );
    r.set("critical", ext.critical);
    Value::Record(r.finish())
}

/// freshestCRL (RFC 5280 4.2.1.15), which x509-parser lists but does not
/// parse: it has the syntax of CRL distribution points.
const FRESHEST_CRL: &str = "2.5.29.46";

/// How an extension is named in a finding: `name` (OID), or the OID alone.
fn label(name: &str, oid: &str) -> String {
    if name == oid {
        format!("`{oid}`")
    } else {
        format!("`{name}` ({oid})")
    }
}

/// Whether an extension is marked critical as RFC 5280 requires: `Some`
/// with the requirement when it is not.
fn criticality_error(oid: &str, critical: bool, cert: &X509Certificate, self_issued: bool) -> Option<&'static str> {
    let must_not = |section| (critical).then_some(section);
    let must = |section| (!critical).then_some(section);
    match oid {
        "2.5.29.35" => must_not("must be non-critical (RFC 5280 4.2.1.1)"),
        "2.5.29.14" => must_not("must be non-critical (RFC 5280 4.2.1.2)"),
        "2.5.29.9" => must_not("must be non-critical (RFC 5280 4.2.1.8)"),
        FRESHEST_CRL => must_not("must be non-critical (RFC 5280 4.2.1.15)"),
        "1.3.6.1.5.5.7.1.1" => must_not("must be non-critical (RFC 5280 4.2.2.1)"),
        "1.3.6.1.5.5.7.1.11" => must_not("must be non-critical (RFC 5280 4.2.2.2)"),
        "2.5.29.30" => must("must be critical (RFC 5280 4.2.1.10)"),
        "2.5.29.36" => must("must be critical (RFC 5280 4.2.1.11)"),
        "2.5.29.54" => must("must be critical (RFC 5280 4.2.1.14)"),
        // A root's own extensions are not processed in path validation (its
        // key is the trust anchor, RFC 5280 6.1.1 (d)): not required there.
        "2.5.29.19" if signs_certificates(cert) && !self_issued => {
            must("must be critical in a CA certificate whose key verifies certificates (RFC 5280 4.2.1.9)")
        }
        _ => None,
    }
}

/// A CA whose key may verify certificates: cA, and keyCertSign or no key usage.
fn signs_certificates(cert: &X509Certificate) -> bool {
    let mut ca = false;
    let mut cert_sign = true;
    for e in cert.extensions() {
        match e.parsed_extension() {
            ParsedExtension::BasicConstraints(bc) => ca = bc.ca,
            ParsedExtension::KeyUsage(ku) => cert_sign = ku.key_cert_sign(),
            _ => {}
        }
    }
    ca && cert_sign
}

/// Why an extension's value does not decode, if it does not.
fn decode_error(oid: &str, ext: &X509Extension) -> Option<String> {
    if let ParsedExtension::ParseError { error } = ext.parsed_extension() {
        return Some(error.to_string());
    }
    if oid == super::CT_POISON {
        // RFC 6962 3.1: "whose extnValue OCTET STRING contains ASN.1 NULL data (0x05 0x00)"
        return (ext.value != [0x05, 0x00]).then(|| "the poison extension's value is not ASN.1 NULL".to_string());
    }
    if oid == FRESHEST_CRL {
        return match CRLDistributionPoints::from_der(ext.value) {
            Ok((rest, _)) if !rest.is_empty() => Some(format!("{} octets follow the value", rest.len())),
            Ok(_) => None,
            Err(e) => Some(e.to_string()),
        };
    }
    None
}

pub(super) fn extensions(cert: &X509Certificate, raw: Option<&RawTbs>, self_issued: bool, r: &mut RecordBuilder) {
    let mut list = Vec::new();
    let mut seen: HashSet<Arc<str>> = HashSet::new();
    let mut duplicates: Vec<Arc<str>> = Vec::new();
    let mut unknown_critical: Vec<Arc<str>> = Vec::new();
    let mut decode_errors = Vec::new();
    let mut der_errors = Vec::new();
    let mut criticality_errors = Vec::new();
    let mut identity = Vec::new();
    // The extensions as written, in the same order; unknown if the walk
    // did not find as many as x509-parser did.
    let raw = raw
        .map(|t| t.extensions.as_slice())
        .filter(|e| e.len() == cert.extensions().len());
    for (index, ext) in cert.extensions().iter().enumerate() {
        let oid = oid_text(&ext.oid);
        let name = oid_name(&ext.oid);
        if !seen.insert(oid.clone()) && !duplicates.contains(&oid) {
            duplicates.push(oid.clone());
        }
        let parsed = ext.parsed_extension();
        let is_identity = oid.starts_with(IDENTITY_ARC);
        let known = is_identity
            || matches!(&*oid, FRESHEST_CRL | super::CT_POISON)
            || !matches!(parsed, ParsedExtension::UnsupportedExtension { .. });
        if ext.critical && !known {
            unknown_critical.push(oid.clone());
        }
        let decode_error = decode_error(&oid, ext);
        let der_error = raw
            .and_then(|raw| raw.get(index))
            .map(|raw| der::extension_error(&oid, raw));
        let criticality = criticality_error(&oid, ext.critical, cert, self_issued);
        let mut e = RecordBuilder::new(EXTENSION);
        e.set("oid", oid.clone());
        e.set("name", name.clone());
        e.set("critical", ext.critical);
        e.set("criticality_ok", criticality.is_none());
        e.set("known", known);
        e.set("parses", decode_error.is_none());
        e.set("decode_error", Value::opt(decode_error.clone()));
        match &der_error {
            Some(error) => {
                e.set("der", error.is_none());
                e.set("der_error", Value::opt(error.clone()));
            }
            None => {
                let why = Value::unknown(
                    "无法逐一找到证书中扩展项的编码",
                    "the extensions' encodings could not be told apart in the certificate",
                );
                e.set("der", why.clone());
                e.set("der_error", why);
            }
        }
        list.push(Value::Record(e.finish()));
        if let Some(error) = &decode_error {
            decode_errors.push(format!("{}: {error}", label(&name, &oid)));
        }
        // One fault, one finding: an extension that does not decode is
        // listed under decode errors only.
        if let (Some(Some(error)), None) = (&der_error, &decode_error) {
            der_errors.push(format!("{}: {error}", label(&name, &oid)));
        }
        if let Some(requirement) = criticality {
            let marked = if ext.critical { "critical" } else { "not critical" };
            criticality_errors.push(format!("{} is marked {marked} but {requirement}", label(&name, &oid)));
        }
        if is_identity {
            identity.push(identity_code(ext, &oid));
        }
        // Duplicates: the first occurrence gives the facts, as a relying
        // party reading the first would see; `duplicate_extensions` says so.
        if duplicates.contains(&oid) {
            continue;
        }
        if let Some(error) = decode_error {
            // Fail closed: what a broken extension would have said is unknown.
            if let Some(fact) = fact_of(&oid) {
                let why = Value::unknown(
                    format!("`{name}` 扩展项无法解码（{error}）"),
                    format!("the `{name}` extension does not decode ({error})"),
                );
                if fact == "basic_constraints" {
                    r.set("is_ca", why.clone());
                }
                r.set(fact, why);
            }
            continue;
        }
        if &*oid == FRESHEST_CRL {
            if let Ok((_, points)) = CRLDistributionPoints::from_der(ext.value) {
                r.set("freshest_crl", distribution_points(&points, ext.critical));
            }
            continue;
        }
        parsed_facts(parsed, ext.critical, r);
    }
    r.set("extensions", Value::List(list));
    r.set("duplicate_extensions", strs(duplicates));
    r.set("unknown_critical_extensions", strs(unknown_critical));
    r.set("extension_decode_errors", strs(decode_errors));
    r.set("extension_der_errors", strs(der_errors));
    r.set("extension_criticality_errors", strs(criticality_errors));
    r.set("identity_codes", Value::List(identity));
}

/// The fact an extension fills.
fn fact_of(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.29.19" => "basic_constraints",
        "2.5.29.15" => "key_usage",
        "2.5.29.37" => "extended_key_usage",
        "2.5.29.14" => "subject_key_id",
        "2.5.29.35" => "authority_key_id",
        "2.5.29.31" => "crl_distribution_points",
        "1.3.6.1.5.5.7.1.1" => "authority_info_access",
        "2.5.29.32" => "certificate_policies",
        "2.5.29.17" => "subject_alt_name",
        FRESHEST_CRL => "freshest_crl",
        _ => return None,
    })
}

/// The purposes of an extended key usage as OIDs, anyExtendedKeyUsage
/// (`2.5.29.37.0`) included.
pub(super) fn eku_purposes(eku: &ExtendedKeyUsage) -> Vec<Arc<str>> {
    let named = [
        (eku.any, "2.5.29.37.0"),
        (eku.server_auth, "1.3.6.1.5.5.7.3.1"),
        (eku.client_auth, "1.3.6.1.5.5.7.3.2"),
        (eku.code_signing, "1.3.6.1.5.5.7.3.3"),
        (eku.email_protection, "1.3.6.1.5.5.7.3.4"),
        (eku.time_stamping, "1.3.6.1.5.5.7.3.8"),
        (eku.ocsp_signing, "1.3.6.1.5.5.7.3.9"),
    ];
    named
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, oid)| Arc::<str>::from(*oid))
        .chain(eku.other.iter().map(|o| oid_text(o)))
        .collect()
}

/// CRL distribution points (and freshestCRL, of the same syntax).
fn distribution_points(points: &CRLDistributionPoints, critical: bool) -> Record {
    let mut uris = Vec::new();
    for p in points.iter() {
        if let Some(DistributionPointName::FullName(names)) = &p.distribution_point {
            uris.extend(names.iter().filter_map(uri));
        }
    }
    let mut c = RecordBuilder::new(CRL_DP);
    c.set("uris", strs(uris));
    c.set("count", points.points.len() as i64);
    c.set("critical", critical);
    c.finish()
}

fn parsed_facts(parsed: &ParsedExtension, critical: bool, r: &mut RecordBuilder) {
    match parsed {
        ParsedExtension::BasicConstraints(bc) => {
            let mut b = RecordBuilder::new(BASIC_CONSTRAINTS);
            b.set("ca", bc.ca);
            b.set("path_len", Value::opt(bc.path_len_constraint.map(i64::from)));
            b.set("critical", critical);
            r.set("basic_constraints", b.finish());
            r.set("is_ca", bc.ca);
        }
        ParsedExtension::KeyUsage(ku) => {
            let mut k = RecordBuilder::new(KEY_USAGE);
            k.set("digital_signature", ku.digital_signature());
            k.set("non_repudiation", ku.non_repudiation());
            k.set("key_encipherment", ku.key_encipherment());
            k.set("data_encipherment", ku.data_encipherment());
            k.set("key_agreement", ku.key_agreement());
            k.set("key_cert_sign", ku.key_cert_sign());
            k.set("crl_sign", ku.crl_sign());
            k.set("encipher_only", ku.encipher_only());
            k.set("decipher_only", ku.decipher_only());
            k.set("empty", ku.flags == 0);
            k.set("critical", critical);
            r.set("key_usage", k.finish());
        }
        ParsedExtension::ExtendedKeyUsage(eku) => {
            let purposes = eku_purposes(eku);
            let mut k = RecordBuilder::new(EXTENDED_KEY_USAGE);
            k.set("purposes", strs(purposes));
            k.set("critical", critical);
            r.set("extended_key_usage", k.finish());
        }
        ParsedExtension::SubjectKeyIdentifier(id) => {
            r.set("subject_key_id", hex(id.0));
        }
        ParsedExtension::AuthorityKeyIdentifier(aki) => {
            let mut a = RecordBuilder::new(AKI);
            a.set("key_id", Value::opt(aki.key_identifier.as_ref().map(|k| hex(k.0))));
            a.set(
                "issuer_and_serial",
                aki.authority_cert_issuer.is_some() && aki.authority_cert_serial.is_some(),
            );
            a.set("critical", critical);
            r.set("authority_key_id", a.finish());
        }
        ParsedExtension::CRLDistributionPoints(points) => {
            r.set("crl_distribution_points", distribution_points(points, critical));
        }
        ParsedExtension::AuthorityInfoAccess(aia) => {
            let mut ocsp = Vec::new();
            let mut issuers = Vec::new();
            for d in &aia.accessdescs {
                let target = match &*oid_text(&d.access_method) {
                    "1.3.6.1.5.5.7.48.1" => &mut ocsp,
                    "1.3.6.1.5.5.7.48.2" => &mut issuers,
                    _ => continue,
                };
                if let Some(u) = uri(&d.access_location) {
                    target.push(u);
                }
            }
            let mut a = RecordBuilder::new(AIA);
            a.set("ocsp", strs(ocsp));
            a.set("ca_issuers", strs(issuers));
            a.set("critical", critical);
            r.set("authority_info_access", a.finish());
        }
        ParsedExtension::CertificatePolicies(ps) => {
            let policies = ps
                .iter()
                .map(|p| {
                    let cps = p
                        .policy_qualifiers
                        .iter()
                        .flatten()
                        .filter(|q| &*oid_text(&q.policy_qualifier_id) == "1.3.6.1.5.5.7.2.1")
                        .filter_map(|q| der_text(q.qualifier, 0));
                    let mut pr = RecordBuilder::new(POLICY);
                    pr.set("oid", oid_text(&p.policy_id));
                    pr.set("cps", strs(cps));
                    Value::Record(pr.finish())
                })
                .collect();
            r.set("certificate_policies", Value::List(policies));
        }
        ParsedExtension::SubjectAlternativeName(san) => {
            let names = &san.general_names;
            let mut s = RecordBuilder::new(SAN);
            s.set(
                "dns",
                general_names(names, |g| match g {
                    GeneralName::DNSName(d) => Some((*d).to_string()),
                    _ => None,
                }),
            );
            s.set(
                "email",
                general_names(names, |g| match g {
                    GeneralName::RFC822Name(d) => Some((*d).to_string()),
                    _ => None,
                }),
            );
            s.set("uri", general_names(names, uri));
            s.set(
                "ip",
                general_names(names, |g| match g {
                    GeneralName::IPAddress(b) => Some(ip_text(b)),
                    _ => None,
                }),
            );
            s.set("count", names.len() as i64);
            s.set("critical", critical);
            r.set("subject_alt_name", s.finish());
        }
        _ => {}
    }
}
