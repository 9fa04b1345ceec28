//! Comparing distinguished names as RFC 5280 section 7.1 requires, not byte
//! for byte: attribute types by OID, each RDN as a set, and string values
//! after the LDAP string preparation of RFC 4518 (transcode to Unicode, map,
//! case fold, NFKC, prohibit, insignificant space handling). An issuer name
//! written as PrintableString matches its CA's UTF8String subject, and
//! `Example  CA` matches `EXAMPLE CA`, as relying parties such as OpenSSL
//! match them.
//!
//! Every name becomes a [`MatchKey`]: two names match exactly when their keys
//! are equal, so the issuer index can look names up in a hash map.

use std::cell::RefCell;
use std::collections::HashMap;

use stringprep::x520prep;
use unicode_normalization::UnicodeNormalization as _;
use x509_parser::der_parser::asn1_rs::Tag;
use x509_parser::x509::{AttributeTypeAndValue, X509Name};

/// A distinguished name in the form matching names share.
pub(crate) type MatchKey = Box<[u8]>;

/// The string types whose values are compared after string preparation:
/// the DirectoryString choices of X.520, and IA5String (emailAddress,
/// domainComponent: caseIgnoreIA5Match, RFC 5280 7.3) and the other
/// character strings CAs use.
fn is_text(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Utf8String
            | Tag::PrintableString
            | Tag::BmpString
            | Tag::UniversalString
            | Tag::TeletexString
            | Tag::Ia5String
            | Tag::VisibleString
            | Tag::NumericString
    )
}

/// RFC 4518 string preparation with case folding (RFC 5280 7.1: "the
/// mapping shall include case folding as specified in Appendix B.2 of
/// [RFC3454]"), NFKC, and insignificant space handling (RFC 4518 2.6.1:
/// leading and trailing spaces dropped, inner runs compared as one space).
/// `None` when the string has a prohibited character: it then matches only
/// itself, byte for byte.
pub(crate) fn prepare(text: &str) -> Option<String> {
    if text.trim_matches(' ').is_empty() {
        return Some(String::new());
    }
    if text.bytes().all(|b| (0x20..=0x7e).contains(&b)) {
        return Some(prepare_printable_ascii(text));
    }
    prepare_unicode(text)
}

/// [`prepare`] for printable ASCII, most names' text, without the Unicode
/// tables: RFC 4518 maps none of these characters, prohibits none, and
/// NFKC leaves them as they are, so preparation is ASCII case folding and
/// the space handling. (A unit test holds it equal to the full way.)
fn prepare_printable_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}

