//! The run context: what one run knows across its inputs, for facts that one
//! subject cannot supply alone. A run has two passes: pass 1 gathers the
//! context from every input and `--issuers` (keeping only the DER of
//! certificates that can issue others, not every subject's facts), pass 2
//! reads each subject with the context and evaluates it. `certlex check`,
//! `certlex facts` and the scenario steps all build their context here.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use sha2::{Digest, Sha256};
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::ParsedExtension;
use x509_parser::prelude::FromDer;

use crate::diag::Diag;
use crate::facts::Value;
use crate::input::{Candidate, Limits, Loaded, discover, load};

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
    /// Approvals of foreign certification service providers (ESL 26) stated
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
    /// Rule statements filed with the regulator, as CA profiles of this run
    /// state them (`rule_statement.filing_number`): how a rule statement
    /// checked in the same run is matched with its CA. `None`: no CA
    /// profile in the run states one.
    pub filed_statements: Option<Vec<FiledStatement>>,
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
}

/// An issuer certificate's own place in its chain, as the walk up needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IssuerLink {
    /// Its signature verifies with its own key.
    pub self_signed: bool,
    /// The issuer (a position in the context) whose key verifies its signature.
    pub parent: Option<usize>,
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
        Self::default()
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
                "no CA profile in this run states approvals of foreign providers (ESL 26)",
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

    /// Record a filed certificate chain, e.g. from a CA profile.
    pub fn add_filed_chain(&mut self, c: FiledChain) {
        self.filed_chains.get_or_insert_with(Vec::new).push(c);
    }

    /// Record a filed rule statement, e.g. from a CA profile.
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

