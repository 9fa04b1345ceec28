//! Certificate facts: the schema, and the extractor that reads them from a
//! DER certificate with x509-parser.

use x509_parser::certificate::X509Certificate;
use x509_parser::der_parser::asn1_rs::Tag;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::oid_registry::Oid;
use x509_parser::prelude::FromDer;
use x509_parser::x509::{AttributeTypeAndValue, X509Name};

use super::schema::{Field, Ty};
use super::value::{Record, RecordBuilder, Value};

const STRS: Ty = Ty::List(&Ty::Str);

static ATTRIBUTE: &[Field] = &[
    Field::new(
        "type",
        Ty::Str,
        "short name of the attribute type (`C`, `O`, `CN`, …) or its OID",
    ),
    Field::new("oid", Ty::Str, "OID of the attribute type"),
    Field::new("value", Ty::Str, "the value as text (absent if it cannot be decoded)"),
    Field::new(
        "encoding",
        Ty::Str,
        "ASN.1 string type: `UTF8String`, `PrintableString`, `BMPString`, …",
    ),
];

static NAME: &[Field] = &[
    Field::new("country", Ty::Str, "country (C), the first one"),
    Field::new("organization", Ty::Str, "organization (O), the first one"),
    Field::new(
        "organizational_unit",
        Ty::Str,
        "organizational unit (OU), the first one",
    ),
    Field::new("common_name", Ty::Str, "common name (CN), the first one"),
    Field::new("serial_number", Ty::Str, "serialNumber attribute (2.5.4.5)"),
    Field::new("state", Ty::Str, "state or province (ST)"),
    Field::new("locality", Ty::Str, "locality (L)"),
    Field::new("email", Ty::Str, "emailAddress attribute (1.2.840.113549.1.9.1)"),
    Field::new("empty", Ty::Bool, "the name has no attributes at all"),
    Field::new(
        "attributes",
        Ty::List(&Ty::Record(ATTRIBUTE)),
        "every attribute, in order",
    ),
];

static SERIAL: &[Field] = &[
    Field::new("hex", Ty::Str, "the serial number in hexadecimal, as encoded"),
    Field::new("length", Ty::Int, "length of the encoded INTEGER content in octets"),
    Field::new("positive", Ty::Bool, "the serial number is greater than zero"),
];

static ALGORITHM: &[Field] = &[
    Field::new("oid", Ty::Str, "OID, e.g. `1.2.156.10197.1.501` (SM2 with SM3)"),
    Field::new(
        "name",
        Ty::Str,
        "a readable name, e.g. `sm2-with-sm3`, `sha256WithRSAEncryption`",
    ),
];

static VALIDITY: &[Field] = &[
    Field::new("not_before", Ty::Date, "start of the validity period"),
    Field::new("not_after", Ty::Date, "end of the validity period"),
    Field::new("not_before_encoding", Ty::Str, "`UTCTime` or `GeneralizedTime`"),
    Field::new("not_after_encoding", Ty::Str, "`UTCTime` or `GeneralizedTime`"),
    Field::new("period", Ty::Duration, "length of the validity period, in whole days"),
];

static PUBLIC_KEY: &[Field] = &[
    Field::new("algorithm", Ty::Str, "`rsa`, `ec`, `sm2`, `ed25519`, `dsa` or the OID"),
    Field::new("oid", Ty::Str, "OID of the key algorithm"),
    Field::new(
        "curve",
        Ty::Str,
        "OID of the named curve (EC keys), e.g. `1.2.156.10197.1.301` for SM2",
    ),
    Field::new("bits", Ty::Int, "key size in bits (RSA modulus or curve size)"),
    Field::new("usable", Ty::Bool, "the key parses as a key of its algorithm"),
];

static EXTENSION: &[Field] = &[
    Field::new("oid", Ty::Str, "OID of the extension"),
    Field::new("name", Ty::Str, "short name, or the OID if certlex does not know it"),
    Field::new("critical", Ty::Bool, "marked critical"),
    Field::new("known", Ty::Bool, "certlex (x509-parser) can parse this extension"),
    Field::new("parses", Ty::Bool, "the extension's value parses"),
];

static BASIC_CONSTRAINTS: &[Field] = &[
    Field::new("ca", Ty::Bool, "cA flag"),
    Field::new("path_len", Ty::Int, "pathLenConstraint, if present"),
    Field::new("critical", Ty::Bool, "marked critical"),
];

