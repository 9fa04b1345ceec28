//! certlex: the PRC law of electronic signatures as code.
//!
//! Pipeline: rule files are parsed ([`lang`]) and loaded into the law and a
//! rule set ([`load`]); inputs are read into subjects with typed facts
//! ([`facts`], [`input`]); the [`engine`] evaluates rules on facts under a
//! regime; [`report`] renders the findings. See ARCHITECTURE.md.

pub mod cli;
pub mod compiled;
pub mod config;
pub mod dates;
pub mod diag;
pub mod engine;
pub mod facts;
pub mod i18n;
pub mod input;
pub mod lang;
pub mod law;
pub mod limits;
pub mod load;
pub mod lsp;
pub mod report;
pub mod run;
pub mod scenario;
pub mod serve;
pub mod source;

/// The repository's root, for tests that read its files (the library's own
/// manifest is `core/Cargo.toml`, one level down).
#[cfg(test)]
pub(crate) fn repo() -> &'static std::path::Path {
    static REPO: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    REPO.get_or_init(|| {
        let up = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        up.canonicalize().unwrap_or(up)
    })
}