/// A filing number compared without spaces, so `〔2024〕0412 号` matches
/// `〔2024〕0412号`.
fn normalize_filing_number(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What pass 1 over files gave.
#[derive(Debug, Default)]
pub struct Gathered {
    pub context: RunContext,
    /// `--issuers` paths that could not be read (inputs are reported in pass 2).
    pub errors: Vec<Diag>,
    /// Standard input, read once in pass 1 when `-` is an input.
    pub stdin: Option<Vec<u8>>,
    /// How many input files pass 1 found (what pass 2 will read).
    pub files: usize,
}

impl RunContext {
    /// Pass 1 over one input's bytes: keep its certificates that can issue
    /// others (all of them for `--issuers`). Returns how many were kept.
    pub fn add_bytes(&mut self, bytes: &[u8], origin: Origin, limits: &Limits) -> usize {
        // Not `input::detect`: pass 1 need not tell rule statements apart.
        if !crate::input::certificate_like(bytes) && crate::facts::profile::looks_like_profile(bytes) {
            crate::facts::profile::gather(self, bytes, limits);
            return 0;
        }
        crate::input::certificate_ders(bytes, limits)
            .iter()
            .filter(|der| self.add_certificate(der, origin))
            .count()
    }
}

/// Files handled together: read in parallel, then handed on in order.
/// Bounded, so memory stays flat however large the corpus.
fn batch_size() -> usize {
    rayon::current_num_threads().max(1) * 64
}

/// What pass 1 keeps of one input file, worked out in parallel.
enum Found {
    /// Certificates that can issue others (DER), and standard input's bytes.
    Certificates(Vec<Vec<u8>>, Option<Vec<u8>>),
    /// A CA profile: read into the context in order, after the batch.
    Profile(Vec<u8>),
    Nothing,
}

fn pass_one(c: &Candidate, limits: &Limits) -> Found {
    let bytes = match load(c, limits) {
        Loaded::Bytes(b) => b,
        Loaded::Skipped(_) | Loaded::Error(_) => return Found::Nothing,
    };
    // Not `input::detect`: pass 1 need not tell rule statements apart.
    if !crate::input::certificate_like(&bytes) && crate::facts::profile::looks_like_profile(&bytes) {
        return Found::Profile(bytes);
    }
    let issuers = crate::input::certificate_ders(&bytes, limits)
        .into_iter()
        .filter(|der| X509Certificate::from_der(der).is_ok_and(|(_, cert)| may_issue(&cert)))
        .collect();
    let stdin = (c.path.as_os_str() == "-").then_some(bytes);
    Found::Certificates(issuers, stdin)
}

/// Pass 1 over files: the certificates of `inputs` that can issue others and
/// every certificate of `issuers` (files or directories). Files are read in
/// parallel; what they give enters the context in input order.
pub fn gather(
    inputs: &[std::path::PathBuf],
    issuers: &[std::path::PathBuf],
    limits: &Limits,
    progress: &(dyn Progress + Sync),
) -> Gathered {
    let mut g = Gathered::default();
    let mut walk = discover(inputs).flatten();
    loop {
        let batch: Vec<Candidate> = walk.by_ref().take(batch_size()).collect();
        if batch.is_empty() {
            break;
        }
        g.files += batch.len();
        let found: Vec<Found> = batch
            .par_iter()
            .map(|c| {
                progress.scanned();
                pass_one(c, limits)
            })
            .collect();
        for f in found {
            match f {
                Found::Certificates(ders, stdin) => {
                    for der in &ders {
                        g.context.add_certificate(der, Origin::Input);
                    }
                    if stdin.is_some() {
                        g.stdin = stdin;
                    }
                }
                Found::Profile(bytes) => crate::facts::profile::gather(&mut g.context, &bytes, limits),
                Found::Nothing => {}
            }
        }
    }
    for c in discover(issuers) {
        let c: Candidate = match c {
            Ok(c) => c,
            Err(d) => {
                g.errors.push(d);
                continue;
            }
        };
        match load(&c, limits) {
            Loaded::Bytes(bytes) => {
                let found = crate::input::certificate_ders(&bytes, limits);
                if found.is_empty() && c.explicit {
                    g.errors.push(
                        Diag::error(
                            "certlex::input::no-issuer",
                            format!("{}: no certificate found", c.path.display()),
                        )
                        .help("`--issuers` takes PEM or DER certificates of the CAs that issued the inputs"),
                    );
                }
                for der in &found {
                    g.context.add_certificate(der, Origin::Issuers);
                }
            }
            Loaded::Skipped(_) => {}
            Loaded::Error(d) => g.errors.push(d),
        }
    }
    g
}

/// One thing pass 2 yields: a subject to check with what `work` made of it,
/// an input that could not be read, or a file of a directory walk that is
/// not an input.
pub enum Item<T> {
    Subject(crate::facts::Subject, T),
    Error(Diag),
    Skipped { path: String, why: String },
}

/// What a long run tells a progress display. Pass 1 walks every input
/// anyway, so it counts the files without holding their paths; pass 2
/// reports each file as it is read. Called from several threads.
pub trait Progress {
    /// Pass 1 reached one more file.
    fn scanned(&self) {}
    /// Pass 1 is done: pass 2 will read this many files.
    fn total(&self, _files: usize) {}
    /// Pass 2 read one more file.
    fn read(&self) {}
}

/// No progress display.
pub struct Quiet;

impl Progress for Quiet {}

/// A whole run over files: pass 1 gathers the context; pass 2 reads each
/// input with it and applies `work` to each subject (both on all cores),
/// then hands every item to `visit` in input order, a batch at a time.
/// Every command that checks files goes through here (`check`, `diff`,
/// `facts`); `work` is where the expensive part goes (evaluating the rules),
/// `visit` is where the ordered part goes (the report).
pub fn each<T: Send, E>(
    inputs: &[std::path::PathBuf],
    issuers: &[std::path::PathBuf],
    limits: &Limits,
    progress: &(dyn Progress + Sync),
    work: impl Fn(&crate::facts::Subject) -> T + Sync,
    mut visit: impl FnMut(Item<T>) -> Result<(), E>,
) -> Result<(), E> {
    let gathered = gather(inputs, issuers, limits, progress);
    let ctx = &gathered.context;
    progress.total(gathered.files);
    for d in gathered.errors {
        visit(Item::Error(d))?;
    }
    let stdin = gathered.stdin.as_ref();
    let one = |candidate: Result<Candidate, Diag>| -> Vec<Item<T>> {
        let candidate = match candidate {
            Ok(c) => c,
            Err(d) => return vec![Item::Error(d)],
        };
        let got = match stdin {
            Some(bytes) if candidate.path.as_os_str() == "-" => {
                crate::input::read_bytes_as("-", bytes.clone(), true, limits, ctx)
            }
            _ => crate::input::read(&candidate, limits, ctx),
        };
        progress.read();
        let mut items = Vec::with_capacity(got.subjects.len() + got.errors.len());
        if let Some(why) = got.skipped {
            items.push(Item::Skipped {
                path: candidate.path.display().to_string(),
                why,
            });
        }
        items.extend(got.errors.into_iter().map(Item::Error));
        items.extend(got.subjects.into_iter().map(|s| {
            let t = work(&s);
            Item::Subject(s, t)
        }));
        items
    };
    let mut walk = discover(inputs);
    loop {
        let batch: Vec<Result<Candidate, Diag>> = walk.by_ref().take(batch_size()).collect();
        if batch.is_empty() {
            return Ok(());
        }
        let done: Vec<Vec<Item<T>>> = batch.into_par_iter().map(one).collect();
        for item in done.into_iter().flatten() {
            visit(item)?;
        }
    }
}

/// Can this certificate issue others? A CA (basic constraints cA), a
/// certificate whose key usage allows keyCertSign, or an X.509 v1/v2
/// certificate (old roots have no extensions to say so).
fn may_issue(cert: &X509Certificate) -> bool {
    if cert.tbs_certificate.version.0 < 2 {
        return true;
    }
    cert.extensions().iter().any(|e| match e.parsed_extension() {
        ParsedExtension::BasicConstraints(bc) => bc.ca,
        ParsedExtension::KeyUsage(ku) => ku.key_cert_sign(),
        _ => false,
    })
}

pub(crate) fn subject_key_id<'a>(cert: &X509Certificate<'a>) -> Option<&'a [u8]> {
    cert.extensions().iter().find_map(|e| match e.parsed_extension() {
        ParsedExtension::SubjectKeyIdentifier(k) => Some(k.0),
        _ => None,
    })
}

#[cfg(test)]
mod tests;
