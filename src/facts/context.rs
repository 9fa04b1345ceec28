//! The run context's data: what one run knows across its inputs, for facts
//! that one subject cannot supply alone (issuer certificates, approvals of
//! providers outside the mainland, filed chains, filed rule statements). Here, beside
//! the facts, because the readers of facts consult it; the run that fills
//! it (pass 1, `run::add_bytes`) and reads every subject with it
//! (pass 2) is `run`.

use crate::facts::register::{Identified, Link, Provider, Register};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use sha2::{Digest, Sha256};
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::ParsedExtension;
use x509_parser::prelude::FromDer;
use x509_parser::x509::X509Name;

use crate::facts::Value;

/// What a run knows beyond one subject.
#[derive(Debug, Default)]
pub struct RunContext {
    /// DER of the certificates that may have issued others.
    issuers: Vec<Arc<[u8]>>,
    /// Each issuer's subject key identifier, to match authority key ids.
    key_ids: Vec<Option<Box<[u8]>>>,
    /// Each issuer's own link up its chain, worked out once in pass 2 and
    /// shared by every certificate below it.
    links: Vec<OnceLock<IssuerLink>>,
    /// Issuer positions by their subject name, in the form names that match
    /// share (RFC 5280 7.1: a PrintableString issuer name finds its CA's
    /// UTF8String subject).
    by_subject: HashMap<crate::facts::certificate::MatchKey, Vec<usize>>,
    /// Issuer positions by their subject key identifier.
    by_key_id: HashMap<Box<[u8]>, Vec<usize>>,
    /// SHA-256 of every issuer kept, so one given twice is kept once.
    seen: HashSet<[u8; 32]>,
    /// Approvals of providers outside the mainland (ESL 26) stated
    /// by CA profiles in this run. `None`: no CA profile in the run states
    /// any, so whether an issuer is recognized is unknown.
    ///
    /// CA profiles fill this (and any further cross-subject data, such as the
    /// fingerprints of chains filed with the regulator) in pass 1; certificate
    /// facts read it in pass 2 (`issuer_recognized`).
    pub recognitions: Option<Vec<Recognition>>,
    /// Certificate chains filed with the regulator, as CA profiles of this
    /// run list them (`filed_chains`). `None`: no CA profile in the run lists
    /// any, so whether a chain is filed is unknown.
    pub filed_chains: Option<Vec<FiledChain>>,
    /// The providers CA profiles of this run describe (their CA
    /// certificates, jurisdiction and permit), asked before `register`.
    providers: Register,
    /// The register of providers of this process ([`Register::active`]).
    register: Arc<Register>,
    /// Rule statements filed with the regulator, as CA profiles of this run
    /// state them (`rule_statement.filing_number`): how a rule statement
    /// checked in the same run is matched with its CA. `None`: no CA
    /// profile in the run states one.
    pub filed_statements: Option<Vec<FiledStatement>>,
    /// The signature algorithms (dotted OIDs) of the input certificates of
    /// this run, by the CA that issued them: how a rule statement checked in
    /// the same run is held to the certificates of its own CA (its
    /// certificate profile, ESL 31). Kept per issuer, not per certificate,
    /// so it stays small however many certificates a run reads.
    issued_algorithms: std::collections::BTreeSet<(IssuedBy, String)>,
}

/// A certificate chain a CA profile says it filed with the regulator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiledChain {
    /// SHA-256 of a CA certificate of the chain, 64 lowercase hexadecimal digits.
    pub sha256: String,
    /// The chain's name in the profile.
    pub name: String,
    /// The CA whose profile lists it.
    pub ca: String,
    /// When it was filed (seconds since 1970), if the profile says.
    pub filed: Option<i64>,
}

/// A rule statement a CA profile says it published and filed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiledStatement {
    /// The filing record number (备案号).
    pub filing_number: String,
    /// The version the profile names, if any.
    pub version: Option<String>,
    /// The CA whose profile states it.
    pub ca: String,
    /// When it was filed (seconds since 1970), if the profile says.
    pub filed: Option<i64>,
}

/// Who issued a certificate: its authority key identifier, or its issuer
/// name as written (its DER; compared as names match, RFC 5280 7.1, only
/// when a rule statement asks, since a run has few distinct issuers).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum IssuedBy {
    KeyId(Box<[u8]>),
    Name(Box<[u8]>),
}

/// What one input certificate tells of its issuer: the algorithm it was
/// signed with, by the issuer's key identifier and by its name. Worked out
/// where the certificate is parsed (in parallel), added to the context after.
#[derive(Debug, Clone, Default)]
pub struct Issued(Vec<(IssuedBy, String)>);

