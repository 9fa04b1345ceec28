//! `certlex check`: read inputs, evaluate every rule for each subject, apply
//! the configured waivers, report in the chosen format.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{Global, LimitArgs, RegimeArgs, load_rules, print_diags, resolve};
use crate::engine::{Evaluator, Severity};
use crate::report::{Format, Gate, Meta, Output, Shown, Summary};
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
    /// Report format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Write the report to FILE instead of standard output; the file appears
    /// only when the report is complete (never half written).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The configuration with the waivers (default: ./certlex.toml if present).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The least severity of a rule whose fail, undetermined or
    /// needs-evidence finding makes the run fail (exit 1). Errors always
    /// fail it: `notice` is stricter than `error`, never looser.
    #[arg(long, value_enum, default_value = "error", value_name = "SEVERITY")]
    pub fail_on: FailOn,
    /// Let undetermined and needs-evidence findings pass (they are still
    /// reported); by default what could not be checked fails the run.
    #[arg(long)]
    pub allow_undetermined: bool,
    /// Show every finding, passes included (human and SARIF), and a
    /// certificate's whole identity (human).
    #[arg(long, short)]
    pub verbose: bool,
    /// The findings JSON and JSON Lines list per subject: `attention` (the
    /// default: fail, undetermined, needs-evidence, waived or not) or `all`
    /// (passes and not-applicable too). Every subject counts its findings by
    /// status either way.
    #[arg(long, value_enum, default_value = "attention", value_name = "WHICH")]
    pub findings: Shown,
    /// Counts per rule (pass, fail, undetermined, …) instead of a report per
    /// subject (human, json, jsonl).
    #[arg(long)]
    pub summary: bool,
    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Notice,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Notice => Severity::Notice,
        }
    }
}

