//! Properties of `certlex serve`'s request decoder and lint, under generated
//! requests (proptest), without HTTP:
//!
//! - decoding is total: any query string, content type and body is decoded
//!   or named as wrong, never a panic, and a decoded input is never empty;
//! - base64 in a form field (padded or not, standard or URL-safe, wrapped)
//!   decodes to the bytes that were encoded;
//! - fail closed: arbitrary bytes, or a real certificate changed in one
//!   byte, are an error (400/413) or a report that is not conformant, never
//!   a pass, even with the issuer given.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::sync::{Arc, LazyLock};

use certlex::serve::request::{Raw, decode};
use certlex::serve::{Config, Endpoint, LINT, Service, lint};
use proptest::prelude::*;

#[path = "support/http.rs"]
mod http;

/// The service with the test CA's register, so its certificates can conform.
static SERVICE: LazyLock<Arc<Service>> = LazyLock::new(|| {
    http::install_test_register();
    Service::new(certlex::load::builtin().unwrap(), Config::default())
});

fn endpoint() -> impl Strategy<Value = &'static Endpoint> {
    (0..LINT.len()).prop_map(|i| &LINT[i])
}

fn content_type() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some("application/x-www-form-urlencoded".to_string())),
        Just(Some("APPLICATION/X-WWW-FORM-URLENCODED; charset=utf-8".to_string())),
        Just(Some("application/x-pem-file".to_string())),
        ".{0,30}".prop_map(Some),
    ]
}

/// Query strings and form bodies: names of the API, near misses and noise,
/// with values that are base64, PEM-like, dates or anything.
fn form_text() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        Just("b64input"),
        Just("b64cert"),
        Just("issuer"),
        Just("regime"),
        Just("at"),
        Just("lang"),
        Just("fail_on"),
        Just("format"),
        Just("allow_undetermined"),
        Just("b64inptu"),
        Just(""),
    ]
    .prop_map(str::to_string);
    let value = prop_oneof![
        "[A-Za-z0-9+/=%\\-_]{0,40}",
        Just("-----BEGIN CERTIFICATE-----%0AMIIB%0A-----END CERTIFICATE-----".to_string()),
        Just("2026-06-01".to_string()),
        ".{0,20}",
    ];
    prop::collection::vec((name, value), 0..5).prop_map(|pairs| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        form_text().prop_map(String::into_bytes),
        Just(std::fs::read(root().join("corpus/certificates/good/rsa-ee.pem")).unwrap()),
    ]
}

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn decoding_never_panics(
        e in endpoint(),
        query in prop::option::of(form_text()),
        ct in content_type(),
        body in body(),
    ) {
        let raw = Raw { query: query.as_deref(), content_type: ct.as_deref(), body: &body };
        match decode(e, &raw) {
            Ok(req) => prop_assert!(!req.input.bytes.is_empty()),
            Err(d) => {
                prop_assert!(d.code.starts_with("certlex::serve::"), "{}", d.code);
                prop_assert!(!d.message.is_empty());
                prop_assert!(d.help.is_some(), "{} has no hint", d.code);
            }
        }
    }

    #[test]
    fn base64_in_a_form_field_round_trips(
        bytes in prop::collection::vec(any::<u8>(), 1..400),
        url_safe in any::<bool>(),
        padded in any::<bool>(),
        wrap in prop::option::of((1usize..80, any::<bool>())),
    ) {
        let spec = match (url_safe, padded) {
            (false, true) => data_encoding::BASE64,
            (false, false) => data_encoding::BASE64_NOPAD,
            (true, true) => data_encoding::BASE64URL,
            (true, false) => data_encoding::BASE64URL_NOPAD,
        };
        let mut text = spec.encode(&bytes);
        if let Some((width, crlf)) = wrap {
            let chars: Vec<char> = text.chars().collect();
            let eol = if crlf { "\r\n" } else { "\n" };
            text = chars.chunks(width).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(eol);
        }
        let body = form_urlencoded::Serializer::new(String::new()).append_pair("b64input", &text).finish();
        let raw = Raw { query: None, content_type: Some("application/x-www-form-urlencoded"), body: body.as_bytes() };
        let req = decode(&LINT[0], &raw).unwrap();
        prop_assert_eq!(req.input.bytes, bytes);
    }
}

/// Lint `body` posted raw to `endpoint`, with `issuer` (PEM) if given:
/// `None` for an error answer, else whether the report is conformant.
fn conformant(e: &Endpoint, body: &[u8], issuer: Option<&str>) -> Option<bool> {
    conformant_at(e, body, issuer, "2026-06-01")
}