impl Issued {
    pub fn of(cert: &X509Certificate) -> Self {
        let oid = crate::facts::certificate::oid_text(&cert.signature_algorithm.algorithm).to_string();
        let mut out = Vec::with_capacity(2);
        if let Some(id) = authority_key_id(cert) {
            out.push((IssuedBy::KeyId(id.into()), oid.clone()));
        }
        out.push((IssuedBy::Name(cert.tbs_certificate.issuer().as_raw().into()), oid));
        Self(out)
    }

    /// The same, from a glance at the certificate's DER.
    pub(crate) fn glanced(g: &crate::facts::certificate::Glance) -> Self {
        let alg = x509_parser::oid_registry::Oid::new(std::borrow::Cow::Borrowed(g.signature_algorithm));
        let oid = crate::facts::certificate::oid_text(&alg).to_string();
        let mut out = Vec::with_capacity(2);
        if let Some(id) = g.key_id {
            out.push((IssuedBy::KeyId(id.into()), oid.clone()));
        }
        out.push((IssuedBy::Name(g.issuer.into()), oid));
        Self(out)
    }
}

/// An approval (核准) of a certification service provider outside the PRC,
/// naming the provider as its certificates' issuer names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recognition {
    /// The issuer's organization (O), exactly as in its certificates.
    pub organization: String,
    /// The issuer's country (C); `None` matches any.
    pub country: Option<String>,
    /// The approval: a document number or reference, for reports.
    pub reference: String,
    /// When it was granted (seconds since 1970), if the profile says.
    pub approved: Option<i64>,
}

/// An issuer certificate's own place in its chain, as the walk up needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IssuerLink {
    /// Its signature verifies with its own key.
    pub self_signed: bool,
    /// The issuer (a position in the context) whose key verifies its signature.
    pub parent: Option<usize>,
    /// Its notBefore, for the register (an operating CA's time in service).
    pub not_before: Option<i64>,
}

/// Why a certificate is kept as a possible issuer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Named with `--issuers` or `Given the issuer certificate`: always kept.
    Issuers,
    /// An input of the run: kept only if it can issue certificates.
    Input,
}

impl RunContext {
    pub fn new() -> Self {
        Self {
            register: Register::active(),
            ..Self::default()
        }
    }

    /// With another register than the process's (tests).
    pub fn with_register(mut self, register: Arc<Register>) -> Self {
        self.register = register;
        self
    }

    /// Pass 1: consider one DER certificate. Returns whether it was kept.
    /// Certificates that do not parse are left for pass 2 to report.
    pub fn add_certificate(&mut self, der: &[u8], origin: Origin) -> bool {
        let Ok((_, cert)) = X509Certificate::from_der(der) else {
            return false;
        };
        if origin == Origin::Input && !may_issue(&cert) {
            return false;
        }
        let digest: [u8; 32] = Sha256::digest(der).into();
        if !self.seen.insert(digest) {
            return false;
        }
        let index = self.issuers.len();
        self.by_subject
            .entry(crate::facts::certificate::match_key(cert.tbs_certificate.subject()))
            .or_default()
            .push(index);
        if let Some(ski) = subject_key_id(&cert) {
            self.by_key_id.entry(ski.into()).or_default().push(index);
        }
        self.key_ids.push(subject_key_id(&cert).map(Into::into));
        // A link worked out before this certificate came found no parent:
        // it may find this one now.
        for cell in &mut self.links {
            if cell.get().is_some_and(|l| !l.self_signed && l.parent.is_none()) {
                cell.take();
            }
        }
        self.links.push(OnceLock::new());
        self.issuers.push(der.into());
        true
    }

    /// The DER of issuer `index`.
    pub(crate) fn issuer(&self, index: usize) -> Option<&Arc<[u8]>> {
        self.issuers.get(index)
    }

    /// Issuer `index`'s link up its chain, computed by `make` the first time.
    pub(crate) fn link(&self, index: usize, make: impl FnOnce() -> IssuerLink) -> Option<IssuerLink> {
        self.links.get(index).map(|cell| *cell.get_or_init(make))
    }

    /// How many certificates are kept as possible issuers.
    pub fn issuer_count(&self) -> usize {
        self.issuers.len()
    }

