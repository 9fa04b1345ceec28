//! The rule editor's data: the rule files (named as under `rules/`, or
//! relative to the `--rules` directory), their text, the diagnostics of an
//! edited file in the context of the whole set (`load::check_in_context`,
//! what `certlex rules check FILE` and the language server report), its
//! canonical layout (`lang::format`, what `certlex fmt` writes), and saving.
//!
//! Saving writes only under the `--rules` directory given at start: a name
//! from the client is a relative path of plain components ending `.rules`,
//! and what it reaches, symbolic links followed, must lie inside the
//! directory. Built-in rules are read-only.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::diag::Diag;
use crate::i18n::Lang;
use crate::limits::Limits;
use crate::source::SourceFile;

/// Where the editor's files come from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// The rules built into the binary: read-only.
    BuiltIn,
    /// `--rules DIR`, canonical.
    Dir(PathBuf),
}

/// The prefix of the built-in rules' names.
const BUILTIN: &str = "rules/";

impl Origin {
    /// The `--rules` directory, made canonical so paths under it can be compared.
    pub fn dir(dir: &Path) -> std::io::Result<Self> {
        Ok(Self::Dir(std::fs::canonicalize(dir)?))
    }

    pub fn writable(&self) -> bool {
        matches!(self, Self::Dir(_))
    }

    /// The rule files as they are now (a directory is read again: saved
    /// files count).
    fn files(&self) -> Result<Vec<Arc<SourceFile>>, Diag> {
        match self {
            Self::BuiltIn => Ok(crate::load::embedded_files()),
            Self::Dir(d) => crate::load::read_dir(d),
        }
    }

    /// A loaded file's name as the editor shows it: under `rules/` or the
    /// rules directory.
    pub fn editor_name(&self, loaded: &str) -> String {
        let p = Path::new(loaded);
        let rel = match self {
            Self::BuiltIn => p.strip_prefix(BUILTIN).ok().map(Path::to_path_buf),
            Self::Dir(d) => std::fs::canonicalize(p)
                .ok()
                .and_then(|c| c.strip_prefix(d).ok().map(Path::to_path_buf)),
        };
        rel.map_or_else(|| loaded.to_string(), |r| r.display().to_string())
    }

    /// The names of every rule file.
    pub fn list(&self) -> Result<Vec<String>, Diag> {
        Ok(self.files()?.iter().map(|f| self.editor_name(&f.name)).collect())
    }

    /// The text of the file the editor calls `name`.
    pub fn read(&self, name: &str) -> Result<String, Diag> {
        plain_name(name)?;
        let files = self.files()?;
        files
            .iter()
            .find(|f| self.editor_name(&f.name) == name)
            .map(|f| f.text.to_string())
            .ok_or_else(|| {
                Diag::error("certlex::serve::no-file", format!("no rule file `{name}`"))
                    .help("`/api/files` lists the rule files the editor can open")
            })
    }

    /// The name the loader gives the file the editor calls `name`.
    fn loaded_name(&self, name: &str) -> String {
        match self {
            Self::BuiltIn => format!("{BUILTIN}{name}"),
            Self::Dir(d) => d.join(name).display().to_string(),
        }
    }

    /// The diagnostics of `text` as the file `name`, in the context of the
    /// whole set, and the count of errors it causes in other files.
    pub fn check(&self, name: &str, text: &str, limits: &Limits, lang: Lang) -> Result<Checked, Diag> {
        plain_name(name)?;
        let base = self.files()?;
        let file = SourceFile::new(self.loaded_name(name), text);
        let got = crate::load::check_in_context(&base, &[file], matches!(self, Self::BuiltIn), limits);
        Ok(Checked {
            diagnostics: got.diags.iter().map(|d| DiagOut::of(&d.localized(lang))).collect(),
            errors_elsewhere: got.errors_elsewhere,
        })
    }

