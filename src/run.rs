//! A run over files in two passes: pass 1 gathers the run context from
//! every input and `--issuers` (keeping only the DER of certificates that
//! can issue others, not every subject's facts, and what CA profiles state),
//! pass 2 reads each subject with the context and evaluates it. `certlex
//! check`, `certlex facts` and the scenario steps all build their context
//! here; the context's data lives with the facts (`facts::context`).

use rayon::prelude::*;
use x509_parser::certificate::X509Certificate;
use x509_parser::prelude::FromDer;

use crate::diag::Diag;
use crate::facts::context::{Issued, Origin, RunContext, may_issue};
use crate::input::{Candidate, Loaded, discover, load};
use crate::limits::Limits;

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
    let ders = crate::input::certificate_ders(bytes, limits);
    if origin == Origin::Input {
        for der in &ders {
            if let Ok((_, cert)) = X509Certificate::from_der(der) {
                ctx.add_issued(Issued::of(&cert));
            }
        }
    }
    ders.iter().filter(|der| ctx.add_certificate(der, origin)).count()
}

/// Files handled together: read in parallel, then handed on in order.
/// Bounded, so memory stays flat however large the corpus.
fn batch_size() -> usize {
    rayon::current_num_threads().max(1) * 64
}

/// What pass 1 keeps of one input file, worked out in parallel.
enum Found {
    /// Certificates that can issue others (DER), standard input's bytes, and
    /// what every certificate of the file tells of its issuer.
    Certificates(Vec<Vec<u8>>, Option<Vec<u8>>, Vec<Issued>),
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
    let mut issuers = Vec::new();
    let mut issued = Vec::new();
    for der in crate::input::certificate_ders(&bytes, limits) {
        let Ok((_, cert)) = X509Certificate::from_der(&der) else {
            continue;
        };
        issued.push(Issued::of(&cert));
        if may_issue(&cert) {
            issuers.push(der);
        }
    }
    let stdin = (c.path.as_os_str() == "-").then_some(bytes);
    Found::Certificates(issuers, stdin, issued)
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
                Found::Certificates(ders, stdin, issued) => {
                    for der in &ders {
                        g.context.add_certificate(der, Origin::Input);
                    }
                    for i in issued {
                        g.context.add_issued(i);
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
                        .help("`--issuers` takes PEM or DER certificates of the CAs that issued the inputs")
                        .zh(
                            format!("{}：没有找到证书", c.path.display()),
                            Some("`--issuers` 接受签发输入证书的 CA 的 PEM 或 DER 证书"),
                        ),
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

#[cfg(test)]
mod tests;
