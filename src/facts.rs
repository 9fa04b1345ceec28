//! Facts: what certlex knows about a subject, typed by one schema per subject
//! kind. The schema is the contract between extractors (which build facts),
//! the rule loader (which checks every path a rule reads against it) and the
//! generated documentation (`docs/facts/*.md`).

pub mod as_of;
pub mod certificate;
pub mod context;
pub mod crl;
pub mod csr;
mod display;
pub mod ocsp;
pub mod profile;
pub mod register;
mod schema;
pub mod shape;
pub mod statement;
mod value;

pub use display::display;
pub use schema::{Docs, Field, Ty, lookup, markdown, scalar_ty};
pub use value::{Record, RecordBuilder, Value};

use std::fmt;

/// The kinds of subject certlex checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubjectKind {
    Certificate,
    CaProfile,
    RuleStatement,
    /// A PKCS#10 certification request (before issuance).
    Csr,
    /// A certificate revocation list (RFC 5280 section 5).
    Crl,
    /// An OCSP response (RFC 6960).
    Ocsp,
}

impl SubjectKind {
    pub const ALL: [SubjectKind; 6] = [
        Self::Certificate,
        Self::CaProfile,
        Self::RuleStatement,
        Self::Csr,
        Self::Crl,
        Self::Ocsp,
    ];

    /// The word used in rule files (`applies-to certificate`).
    pub fn word(self) -> &'static str {
        match self {
            Self::Certificate => "certificate",
            Self::CaProfile => "ca-profile",
            Self::RuleStatement => "rule-statement",
            Self::Csr => "csr",
            Self::Crl => "crl",
            Self::Ocsp => "ocsp",
        }
    }

    pub fn from_word(w: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.word() == w)
    }

    /// The fact schema of this kind: the fields of its root record.
    pub fn schema(self) -> &'static [Field] {
        match self {
            Self::Certificate => certificate::SCHEMA,
            Self::RuleStatement => statement::SCHEMA,
            Self::CaProfile => profile::SCHEMA,
            Self::Csr => csr::SCHEMA,
            Self::Crl => crl::SCHEMA,
            Self::Ocsp => ocsp::SCHEMA,
        }
    }

    /// The path of the fact that is a subject's own date (a certificate's
    /// notBefore, a rule statement's effective date), where the law judges
    /// what the subject contains; `None` for kinds without one (CA profiles
    /// are judged at the check date).
    pub fn own_date_fact(self) -> Option<&'static [&'static str]> {
        match self {
            Self::Certificate => Some(certificate::OWN_DATE),
            Self::RuleStatement => Some(statement::OWN_DATE),
            Self::Crl => Some(crl::OWN_DATE),
            Self::Ocsp => Some(ocsp::OWN_DATE),
            Self::CaProfile | Self::Csr => None,
        }
    }

    /// The path of the fact that says whether the subject's signature
    /// verifies with its issuer's key. When it does not, what the subject
    /// says of itself (its date, its kind, its issuer) is not its issuer's
    /// statement: the engine judges it at the check date, and its own facts
    /// cannot place it outside a rule's reach (a byte changed in a signed
    /// certificate must not make it pass).
    pub fn seal_fact(self) -> Option<&'static [&'static str]> {
        match self {
            Self::Certificate | Self::Crl | Self::Ocsp => Some(&["signature", "verified"]),
            Self::RuleStatement | Self::CaProfile | Self::Csr => None,
        }
    }

    /// The own-date fact as field positions in the kind's schema.
    pub fn own_date_positions(self) -> Option<Vec<usize>> {
        self.positions(self.own_date_fact()?)
    }

    /// The seal fact as field positions in the kind's schema.
    pub fn seal_positions(self) -> Option<Vec<usize>> {
        self.positions(self.seal_fact()?)
    }

    /// A fact's path as field positions in the kind's schema.
    fn positions(self, path: &[&str]) -> Option<Vec<usize>> {
        let mut fields = self.schema();
        let mut out = Vec::new();
        for name in path {
            let (i, f) = lookup(fields, name)?;
            out.push(i);
            if let Ty::Record(sub) = f.ty {
                fields = sub;
            }
        }
        Some(out)
    }

    /// How reports name the kind.
    pub fn name(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Self::Certificate => lang.pick("证书", "certificate"),
            Self::CaProfile => lang.pick("电子认证服务机构概况", "CA profile"),
            Self::RuleStatement => lang.pick("电子认证业务规则", "rule statement"),
            Self::Csr => lang.pick("证书申请", "certification request"),
            Self::Crl => lang.pick("证书撤销列表", "CRL"),
            Self::Ocsp => lang.pick("OCSP 响应", "OCSP response"),
        }
    }
}

impl fmt::Display for SubjectKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// One thing being checked: a certificate, a CA profile, a rule statement, a
/// certification request, a CRL or an OCSP response,
/// with its facts and (for YAML and Markdown) the text they were read from.
#[derive(Debug, Clone)]
pub struct Subject {
    pub kind: SubjectKind,
    /// How reports name it: a path, `path#2` for the second certificate of a file.
    pub name: String,
    pub source: Option<std::sync::Arc<crate::source::SourceFile>>,
    pub facts: Record,
    /// Evidence named for duties only a person can judge (`attest` rules).
    pub attestations: Vec<Attestation>,
}

impl Subject {
    /// The date at `positions` in the facts (see
    /// [`SubjectKind::own_date_positions`]), when it is stated and known.
    pub fn date_at(&self, positions: &[usize]) -> Option<time::Date> {
        match self.value_at(positions)? {
            Value::Date(secs) => crate::dates::date_of(*secs),
            _ => None,
        }
    }

    /// Whether the subject's signature is known not to verify (see
    /// [`SubjectKind::seal_positions`]); false when it verifies or is unknown.
    pub fn seal_broken(&self, positions: &[usize]) -> bool {
        matches!(self.value_at(positions), Some(Value::Bool(false)))
    }

    fn value_at(&self, positions: &[usize]) -> Option<&Value> {
        let (last, path) = positions.split_last()?;
        let mut record = &self.facts;
        for &i in path {
            match record.get(i) {
                Value::Record(r) => record = r,
                _ => return None,
            }
        }
        Some(record.get(*last))
    }

    /// The file the subject was read from: its name less a `#2` block number.
    pub fn file(&self) -> &str {
        file_of(&self.name)
    }
}

/// The file of a subject name: `a.pem#2` → `a.pem`.
pub fn file_of(name: &str) -> &str {
    match name.rsplit_once('#') {
        Some((path, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => path,
        _ => name,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attestation {
    pub rule: String,
    pub evidence: String,
    pub span: Option<crate::source::Span>,
}
