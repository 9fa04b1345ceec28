//! A run over inputs that reads each file once, in constant memory.
//!
//! 1. `--issuers` are read first: they serve every input.
//! 2. A scan walks the inputs without reading them, but for CA profiles
//!    (files named `.yaml` or `.yml`), read here so what they state (filed
//!    chains, approvals, filed rule statements) serves every input wherever
//!    it lies; their bytes are kept (up to [`PROFILE_BUDGET`]) so they are
//!    not read again.
//! 3. The stream reads the inputs in order, on all cores, a batch at a
//!    time. Each file enters a window as it is read, and its CA
//!    certificates (and what any other CA profile states) enter the run
//!    context at once; a file is read into subjects and evaluated when it
//!    leaves the window, [`WINDOW_FILES`] files (or [`WINDOW_BYTES`]) later,
//!    so a CA certificate serves the certificates after it and those up to
//!    a window before it. A run that fits in the window, as most do, sees
//!    its whole context. Items reach `visit` in input order.
//! 4. Rule statements read every input certificate's signature algorithm
//!    (ESL 31), which is known only at the end: one that must leave the
//!    window before the stream ends is held (its bytes, which are bounded)
//!    and evaluated last, after every other input.
//!
//! Standard input may be a stream of any length ([`crate::input::Stream`]).
//! The context's data lives with the facts (`facts::context`).

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;

use rayon::prelude::*;
use x509_parser::certificate::X509Certificate;
use x509_parser::prelude::FromDer;

use crate::diag::Diag;
use crate::facts::context::{Issued, Origin, RunContext, may_issue};
use crate::input::{Candidate, Content, Loaded, Piece, Read, Stretch, discover, load};
use crate::limits::Limits;

/// How many files wait in the window before they are evaluated.
pub const WINDOW_FILES: usize = 4096;
/// How many bytes the files waiting in the window may hold.
pub const WINDOW_BYTES: usize = 4 << 20;
/// How many bytes of CA profiles the scan keeps for the stream.
pub const PROFILE_BUDGET: usize = 16 << 20;

/// Pass 1 over one input's bytes: keep its certificates that can issue
/// others (all of them for `--issuers`), or take what a CA profile states.
/// Returns how many certificates were kept. Here, not a method of
/// `RunContext`, because it needs the input readers, which sit above the
/// facts and their context.
pub fn add_bytes(ctx: &mut RunContext, bytes: &[u8], origin: Origin, limits: &Limits) -> usize {
    // Not `input::detect`: pass 1 need not tell rule statements apart.
    if !crate::input::certificate_like(bytes) && crate::facts::profile::looks_like_profile(bytes) {
        crate::facts::profile::gather(ctx, bytes, limits);
        return 0;
    }
    if origin == Origin::Issuers {
        let ders = crate::input::certificate_ders(bytes, limits);
        return ders.iter().filter(|der| ctx.add_certificate(der, origin)).count();
    }
    let (issuers, issued) = certificates_of(crate::input::certificate_ders(bytes, limits));
    for i in issued {
        ctx.add_issued(i);
    }
    issuers.iter().filter(|der| ctx.add_certificate(der, origin)).count()
}

/// The context of a whole set of inputs, read up front (for callers that
/// read the inputs themselves; `each` builds its own as it streams).
#[derive(Debug, Default)]
pub struct Gathered {
    pub context: RunContext,
    /// `--issuers` paths that could not be read (inputs are reported when read).
    pub errors: Vec<Diag>,
}

/// Read `inputs` and `issuers` into a run context.
pub fn gather(inputs: &[PathBuf], issuers: &[PathBuf], limits: &Limits) -> Gathered {
    let mut g = Gathered::default();
    g.errors = add_issuers(&mut g.context, issuers, limits);
    for c in discover(inputs).flatten() {
        if let Loaded::Bytes(bytes) = load(&c, limits) {
            add_bytes(&mut g.context, &bytes, Origin::Input, limits);
        }
    }
    g
}

