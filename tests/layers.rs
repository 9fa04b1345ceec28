//! The modules of `src/` import only downward: every `crate::<module>` a
//! file names must belong to a lower layer of the table in ARCHITECTURE.md
//! (section "Layers"), which this test reads, so the two cannot drift.
//!
//! The check is textual: comments and string literals are blanked, then
//! every `crate::<module>` path (also `use crate::{a, b}` and `super::`
//! paths that climb to the crate root) is collected. Unit-test modules,
//! `#[cfg(test)]` items and the files of `#[cfg(test)] mod name;`, are left
//! out: a test may load the built-in rules, which sit above what it tests.
//! A method that a higher module adds to a lower type (`impl T` elsewhere)
//! is not seen, so keep inherent impls beside their type.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers of ARCHITECTURE.md, bottom first: each a list of top-level modules.
fn layers(architecture: &str) -> Vec<Vec<String>> {
    let section = architecture
        .split("\n## Layers\n")
        .nth(1)
        .expect("ARCHITECTURE.md has a `## Layers` section");
    let mut out = Vec::new();
    let rows = section
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2); // header and separator
    for (i, row) in rows.enumerate() {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        assert_eq!(
            cells[1],
            (i + 1).to_string(),
            "ARCHITECTURE.md, Layers: rows are numbered 1, 2, … from the bottom; row `{row}`"
        );
        let modules: Vec<String> = cells[2].split('`').skip(1).step_by(2).map(str::to_string).collect();
        assert!(
            !modules.is_empty(),
            "ARCHITECTURE.md, Layers: row `{row}` names no module"
        );
        out.push(modules);
    }
    out
}

/// The text with comments and the contents of string and character
/// literals replaced by spaces (newlines kept, so offsets keep their line).
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut i = 0;
    while i < c.len() {
        let at = |k: usize| c.get(k).copied().unwrap_or('\0');
        if at(i) == '/' && at(i + 1) == '/' {
            while i < c.len() && at(i) != '\n' {
                blank(&mut out, at(i));
                i += 1;
            }
        } else if at(i) == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else if i >= c.len() {
                    break;
                } else {
                    blank(&mut out, at(i));
                    i += 1;
                }
            }
        } else if (at(i) == 'r' || (at(i) == 'b' && at(i + 1) == 'r'))
            && !ident(if i == 0 { ' ' } else { at(i - 1) })
            && {
                let mut k = i + if at(i) == 'b' { 2 } else { 1 };
                while at(k) == '#' {
                    k += 1;
                }
                at(k) == '"'
            }
        {
            // A raw string: r"…", r#"…"#, br"…".
            let mut k = i + if at(i) == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while at(k) == '#' {
                hashes += 1;
                k += 1;
            }
            k += 1;
            while k < c.len() && !(at(k) == '"' && (1..=hashes).all(|h| at(k + h) == '#')) {
                k += 1;
            }
            k += 1 + hashes;
            for j in i..k.min(c.len()) {
                blank(&mut out, at(j));
            }
            i = k;
        } else if at(i) == '"' {
            blank(&mut out, '"');
            i += 1;
            while i < c.len() && at(i) != '"' {
                let n = if at(i) == '\\' { 2 } else { 1 };
                for j in i..i + n {
                    blank(&mut out, at(j));
                }
                i += n;
            }
            blank(&mut out, '"');
            i += 1;
        } else if at(i) == '\'' && (at(i + 1) == '\\' || at(i + 2) == '\'') {
            // A character literal ('{', '\n', '\u{7b}'), not a lifetime.
            blank(&mut out, '\'');
            i += 1;
            while i < c.len() && at(i) != '\'' {
                let n = if at(i) == '\\' { 2 } else { 1 };
                for j in i..i + n {
                    blank(&mut out, at(j));
                }
                i += n;
            }
            blank(&mut out, '\'');
            i += 1;
        } else {
            out.push(at(i));
            i += 1;
        }
    }
    out
}

