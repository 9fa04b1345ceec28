use super::*;

fn ext(oid: &str, value: &[u8]) -> Option<String> {
    extension_error(oid, &RawExtension { value, error: None })
}

#[test]
fn key_usage_bits_follow_der() {
    // digitalSignature: one bit, seven unused.
    assert_eq!(ext("2.5.29.15", &[0x03, 0x02, 0x07, 0x80]), None);
    // keyCertSign and cRLSign: 0x06, one unused.
    assert_eq!(ext("2.5.29.15", &[0x03, 0x02, 0x01, 0x06]), None);
    // decipherOnly: the ninth bit, in a second octet.
    assert_eq!(ext("2.5.29.15", &[0x03, 0x03, 0x07, 0x80, 0x80]), None);
    // No bit at all is DER (an empty key usage is another rule's matter).
    assert_eq!(ext("2.5.29.15", &[0x03, 0x01, 0x00]), None);
    // zlint e_superfluous_ku_encoding: a trailing zero octet.
    assert!(
        ext("2.5.29.15", &[0x03, 0x03, 0x07, 0x06, 0x00])
            .unwrap()
            .contains("superfluous zero octet")
    );
    // zlint e_incorrect_ku_encoding: 5 unused bits where 7 are.
    assert!(
        ext("2.5.29.15", &[0x03, 0x02, 0x05, 0x80])
            .unwrap()
            .contains("says 5 unused bits")
    );
    // zlint e_key_usage_incorrect_length: four octets of bits.
    assert!(
        ext("2.5.29.15", &[0x03, 0x05, 0x07, 0x80, 0x00, 0x01, 0x80])
            .unwrap()
            .contains("at most two")
    );
    // Padding bits set.
    assert!(
        ext("2.5.29.15", &[0x03, 0x02, 0x07, 0x81])
            .unwrap()
            .contains("unused bits are not zero")
    );
}

#[test]
fn empty_sequences_that_size_1_to_max_forbids_fail() {
    for oid in [
        "2.5.29.17",
        "2.5.29.18",
        "2.5.29.37",
        "2.5.29.32",
        "2.5.29.31",
        "2.5.29.46",
        "1.3.6.1.5.5.7.1.1",
        "2.5.29.9",
    ] {
        assert!(ext(oid, &[0x30, 0x00]).unwrap().contains("empty SEQUENCE"), "{oid}");
    }
    // basicConstraints may be an empty SEQUENCE (cA FALSE, no path length).
    assert_eq!(ext("2.5.29.19", &[0x30, 0x00]), None);
    // A policy with an empty list of qualifiers.
    let policy = [0x30, 0x09, 0x30, 0x07, 0x06, 0x03, 0x55, 0x1d, 0x20, 0x30, 0x00];
    assert!(ext("2.5.29.32", &policy).unwrap().contains("qualifiers"));
}

#[test]
fn default_values_written_out_are_not_der() {
    assert!(
        ext("2.5.29.19", &[0x30, 0x03, 0x01, 0x01, 0x00])
            .unwrap()
            .contains("cA FALSE")
    );
    assert_eq!(ext("2.5.29.19", &[0x30, 0x03, 0x01, 0x01, 0xff]), None);
    assert!(
        ext("2.5.29.19", &[0x30, 0x03, 0x02, 0x01, 0xff])
            .unwrap()
            .contains("negative")
    );
    // The Extension's own `critical FALSE`.
    let der = [0x06, 0x03, 0x55, 0x1d, 0x11, 0x01, 0x01, 0x00, 0x04, 0x02, 0x30, 0x00];
    let raw = extension(&der).unwrap();
    assert!(extension_error("2.5.29.17", &raw).unwrap().contains("critical FALSE"));
}

#[test]
fn generic_der_rules_apply_to_every_extension() {
    // A non-minimal length, an indefinite length, a BOOLEAN of 01, an
    // INTEGER with a leading zero, trailing octets, a constructed string.
    assert!(ext("1.2.3.4", &[0x04, 0x81, 0x01, 0x00]).unwrap().contains("long form"));
    assert!(
        ext("1.2.3.4", &[0x30, 0x80, 0x00, 0x00])
            .unwrap()
            .contains("indefinite")
    );
    assert!(
        ext("1.2.3.4", &[0x30, 0x03, 0x01, 0x01, 0x01])
            .unwrap()
            .contains("BOOLEAN")
    );
    assert!(
        ext("1.2.3.4", &[0x02, 0x02, 0x00, 0x01])
            .unwrap()
            .contains("leading zero")
    );
    assert!(ext("1.2.3.4", &[0x05, 0x00, 0x05, 0x00]).unwrap().contains("follow"));
    assert!(
        ext("1.2.3.4", &[0x24, 0x03, 0x04, 0x01, 0x41])
            .unwrap()
            .contains("constructed")
    );
    assert!(ext("1.2.3.4", b"not der").is_some());
    assert_eq!(ext("1.2.3.4", &[0x0c, 0x02, b'o', b'k']), None);
}

