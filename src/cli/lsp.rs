//! `certlex lsp`: the language server for rule files and features, on
//! standard input and output (see `crate::lsp`).

use clap::Args;

use super::Global;
use crate::limits::Limits;

#[derive(Args)]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport; editors'
    /// clients pass this flag).
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(g: &Global, _a: &LspArgs) -> u8 {
    let config = crate::lsp::Config {
        rules_dir: g.rules.clone(),
        limits: Limits {
            max_regex_bytes: g.max_regex_size,
            ..Limits::default()
        },
        lang: g.lang.map(|_| g.lang()),
        ..crate::lsp::Config::default()
    };
    match crate::lsp::run_stdio(config) {
        Ok(()) => 0,
        Err(e) => {
            say_in!(format!("certlex lsp：{e}"), format!("certlex lsp: {e}"));
            2
        }
    }
}