/// [`conformant`] at the check date `at`.
fn conformant_at(e: &Endpoint, body: &[u8], issuer: Option<&str>, at: &str) -> Option<bool> {
    let query = issuer.map(|pem| {
        form_urlencoded::Serializer::new(String::new())
            .append_pair("issuer", pem)
            .append_pair("at", at)
            .finish()
    });
    let raw = Raw {
        query: query.as_deref(),
        content_type: None,
        body,
    };
    let req = decode(e, &raw).ok()?;
    let answer = lint(&SERVICE, e, req).ok()?;
    let report: serde_json::Value = serde_json::from_slice(&answer.body).unwrap();
    Some(report["summary"]["conformant"].as_bool().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_pass(e in endpoint(), body in prop::collection::vec(any::<u8>(), 0..2000)) {
        prop_assert_ne!(conformant(e, &body, None), Some(true));
    }

    #[test]
    fn a_certificate_changed_in_one_byte_never_passes(at in any::<prop::sample::Index>(), xor in 1u8..=255) {
        let der = std::fs::read(root().join("corpus/certificates/good/rsa-ee.der")).unwrap();
        let issuer = std::fs::read_to_string(root().join("corpus/certificates/ca/rsa-root.pem")).unwrap();
        let mut changed = der.clone();
        changed[at.index(der.len())] ^= xor;
        prop_assert_ne!(conformant(&LINT[0], &changed, Some(&issuer)), Some(true));
    }

    #[test]
    fn a_crl_or_ocsp_response_changed_in_one_byte_never_passes(
        which in 0..2usize,
        at in any::<prop::sample::Index>(),
        xor in 1u8..=255,
    ) {
        let (path, date, body, relied_on) = REVOCATION[which];
        let der = std::fs::read(root().join(body)).unwrap();
        let issuer = std::fs::read_to_string(root().join("corpus/certificates/ca/rsa-root.pem")).unwrap();
        let mut changed = der.clone();
        changed[at.index(relied_on.unwrap_or(der.len()))] ^= xor;
        let e = LINT.iter().find(|e| e.path == path).unwrap();
        prop_assert_ne!(conformant_at(e, &changed, Some(&issuer), date), Some(true));
    }
}

/// A CRL and an OCSP response by rsa-root, with a check date when each is
/// current (the OCSP fixtures are made with the date `make.sh` runs on),
/// and where what a relying party relies on ends. The certificates an OCSP
/// response carries (`[0] certs`, from octet 562 here) are not signed, and
/// when the CA signs the response itself, as here, nothing uses them: a
/// change there changes nothing a relying party relies on (a certificate
/// that no longer decodes is still refused).
const REVOCATION: [(&str, &str, &str, Option<usize>); 2] = [
    ("/lintcrl", "2026-06-01", "corpus/pipeline/crl/rsa-root.crl.der", None),
    (
        "/lintocsp",
        "2026-11-28",
        "corpus/pipeline/ocsp/rsa-good.ocsp.der",
        Some(562),
    ),
];

/// The properties above mean something: the unchanged certificate with its
/// issuer does pass.
#[test]
fn the_unchanged_certificate_with_its_issuer_passes() {
    let der = std::fs::read(root().join("corpus/certificates/good/rsa-ee.der")).unwrap();
    let issuer = std::fs::read_to_string(root().join("corpus/certificates/ca/rsa-root.pem")).unwrap();
    assert_eq!(conformant(&LINT[0], &der, Some(&issuer)), Some(true));
    let issuer = std::fs::read_to_string(root().join("corpus/certificates/ca/rsa-root.pem")).unwrap();
    for (path, date, body, relied_on) in REVOCATION {
        let e = LINT.iter().find(|e| e.path == path).unwrap();
        let der = std::fs::read(root().join(body)).unwrap();
        if let Some(end) = relied_on {
            assert_eq!(der[end], 0xa0, "{body}: `[0] certs` starts at octet {end}");
        }
        assert_eq!(conformant_at(e, &der, Some(&issuer), date), Some(true), "{body}");
    }
}

/// What proptest once found (CI, stop 22): x509-parser does not look at the
/// tags of the fields outside the signed part, so a certificate with its
/// signature algorithm's SEQUENCE tag, OBJECT IDENTIFIER tag or signature
/// BIT STRING tag changed passed with a valid signature. Every one-bit
/// change to every tag outside the TBS is refused.
#[test]
fn a_changed_tag_outside_the_signed_part_never_passes() {
    let der = std::fs::read(root().join("corpus/certificates/good/rsa-ee.der")).unwrap();
    let issuer = std::fs::read_to_string(root().join("corpus/certificates/ca/rsa-root.pem")).unwrap();
    // 30 82 len len | TBS … | 30 0d 06 09 <oid> 05 00 | 03 82 01 01 …
    let tbs_len = usize::from(u16::from_be_bytes([der[6], der[7]])) + 4;
    let alg = 4 + tbs_len;
    let tags = [0, 4, alg, alg + 2, alg + 13, alg + 15];
    assert_eq!(
        tags.map(|i| der[i]),
        [0x30, 0x30, 0x30, 0x06, 0x05, 0x03],
        "the fixture's layout"
    );
    for at in tags {
        for bit in 0..8 {
            let mut changed = der.clone();
            changed[at] ^= 1 << bit;
            assert_ne!(
                conformant(&LINT[0], &changed, Some(&issuer)),
                Some(true),
                "octet {at} ({:#04x}) changed to {:#04x}",
                der[at],
                changed[at]
            );
        }
    }
}
