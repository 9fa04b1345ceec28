//! Distinguished names: attributes in any string type CAs use (UTF-8 and
//! BMPString Chinese names included) and the first of each common type.

use x509_parser::der_parser::asn1_rs::{Tag, ToDer as _};
use x509_parser::x509::{AttributeTypeAndValue, X509Name};

mod matching;

pub(crate) use matching::{MatchKey, match_key, names_match};

use super::schema::{ATTRIBUTE, NAME};
use super::{oid_name, oid_text};
use crate::facts::{Record, RecordBuilder, Value};

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
        // T.61 is read as Latin-1, which is what CAs put there in practice.
        Tag::TeletexString | Tag::VisibleString | Tag::GeneralString => {
            Some(data.iter().map(|b| char::from(*b)).collect())
        }
        Tag::Utf8String => std::str::from_utf8(data).ok().map(str::to_string),
        _ => None,
    }
}

pub(super) fn encoding_name(tag: Tag) -> String {
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

/// The attribute type as RFC 4514 writes it: its short name (RFC 4514 3's
/// table, and the usual names of a few more), else the dotted OID.
fn rfc4514_type(oid: &str) -> &str {
    match oid {
        "2.5.4.3" => "CN",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.6" => "C",
        "2.5.4.9" => "STREET",
        "0.9.2342.19200300.100.1.25" => "DC",
        "0.9.2342.19200300.100.1.1" => "UID",
        "2.5.4.4" => "SN",
        "2.5.4.42" => "GN",
        "2.5.4.5" => "serialNumber",
        "2.5.4.12" => "title",
        "2.5.4.15" => "businessCategory",
        "2.5.4.17" => "postalCode",
        "2.5.4.97" => "organizationIdentifier",
        "1.2.840.113549.1.9.1" => "emailAddress",
        other => other,
    }
}

/// A value escaped as RFC 4514 2.4 requires; UTF-8 (Chinese) is kept as is.
fn rfc4514_value(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let last = v.chars().count().saturating_sub(1);
    for (i, c) in v.chars().enumerate() {
        match c {
            '"' | '+' | ',' | ';' | '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '#' if i == 0 => out.push_str("\\#"),
            ' ' if i == 0 || i == last => out.push_str("\\ "),
            '\0' => out.push_str("\\00"),
            c => out.push(c),
        }
    }
    out
}

/// A name as one line in RFC 4514's form, most specific RDN first
/// (`CN=王五, O=某某科技有限公司, C=CN`); a value that is not text is `#`
/// and its DER in hexadecimal (RFC 4514 2.4).
pub(super) fn rfc4514(n: &X509Name) -> String {
    let rdns: Vec<String> = n
        .iter_rdn()
        .map(|rdn| {
            rdn.iter()
                .map(|attr| {
                    let oid = oid_text(attr.attr_type());
                    let value = match attr_text(attr) {
                        Some(t) => rfc4514_value(&t),
                        None => {
                            let any = attr.attr_value();
                            let der = any.to_der_vec().unwrap_or_else(|_| any.data.to_vec());
                            format!("#{}", super::hex(&der))
                        }
                    };
                    format!("{}={value}", rfc4514_type(&oid))
                })
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect();
    rdns.into_iter().rev().collect::<Vec<_>>().join(", ")
}

pub(crate) fn name(n: &X509Name) -> Record {
    let mut r = RecordBuilder::new(NAME);
    let mut attributes = Vec::new();
    let mut firsts: Vec<(&'static str, Value)> = Vec::new();
    for attr in n.iter_attributes() {
        let oid = oid_text(attr.attr_type());
        let text = attr_text(attr);
        let value = match &text {
            Some(t) => Value::str(t.as_str()),
            None => {
                let encoding = encoding_name(attr.attr_value().tag());
                Value::unknown(
                    format!("{encoding} 编码的值无法解码为文字"),
                    format!("the {encoding} value cannot be decoded as text"),
                )
            }
        };
        let field = match &*oid {
            "2.5.4.6" => Some("country"),
            "2.5.4.10" => Some("organization"),
            "2.5.4.11" => Some("organizational_unit"),
            "2.5.4.3" => Some("common_name"),
            "2.5.4.5" => Some("serial_number"),
            "2.5.4.8" => Some("state"),
            "2.5.4.7" => Some("locality"),
            "1.2.840.113549.1.9.1" => Some("email"),
            "2.5.4.97" => Some("organization_identifier"),
            _ => None,
        };
        if let Some(f) = field
            && !firsts.iter().any(|(n, _)| *n == f)
        {
            firsts.push((f, value.clone()));
        }
        let mut a = RecordBuilder::new(ATTRIBUTE);
        a.set("type", oid_name(attr.attr_type()));
        a.set("oid", oid);
        a.set("value", value);
        a.set("encoding", encoding_name(attr.attr_value().tag()));
        attributes.push(Value::Record(a.finish()));
    }
    for (f, v) in firsts {
        r.set(f, v);
    }
    r.set("text", rfc4514(n));
    r.set("empty", attributes.is_empty());
    r.set("attributes", Value::List(attributes));
    r.finish()
}