    /// The certificates that may have issued a certificate with this issuer
    /// name (its match key) and authority key identifier, as positions: those
    /// with that subject name, then those with that key identifier; a name
    /// match whose key identifier differs from `key_id` is left out.
    pub fn issuer_candidates(&self, issuer_name: &[u8], key_id: Option<&[u8]>) -> Vec<usize> {
        let mut picked: Vec<usize> = Vec::new();
        for &i in self.by_subject.get(issuer_name).into_iter().flatten() {
            let own = self.key_ids.get(i).and_then(Option::as_deref);
            let differs = matches!((key_id, own), (Some(want), Some(have)) if want != have);
            if !differs {
                picked.push(i);
            }
        }
        if let Some(k) = key_id {
            for &i in self.by_key_id.get(k).into_iter().flatten() {
                if !picked.contains(&i) {
                    picked.push(i);
                }
            }
        }
        picked
    }

    /// Every issuer whose subject name matches this one (its match key),
    /// whatever its key: how a key rollover is told from a missing issuer.
    pub(crate) fn named(&self, name: &[u8]) -> &[usize] {
        self.by_subject.get(name).map_or(&[], Vec::as_slice)
    }

    /// Whether a CA profile of this run approves the issuer named by
    /// `organization` and `country` (ESL 26): unknown when no CA profile in
    /// the run states approvals, since certlex cannot know of one otherwise.
    pub fn recognized(&self, organization: Option<&str>, country: Option<&str>) -> Value {
        let Some(list) = &self.recognitions else {
            return Value::unknown(
                "本次检查中没有机构概况载明对境外电子认证服务提供者的核准（电子签名法第二十六条）",
                "no CA profile in this run states approvals of providers established outside the mainland (ESL 26)",
            );
        };
        let Some(org) = organization else {
            return Value::Bool(false);
        };
        Value::Bool(
            list.iter()
                .any(|r| r.organization == org && r.country.as_deref().is_none_or(|c| Some(c) == country)),
        )
    }

    /// From when a CA profile of this run approves the issuer (see
    /// [`RunContext::recognized`]): the earliest approval date of the
    /// matching approvals; `None` when none matches, or one matching states
    /// no date (it holds at any date).
    pub fn recognized_since(&self, organization: Option<&str>, country: Option<&str>) -> Option<i64> {
        let org = organization?;
        earliest(
            self.recognitions
                .as_deref()?
                .iter()
                .filter(|r| r.organization == org && r.country.as_deref().is_none_or(|c| Some(c) == country))
                .map(|r| r.approved),
        )
    }

    /// Record an approval (ESL 26), e.g. from a CA profile.
    pub fn add_recognition(&mut self, r: Recognition) {
        self.recognitions.get_or_insert_with(Vec::new).push(r);
    }

    /// Whether a certificate's chain is among the chains CA profiles of this
    /// run say they filed: `fingerprints` are the SHA-256 of the
    /// certificate and of the CA certificates found above it; `complete`
    /// says the walk up reached a self-signed certificate. A match anywhere
    /// on the chain is a filed chain; no match on a complete chain is not;
    /// no match on an incomplete chain is unknown (the unseen part may be
    /// the filed one), and so is any chain when no profile lists filed chains.
    pub fn chain_filed(&self, fingerprints: &[String], complete: bool) -> Value {
        let Some(filed) = &self.filed_chains else {
            return Value::unknown(
                "本次检查中没有机构概况列出向主管部门备案的证书链；请将证书与其机构概况一同检查",
                "no CA profile in this run lists the chains filed with the regulator; check the certificates with their CA's profile",
            );
        };
        let matched = fingerprints
            .iter()
            .any(|fp| filed.iter().any(|c| c.sha256.eq_ignore_ascii_case(fp)));
        match (matched, complete) {
            (true, _) => Value::Bool(true),
            (false, true) => Value::Bool(false),
            (false, false) => Value::unknown(
                "输入中该证书以上的证书链不完整，已找到的证书都不属于备案的证书链；请用 `--issuers` 提供认证机构证书",
                "the chain above this certificate is not complete among the inputs, and no certificate found on it is a filed chain; give the CA certificates with `--issuers`",
            ),
        }
    }

    /// From when a chain of `fingerprints` is filed (see
    /// [`RunContext::chain_filed`]): the earliest filing date of the
    /// matching chains; `None` when none matches, or one matching states no
    /// date (it holds at any date).
    pub fn chain_filed_since(&self, fingerprints: &[String]) -> Option<i64> {
        earliest(
            self.filed_chains
                .as_deref()?
                .iter()
                .filter(|c| fingerprints.iter().any(|fp| c.sha256.eq_ignore_ascii_case(fp)))
                .map(|c| c.filed),
        )
    }