static KEY_USAGE: &[Field] = &[
    Field::new("digital_signature", Ty::Bool, "digitalSignature"),
    Field::new("non_repudiation", Ty::Bool, "nonRepudiation (contentCommitment)"),
    Field::new("key_encipherment", Ty::Bool, "keyEncipherment"),
    Field::new("data_encipherment", Ty::Bool, "dataEncipherment"),
    Field::new("key_agreement", Ty::Bool, "keyAgreement"),
    Field::new("key_cert_sign", Ty::Bool, "keyCertSign"),
    Field::new("crl_sign", Ty::Bool, "cRLSign"),
    Field::new("encipher_only", Ty::Bool, "encipherOnly"),
    Field::new("decipher_only", Ty::Bool, "decipherOnly"),
    Field::new("critical", Ty::Bool, "marked critical"),
];

static EXTENDED_KEY_USAGE: &[Field] = &[
    Field::new("purposes", STRS, "OIDs of the key purposes"),
    Field::new("critical", Ty::Bool, "marked critical"),
];

static AKI: &[Field] = &[
    Field::new("key_id", Ty::Str, "keyIdentifier in hexadecimal"),
    Field::new("critical", Ty::Bool, "marked critical"),
];

static AIA: &[Field] = &[
    Field::new("ocsp", STRS, "OCSP responder URIs"),
    Field::new("ca_issuers", STRS, "caIssuers URIs"),
];

static SAN: &[Field] = &[
    Field::new("dns", STRS, "dNSName entries"),
    Field::new("email", STRS, "rfc822Name entries"),
    Field::new("uri", STRS, "uniformResourceIdentifier entries"),
    Field::new("ip", STRS, "iPAddress entries, as text"),
    Field::new("count", Ty::Int, "number of entries of any kind"),
    Field::new("critical", Ty::Bool, "marked critical"),
];

static SIGNATURE: &[Field] = &[Field::new(
    "verified",
    Ty::Bool,
    "the issuer's signature verifies with the issuer's public key; unknown when the issuer certificate is not available",
)];

/// The facts of a certificate.
pub static SCHEMA: &[Field] = &[
    Field::new("version", Ty::Int, "X.509 version: 1, 2 or 3"),
    Field::new("serial", Ty::Record(SERIAL), "the serial number"),
    Field::new(
        "signature_algorithm",
        Ty::Record(ALGORITHM),
        "the algorithm of the issuer's signature",
    ),
    Field::new(
        "issuer",
        Ty::Record(NAME),
        "the issuer's distinguished name: the certification service provider",
    ),
    Field::new(
        "subject",
        Ty::Record(NAME),
        "the subject's distinguished name: the certificate holder",
    ),
    Field::new("self_issued", Ty::Bool, "issuer and subject names are equal"),
    Field::new("validity", Ty::Record(VALIDITY), "the validity period"),
    Field::new(
        "public_key",
        Ty::Record(PUBLIC_KEY),
        "the holder's public key: the electronic signature verification data",
    ),
    Field::new(
        "extensions",
        Ty::List(&Ty::Record(EXTENSION)),
        "every extension, in order",
    ),
    Field::new(
        "duplicate_extensions",
        STRS,
        "OIDs of extensions that appear more than once",
    ),
    Field::new(
        "basic_constraints",
        Ty::Record(BASIC_CONSTRAINTS),
        "basic constraints (absent if the extension is absent)",
    ),
    Field::new(
        "key_usage",
        Ty::Record(KEY_USAGE),
        "key usage (absent if the extension is absent)",
    ),
    Field::new(
        "extended_key_usage",
        Ty::Record(EXTENDED_KEY_USAGE),
        "extended key usage (absent if absent)",
    ),
    Field::new("subject_key_id", Ty::Str, "subject key identifier in hexadecimal"),
    Field::new(
        "authority_key_id",
        Ty::Record(AKI),
        "authority key identifier (absent if absent)",
    ),
    Field::new("crl_distribution_points", STRS, "URIs of CRL distribution points"),
    Field::new(
        "authority_info_access",
        Ty::Record(AIA),
        "authority information access (absent if absent)",
    ),
    Field::new("certificate_policies", STRS, "OIDs of the certificate policies"),
    Field::new(
        "subject_alt_name",
        Ty::Record(SAN),
        "subject alternative names (absent if absent)",
    ),
    Field::new(
        "signature",
        Ty::Record(SIGNATURE),
        "the issuer's signature on this certificate",
    ),
];

/// Why a certificate could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError(pub String);

