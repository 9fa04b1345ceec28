//! `certlex fmt`: rewrite rule files in canonical layout, or with `--check`
//! list those that are not.

use std::path::PathBuf;

use clap::Args;

use super::print_diags;
use crate::source::SourceFile;

#[derive(Args)]
pub struct FmtArgs {
    /// Only report files that are not formatted (exit 1 if any).
    #[arg(long)]
    pub check: bool,
    /// Rule files or directories (default: the global `--rules DIR`, else `rules/`).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

pub fn run(g: &super::Global, a: &FmtArgs) -> u8 {
    let paths = if a.paths.is_empty() {
        vec![g.rules.clone().unwrap_or_else(|| PathBuf::from("rules"))]
    } else {
        a.paths.clone()
    };
    let mut files = Vec::new();
    for p in &paths {
        if p.is_file() {
            files.push(p.clone());
            continue;
        }
        if !p.is_dir() {
            say_in!(
                format!("certlex fmt：`{}` 不存在", p.display()),
                format!("certlex fmt: `{}` does not exist", p.display())
            );
            return 2;
        }
        for e in walkdir::WalkDir::new(p).sort_by_file_name().into_iter().flatten() {
            if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rules") {
                files.push(e.into_path());
            }
        }
    }
    let mut unformatted = 0;
    let mut errors = 0;
    for path in files {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                say_in!(
                    format!("certlex fmt：无法读取 `{}`：{e}", path.display()),
                    format!("certlex fmt: cannot read `{}`: {e}", path.display())
                );
                errors += 1;
                continue;
            }
        };
        // A byte order mark is not part of the text; the canonical layout has none.
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let source = SourceFile::new(path.display().to_string(), body);
        match crate::lang::format(&source) {
            Err(diags) => {
                print_diags(diags.iter());
                errors += 1;
            }
            Ok(out) if out == text => {}
            Ok(out) => {
                unformatted += 1;
                if a.check {
                    // A closed standard output does not stop the formatting.
                    let _ = super::emit(&format!("would reformat {}\n", path.display()));
                } else if let Err(e) = std::fs::write(&path, out) {
                    say_in!(
                        format!("certlex fmt：无法写入 `{}`：{e}", path.display()),
                        format!("certlex fmt: cannot write `{}`: {e}", path.display())
                    );
                    errors += 1;
                } else {
                    let _ = super::emit(&format!("formatted {}\n", path.display()));
                }
            }
        }
    }
    if errors > 0 {
        2
    } else if a.check && unformatted > 0 {
        1
    } else {
        0
    }
}