fn prepare_unicode(text: &str) -> Option<String> {
    let mapped = x520prep(text, true).ok()?;
    // Appendix B.2 folds to NFKC-ready text; RFC 4518 step 3 still applies NFKC.
    let normalized: String = mapped.nfkc().collect();
    Some(
        normalized
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// One attribute as compared: its type's OID, then the prepared text (`T`)
/// or, for values that are not text or fail preparation, the value's tag and
/// bytes (`R`), which then match only an identical encoding.
fn attribute_key(attr: &AttributeTypeAndValue) -> Vec<u8> {
    let oid = attr.attr_type().as_bytes();
    let value = attr.attr_value();
    let mut out = Vec::with_capacity(oid.len() + value.data.len() + 12);
    push_len(&mut out, oid);
    let prepared = is_text(value.tag())
        .then(|| super::attr_text(attr))
        .flatten()
        .and_then(|t| prepare(&t));
    match prepared {
        Some(p) => {
            out.push(b'T');
            push_len(&mut out, p.as_bytes());
        }
        None => {
            out.push(b'R');
            out.extend_from_slice(&value.tag().0.to_be_bytes());
            push_len(&mut out, value.data);
        }
    }
    out
}

fn push_len(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_be_bytes());
    out.extend_from_slice(bytes);
}

thread_local! {
    /// Keys of the names met lately, by their encoding: a corpus names the
    /// same few issuers in every certificate, and preparing a Chinese name
    /// (Unicode tables, NFKC) costs more than the rest of a name's facts.
    static KEYS: RefCell<HashMap<Box<[u8]>, MatchKey>> = RefCell::new(HashMap::new());
}

/// Most keys remembered per thread. The memory is emptied when full, so the
/// names that recur come back at once while a stream of unique subject names
/// never holds more than this.
const KEY_CACHE_LIMIT: usize = 256;

/// The longest name remembered, in DER bytes: real issuer names are a few
/// hundred; a hostile input's huge names are prepared each time, not kept.
const KEY_CACHE_NAME_BYTES: usize = 1024;

/// The key of a name: its RDNs in order, each RDN's attribute keys sorted
/// (an RDN is a set: RFC 5280 7.1 matches its attributes in any order).
pub(crate) fn match_key(name: &X509Name) -> MatchKey {
    let raw = name.as_raw();
    if let Some(hit) = KEYS.with_borrow(|m| m.get(raw).cloned()) {
        return hit;
    }
    let key = make_key(name);
    if raw.len() > KEY_CACHE_NAME_BYTES {
        return key;
    }
    KEYS.with_borrow_mut(|m| {
        if m.len() >= KEY_CACHE_LIMIT {
            m.clear();
        }
        m.insert(raw.into(), key.clone());
    });
    key
}

fn make_key(name: &X509Name) -> MatchKey {
    let mut out = Vec::new();
    for rdn in name.iter_rdn() {
        let mut attrs: Vec<Vec<u8>> = rdn.iter().map(attribute_key).collect();
        attrs.sort_unstable();
        out.extend_from_slice(&(attrs.len() as u64).to_be_bytes());
        for a in attrs {
            push_len(&mut out, &a);
        }
    }
    out.into_boxed_slice()
}

/// Do two names match (RFC 5280 7.1)? Equal encodings always do.
pub(crate) fn names_match(a: &X509Name, b: &X509Name) -> bool {
    a.as_raw() == b.as_raw() || match_key(a) == match_key(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::certificate::testcert::{Attr, name_der};
    use x509_parser::prelude::FromDer;

    fn matches(a: &[&[Attr]], b: &[&[Attr]]) -> bool {
        let (da, db) = (name_der(a), name_der(b));
        let (_, na) = X509Name::from_der(&da).unwrap();
        let (_, nb) = X509Name::from_der(&db).unwrap();
        names_match(&na, &nb)
    }

    #[test]
    fn printable_string_matches_utf8_string() {
        assert!(matches(
            &[&[Attr::printable("2.5.4.3", "Example CA")]],
            &[&[Attr::utf8("2.5.4.3", "Example CA")]]
        ));
        assert!(!matches(
            &[&[Attr::printable("2.5.4.3", "Example CA")]],
            &[&[Attr::utf8("2.5.4.3", "Example CB")]]
        ));
    }

    #[test]
    fn bmp_string_chinese_matches_utf8_chinese() {
        assert!(matches(
            &[&[Attr::bmp("2.5.4.10", "国家根证书")]],
            &[&[Attr::utf8("2.5.4.10", "国家根证书")]]
        ));
    }

    #[test]
    fn case_is_folded() {
        assert!(matches(
            &[&[Attr::utf8("2.5.4.3", "example ca")]],
            &[&[Attr::printable("2.5.4.3", "EXAMPLE CA")]]
        ));
        assert!(matches(
            &[&[Attr::utf8("2.5.4.3", "STRASSE")]],
            &[&[Attr::utf8("2.5.4.3", "straße")]]
        ));
    }

    #[test]
    fn insignificant_spaces_are_ignored_but_not_all_spaces() {
        assert!(matches(
            &[&[Attr::utf8("2.5.4.3", "  Example   CA ")]],
            &[&[Attr::utf8("2.5.4.3", "Example CA")]]
        ));
        assert!(!matches(
            &[&[Attr::utf8("2.5.4.3", "ExampleCA")]],
            &[&[Attr::utf8("2.5.4.3", "Example CA")]]
        ));
        // A no-break space and a tab are spaces (RFC 4518 2.2).
        assert!(matches(
            &[&[Attr::utf8("2.5.4.3", "Example\u{a0}\tCA")]],
            &[&[Attr::utf8("2.5.4.3", "Example CA")]]
        ));
    }

    #[test]
    fn compatibility_forms_are_normalized() {
        // Full-width letters, as Chinese CAs sometimes write them, fold by NFKC.
        assert!(matches(
            &[&[Attr::utf8("2.5.4.10", "ＣＦＣＡ")]],
            &[&[Attr::utf8("2.5.4.10", "CFCA")]]
        ));
    }

    #[test]
    fn multi_valued_rdns_match_in_any_order() {
        let cn = || Attr::utf8("2.5.4.3", "Example CA");
        let ou = || Attr::utf8("2.5.4.11", "PKI");
        assert!(matches(&[&[cn(), ou()]], &[&[ou(), cn()]]));
        // The same attributes split over two RDNs are another name.
        assert!(!matches(&[&[cn(), ou()]], &[&[cn()], &[ou()]]));
        // RDN order counts.
        assert!(!matches(&[&[cn()], &[ou()]], &[&[ou()], &[cn()]]));
    }

    #[test]
    fn attribute_types_are_compared_by_oid() {
        assert!(!matches(
            &[&[Attr::utf8("2.5.4.3", "Example")]],
            &[&[Attr::utf8("2.5.4.10", "Example")]]
        ));
    }

    #[test]
    fn a_value_that_is_not_text_matches_only_itself() {
        let raw = || Attr::raw("2.5.4.3", 0x04, b"Example");
        assert!(matches(&[&[raw()]], &[&[raw()]]));
        assert!(!matches(&[&[raw()]], &[&[Attr::utf8("2.5.4.3", "Example")]]));
    }

    #[test]
    fn printable_ascii_is_prepared_as_the_full_way_prepares_it() {
        let samples = [
            "Example CA",
            "  EXAMPLE   ca  ",
            "certlex Test RSA Root",
            "a!\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~Z",
            "x",
        ];
        for s in samples {
            assert_eq!(Some(prepare_printable_ascii(s)), prepare_unicode(s), "{s:?}");
        }
        // Every printable ASCII character alone and between letters.
        for b in 0x20u8..=0x7e {
            let s = format!("A{}b", b as char);
            assert_eq!(Some(prepare_printable_ascii(&s)), prepare_unicode(&s), "{s:?}");
        }
    }

    #[test]
    fn a_remembered_key_is_the_key_of_that_name() {
        // More names than the memory holds, each met twice, so keys are
        // served from it, and it is emptied and filled again in between.
        let ders: Vec<Vec<u8>> = (0..KEY_CACHE_LIMIT + 40)
            .map(|i| {
                name_der(&[
                    &[Attr::utf8("2.5.4.10", "测试认证")],
                    &[Attr::printable("2.5.4.3", &format!("CA {i}"))],
                ])
            })
            .collect();
        for round in 0..2 {
            for der in ders.iter().chain(ders.iter().rev()) {
                let (_, name) = X509Name::from_der(der).unwrap();
                assert_eq!(match_key(&name), make_key(&name), "round {round}");
            }
        }
        assert!(KEYS.with_borrow(|m| m.len()) <= KEY_CACHE_LIMIT);
        // A name longer than any issuer's is not kept.
        let long = name_der(&[&[Attr::utf8("2.5.4.3", &"x".repeat(KEY_CACHE_NAME_BYTES))]]);
        let (_, name) = X509Name::from_der(&long).unwrap();
        assert_eq!(match_key(&name), make_key(&name));
        assert!(KEYS.with_borrow(|m| !m.contains_key(name.as_raw())));
    }

    #[test]
    fn preparation_drops_what_rfc_4518_maps_to_nothing() {
        assert_eq!(prepare("Ex\u{ad}ample").as_deref(), Some("example"));
        assert_eq!(prepare("   ").as_deref(), Some(""));
        assert_eq!(prepare("a\u{e000}"), None, "private use is prohibited");
    }
}
