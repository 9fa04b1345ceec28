//! The built-in rule set in its compact form ([`crate::compiled`]): the
//! build script loads `rules/` with this same loader, every check and guard
//! included, and writes the rule set; a run with the built-in rules reads it
//! instead of parsing and checking every rule file again.

use std::sync::Arc;

use crate::engine::RuleSet;
use crate::source::{SourceFile, by_name};

/// The compiled built-in rules the binary installed, read; `None` when there
/// are none or they do not read (the loader is then used).
pub(super) fn installed(files: &[Arc<SourceFile>]) -> Option<RuleSet> {
    from_bytes(crate::compiled::built()?.rules, files).ok()
}

/// A rule set from its compact form (written by
/// [`crate::compiled::to_bytes`]); the rules' origins are taken from `files`
/// by name (the embedded rule files, for the built-in rules).
pub fn from_bytes(bytes: &[u8], files: &[Arc<SourceFile>]) -> Result<RuleSet, String> {
    by_name::resolving(files, || crate::compiled::from_bytes(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiled::to_bytes;

    fn built() -> (Vec<Arc<SourceFile>>, RuleSet, Vec<u8>) {
        let files = super::super::embedded_files();
        let rules = super::super::load(&files).rules.unwrap();
        let bytes = to_bytes(&rules).unwrap();
        (files, rules, bytes)
    }

    #[test]
    fn the_compact_form_reads_back_as_the_same_rule_set() {
        let (files, rules, bytes) = built();
        let back = from_bytes(&bytes, &files).unwrap();
        // Debug shows every field of every rule, article and parameter.
        assert_eq!(format!("{back:?}"), format!("{rules:?}"));
        assert_eq!(to_bytes(&back).unwrap(), bytes);
    }

    #[test]
    fn an_origin_outside_the_files_given_is_an_error_not_a_guess() {
        let (files, _, bytes) = built();
        let fewer: Vec<_> = files.iter().skip(1).cloned().collect();
        // (postcard keeps no custom message: the error is all a caller sees,
        // and the loader then reads the files instead.)
        assert!(from_bytes(&bytes, &fewer).is_err());
    }

    #[test]
    fn damaged_bytes_are_an_error() {
        let (files, _, bytes) = built();
        assert!(from_bytes(bytes.get(..bytes.len() / 2).unwrap(), &files).is_err());
    }
}
