//! The run's configuration, `certlex.toml`: what a CA records beside its
//! inputs. Today that is its waivers, the exceptions it has accepted (see
//! [`waivers`]). A file that does not read is a located diagnostic and exit
//! code 2, never a silently ignored exception.

pub mod waivers;

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::diag::Diag;
use crate::engine::RuleSet;
use crate::source::{SourceFile, Span};

pub use waivers::{WaiverState, WaiverUse, Waivers};

/// Read from the current directory when `--config` is not given.
pub const DEFAULT_FILE: &str = "certlex.toml";

/// The file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    waiver: Vec<Spanned<RawWaiver>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWaiver {
    rule: Spanned<String>,
    subjects: Spanned<String>,
    reason: Spanned<String>,
    approver: Spanned<String>,
    expires: Spanned<toml::value::Datetime>,
}

/// The configuration of a run.
#[derive(Debug, Default)]
pub struct Config {
    pub waivers: Waivers,
}

/// The configuration to use: `explicit` (`--config FILE`, which must exist),
/// else `certlex.toml` in the current directory if there is one, else none.
pub fn load(explicit: Option<&Path>, rules: &RuleSet) -> Result<Config, Vec<Diag>> {
    let path = match explicit {
        Some(p) => p,
        None if Path::new(DEFAULT_FILE).is_file() => Path::new(DEFAULT_FILE),
        None => return Ok(Config::default()),
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![
            Diag::error(
                "certlex::config::read",
                format!("cannot read the configuration `{}`: {e}", path.display()),
            )
            .help("`--config FILE` names a certlex.toml; without it certlex reads ./certlex.toml if present")
            .zh(
                format!("无法读取配置 `{}`：{e}", path.display()),
                Some("`--config FILE` 指定 certlex.toml；不指定时，certlex 读取当前目录下的 ./certlex.toml（如有）"),
            ),
        ]
    })?;
    parse(&SourceFile::new(path.display().to_string(), text), rules)
}

/// Parse a configuration and check it against the rules.
pub fn parse(file: &Arc<SourceFile>, rules: &RuleSet) -> Result<Config, Vec<Diag>> {
    let raw: ConfigFile = toml::from_str(&file.text).map_err(|e| {
        let span = e.span().map_or(Span::point(0), |r| Span::new(r.start, r.end));
        let message = e.message().trim_end_matches('.').replace('\n', " ");
        vec![
            Diag::error("certlex::config::syntax", format!("the configuration does not read: {message}"))
                .in_file(file)
                .label(span, "here")
                .help(
                    "a waiver is a `[[waiver]]` table with `rule`, `subjects`, `reason`, `approver` and `expires = YYYY-MM-DD`",
                ),
        ]
    })?;
    let mut diags = Vec::new();
    let mut list = Vec::new();
    for w in raw.waiver {
        match waivers::check(file, w.get_ref(), span(&w), rules) {
            Ok(entry) => list.push(entry),
            Err(d) => diags.extend(d),
        }
    }
    if diags.is_empty() {
        Ok(Config {
            waivers: Waivers::new(list),
        })
    } else {
        Err(diags)
    }
}

fn span<T>(s: &Spanned<T>) -> Span {
    let r = s.span();
    Span::new(r.start, r.end)
}

#[cfg(test)]
mod tests;
