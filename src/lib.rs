//! certlex: the PRC law of electronic signatures as code.
//!
//! Pipeline: rule files are parsed ([`lang`]) and loaded into the law and a
//! rule set ([`load`]); inputs are read into subjects with typed facts
//! ([`facts`], [`input`]); the [`engine`] evaluates rules on facts under a
//! regime; [`report`] renders the findings. See ARCHITECTURE.md.

pub mod cli;
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