/// Every certificate of `issuers` (files or directories) into the context;
/// returns what could not be read.
fn add_issuers(ctx: &mut RunContext, issuers: &[PathBuf], limits: &Limits) -> Vec<Diag> {
    let mut errors = Vec::new();
    for c in discover(issuers) {
        let c: Candidate = match c {
            Ok(c) => c,
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        match load(&c, limits) {
            Loaded::Bytes(bytes) => {
                let found = crate::input::certificate_ders(&bytes, limits);
                if found.is_empty() && c.explicit {
                    errors.push(
                        Diag::error(
                            "certlex::input::no-issuer",
                            format!("{}: no certificate found", c.path.display()),
                        )
                        .help("`--issuers` takes PEM or DER certificates of the CAs that issued the inputs")
                        .zh(
                            format!("{}：没有找到证书", c.path.display()),
                            Some("`--issuers` 接受签发输入证书的 CA 的 PEM 或 DER 证书"),
                        ),
                    );
                }
                for der in &found {
                    ctx.add_certificate(der, Origin::Issuers);
                }
            }
            Loaded::Skipped(_) => {}
            Loaded::Error(d) => errors.push(d),
        }
    }
    errors
}

/// Files handled together: read in parallel, then handed on in order. The
/// findings of a batch are held until it is written, so it stays small.
/// A run over one file has nothing to share out: it starts no thread pool
/// (starting one was a tenth of a one-certificate process).
fn batch_size(scanned: &Scanned) -> usize {
    if scanned.files <= 1 && !scanned.stdin {
        return 1;
    }
    rayon::current_num_threads().max(1) * 32
}

/// `f` over `items` on all cores, in order; on this thread when there is at
/// most one (so a run over one file never starts the pool).
fn map_all<I: Send, T: Send>(items: Vec<I>, f: impl Fn(I) -> T + Sync + Send) -> Vec<T> {
    if items.len() < 2 {
        items.into_iter().map(f).collect()
    } else {
        items.into_par_iter().map(f).collect()
    }
}

/// Is this a file the scan reads for what a CA profile states?
fn named_like_profile(c: &Candidate) -> bool {
    c.path.as_os_str() != "-"
        && c.path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// What the scan found: how many files the stream will read, and the bytes
/// of the CA profiles it read (within the budget).
#[derive(Default)]
struct Scanned {
    files: usize,
    /// Standard input is among the inputs: a stream of any length.
    stdin: bool,
    profiles: HashMap<PathBuf, Vec<u8>>,
}

/// Step 2: walk the inputs; read only files named like CA profiles.
fn scan(ctx: &mut RunContext, inputs: &[PathBuf], limits: &Limits, progress: &(dyn Progress + Sync)) -> Scanned {
    let mut s = Scanned::default();
    let mut kept = 0;
    for c in discover(inputs).flatten() {
        s.files += 1;
        s.stdin |= c.path.as_os_str() == "-";
        progress.scanned();
        if !named_like_profile(&c) {
            continue;
        }
        let Loaded::Bytes(bytes) = load(&c, limits) else {
            continue;
        };
        if crate::input::certificate_like(&bytes) || !crate::facts::profile::looks_like_profile(&bytes) {
            continue;
        }
        crate::facts::profile::gather(ctx, &bytes, limits);
        if kept + bytes.len() <= PROFILE_BUDGET {
            kept += bytes.len();
            s.profiles.insert(c.path, bytes);
        }
    }
    s
}

/// Where the stream's inputs come from: the walk of the inputs, and
/// standard input cut into pieces when the walk reaches `-`.
enum Source {
    File(Candidate),
    Stdin(Piece),
    Error(Diag),
}

struct Sources<'a, W> {
    walk: W,
    stdin: Option<crate::input::Stream<std::io::StdinLock<'static>>>,
    limits: &'a Limits,
}

impl<W: Iterator<Item = Result<Candidate, Diag>>> Iterator for Sources<'_, W> {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        if let Some(stream) = &mut self.stdin {
            if let Some(piece) = stream.next() {
                return Some(Source::Stdin(piece));
            }
            self.stdin = None;
        }
        match self.walk.next()? {
            Ok(c) if c.path.as_os_str() == "-" => {
                self.stdin = Some(crate::input::Stream::new(std::io::stdin().lock(), self.limits));
                self.next()
            }
            Ok(c) => Some(Source::File(c)),
            Err(d) => Some(Source::Error(d)),
        }
    }
}

/// One input waiting in the window.
enum Unit {
    /// A file's bytes (or all of standard input's) and what they hold.
    File {
        name: String,
        bytes: Vec<u8>,
        content: Content,
        explicit: bool,
    },
    /// A stretch of standard input's stream.
    Stretch(Stretch),
    Error(Diag),
    Skipped {
        path: String,
        why: String,
    },
}

impl Unit {
    fn bytes(&self) -> usize {
        match self {
            Unit::File { bytes, .. } => bytes.len(),
            Unit::Stretch(s) => s.bytes.len(),
            Unit::Error(_) | Unit::Skipped { .. } => 0,
        }
    }