/// `code` without its `#[cfg(test)]` items, and the names of the modules
/// declared `#[cfg(test)] mod name;` (their files are test code too).
fn without_tests(code: &str) -> (String, Vec<String>) {
    const ATTR: &str = "#[cfg(test)]";
    let mut code = code.to_string();
    let mut test_files = Vec::new();
    while let Some(start) = code.find(ATTR) {
        let bytes = code.as_bytes();
        let mut k = start + ATTR.len();
        let (mut parens, mut braces) = (0i32, 0i32);
        while k < bytes.len() {
            match bytes[k] {
                b'(' | b'[' => parens += 1,
                b')' | b']' => parens -= 1,
                b'{' => braces += 1,
                b'}' => {
                    braces -= 1;
                    if braces == 0 && parens == 0 {
                        break;
                    }
                }
                b';' if braces == 0 && parens == 0 => break,
                _ => {}
            }
            k += 1;
        }
        let item = &code[start + ATTR.len()..=k.min(code.len() - 1)];
        let words: Vec<&str> = item
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        if item.trim_end().ends_with(';')
            && let Some(p) = words.iter().position(|w| *w == "mod")
        {
            test_files.push(words[p + 1].to_string());
        }
        let blanked: String = code[start..=k.min(code.len() - 1)]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        code.replace_range(start..=k.min(code.len() - 1), &blanked);
    }
    (code, test_files)
}

/// Every top-level module a file's code names, with its line: `crate::x`,
/// `crate::{x, y::z}`, `super::…::x` climbing from `depth` to the root, and
/// `certlex::x` (the binary, `src/main.rs`, uses the library by its name).
fn imports(code: &str, depth: usize) -> Vec<(usize, String)> {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let mut out = Vec::new();
    for root in ["crate::", "certlex::", "super::"] {
        for (at, _) in code.match_indices(root) {
            if code[..at]
                .chars()
                .next_back()
                .is_some_and(|c| ident(c) || c == ':' || c == '$')
            {
                continue;
            }
            let mut rest = at + root.len();
            if root == "super::" {
                let mut climbed = 1;
                while code[rest..].starts_with("super::") {
                    climbed += 1;
                    rest += "super::".len();
                }
                if climbed != depth {
                    continue;
                }
            }
            if code[rest..].starts_with('{') {
                for name in group_heads(&code[rest + 1..]) {
                    out.push((line_of(at), name));
                }
            } else {
                let name: String = code[rest..].chars().take_while(|c| ident(*c)).collect();
                if !name.is_empty() {
                    out.push((line_of(at), name));
                }
            }
        }
    }
    out
}

/// The first name of each path in a `use` group, `a` and `b` of
/// `a::{x, y}, b}`; `text` starts after the opening brace.
fn group_heads(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = true;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => start = true,
            c if start && (c.is_alphanumeric() || c == '_') => {
                start = false;
                let name: String = text[i..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name != "self" {
                    out.push(name);
                }
            }
            _ => {}
        }
    }
    out
}

/// A file of `src/` with its top-level module and its depth in the module tree.
struct File {
    path: PathBuf,
    module: String,
    depth: usize,
}

fn files(src: &Path) -> Vec<File> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(src).unwrap();
        let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        if parts == ["lib.rs"] {
            continue;
        }
        let module = parts[0].trim_end_matches(".rs").to_string();
        let depth = parts.len() - usize::from(parts.last().is_some_and(|p| p == "mod.rs"));
        out.push(File {
            path: path.to_path_buf(),
            module,
            depth,
        });
    }
    out
}

/// Where the file of `mod name;` declared in `file` lives (without `.rs`).
fn child_dir(file: &Path, name: &str) -> PathBuf {
    let stem = file.file_stem().unwrap();
    let dir = file.parent().unwrap();
    if stem == "mod" || stem == "lib" || stem == "main" {
        dir.join(name)
    } else {
        dir.join(stem).join(name)
    }
}

