//! What an X.509-family DER value is, told from its ASN.1 structure alone
//! (no parsing beyond the first few tags): a certificate, a to-be-signed
//! certificate, a PKCS#10 request, a CRL or an OCSP response. Each has the
//! same first octet (a SEQUENCE), so the file extension or the first byte
//! cannot tell them apart; the reader of the kind found then says what is
//! wrong with it.

use super::certificate::der::{Tlv, read};

/// One TLV as [`read`] reads it, or, when its length runs past the data (a
/// truncated file), the bytes there are: a cut CRL is still told as a CRL,
/// and its reader says it is cut.
fn lenient(input: &[u8]) -> Option<(Tlv<'_>, &[u8])> {
    if let Ok(ok) = read(input) {
        return Some(ok);
    }
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let skip = if first < 0x80 { 0 } else { usize::from(first & 0x7f) };
    let content = rest.get(skip..)?;
    Some((Tlv { tag, content }, &[]))
}

/// The kinds of DER certlex reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }`
    Certificate,
    /// A TBSCertificate alone: `SEQUENCE { [0] version?, serialNumber INTEGER, signature, issuer, … }`
    Tbs,
    /// `SEQUENCE { certificationRequestInfo SEQUENCE { version INTEGER, subject, subjectPKInfo, [0] attributes }, … }`
    Csr,
    /// `SEQUENCE { tbsCertList SEQUENCE { version?, signature, issuer, thisUpdate Time, … }, … }`
    Crl,
    /// `SEQUENCE { responseStatus ENUMERATED, [0] responseBytes? }` (RFC 6960 4.2.1)
    OcspResponse,
    /// None of these: read as a certificate, whose reader says what is wrong.
    Other,
}

const SEQUENCE: u8 = 0x30;
const INTEGER: u8 = 0x02;
const BIT_STRING: u8 = 0x03;
const ENUMERATED: u8 = 0x0a;
const CONTEXT_0: u8 = 0xa0;
const UTC_TIME: u8 = 0x17;
const GENERALIZED_TIME: u8 = 0x18;

/// The first `n` TLVs of a content, as far as they read.
fn children(mut content: &[u8], n: usize) -> Vec<Tlv<'_>> {
    let mut out = Vec::new();
    while out.len() < n && !content.is_empty() {
        let Some((tlv, rest)) = lenient(content) else { break };
        out.push(tlv);
        content = rest;
    }
    out
}

/// The shape of `der`: bytes after the outer value are ignored here (the
/// kind's reader reports them).
pub fn shape(der: &[u8]) -> Shape {
    let Some((outer, _)) = lenient(der) else {
        return Shape::Other;
    };
    if outer.tag != SEQUENCE {
        return Shape::Other;
    }
    let top = children(outer.content, 4);
    let tags: Vec<u8> = top.iter().map(|t| t.tag).collect();
    match tags.as_slice() {
        [ENUMERATED, ..] => Shape::OcspResponse,
        [CONTEXT_0, INTEGER, SEQUENCE, SEQUENCE] | [INTEGER, SEQUENCE, SEQUENCE, ..] => Shape::Tbs,
        [SEQUENCE, SEQUENCE, BIT_STRING] | [SEQUENCE, SEQUENCE] | [SEQUENCE] => {
            let inner = top.first().map(|t| children(t.content, 5)).unwrap_or_default();
            let inner: Vec<u8> = inner.iter().map(|t| t.tag).collect();
            if inner.iter().take(4).any(|t| matches!(*t, UTC_TIME | GENERALIZED_TIME)) {
                Shape::Crl
            } else if matches!(
                inner.as_slice(),
                // (three only when the request is cut short in its key)
                [INTEGER, SEQUENCE, SEQUENCE, CONTEXT_0] | [INTEGER, SEQUENCE, SEQUENCE]
            ) {
                Shape::Csr
            } else {
                Shape::Certificate
            }
        }
        _ => Shape::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(rel: &str) -> Vec<u8> {
        std::fs::read(crate::repo().join(rel)).unwrap()
    }

    #[test]
    fn each_kind_of_der_is_told_by_its_structure() {
        let cases = [
            ("corpus/certificates/good/rsa-ee.der", Shape::Certificate),
            ("corpus/pipeline/tbs/rsa-ee.tbs.der", Shape::Tbs),
            ("corpus/pipeline/csr/rsa.csr.der", Shape::Csr),
            ("corpus/pipeline/crl/rsa-root.crl.der", Shape::Crl),
            ("corpus/pipeline/ocsp/rsa-good.ocsp.der", Shape::OcspResponse),
            ("corpus/pipeline/ocsp/try-later.ocsp.der", Shape::OcspResponse),
        ];
        for (path, want) in cases {
            assert_eq!(shape(&fixture(path)), want, "{path}");
        }
    }

    #[test]
    fn a_truncated_value_is_told_by_what_is_there() {
        for (path, want) in [
            ("corpus/pipeline/crl/rsa-root.crl.der", Shape::Crl),
            ("corpus/pipeline/csr/rsa.csr.der", Shape::Csr),
            ("corpus/pipeline/tbs/rsa-ee.tbs.der", Shape::Tbs),
            ("corpus/pipeline/ocsp/rsa-good.ocsp.der", Shape::OcspResponse),
        ] {
            let der = fixture(path);
            let cut = der.get(..der.len() / 2).unwrap();
            assert_eq!(shape(cut), want, "{path}");
        }
    }

    #[test]
    fn a_sequence_of_anything_else_is_no_known_shape() {
        // SEQUENCE { INTEGER 1, UTF8String "x" }
        assert_eq!(shape(&[0x30, 0x06, 0x02, 0x01, 0x01, 0x0c, 0x01, b'x']), Shape::Other);
        assert_eq!(shape(&[0x30, 0x03, 0x0a, 0x01, 0x00]), Shape::OcspResponse);
        assert_eq!(shape(&[]), Shape::Other);
    }
}