    /// The provider a CA certificate identifies (`chain[0]`, with the
    /// chain above it): from a CA profile of the run first, then the
    /// register.
    pub fn identify(&self, chain: &[Link]) -> Option<Identified<'_>> {
        self.providers.identify(chain).or_else(|| self.register.identify(chain))
    }

    /// Issuer `index`'s notBefore, once its link has been worked out.
    pub(crate) fn issuer_not_before(&self, index: usize) -> Option<i64> {
        self.links.get(index)?.get()?.not_before
    }

    /// Record a provider a CA profile of the run describes.
    pub fn add_provider(&mut self, p: Provider) {
        if self.providers.entry(&p.id).is_none() {
            self.providers.push(p);
        }
    }

    /// Record a filed certificate chain, e.g. from a CA profile.
    pub fn add_filed_chain(&mut self, c: FiledChain) {
        self.filed_chains.get_or_insert_with(Vec::new).push(c);
    }

    /// Record a filed rule statement, e.g. from a CA profile.
    /// Pass 1: what an input certificate tells of its issuer.
    pub fn add_issued(&mut self, issued: Issued) {
        self.issued_algorithms.extend(issued.0);
    }

    /// The signature algorithms (OIDs) of the input certificates issued by
    /// the CA certificate with this SHA-256 (64 hexadecimal digits): by its
    /// key identifier or its name. `None` when that certificate is not
    /// among the inputs or `--issuers`, so its certificates cannot be told.
    pub fn algorithms_issued_by(&self, sha256_hex: &str) -> Option<std::collections::BTreeSet<&str>> {
        let der = self
            .issuers
            .iter()
            .find(|der| data_encoding::HEXLOWER.encode(&Sha256::digest(der)) == sha256_hex)?;
        let (_, ca) = X509Certificate::from_der(der).ok()?;
        let name = crate::facts::certificate::match_key(ca.tbs_certificate.subject());
        let key_id = subject_key_id(&ca);
        let by = |who: &IssuedBy| match who {
            IssuedBy::KeyId(id) => key_id == Some(id.as_ref()),
            IssuedBy::Name(raw) => {
                X509Name::from_der(raw).is_ok_and(|(_, n)| crate::facts::certificate::match_key(&n) == name)
            }
        };
        Some(
            self.issued_algorithms
                .iter()
                .filter(|(who, _)| by(who))
                .map(|(_, oid)| oid.as_str())
                .collect(),
        )
    }

    /// Whether any input certificate of the run was seen in pass 1.
    pub fn has_input_certificates(&self) -> bool {
        !self.issued_algorithms.is_empty()
    }

    pub fn add_filed_statement(&mut self, s: FiledStatement) {
        self.filed_statements.get_or_insert_with(Vec::new).push(s);
    }

    /// The CA profile of this run that states a rule statement with this
    /// filing number, if any: how a rule statement is matched with its CA.
    pub fn statement_filed_by(&self, filing_number: &str) -> Option<&FiledStatement> {
        let wanted = normalize_filing_number(filing_number);
        self.filed_statements
            .as_ref()?
            .iter()
            .find(|s| normalize_filing_number(&s.filing_number) == wanted)
    }
}

/// The earliest of some dates; `None` when there are none, or one is unknown
/// (a record without a date holds at any date).
fn earliest(dates: impl Iterator<Item = Option<i64>>) -> Option<i64> {
    let mut out: Option<i64> = None;
    for d in dates {
        let d = d?;
        out = Some(out.map_or(d, |o| o.min(d)));
    }
    out
}

/// A filing number compared without spaces, so `〔2024〕0412 号` matches
/// `〔2024〕0412号`.
fn normalize_filing_number(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Can this certificate issue others? A CA (basic constraints cA), a
/// certificate whose key usage allows keyCertSign, or an X.509 v1/v2
/// certificate (old roots have no extensions to say so).
pub(crate) fn may_issue(cert: &X509Certificate) -> bool {
    if cert.tbs_certificate.version.0 < 2 {
        return true;
    }
    cert.extensions().iter().any(|e| match e.parsed_extension() {
        ParsedExtension::BasicConstraints(bc) => bc.ca,
        ParsedExtension::KeyUsage(ku) => ku.key_cert_sign(),
        _ => false,
    })
}

/// The key identifier of a certificate's authority key identifier extension.
fn authority_key_id<'a>(cert: &X509Certificate<'a>) -> Option<&'a [u8]> {
    cert.extensions().iter().find_map(|e| match e.parsed_extension() {
        ParsedExtension::AuthorityKeyIdentifier(a) => a.key_identifier.as_ref().map(|k| k.0),
        _ => None,
    })
}

pub(crate) fn subject_key_id<'a>(cert: &X509Certificate<'a>) -> Option<&'a [u8]> {
    cert.extensions().iter().find_map(|e| match e.parsed_extension() {
        ParsedExtension::SubjectKeyIdentifier(k) => Some(k.0),
        _ => None,
    })
}