    fn is_statement(&self) -> bool {
        matches!(
            self,
            Unit::File {
                content: Content::RuleStatement,
                ..
            }
        )
    }
}

/// A unit as read, and what it adds to the run context.
struct Entering {
    unit: Unit,
    /// DER of its certificates that can issue others.
    issuers: Vec<Vec<u8>>,
    issued: Vec<Issued>,
    /// A CA profile the scan did not read: what it states enters the context.
    profile: bool,
}

impl Entering {
    fn of(unit: Unit) -> Self {
        Self {
            unit,
            issuers: Vec::new(),
            issued: Vec::new(),
            profile: false,
        }
    }
}

/// Read one source's bytes, and find what it adds to the context.
fn load_unit(source: Source, scanned: &Scanned, limits: &Limits) -> Entering {
    let (name, bytes, explicit) = match source {
        Source::Error(d) | Source::Stdin(Piece::Error(d)) => return Entering::of(Unit::Error(d)),
        Source::Stdin(Piece::Stretch(s)) => {
            let (issuers, issued) = certificates_of(crate::input::certificate_ders(&s.bytes, limits));
            return Entering {
                issuers,
                issued,
                ..Entering::of(Unit::Stretch(s))
            };
        }
        Source::Stdin(Piece::Whole(bytes)) => ("-".to_string(), bytes, true),
        Source::File(c) => {
            let name = c.path.display().to_string();
            if let Some(bytes) = scanned.profiles.get(&c.path) {
                let unit = Unit::File {
                    name,
                    bytes: bytes.clone(),
                    content: Content::CaProfile,
                    explicit: c.explicit,
                };
                return Entering::of(unit);
            }
            match load(&c, limits) {
                Loaded::Bytes(b) => (name, b, c.explicit),
                Loaded::Skipped(why) => return Entering::of(Unit::Skipped { path: name, why }),
                Loaded::Error(d) => return Entering::of(Unit::Error(d)),
            }
        }
    };
    let content = crate::input::detect(&bytes);
    let (issuers, issued) = match content {
        Content::Der | Content::Pem => certificates_of(crate::input::certificate_ders(&bytes, limits)),
        _ => (Vec::new(), Vec::new()),
    };
    Entering {
        issuers,
        issued,
        profile: content == Content::CaProfile,
        ..Entering::of(Unit::File {
            name,
            bytes,
            content,
            explicit,
        })
    }
}

/// The certificates of an input that may issue others (DER; the context
/// parses them whole before keeping them), and what each tells of its
/// issuer. Each is glanced at, not parsed (most are not CAs).
fn certificates_of(ders: Vec<Vec<u8>>) -> (Vec<Vec<u8>>, Vec<Issued>) {
    let mut issuers = Vec::new();
    let mut issued = Vec::with_capacity(ders.len());
    for der in ders {
        let may_issue = match crate::facts::certificate::glance(&der) {
            Some(g) => {
                issued.push(Issued::glanced(&g));
                g.may_issue
            }
            None => match X509Certificate::from_der(&der) {
                Ok((_, cert)) => {
                    issued.push(Issued::of(&cert));
                    may_issue(&cert)
                }
                Err(_) => false,
            },
        };
        if may_issue {
            issuers.push(der);
        }
    }
    (issuers, issued)
}

/// Read a unit into subjects with the context, and apply `work` to each.
fn evaluate<T>(
    unit: Unit,
    limits: &Limits,
    ctx: &RunContext,
    work: &(impl Fn(&crate::facts::Subject) -> T + Sync),
) -> Vec<Item<T>> {
    let (got, path): (Read, Option<String>) = match unit {
        Unit::Error(d) => return vec![Item::Error(d)],
        Unit::Skipped { path, why } => return vec![Item::Skipped { path, why }],
        Unit::Stretch(s) => (crate::input::read_stretch(s, limits, ctx), None),
        Unit::File {
            name,
            bytes,
            content,
            explicit,
        } => (
            crate::input::read_content(&name, bytes, content, explicit, limits, ctx),
            Some(name),
        ),
    };
    let mut items = Vec::with_capacity(got.subjects.len() + got.errors.len());
    if let (Some(why), Some(path)) = (got.skipped, path) {
        items.push(Item::Skipped { path, why });
    }
    items.extend(got.errors.into_iter().map(Item::Error));
    items.extend(got.subjects.into_iter().map(|s| {
        let t = work(&s);
        Item::Subject(s, t)
    }));
    items
}

