//! Guardrails for people editing the law: checks that catch an edit which
//! would otherwise go silently wrong. Each check is a file of its own and
//! reports located diagnostics (`docs/rule-language.md`, "What `rules check`
//! catches"):
//!
//! - [`unverified`]: an article whose text is not available carries no
//!   heading, wording or items;
//! - [`provenance`]: every wording names its source and confidence;
//! - [`parameter_numbers`]: a parameter's value is a number its cited wording
//!   states (a warning);
//! - [`parameter_gaps`]: no rule is in force where a parameter it reads has no
//!   value, reported at the rule's use of the parameter.

mod amounts;
mod gaps;
mod numbers;
mod provenance;
mod unverified;

use std::sync::Arc;

use crate::lang::ast::Block;
use crate::source::SourceFile;

pub use gaps::parameter_gaps;
pub use numbers::parameter_numbers;
pub use provenance::provenance;
pub use unverified::unverified;

/// Blocks of one kind, each with its file.
pub type Blocks<'a> = [(&'a Block, &'a Arc<SourceFile>)];