/// Read the facts of one DER-encoded certificate.
pub fn extract(der: &[u8]) -> Result<Record, ParseError> {
    let (rest, cert) =
        X509Certificate::from_der(der).map_err(|e| ParseError(format!("not a valid X.509 certificate: {e}")))?;
    if !rest.is_empty() {
        return Err(ParseError(format!(
            "{} bytes of data follow the certificate",
            rest.len()
        )));
    }
    Ok(facts(&cert))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

fn oid_name(oid: &Oid) -> String {
    x509_parser::objects::oid2sn(oid, x509_parser::objects::oid_registry())
        .map(str::to_string)
        .unwrap_or_else(|_| known_oid_name(&oid.to_id_string()).unwrap_or_else(|| oid.to_id_string()))
}

/// Names of OIDs that x509-parser's registry lacks (the Chinese SM algorithms).
fn known_oid_name(oid: &str) -> Option<String> {
    Some(
        match oid {
            "1.2.156.10197.1.501" => "sm2-with-sm3",
            "1.2.156.10197.1.301" => "sm2",
            "1.2.156.10197.1.401" => "sm3",
            _ => return None,
        }
        .to_string(),
    )
}

fn facts(cert: &X509Certificate) -> Record {
    let tbs = &cert.tbs_certificate;
    let mut r = RecordBuilder::new(SCHEMA);
    r.set("version", i64::from(tbs.version.0) + 1);
    r.set("serial", serial(tbs.raw_serial()));
    r.set("signature_algorithm", algorithm(&cert.signature_algorithm.algorithm));
    r.set("issuer", name(tbs.issuer()));
    r.set("subject", name(tbs.subject()));
    r.set("self_issued", tbs.issuer().as_raw() == tbs.subject().as_raw());
    r.set("validity", validity(cert));
    r.set("public_key", public_key(cert));
    extensions(cert, &mut r);
    r.set("signature", signature(cert));
    r.finish()
}

fn serial(raw: &[u8]) -> Record {
    let mut r = RecordBuilder::new(SERIAL);
    r.set("hex", hex(raw));
    r.set("length", raw.len() as i64);
    let negative = raw.first().is_some_and(|b| b & 0x80 != 0);
    let zero = raw.iter().all(|b| *b == 0);
    r.set("positive", !negative && !zero);
    r.finish()
}

fn algorithm(oid: &Oid) -> Record {
    let mut r = RecordBuilder::new(ALGORITHM);
    r.set("oid", oid.to_id_string());
    r.set("name", oid_name(oid));
    r.finish()
}

/// The text of an attribute value in any of the string types CAs use.
fn attr_text(attr: &AttributeTypeAndValue) -> Option<String> {
    if let Ok(s) = attr.as_str() {
        return Some(s.to_string());
    }
    let data = attr.attr_value().data;
    match attr.attr_value().tag() {
        Tag::BmpString => {
            let units: Vec<u16> = data
                .chunks_exact(2)
                .filter_map(|c| c.try_into().ok())
                .map(u16::from_be_bytes)
                .collect();
            String::from_utf16(&units).ok()
        }
        Tag::UniversalString => data
            .chunks_exact(4)
            .map(|c| {
                <[u8; 4]>::try_from(c)
                    .ok()
                    .and_then(|b| char::from_u32(u32::from_be_bytes(b)))
            })
            .collect(),
        Tag::TeletexString | Tag::VisibleString | Tag::GeneralString => {
            Some(data.iter().map(|b| char::from(*b)).collect())
        }
        _ => None,
    }
}

fn encoding_name(tag: Tag) -> String {
    match tag {
        Tag::Utf8String => "UTF8String".into(),
        Tag::PrintableString => "PrintableString".into(),
        Tag::Ia5String => "IA5String".into(),
        Tag::BmpString => "BMPString".into(),
        Tag::TeletexString => "TeletexString".into(),
        Tag::UniversalString => "UniversalString".into(),
        Tag::NumericString => "NumericString".into(),
        Tag::VisibleString => "VisibleString".into(),
        t => format!("{t}"),
    }
}

fn name(n: &X509Name) -> Record {
    let mut r = RecordBuilder::new(NAME);
    let mut attributes = Vec::new();
    let mut firsts: Vec<(&'static str, String)> = Vec::new();
    for attr in n.iter_attributes() {
        let oid = attr.attr_type().to_id_string();
        let text = attr_text(attr);
        let field = match oid.as_str() {
            "2.5.4.6" => Some("country"),
            "2.5.4.10" => Some("organization"),
            "2.5.4.11" => Some("organizational_unit"),
            "2.5.4.3" => Some("common_name"),
            "2.5.4.5" => Some("serial_number"),
            "2.5.4.8" => Some("state"),
            "2.5.4.7" => Some("locality"),
            "1.2.840.113549.1.9.1" => Some("email"),
            _ => None,
        };
        if let (Some(f), Some(t)) = (field, &text)
            && !firsts.iter().any(|(n, _)| *n == f)
        {
            firsts.push((f, t.clone()));
        }
        let mut a = RecordBuilder::new(ATTRIBUTE);
        a.set("type", oid_name(attr.attr_type()));
        a.set("oid", oid);
        a.set("value", Value::opt(text));
        a.set("encoding", encoding_name(attr.attr_value().tag()));
        attributes.push(Value::Record(a.finish()));
    }
    for (f, t) in firsts {
        r.set(f, t);
    }
    r.set("empty", attributes.is_empty());
    r.set("attributes", Value::List(attributes));
    r.finish()
}

fn validity(cert: &X509Certificate) -> Record {
    let v = cert.validity();
    let enc = |generalized: bool| if generalized { "GeneralizedTime" } else { "UTCTime" };
    let mut r = RecordBuilder::new(VALIDITY);
    let (nb, na) = (v.not_before.timestamp(), v.not_after.timestamp());
    r.set("not_before", Value::Date(nb));
    r.set("not_after", Value::Date(na));
    r.set("not_before_encoding", enc(v.not_before.is_generalizedtime()));
    r.set("not_after_encoding", enc(v.not_after.is_generalizedtime()));
    r.set("period", Value::Duration((na - nb).div_euclid(86_400)));
    r.finish()
}

fn public_key(cert: &X509Certificate) -> Record {
    use x509_parser::public_key::PublicKey;
    let spki = cert.public_key();
    let oid = spki.algorithm.algorithm.to_id_string();
    let curve = spki
        .algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.as_oid().ok())
        .map(|o| o.to_id_string());
    let mut r = RecordBuilder::new(PUBLIC_KEY);
    let algorithm = match (oid.as_str(), curve.as_deref()) {
        ("1.2.840.113549.1.1.1", _) => "rsa".to_string(),
        ("1.2.840.10045.2.1", Some("1.2.156.10197.1.301")) => "sm2".to_string(),
        ("1.2.840.10045.2.1", _) => "ec".to_string(),
        ("1.3.101.112", _) => "ed25519".to_string(),
        ("1.2.840.10040.4.1", _) => "dsa".to_string(),
        (other, _) => other.to_string(),
    };
    let parsed = spki.parsed();
    let bits = match &parsed {
        Ok(PublicKey::RSA(k)) => Some(k.key_size() as i64),
        Ok(PublicKey::EC(p)) => Some(p.key_size() as i64),
        Ok(PublicKey::DSA(_)) | Ok(PublicKey::GostR3410(_)) | Ok(PublicKey::GostR3410_2012(_)) => None,
        Ok(PublicKey::Unknown(_)) | Err(_) => None,
    };
    let usable = matches!(&parsed, Ok(PublicKey::RSA(_) | PublicKey::EC(_)))
        || (matches!(&parsed, Ok(PublicKey::Unknown(k)) if algorithm == "ed25519" && k.len() == 32));
    r.set("algorithm", algorithm);
    r.set("oid", oid);
    r.set("curve", Value::opt(curve));
    r.set("bits", Value::opt(bits));
    r.set("usable", usable);
    r.finish()
}

fn general_names<'a>(
    names: impl IntoIterator<Item = &'a GeneralName<'a>>,
    kind: fn(&GeneralName) -> Option<String>,
) -> Value {
    Value::List(names.into_iter().filter_map(kind).map(Value::from).collect())
}

