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

#[cfg(test)]
mod tests {
    /// A run loads the built-in rules without the guards
    /// (`load::builtin_with`): sound only while the guards find nothing in
    /// them and change nothing that is loaded.
    #[test]
    fn the_builtin_rules_pass_every_guard() {
        let guarded = crate::load::load(&crate::load::embedded_files());
        let found: Vec<String> = guarded.diags.iter().map(crate::diag::Diag::render_plain).collect();
        assert!(found.is_empty(), "{found:#?}");
        let run = crate::load::builtin_with(&crate::limits::Limits::default());
        assert!(run.diags.is_empty());
        assert_eq!(format!("{:?}", guarded.rules), format!("{:?}", run.rules));
        assert!(run.rules.is_some());
    }
}
