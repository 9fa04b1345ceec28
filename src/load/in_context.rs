//! Checking a few rule files in the context of a whole rule set (`certlex
//! rules check FILE…`): each file takes the place of the set's file at the
//! same path, or is added to the set, and the set is loaded; only the checked
//! files' own diagnostics are reported, with a count of the errors they cause
//! elsewhere (a removed article that a rule in another file cites).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::load_with;
use crate::diag::Diag;
use crate::limits::Limits;
use crate::source::SourceFile;

/// What checking files in context found.
pub struct InContext {
    /// The diagnostics located in the checked files.
    pub diags: Vec<Diag>,
    /// Errors in the set's other files once the checked files are in it.
    pub errors_elsewhere: usize,
    /// For each checked file, the name of the set's file it took the place of.
    pub replaced: Vec<Option<String>>,
    /// The rule set with the checked files in it, when it loads without
    /// errors (the language server answers hovers from it).
    pub rules: Option<crate::engine::RuleSet>,
}

/// The file of the set that `path` stands for. In a rules directory, the same
/// file; among the built-in rules (named `rules/…`), the one whose name ends
/// the path (`…/rules/esl/chapter-3.rules` stands for `rules/esl/chapter-3.rules`).
pub fn counterpart(base: &[Arc<SourceFile>], path: &Path, builtin: bool) -> Option<usize> {
    let full = canonical(path);
    base.iter().position(|f| {
        let theirs = Path::new(&f.name);
        if builtin {
            full.ends_with(theirs)
        } else {
            canonical(theirs) == full
        }
    })
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Load `base` with each of `files` in the place of its counterpart (or
/// added), and keep the diagnostics of `files`.
pub fn check_in_context(
    base: &[Arc<SourceFile>],
    files: &[Arc<SourceFile>],
    builtin: bool,
    limits: &Limits,
) -> InContext {
    let mut set: Vec<Arc<SourceFile>> = base.to_vec();
    let mut replaced = Vec::new();
    for f in files {
        match counterpart(base, Path::new(&f.name), builtin) {
            Some(i) => {
                replaced.push(base.get(i).map(|b| b.name.clone()));
                if let Some(slot) = set.get_mut(i) {
                    *slot = f.clone();
                }
            }
            None => {
                replaced.push(None);
                set.push(f.clone());
            }
        }
    }
    let loaded = load_with(&set, limits);
    let ours = |d: &Diag| d.file.as_ref().is_some_and(|x| files.iter().any(|f| f.name == x.name));
    let errors_elsewhere = loaded.errors().filter(|d| !ours(d)).count();
    InContext {
        diags: loaded.diags.into_iter().filter(|d| ours(d)).collect(),
        errors_elsewhere,
        replaced,
        rules: loaded.rules,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_builtin_file_is_replaced_and_only_its_diagnostics_are_kept() {
        let base = super::super::embedded_files();
        let path = format!("{}/rules/parameters.rules", crate::repo().display());
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace("value 5 years cites ESL 24", "value 10 years cites ESL 24");
        let edited = SourceFile::new(path, text);
        let r = check_in_context(&base, &[edited], true, &Limits::default());
        assert_eq!(r.replaced, vec![Some("rules/parameters.rules".to_string())]);
        assert_eq!(r.errors_elsewhere, 0);
        let codes: Vec<&str> = r.diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["certlex::rules::value-not-in-text"]);
    }

    #[test]
    fn a_new_file_is_checked_as_an_addition() {
        let base = super::super::embedded_files();
        let added = SourceFile::new(
            "elsewhere/new.rules",
            "parameter extra {\n  title.en \"x\"\n  value 90 days cites ESL 23 para 1\n}\n",
        );
        let r = check_in_context(&base, &[added], true, &Limits::default());
        assert_eq!(r.replaced, vec![None]);
        assert!(r.diags.is_empty(), "{:?}", r.diags);
    }

    #[test]
    fn errors_caused_in_other_files_are_counted() {
        let base = super::super::embedded_files();
        let path = format!("{}/rules/parameters.rules", crate::repo().display());
        let emptied = SourceFile::new(path, "# nothing\n");
        let r = check_in_context(&base, &[emptied], true, &Limits::default());
        assert!(r.errors_elsewhere > 0);
        assert!(r.diags.is_empty());
    }
}