pub fn run(g: &Global, a: &CheckArgs) -> u8 {
    let lang = g.lang();
    if a.summary && matches!(a.format, Format::Sarif | Format::Junit) {
        print_diags([&crate::diag::Diag::error(
            "certlex::usage::summary",
            "`--summary` counts findings per rule, which SARIF and JUnit do not hold",
        )
        .help("use `--summary` with `--format human`, `json` or `jsonl`")
        .zh(
            "`--summary` 按规则计数，SARIF 和 JUnit 格式无法容纳",
            Some("`--summary` 可与 `--format human`、`json` 或 `jsonl` 一起使用"),
        )
        .localized(lang)]);
        return 2;
    }
    let Some(rules) = load_rules(g) else { return 2 };
    // The rules serve the whole process and are never freed: freeing their
    // thousands of small allocations at exit was 2 % of a one-certificate
    // run.
    let rules: &crate::engine::RuleSet = Box::leak(Box::new(rules));
    let Some(resolution) = resolve(rules, &a.regime) else {
        return 2;
    };
    let mut config = match crate::config::load(a.config.as_deref(), rules) {
        Ok(c) => c,
        Err(diags) => {
            print_diags(diags.iter());
            return 2;
        }
    };
    let date = resolution.date;
    let mut out = match &a.output {
        None => Output::stdout(),
        Some(path) => match Output::file(path) {
            Ok(o) => o,
            Err(e) => {
                say_err!(
                    "{}",
                    match lang {
                        crate::i18n::Lang::Zh => format!("certlex：无法将报告写入 `{}`：{e}", path.display()),
                        crate::i18n::Lang::En =>
                            format!("certlex: cannot write the report to `{}`: {e}", path.display()),
                    }
                );
                return 2;
            }
        },
    };
    if let Some(path) = &a.output {
        remove_on_interrupt(&out, path);
    }
    let on_terminal = a.output.is_none() && std::io::stdout().is_terminal();
    let meta = Meta {
        gate: Gate {
            fail_on: a.fail_on.severity(),
            allow_undetermined: a.allow_undetermined,
        },
        verbose: a.verbose,
        colour: a.format == Format::Human && super::colour(on_terminal),
        findings: a.findings,
        summary: a.summary,
        ..Meta::new(resolution.clone(), lang)
    };
    let gate = meta.gate;
    let limits = a.limits.limits();
    let evaluator = Evaluator::new(rules, resolution);
    let mut summary = Summary::default();
    let bar = super::progress::Bar::new();
    let quiet = crate::run::Quiet;
    let progress: &(dyn crate::run::Progress + Sync) =
        if super::progress::wanted(std::io::stderr().is_terminal(), on_terminal) {
            &bar
        } else {
            &quiet
        };
    let result = (|| -> std::io::Result<()> {
        let mut reporter = crate::report::reporter(a.format, &mut out, rules, meta)?;
        let work = |s: &crate::facts::Subject| evaluator.check(s);
        crate::run::each(&a.paths, &a.issuers, &limits, progress, work, |item| match item {
            Item::Subject(s, mut findings) => {
                // Evidence named for a rule that does not exist is an input
                // error; for a rule that takes none, a warning (on stderr).
                let (errors, warnings): (Vec<_>, Vec<_>) = crate::load::check_attestations(&s, rules)
                    .into_iter()
                    .map(|d| d.localized(lang))
                    .partition(crate::diag::Diag::is_error);
                super::print_diags(warnings.iter());
                for d in &errors {
                    summary.input_errors += 1;
                    print_diags([d]);
                    reporter.input_error(d)?;
                }
                config.waivers.apply(&s, &mut findings, date);
                summary.add(&findings, rules, &gate);
                reporter.subject(&s, &findings)
            }
            Item::Error(d) => {
                // On standard error for people (and CI logs); in the report
                // too for the formats that hold errors.
                summary.input_errors += 1;
                let d = d.localized(lang);
                print_diags([&d]);
                reporter.input_error(&d)
            }
            Item::Skipped { path, why } => {
                summary.skipped += 1;
                reporter.skipped(&path, &why)
            }
        })?;
        bar.finish();
        if summary.subjects == 0 && summary.input_errors == 0 {
            let d = crate::diag::Diag::error(
                "certlex::input::nothing",
                "no certificate, CA profile or rule statement was found",
            )
            .help("give files or directories that hold them; nothing checked is not conformant")
            .zh(
                "没有找到证书、电子认证服务机构概况或电子认证业务规则",
                Some("请给出包含它们的文件或文件夹；未检查任何内容不算符合"),
            )
            .localized(lang);
            summary.input_errors += 1;
            print_diags([&d]);
            reporter.input_error(&d)?;
        }
        summary.set_waivers(config.waivers.outcomes(date));
        reporter.finish(&summary)
    })()
    .and_then(|()| out.commit());
    bar.finish();
    if let Err(e) = result {
        // A closed pipe (`| head`): quietly, but not a verdict.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            say_err!(
                "{}",
                match lang {
                    crate::i18n::Lang::Zh => format!("certlex：无法写入报告：{e}"),
                    crate::i18n::Lang::En => format!("certlex: cannot write the report: {e}"),
                }
            );
        }
        return 2;
    }
    if let Some(path) = &a.output {
        say_err!("{}", closing_line(&summary, path, lang));
    }
    summary.exit_code()
}

/// What a run that wrote its report to a file says on standard error, for CI logs.
fn closing_line(s: &Summary, path: &Path, lang: crate::i18n::Lang) -> String {
    let verdict = if s.conformant() {
        lang.pick("符合", "conformant")
    } else {
        lang.pick("不符合", "not conformant")
    };
    match lang {
        crate::i18n::Lang::Zh => format!(
            "certlex：{verdict}：{} 个对象，{} 个输入错误，{} 项不符合；报告已写入 {}",
            s.subjects,
            s.input_errors,
            s.blocking,
            path.display()
        ),
        crate::i18n::Lang::En => format!(
            "certlex: {verdict}: {}, {}, {} blocking; report written to {}",
            crate::i18n::counted(s.subjects, "subject"),
            crate::i18n::counted(s.input_errors, "input error"),
            s.blocking,
            path.display()
        ),
    }
}

/// On Ctrl-C, remove the unfinished report's temporary file before exiting,
/// so an interrupted run leaves nothing behind (a normal drop does the same
/// for an error).
fn remove_on_interrupt(out: &Output, target: &Path) {
    let Some(temp) = out.temp_path() else { return };
    let target = target.to_path_buf();
    let _ = ctrlc::set_handler(move || {
        let _ = std::fs::remove_file(&temp);
        say_err!("certlex: interrupted; `{}` was not written", target.display());
        std::process::exit(130);
    });
}