    /// Write `text` to the file `name` under the rules directory.
    pub fn save(&self, name: &str, text: &str) -> Result<PathBuf, Diag> {
        let Self::Dir(root) = self else {
            return Err(Diag::error(
                "certlex::serve::read-only",
                "the built-in rules are read-only: there is no `--rules` directory to save in",
            )
            .help(
                "start the server with `certlex --rules DIR serve` to save rule files under DIR, or download the file",
            ));
        };
        let path = inside(root, name)?;
        std::fs::write(&path, text).map_err(|e| {
            Diag::error("certlex::serve::write", format!("cannot write `{name}`: {e}"))
                .help("the server needs write permission on its `--rules` directory")
        })?;
        Ok(path)
    }
}

/// What checking an edited file found.
#[derive(Serialize, Debug)]
pub struct Checked {
    pub diagnostics: Vec<DiagOut>,
    pub errors_elsewhere: usize,
}

/// A diagnostic located in the edited text (lines and columns from 1).
#[derive(Serialize, Debug)]
pub struct DiagOut {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub help: Option<String>,
    pub line: Option<usize>,
    pub col: Option<usize>,
    pub end_line: Option<usize>,
    pub end_col: Option<usize>,
    pub label: Option<String>,
}

impl DiagOut {
    pub fn of(d: &Diag) -> Self {
        let first = d.labels.first();
        let at = |offset: usize| d.file.as_ref().map(|f| f.line_col(offset));
        let start = first.and_then(|(s, _)| at(s.start));
        let end = first.and_then(|(s, _)| at(s.end));
        Self {
            code: d.code,
            severity: if d.is_error() { "error" } else { "warning" },
            message: d.message.clone(),
            help: d.help.clone(),
            line: start.map(|p| p.0),
            col: start.map(|p| p.1),
            end_line: end.map(|p| p.0),
            end_col: end.map(|p| p.1),
            label: first.map(|(_, t)| t.clone()).filter(|t| !t.is_empty()),
        }
    }
}

/// `text` in canonical layout, or why it cannot be formatted.
pub fn format(name: &str, text: &str, lang: Lang) -> Result<String, Vec<DiagOut>> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::lang::format(&SourceFile::new(name, body))
        .map_err(|ds| ds.iter().map(|d| DiagOut::of(&d.localized(lang))).collect())
}

fn bad_path(name: &str, why: &str) -> Diag {
    Diag::error("certlex::serve::path", format!("`{name}`: {why}"))
        .help("name a rule file by its path under the rules directory, such as `esl/chapter-3.rules`")
}

/// A name the client may give: a relative path of plain components that
/// ends `.rules` (no `..`, no root, no drive, no `.`).
fn plain_name(name: &str) -> Result<&Path, Diag> {
    let p = Path::new(name);
    if name.is_empty() || name.contains('\0') || name.contains('\\') {
        return Err(bad_path(name, "not a rule file's name"));
    }
    if !p.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(bad_path(
            name,
            "only a relative path inside the rules directory is accepted (no `..`, no absolute path)",
        ));
    }
    if p.extension().is_none_or(|e| e != "rules") {
        return Err(bad_path(name, "only `.rules` files can be saved"));
    }
    Ok(p)
}

