//! What a certificate-shaped input is: a certificate, a to-be-signed
//! certificate (the TBSCertificate alone, which a CA lints before it signs,
//! as pkimetal's `/linttbscert` takes it) or a precertificate (RFC 6962
//! 3.1: a certificate with the critical poison extension, which a CA logs
//! before it issues). All three are read by the one certificate extractor:
//! a TBSCertificate is wrapped as a certificate with an empty signature, and
//! the facts about a signature say that there is none yet.

use super::ParseError;
use super::der::read;

/// The RFC 6962 poison extension (3.1), critical, value NULL.
pub const CT_POISON: &str = "1.3.6.1.4.1.11129.2.4.3";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Certificate,
    Tbs,
    Precertificate,
}

impl Form {
    /// The value of the `form` fact.
    pub fn word(self) -> &'static str {
        match self {
            Form::Certificate => "certificate",
            Form::Tbs => "tbs",
            Form::Precertificate => "precertificate",
        }
    }
}

/// A DER length.
fn length(n: usize, out: &mut Vec<u8>) {
    if n < 0x80 {
        out.push(n as u8);
        return;
    }
    let bytes: Vec<u8> = n.to_be_bytes().into_iter().skip_while(|b| *b == 0).collect();
    out.push(0x80 | bytes.len() as u8);
    out.extend(bytes);
}

/// The TBSCertificate `tbs` as a certificate: `SEQUENCE { tbs, signature
/// (the TBS's own algorithm), BIT STRING {} }`, so that the certificate
/// extractor reads it unchanged. The TBS itself is not touched.
pub(super) fn wrap(tbs: &[u8]) -> Result<Vec<u8>, ParseError> {
    let bad = |why: String| ParseError(format!("not a valid TBSCertificate: {why}"));
    let (seq, rest) = read(tbs).map_err(bad)?;
    if !rest.is_empty() {
        return Err(ParseError(format!(
            "{} bytes of data follow the TBSCertificate",
            rest.len()
        )));
    }
    // version [0] (optional), serialNumber, signature AlgorithmIdentifier
    let mut fields = seq.content;
    let mut algorithm = None;
    for _ in 0..3 {
        let (tlv, more) = read(fields).map_err(bad)?;
        let raw = fields.get(..fields.len() - more.len()).unwrap_or_default();
        fields = more;
        if tlv.tag == 0x30 {
            algorithm = Some(raw);
            break;
        }
    }
    let algorithm = algorithm.ok_or_else(|| bad("it has no signature algorithm".into()))?;
    let empty_signature = [0x03, 0x01, 0x00];
    let mut body = Vec::with_capacity(tbs.len() + algorithm.len() + 3);
    body.extend_from_slice(tbs);
    body.extend_from_slice(algorithm);
    body.extend_from_slice(&empty_signature);
    let mut out = vec![0x30];
    length(body.len(), &mut out);
    out.extend(body);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_written_in_the_shortest_form() {
        let mut out = Vec::new();
        length(0x7f, &mut out);
        length(0x80, &mut out);
        length(0x1234, &mut out);
        assert_eq!(out, [0x7f, 0x81, 0x80, 0x82, 0x12, 0x34]);
    }

    #[test]
    fn trailing_bytes_after_a_tbs_are_an_error() {
        let tbs = [0x30, 0x03, 0x02, 0x01, 0x01, 0x00];
        let e = wrap(&tbs).unwrap_err();
        assert!(e.0.contains("1 bytes of data follow"), "{}", e.0);
    }
}
