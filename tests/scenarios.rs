//! Runs every feature under `features/` against the built-in rules: the
//! executable statutory tests. A failing or undefined step fails `cargo test`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::path::PathBuf;
use std::sync::Arc;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if std::env::set_current_dir(&root).is_err() {
        eprintln!("cannot enter {}", root.display());
        std::process::exit(2);
    }
    let rules = match certlex::load::builtin() {
        Ok(r) => Arc::new(r),
        Err(diags) => {
            for d in &diags {
                eprintln!("{}", d.render_plain());
            }
            std::process::exit(2);
        }
    };
    match certlex::scenario::run(
        rules,
        &[root.join("features")],
        Default::default(),
        &mut std::io::stdout(),
        None,
    ) {
        Ok(o) if !o.failed => {}
        Ok(_) => std::process::exit(1),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