/// The file `name` reaches under `root` (canonical), refused when it, or a
/// symbolic link on its way, leads outside `root`.
pub fn inside(root: &Path, name: &str) -> Result<PathBuf, Diag> {
    let rel = plain_name(name)?;
    let joined = root.join(rel);
    let (Some(parent), Some(file)) = (joined.parent(), joined.file_name()) else {
        return Err(bad_path(name, "not a rule file's name"));
    };
    let parent = std::fs::canonicalize(parent)
        .map_err(|_| bad_path(name, "its folder does not exist in the rules directory"))?;
    if !parent.starts_with(root) {
        return Err(bad_path(name, "it leads outside the rules directory"));
    }
    let target = parent.join(file);
    if let Ok(meta) = std::fs::symlink_metadata(&target) {
        let real = std::fs::canonicalize(&target).map_err(|_| bad_path(name, "a link that leads nowhere"))?;
        if !real.starts_with(root) {
            return Err(bad_path(name, "it leads outside the rules directory"));
        }
        if !meta.file_type().is_symlink() && !meta.is_file() {
            return Err(bad_path(name, "not a file"));
        }
        if !std::fs::metadata(&real).is_ok_and(|m| m.is_file()) {
            return Err(bad_path(name, "not a file"));
        }
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> (tempfile::TempDir, Origin) {
        let tmp = tempfile::tempdir().unwrap();
        let rules = tmp.path().join("rules");
        std::fs::create_dir_all(rules.join("esl")).unwrap();
        std::fs::write(rules.join("esl/a.rules"), "# a\n").unwrap();
        let o = Origin::dir(&rules).unwrap();
        (tmp, o)
    }

    #[test]
    fn names_outside_the_rules_directory_are_refused() {
        let (tmp, o) = dir();
        let Origin::Dir(root) = &o else { unreachable!() };
        for bad in [
            "../x.rules",
            "esl/../../x.rules",
            "/etc/x.rules",
            "./esl/a.rules",
            "",
            "esl/a.txt",
            "esl\\..\\x.rules",
            "nofolder/x.rules",
        ] {
            assert!(inside(root, bad).is_err(), "{bad}");
            assert!(o.save(bad, "x").is_err(), "{bad}");
        }
        assert!(!tmp.path().join("x.rules").exists());
        assert!(inside(root, "esl/a.rules").is_ok());
        assert!(inside(root, "esl/new.rules").is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_out_of_the_rules_directory_are_refused() {
        let (tmp, o) = dir();
        let Origin::Dir(root) = &o else { unreachable!() };
        let outside = tmp.path().join("outside");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("t.rules"), "# outside\n").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("out")).unwrap();
        std::os::unix::fs::symlink(outside.join("t.rules"), root.join("esl/link.rules")).unwrap();
        std::os::unix::fs::symlink(outside.join("gone.rules"), root.join("esl/dangling.rules")).unwrap();
        for bad in ["out/t.rules", "out/new.rules", "esl/link.rules", "esl/dangling.rules"] {
            assert!(o.save(bad, "# changed\n").is_err(), "{bad}");
        }
        assert_eq!(std::fs::read_to_string(outside.join("t.rules")).unwrap(), "# outside\n");
        assert!(!outside.join("new.rules").exists() && !outside.join("gone.rules").exists());
    }

    #[test]
    fn saving_writes_inside_the_directory_and_built_in_rules_are_read_only() {
        let (_tmp, o) = dir();
        let Origin::Dir(root) = &o else { unreachable!() };
        o.save("esl/a.rules", "# changed\n").unwrap();
        assert_eq!(
            std::fs::read_to_string(root.join("esl/a.rules")).unwrap(),
            "# changed\n"
        );
        assert_eq!(o.read("esl/a.rules").unwrap(), "# changed\n");
        let e = Origin::BuiltIn.save("esl/chapter-3.rules", "x").unwrap_err();
        assert_eq!(e.code, "certlex::serve::read-only");
    }

    #[test]
    fn an_edit_is_checked_in_the_context_of_the_built_in_rules() {
        let o = Origin::BuiltIn;
        let names = o.list().unwrap();
        assert!(names.contains(&"parameters.rules".to_string()), "{names:?}");
        let text = o.read("parameters.rules").unwrap();
        let clean = o
            .check("parameters.rules", &text, &Limits::default(), Lang::En)
            .unwrap();
        assert!(clean.diagnostics.iter().all(|d| d.severity != "error"), "{clean:?}");
        let broken = text.replacen("value 5 years cites ESL 24", "value 5 yeers cites ESL 24", 1);
        assert_ne!(broken, text);
        let got = o
            .check("parameters.rules", &broken, &Limits::default(), Lang::En)
            .unwrap();
        let e = got.diagnostics.iter().find(|d| d.severity == "error").unwrap();
        assert!(e.line.is_some(), "{e:?}");
    }

    #[test]
    fn formatting_gives_the_canonical_layout_or_the_errors() {
        let o = Origin::BuiltIn;
        let text = o.read("parameters.rules").unwrap();
        assert_eq!(format("parameters.rules", &text, Lang::En).unwrap(), text);
        assert!(format("x.rules", "parameter {", Lang::En).is_err());
    }
}