#[test]
fn times_have_seconds_and_are_in_utc() {
    let utc = |t: &'static str| Time {
        generalized: false,
        text: t.as_bytes(),
    };
    let gen_ = |t: &'static str| Time {
        generalized: true,
        text: t.as_bytes(),
    };
    assert_eq!(utc("250101000000Z").error(), None);
    assert_eq!(gen_("20550101000000Z").error(), None);
    assert!(utc("2501010000Z").error().unwrap().contains("no seconds"));
    assert!(utc("160810142728-0500").error().unwrap().contains("no `Z`"));
    assert!(gen_("20560811122001-0600").error().unwrap().contains("no `Z`"));
    assert!(gen_("20550101000000.5Z").error().unwrap().contains("fractional"));
    assert!(gen_("205501010000Z").error().unwrap().contains("no seconds"));
}

#[test]
fn the_tbs_walk_finds_times_and_extensions_in_order() {
    use crate::facts::certificate::testcert::{Cert, key, key_usage, utc};
    let mut c = Cert::root("Root", key(1));
    c.not_before = utc("2501010000Z");
    c.extensions.push(key_usage(&[0x03, 0x03, 0x07, 0x06, 0x00]));
    let tbs_der = c.tbs();
    let raw = tbs(&tbs_der).unwrap();
    assert_eq!(raw.not_before.unwrap().written(), "2501010000Z");
    assert_eq!(raw.not_after.unwrap().written(), "300101000000Z");
    assert_eq!(raw.extensions.len(), 4);
    assert_eq!(extension_error("2.5.29.15", &raw.extensions[1]), None);
    assert!(extension_error("2.5.29.15", &raw.extensions[3]).is_some());
}

#[test]
fn a_signed_structure_has_its_three_fields_with_their_tags() {
    // SEQUENCE { SEQUENCE {}, SEQUENCE { OID 1.2, NULL }, BIT STRING 00 }
    let good = [
        0x30, 0x0c, 0x30, 0x00, 0x30, 0x05, 0x06, 0x01, 0x2a, 0x05, 0x00, 0x03, 0x01, 0x00,
    ];
    assert_eq!(signed_envelope(&good), Ok(()));
    // Parameters may be absent.
    let bare = [0x30, 0x0a, 0x30, 0x00, 0x30, 0x03, 0x06, 0x01, 0x2a, 0x03, 0x01, 0x00];
    assert_eq!(signed_envelope(&bare), Ok(()));
    let changed = |at: usize, to: u8| {
        let mut c = good;
        c[at] = to;
        signed_envelope(&c).unwrap_err()
    };
    assert!(changed(0, 0x31).contains("outer value has tag 0x31"));
    assert!(changed(2, 0x31).contains("signed part has tag 0x31"));
    assert!(changed(4, 0x70).contains("signature algorithm has tag 0x70"));
    assert!(changed(6, 0x07).contains("starts with tag 0x07"));
    assert!(changed(11, 0x43).contains("signature value has tag 0x43"));
    assert!(changed(13, 0x01).contains("1 unused bits"));
    // sha256WithRSAEncryption takes NULL: not another value of no length.
    let rsa = |param: u8| {
        let mut c = vec![0x30, 0x14, 0x30, 0x00, 0x30, 0x0d, 0x06, 0x09];
        c.extend([
            0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, param, 0x00, 0x03, 0x01, 0x00,
        ]);
        signed_envelope(&c)
    };
    assert_eq!(rsa(0x05), Ok(()));
    assert!(rsa(0x45).unwrap_err().contains("takes NULL or none"));
    // An algorithm certlex does not verify (OID 1.2) may have parameters of any kind.
    // An OCSP response may carry its certificates as a fourth field, [0].
    let mut certs = good.to_vec();
    certs[1] = 0x0e;
    certs.extend([0xa0, 0x00]);
    assert_eq!(ocsp_envelope(&certs), Ok(()));
    assert!(signed_envelope(&certs).unwrap_err().contains("4 fields"));
    let mut other = good;
    other[9] = 0x45;
    assert_eq!(signed_envelope(&other), Ok(()));
    // A fourth field, or two parameters.
    let four = [
        0x30, 0x0e, 0x30, 0x00, 0x30, 0x05, 0x06, 0x01, 0x2a, 0x05, 0x00, 0x03, 0x01, 0x00, 0x05, 0x00,
    ];
    assert!(signed_envelope(&four).unwrap_err().contains("4 fields"));
    let two = [
        0x30, 0x0e, 0x30, 0x00, 0x30, 0x07, 0x06, 0x01, 0x2a, 0x05, 0x00, 0x05, 0x00, 0x03, 0x01, 0x00,
    ];
    assert!(signed_envelope(&two).unwrap_err().contains("parameters"));
    // A length in the long form where the short one fits.
    let long = [
        0x30, 0x81, 0x0c, 0x30, 0x00, 0x30, 0x05, 0x06, 0x01, 0x2a, 0x05, 0x00, 0x03, 0x01, 0x00,
    ];
    assert!(signed_envelope(&long).unwrap_err().contains("long form"));
}