/// Every upward import of `src/`, as messages.
fn violations(root: &Path, table: &[Vec<String>]) -> (Vec<String>, usize) {
    let src = root.join("src");
    let layer: BTreeMap<&str, usize> = table
        .iter()
        .enumerate()
        .flat_map(|(i, row)| row.iter().map(move |m| (m.as_str(), i + 1)))
        .collect();
    let all = files(&src);
    let mut test_only: BTreeSet<PathBuf> = BTreeSet::new();
    let mut seen = 0;
    let mut out = Vec::new();
    let texts: Vec<(String, Vec<String>)> = all
        .iter()
        .map(|f| without_tests(&code_only(&std::fs::read_to_string(&f.path).unwrap())))
        .collect();
    for (f, (_, tests)) in all.iter().zip(&texts) {
        for t in tests {
            test_only.insert(child_dir(&f.path, t));
        }
    }
    for (f, (code, _)) in all.iter().zip(&texts) {
        let under_test = test_only
            .iter()
            .any(|t| f.path.with_extension("") == *t || f.path.starts_with(t));
        if under_test {
            continue;
        }
        let rel = f.path.strip_prefix(root).unwrap().display().to_string();
        let Some(&own) = layer.get(f.module.as_str()) else {
            out.push(format!(
                "{rel}: module `{}` is in no layer of ARCHITECTURE.md; add it to the table",
                f.module
            ));
            continue;
        };
        for (line, target) in imports(code, f.depth) {
            seen += 1;
            if target == f.module {
                continue;
            }
            let Some(&theirs) = layer.get(target.as_str()) else {
                continue; // an item of the crate root or a name that is not a module
            };
            if theirs >= own {
                out.push(format!(
                    "{rel}:{line}: `{}` (layer {own}) imports `{target}` (layer {theirs}); a module may import only lower layers (ARCHITECTURE.md, Layers)",
                    f.module
                ));
            }
        }
    }
    (out, seen)
}

#[test]
fn modules_import_only_lower_layers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let architecture = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let table = layers(&architecture);
    let listed: Vec<&String> = table.iter().flatten().collect();
    let unique: BTreeSet<&String> = listed.iter().copied().collect();
    assert_eq!(
        unique.len(),
        listed.len(),
        "ARCHITECTURE.md, Layers: a module is listed twice"
    );
    let modules: BTreeSet<String> = files(&root.join("src")).into_iter().map(|f| f.module).collect();
    for m in &unique {
        assert!(
            modules.contains(*m),
            "ARCHITECTURE.md, Layers: `{m}` is not a module of src/"
        );
    }
    let (problems, seen) = violations(root, &table);
    assert!(seen > 100, "only {seen} imports found in src/: is the scanner broken?");
    assert!(problems.is_empty(), "imports that run upward:\n{}", problems.join("\n"));
}

#[test]
fn the_scanner_sees_imports_and_ignores_comments_strings_and_tests() {
    let text = r##"//! see [`crate::doc`]
use crate::{alpha, beta::{Thing, Other}, self};
use crate::gamma::X;
fn f() -> &'static str { let _ = '{'; let _ = "crate::delta {"; let _ = r#"crate::eps"#; crate::zeta::g(); "" }
/* crate::eta /* nested */ crate::theta */
#[cfg(test)]
mod tests {
    use crate::iota;
    fn h() { if true { crate::kappa::k(); } }
}
fn after() { super::super::lambda::l(); super::mu::m(); }
#[cfg(test)]
mod more;
"##;
    let (code, tests) = without_tests(&code_only(text));
    let found: Vec<String> = imports(&code, 2).into_iter().map(|(_, m)| m).collect();
    assert_eq!(found, ["alpha", "beta", "gamma", "zeta", "lambda"]);
    assert_eq!(tests, ["more"]);
    let lines: Vec<usize> = imports(&code, 2).into_iter().map(|(l, _)| l).collect();
    assert_eq!(lines, [2, 2, 3, 4, 11]);
}
