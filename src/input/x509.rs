//! One X.509-family DER value into a subject, by its ASN.1 structure
//! ([`crate::facts::shape`]): a certificate, a to-be-signed certificate, a
//! PKCS#10 request, a CRL or an OCSP response. Used for DER files and for the PEM blocks that
//! hold such values, whatever their label says.

use crate::diag::Diag;
use crate::facts::context::RunContext;
use crate::facts::shape::{Shape, shape};
use crate::facts::{Record, Subject, SubjectKind, certificate, crl, csr, ocsp};

const CERTIFICATE: &str = "an X.509 certificate";

/// Where a DER value comes from: a DER file, or a PEM block whose label
/// says what it holds (a `CERTIFICATE` block may hold a certificate or a
/// to-be-signed certificate: its structure tells).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    Der,
    Pem(Option<Shape>),
}

/// Read `der` (named `at` in messages: `file` or `file:line`) into a
/// subject called `name`.
pub fn subject(name: String, at: &str, der: &[u8], from: From, ctx: &RunContext) -> Result<Subject, Diag> {
    let shape = match from {
        From::Pem(Some(labelled)) => labelled,
        _ => shape(der),
    };
    let (kind, read, what): (SubjectKind, Result<Record, certificate::ParseError>, &str) = match shape {
        Shape::Certificate | Shape::Other => (SubjectKind::Certificate, certificate::extract(der, ctx), CERTIFICATE),
        Shape::Tbs => (
            SubjectKind::Certificate,
            certificate::extract_tbs(der, ctx),
            "a to-be-signed certificate (TBSCertificate)",
        ),
        Shape::Csr => (SubjectKind::Csr, csr::extract(der), "a PKCS#10 certification request"),
        Shape::Crl => (SubjectKind::Crl, crl::extract(der, ctx), "an X.509 CRL"),
        Shape::OcspResponse => (SubjectKind::Ocsp, ocsp::extract(der, ctx), "an OCSP response"),
    };
    match read {
        Ok(facts) => Ok(Subject {
            kind,
            name,
            source: None,
            facts,
            attestations: Vec::new(),
        }),
        Err(e) => Err(bad(at, &e.0, kind_help(what, from))),
    }
}

fn bad(at: &str, why: &str, (code, help): (&'static str, String)) -> Diag {
    Diag::error(code, format!("{at}: {why}")).help(help).zh(
        format!("{at}：无法读取（{why}）"),
        Some("输入的内容与其结构或标签所表明的类型不符，可能被截断或损坏"),
    )
}

/// The code and hint for a value that does not decode as what its structure says.
fn kind_help(what: &str, from: From) -> (&'static str, String) {
    match (what, from) {
        (what, From::Pem(Some(_))) => (
            "certlex::input::bad-der",
            format!(
                "the PEM block's label says it holds {what}, but its content does not decode as one; it may be truncated or damaged"
            ),
        ),
        (CERTIFICATE, From::Der) => (
            "certlex::input::bad-der",
            "the file starts like DER but is not a whole X.509 certificate; it may be truncated or another kind of DER"
                .into(),
        ),
        (CERTIFICATE, From::Pem(None)) => (
            "certlex::input::bad-certificate",
            "the PEM block decodes, but its content is not a valid X.509 certificate".into(),
        ),
        (what, _) => (
            "certlex::input::bad-der",
            format!("its structure is that of {what}, but it does not decode as one; it may be truncated or damaged"),
        ),
    }
}
