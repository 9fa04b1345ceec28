//! Embeds every `rules/**/*.rules` file in the binary, so `certlex check`
//! works anywhere with no configuration.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
    println!("cargo:rerun-if-changed=../rules");
    let mut out = String::from("pub static RULES: &[(&str, &str)] = &[\n");
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name().into_iter().flatten() {
        let path = entry.path();
        if entry.file_type().is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
        if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "rules") {
            println!("cargo:rerun-if-changed={}", path.display());
            let rel = path
                .strip_prefix(&root)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/");
            let _ = writeln!(out, "    ({rel:?}, include_str!({:?})),", path.display().to_string());
        }
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("embedded_rules.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
        std::process::exit(1);
    }
}
