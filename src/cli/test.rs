//! `certlex test`: run Gherkin features (executable statutory tests).

use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;

use super::{Global, load_rules};

#[derive(Args)]
pub struct TestArgs {
    /// Feature files or folders (default: `features/`).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Also write a JUnit XML report to FILE.
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
}

pub fn run(g: &Global, a: &TestArgs) -> u8 {
    let Some(rules) = load_rules(g) else { return 2 };
    let paths = if a.paths.is_empty() {
        vec![PathBuf::from("features")]
    } else {
        a.paths.clone()
    };
    match crate::scenario::run(Arc::new(rules), &paths, a.junit.as_deref()) {
        Ok(o) if o.failed => {
            eprintln!("certlex test: some scenarios failed");
            1
        }
        Ok(o) => {
            eprintln!("certlex test: {} feature file(s), every scenario passed", o.features);
            0
        }
        Err(e) => {
            eprintln!("certlex test: {e}");
            2
        }
    }
}