fn uri(g: &GeneralName) -> Option<String> {
    match g {
        GeneralName::URI(u) => Some((*u).to_string()),
        _ => None,
    }
}

fn extensions(cert: &X509Certificate, r: &mut RecordBuilder) {
    let mut list = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut duplicates: Vec<String> = Vec::new();
    let mut crl_points = Vec::new();
    let mut policies = Vec::new();
    for ext in cert.extensions() {
        let oid = ext.oid.to_id_string();
        if seen.contains(&oid) {
            if !duplicates.contains(&oid) {
                duplicates.push(oid.clone());
            }
        } else {
            seen.push(oid.clone());
        }
        let parsed = ext.parsed_extension();
        let mut e = RecordBuilder::new(EXTENSION);
        e.set("oid", oid.clone());
        e.set("name", oid_name(&ext.oid));
        e.set("critical", ext.critical);
        e.set("known", !matches!(parsed, ParsedExtension::UnsupportedExtension { .. }));
        e.set("parses", !matches!(parsed, ParsedExtension::ParseError { .. }));
        list.push(Value::Record(e.finish()));
        match parsed {
            ParsedExtension::BasicConstraints(bc) => {
                let mut b = RecordBuilder::new(BASIC_CONSTRAINTS);
                b.set("ca", bc.ca);
                b.set("path_len", Value::opt(bc.path_len_constraint.map(i64::from)));
                b.set("critical", ext.critical);
                r.set("basic_constraints", b.finish());
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
                k.set("critical", ext.critical);
                r.set("key_usage", k.finish());
            }
            ParsedExtension::ExtendedKeyUsage(eku) => {
                let mut purposes = Vec::new();
                let std_purposes = [
                    (eku.any, "2.5.29.37.0"),
                    (eku.server_auth, "1.3.6.1.5.5.7.3.1"),
                    (eku.client_auth, "1.3.6.1.5.5.7.3.2"),
                    (eku.code_signing, "1.3.6.1.5.5.7.3.3"),
                    (eku.email_protection, "1.3.6.1.5.5.7.3.4"),
                    (eku.time_stamping, "1.3.6.1.5.5.7.3.8"),
                    (eku.ocsp_signing, "1.3.6.1.5.5.7.3.9"),
                ];
                for (on, oid) in std_purposes {
                    if on {
                        purposes.push(Value::from(oid));
                    }
                }
                purposes.extend(eku.other.iter().map(|o| Value::from(o.to_id_string())));
                let mut k = RecordBuilder::new(EXTENDED_KEY_USAGE);
                k.set("purposes", Value::List(purposes));
                k.set("critical", ext.critical);
                r.set("extended_key_usage", k.finish());
            }
            ParsedExtension::SubjectKeyIdentifier(id) => {
                r.set("subject_key_id", hex(id.0));
            }
            ParsedExtension::AuthorityKeyIdentifier(aki) => {
                let mut a = RecordBuilder::new(AKI);
                a.set("key_id", Value::opt(aki.key_identifier.as_ref().map(|k| hex(k.0))));
                a.set("critical", ext.critical);
                r.set("authority_key_id", a.finish());
            }
            ParsedExtension::CRLDistributionPoints(points) => {
                for p in points.iter() {
                    if let Some(x509_parser::extensions::DistributionPointName::FullName(names)) = &p.distribution_point
                    {
                        crl_points.extend(names.iter().filter_map(uri).map(Value::from));
                    }
                }
            }
            ParsedExtension::AuthorityInfoAccess(aia) => {
                let mut ocsp = Vec::new();
                let mut issuers = Vec::new();
                for d in &aia.accessdescs {
                    let target = match d.access_method.to_id_string().as_str() {
                        "1.3.6.1.5.5.7.48.1" => &mut ocsp,
                        "1.3.6.1.5.5.7.48.2" => &mut issuers,
                        _ => continue,
                    };
                    if let Some(u) = uri(&d.access_location) {
                        target.push(Value::from(u));
                    }
                }
                let mut a = RecordBuilder::new(AIA);
                a.set("ocsp", Value::List(ocsp));
                a.set("ca_issuers", Value::List(issuers));
                r.set("authority_info_access", a.finish());
            }
            ParsedExtension::CertificatePolicies(ps) => {
                policies.extend(ps.iter().map(|p| Value::from(p.policy_id.to_id_string())));
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
                s.set("critical", ext.critical);
                r.set("subject_alt_name", s.finish());
            }
            _ => {}
        }
    }
    r.set("extensions", Value::List(list));
    r.set(
        "duplicate_extensions",
        Value::List(duplicates.into_iter().map(Value::from).collect()),
    );
    r.set("crl_distribution_points", Value::List(crl_points));
    r.set("certificate_policies", Value::List(policies));
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

/// Without the issuer's certificate, the signature is unknown (never "valid").
fn signature(cert: &X509Certificate) -> Record {
    let mut r = RecordBuilder::new(SIGNATURE);
    let self_signed = cert.tbs_certificate.issuer().as_raw() == cert.tbs_certificate.subject().as_raw();
    let verified = if self_signed {
        match cert.verify_signature(None) {
            Ok(()) => Value::Bool(true),
            Err(x509_parser::error::X509Error::SignatureVerificationError) => Value::Bool(false),
            Err(e) => Value::unknown(format!("the signature algorithm cannot be verified here ({e})")),
        }
    } else {
        Value::unknown("the issuer's certificate is not available")
    };
    r.set("verified", verified);
    r.finish()
}