/// One thing the stream yields: a subject to check with what `work` made
/// of it, an input that could not be read, or a file of a directory walk
/// that is not an input.
pub enum Item<T> {
    Subject(crate::facts::Subject, T),
    Error(Diag),
    Skipped { path: String, why: String },
}

/// What a long run tells a progress display. The scan walks every input
/// without reading it, so it counts the files without holding their paths;
/// the stream reports each file as it is read. Called from several threads.
pub trait Progress {
    /// The scan reached one more file.
    fn scanned(&self) {}
    /// The scan is done: the stream will read this many files.
    fn total(&self, _files: usize) {}
    /// The stream read one more file.
    fn read(&self) {}
}

/// No progress display.
pub struct Quiet;

impl Progress for Quiet {}

/// The files waiting to be evaluated, in input order.
#[derive(Default)]
struct Window {
    units: VecDeque<Unit>,
    bytes: usize,
    /// Rule statements that had to leave the window before the stream ended.
    held: Vec<Unit>,
}

impl Window {
    fn push(&mut self, unit: Unit) {
        self.bytes += unit.bytes();
        self.units.push_back(unit);
    }

    /// The units that leave the window: those over its bounds, or all of
    /// them when the stream has `ended`. Rule statements leaving early are held.
    fn leaving(&mut self, ended: bool, most: usize) -> Vec<Unit> {
        let mut out = Vec::new();
        while out.len() < most {
            let over = self.units.len() > WINDOW_FILES || self.bytes > WINDOW_BYTES;
            if !ended && !over {
                break;
            }
            let Some(unit) = self.units.pop_front() else { break };
            self.bytes -= unit.bytes();
            if !ended && unit.is_statement() {
                self.held.push(unit);
            } else {
                out.push(unit);
            }
        }
        out
    }
}

/// A whole run over files: `--issuers`, the scan, then the stream (see
/// the module's documentation). Each subject gets `work` on all cores;
/// every item then reaches `visit` in input order, a batch at a time.
/// Every command that checks files goes through here (`check`, `diff`,
/// `facts`); `work` is where the expensive part goes (evaluating the
/// rules), `visit` is where the ordered part goes (the report).
pub fn each<T: Send, E>(
    inputs: &[PathBuf],
    issuers: &[PathBuf],
    limits: &Limits,
    progress: &(dyn Progress + Sync),
    work: impl Fn(&crate::facts::Subject) -> T + Sync,
    mut visit: impl FnMut(Item<T>) -> Result<(), E>,
) -> Result<(), E> {
    let mut ctx = RunContext::new();
    for d in add_issuers(&mut ctx, issuers, limits) {
        visit(Item::Error(d))?;
    }
    let scanned = scan(&mut ctx, inputs, limits, progress);
    progress.total(scanned.files);
    let mut sources = Sources {
        walk: discover(inputs),
        stdin: None,
        limits,
    };
    let mut window = Window::default();
    let batch = batch_size(&scanned);
    loop {
        let next: Vec<Source> = sources.by_ref().take(batch).collect();
        let ended = next.is_empty();
        if ended {
            break;
        }
        let leaving = window.leaving(false, usize::MAX);
        let read = || {
            map_all(next, |s| {
                let from_file = matches!(s, Source::File(_));
                let l = load_unit(s, &scanned, limits);
                if from_file {
                    progress.read();
                }
                l
            })
        };
        // Read the next batch while the batch leaving the window is evaluated.
        let (loaded, done) = if leaving.is_empty() {
            (read(), Vec::new())
        } else {
            rayon::join(read, || map_all(leaving, |u| evaluate(u, limits, &ctx, &work)))
        };
        for item in done.into_iter().flatten() {
            visit(item)?;
        }
        for l in loaded {
            for der in &l.issuers {
                ctx.add_certificate(der, Origin::Input);
            }
            for i in l.issued {
                ctx.add_issued(i);
            }
            if l.profile
                && let Unit::File { bytes, .. } = &l.unit
            {
                crate::facts::profile::gather(&mut ctx, bytes, limits);
            }
            window.push(l.unit);
        }
    }
    // The stream has ended: the context is whole.
    let rest = window.leaving(true, usize::MAX);
    let held = std::mem::take(&mut window.held);
    let mut rest = rest.into_iter().chain(held).peekable();
    while rest.peek().is_some() {
        let part: Vec<Unit> = rest.by_ref().take(batch).collect();
        let done = map_all(part, |u| evaluate(u, limits, &ctx, &work));
        for item in done.into_iter().flatten() {
            visit(item)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
