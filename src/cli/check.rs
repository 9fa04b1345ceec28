//! `certlex check`: read inputs, evaluate every rule for each subject, report.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{Global, LimitArgs, RegimeArgs, load_rules, resolve};
use crate::engine::{Evaluator, Severity};
use crate::report::{Gate, Human, Json, Meta, Reporter, Summary};
use crate::run::Item;

#[derive(Args)]
pub struct CheckArgs {
    /// Files or directories to check (`-` reads standard input). Directories
    /// are searched for .pem/.crt/.cer/.der, .yaml/.yml and .md/.txt files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Certificates of the CAs that issued the inputs (files or directories;
    /// repeatable), to verify their signatures and chains. CA certificates
    /// among the inputs are used too.
    #[arg(long, value_name = "FILE|DIR")]
    pub issuers: Vec<PathBuf>,
    #[command(flatten)]
    pub regime: RegimeArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// The least severity of a failed rule that makes the run fail (exit 1).
    #[arg(long, value_enum, default_value = "error", value_name = "SEVERITY")]
    pub fail_on: FailOn,
    /// Show every finding, passes included (human format).
    #[arg(long, short)]
    pub verbose: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Notice,
}

pub fn run(g: &Global, a: &CheckArgs) -> u8 {
    let Some(rules) = load_rules(g) else { return 2 };
    let Some(resolution) = resolve(&rules, &a.regime) else {
        return 2;
    };
    let lang = g.lang();
    let meta = Meta {
        regime: resolution.regime.clone(),
        date: resolution.date,
        lang,
    };
    let gate = Gate {
        fail_on: match a.fail_on {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Notice => Severity::Notice,
        },
        allow_undetermined: false,
    };
    let stdout = std::io::stdout();
    let colour = super::colour(stdout.is_terminal());
    let out = std::io::BufWriter::new(stdout.lock());
    let mut reporter: Box<dyn Reporter> = match a.format {
        Format::Human => Box::new(Human::new(out, &rules, meta, gate, colour, a.verbose)),
        Format::Json => Box::new(Json::new(out, &rules, meta)),
    };
    let limits = a.limits.limits();
    let evaluator = Evaluator::new(&rules, resolution);
    let mut summary = Summary::default();
    let result = (|| -> std::io::Result<()> {
        crate::run::each(&a.paths, &a.issuers, &limits, |item| match item {
            Item::Subject(s) => {
                // Evidence named for a rule that does not exist is an input
                // error; for a rule that takes none, a warning (on stderr).
                let (errors, warnings): (Vec<_>, Vec<_>) = crate::facts::profile::check_attestations(&s, &rules)
                    .into_iter()
                    .partition(crate::diag::Diag::is_error);
                super::print_diags(warnings.iter());
                for d in &errors {
                    summary.input_errors += 1;
                    reporter.input_error(d)?;
                }
                let findings = evaluator.check(&s);
                summary.add(&findings, &rules, &gate);
                reporter.subject(&s, &findings)
            }
            Item::Error(d) => {
                summary.input_errors += 1;
                reporter.input_error(&d)
            }
            Item::Skipped { path, why } => {
                summary.skipped += 1;
                reporter.skipped(&path, &why)
            }
        })?;
        if summary.subjects == 0 && summary.input_errors == 0 {
            let d = crate::diag::Diag::error(
                "certlex::input::nothing",
                "no certificate, CA profile or rule statement was found",
            )
            .help("give files or directories that hold them; nothing checked is not conformant");
            summary.input_errors += 1;
            reporter.input_error(&d)?;
        }
        reporter.finish(&summary)
    })();
    if let Err(e) = result {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("certlex: cannot write the report: {e}");
        }
        return 2;
    }
    let _ = std::io::stdout().flush();
    summary.exit_code()
}
