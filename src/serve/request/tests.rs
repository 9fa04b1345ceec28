#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "tests may fail loudly"
)]

use super::*;
use crate::serve::LINT;

const FORM: Option<&str> = Some("application/x-www-form-urlencoded");

fn cert() -> &'static Endpoint {
    LINT.iter().find(|e| e.path == "/lintcert").unwrap()
}

fn decode_with(query: Option<&str>, content_type: Option<&str>, body: &[u8]) -> Result<Request, Diag> {
    decode(
        cert(),
        &Raw {
            query,
            content_type,
            body,
        },
    )
}

fn error(query: Option<&str>, content_type: Option<&str>, body: &[u8]) -> Diag {
    decode_with(query, content_type, body).expect_err("an error")
}

#[test]
fn a_form_field_carries_base64_and_the_options() {
    let r = decode_with(
        Some("regime=draft-2024"),
        FORM,
        b"b64input=MIIB&at=2026-01-02&lang=zh&fail_on=warning&allow_undetermined=true&format=sarif",
    )
    .unwrap();
    assert_eq!(r.input.name, "b64input");
    assert_eq!(r.input.bytes, vec![0x30, 0x82, 0x01]);
    assert_eq!(r.options.regime.as_deref(), Some("draft-2024"));
    assert_eq!(r.options.at, crate::dates::parse_date("2026-01-02"));
    assert_eq!(r.options.lang, Some(Lang::Zh));
    assert_eq!(r.options.fail_on, Severity::Warning);
    assert!(r.options.allow_undetermined);
    assert_eq!(r.options.format, Format::Sarif);
}

#[test]
fn pkimetal_s_purpose_specific_name_is_accepted() {
    let r = decode_with(None, FORM, b"b64cert=MIIB").unwrap();
    assert_eq!(r.input.name, "b64cert");
    let e = error(None, FORM, b"b64cert=MIIB&b64input=MIIB");
    assert_eq!(e.code, "certlex::serve::repeated");
}

#[test]
fn pem_text_in_a_field_is_kept_as_text() {
    let pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    let body = format!(
        "b64input={}",
        form_urlencoded::byte_serialize(pem.as_bytes()).collect::<String>()
    );
    let r = decode_with(None, FORM, body.as_bytes()).unwrap();
    assert_eq!(r.input.bytes, pem.as_bytes());
}

#[test]
fn base64_may_be_wrapped_unpadded_or_url_safe() {
    for value in ["+/8=", "+/8", "-_8", "+/\n8=", "+/\r\n8="] {
        let i = base64_or_pem("b64input", value).unwrap();
        assert_eq!(i.bytes, vec![0xfb, 0xff], "{value:?}");
    }
}

#[test]
fn base64_mistakes_are_named_with_the_place() {
    let e = base64_or_pem("b64input", "MII B").unwrap_err();
    assert_eq!(e.code, "certlex::serve::bad-base64");
    assert!(e.message.contains("a space at character 4"), "{}", e.message);
    assert!(e.help.unwrap().contains("URL-encode"));
    let e = base64_or_pem("issuer #2", "MII*").unwrap_err();
    assert!(
        e.message.contains("`issuer #2` is not base64: `*` at character 4"),
        "{}",
        e.message
    );
    let e = base64_or_pem("b64input", "MIIBA").unwrap_err();
    assert!(e.message.contains("length"), "{}", e.message);
    let e = base64_or_pem("b64input", "+-").unwrap_err();
    assert!(e.message.contains("out of place"), "{}", e.message);
    assert_eq!(
        base64_or_pem("b64input", " \n").unwrap_err().code,
        "certlex::serve::empty"
    );
    let e = base64_or_pem("b64input", "==").unwrap_err();
    assert_eq!(e.code, "certlex::serve::empty");
    assert!(
        e.help.is_some(),
        "padding alone is empty, and the error says what to give"
    );
}

#[test]
fn a_raw_body_is_the_input_and_the_query_carries_the_options() {
    let r = decode_with(
        Some("format=text&issuer=MIIB"),
        Some("application/x-pem-file"),
        b"\x30\x03abc",
    )
    .unwrap();
    assert_eq!(r.input.name, "body");
    assert_eq!(r.input.bytes, b"\x30\x03abc");
    assert_eq!(r.options.format, Format::Human);
    assert_eq!(r.issuers.len(), 1);
    assert_eq!(r.issuers[0].name, "issuer #1");
}

#[test]
fn a_file_sent_as_a_form_is_the_input() {
    // `curl --data-binary @cert.pem` sends the file with the form's content type.
    let pem = b"-----BEGIN CERTIFICATE-----\nMIIB+/8=\n-----END CERTIFICATE-----\n";
    let r = decode_with(None, FORM, pem).unwrap();
    assert_eq!(r.input.name, "body");
    assert_eq!(r.input.bytes, pem);
    let yaml = b"name: Example CA\nregistered_capital_rmb: 30_000_000\n";
    assert_eq!(decode_with(None, FORM, yaml).unwrap().input.bytes, yaml);
}

#[test]
fn a_form_with_a_misspelt_name_is_not_taken_for_a_file() {
    let e = error(None, FORM, b"b64inptu=MIIB");
    assert_eq!(e.code, "certlex::serve::unknown-parameter");
    assert!(e.help.unwrap().starts_with("did you mean `b64input`?"));
    let e = error(None, FORM, b"b64input=MIIB&fail-on=warning");
    assert!(e.help.unwrap().starts_with("did you mean `fail_on`?"));
}

#[test]
fn wrong_values_say_what_the_parameter_takes() {
    for (query, takes) in [
        ("fail_on=fatal", "`error`, `warning` or `notice`"),
        ("format=html", "`json`, `jsonl`, `sarif`, `junit` or `text`"),
        ("lang=fr", "`zh` or `en`"),
        ("at=2026-13-01", "a date"),
        ("allow_undetermined=yes", "`true` or `false`"),
        ("regime=", "a regime"),
    ] {
        let e = error(Some(query), None, b"\x30");
        assert_eq!(e.code, "certlex::serve::bad-value", "{query}");
        assert!(e.help.as_deref().unwrap().contains(takes), "{query}: {:?}", e.help);
    }
}

#[test]
fn one_input_exactly() {
    assert_eq!(error(None, None, b"").code, "certlex::serve::no-input");
    assert_eq!(error(None, FORM, b"").code, "certlex::serve::no-input");
    assert_eq!(error(None, FORM, b"format=json").code, "certlex::serve::no-input");
    assert_eq!(
        error(Some("b64input=MIIB"), None, b"\x30").code,
        "certlex::serve::two-inputs"
    );
    assert_eq!(
        error(Some("regime=a&regime=b"), None, b"\x30").code,
        "certlex::serve::repeated"
    );
}

#[test]
fn issuers_repeat_and_are_decoded() {
    let r = decode_with(None, FORM, b"b64input=MIIB&issuer=MIIC&issuer=MIID").unwrap();
    assert_eq!(r.issuers.len(), 2);
    assert_eq!(r.issuers[1].name, "issuer #2");
    let e = error(None, FORM, b"b64input=MIIB&issuer=MI%20C");
    assert!(e.message.starts_with("`issuer #1` is not base64"), "{}", e.message);
}
