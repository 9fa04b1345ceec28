//! The command line: arguments (clap), and the pieces every subcommand shares
//! (loading rules, choosing the regime, printing diagnostics). One file per
//! subcommand under `cli/`.

/// `eprintln!` that never panics: when standard error is gone there is
/// nowhere left to tell.
macro_rules! say_err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// [`say_err!`] in the run's language: `say_in!(format!(…zh…), format!(…en…))`.
macro_rules! say_in {
    ($zh:expr, $en:expr) => {{
        let text: String = match crate::cli::run_lang() {
            crate::i18n::Lang::Zh => $zh,
            crate::i18n::Lang::En => $en,
        };
        say_err!("{text}");
    }};
}

mod check;
mod coverage;
mod diff;
mod explain;
mod facts;
mod fmt;
mod lsp;
mod progress;
mod providers;
mod rules;
mod serve;
mod test;
mod zh;

pub use facts::schema_markdown;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::diag::Diag;
use crate::engine::RuleSet;
use crate::i18n::Lang;
use crate::law::Resolution;
use crate::limits::Limits;

const EXIT_CODES: &str = "\
Exit codes:
  0  conformant: no finding at or above --fail-on (waived findings do not count)
  1  findings at or above --fail-on, or an expired waiver: a fail, undetermined
     or needs-evidence finding of a rule of that severity or above (the last
     two not with --allow-undetermined)
  2  usage error, a broken certlex.toml, an input or rule file that could not
     be read, or nothing to check

Formats: human (default), json, jsonl, sarif, junit; --output FILE writes the
report atomically. Waivers are read from ./certlex.toml or --config FILE.";

#[derive(Parser)]
#[command(
    name = "certlex",
    version,
    about = "Check certificates, CA profiles and rule statements against the PRC law of electronic signatures",
    long_about = "certlex checks X.509 certificates (RSA, ECDSA, SM2/SM3), CA profiles (YAML) and \
certification rule statements (电子认证业务规则) against the Electronic Signatures Law (2004, amended \
2015 and 2019), the Electronic Certification Service Management Measures (2009/2015) and their 2024 \
draft. Every finding cites the article, paragraph and item that requires it.\n\n\
The rules are built into the binary; `--rules DIR` uses others.",
    after_help = "Examples:\n  certlex check cert.pem\n  certlex check --regime draft-2024 profiles/\n  certlex explain ESL-21-1\n  certlex rules list"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Clone)]
pub struct Global {
    /// Use the rule files under DIR instead of the built-in rules.
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Language of titles and messages (default: from LANG, else English).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Largest compiled `matches` pattern a rule may use, in bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = Limits::default().max_regex_bytes)]
    pub max_regex_size: usize,
    /// Add the providers of FILE (YAML, as register/providers.yaml) to the
    /// built-in register of licensed providers.
    #[arg(long, global = true, value_name = "FILE")]
    pub register: Option<PathBuf>,
}

/// The limits on inputs (`limits::Limits`), for commands that read them. A
/// file that exceeds one is an error naming it (exit code 2), never a hang.
#[derive(Args, Clone)]
#[command(next_help_heading = "Limits")]
pub struct LimitArgs {
    /// Largest input file read, in bytes.
    #[arg(long, default_value_t = Limits::default().max_file_bytes, value_name = "BYTES")]
    pub max_file_size: u64,
    /// Most PEM blocks read from one file.
    #[arg(long, default_value_t = Limits::default().max_pem_blocks, value_name = "N")]
    pub max_pem_blocks: usize,
    /// Largest CA profile, in bytes.
    #[arg(long, default_value_t = Limits::default().max_profile_bytes, value_name = "BYTES")]
    pub max_profile_size: usize,
    /// Largest rule statement, in bytes.
    #[arg(long, default_value_t = Limits::default().max_statement_bytes, value_name = "BYTES")]
    pub max_statement_size: usize,
    /// Deepest nesting of mappings and lists in YAML.
    #[arg(long, default_value_t = Limits::default().max_yaml_depth, value_name = "N")]
    pub max_yaml_depth: usize,
    /// Most values YAML aliases (`*name`) may expand into in one file.
    #[arg(long, default_value_t = Limits::default().max_yaml_alias_expansion, value_name = "N")]
    pub max_yaml_aliases: usize,
}

impl LimitArgs {
    /// The limits on this run's inputs (the limit on patterns in rules is
    /// the global `--max-regex-size`: most commands load rules).
    pub fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_file_size,
            max_pem_blocks: self.max_pem_blocks,
            max_profile_bytes: self.max_profile_size,
            max_statement_bytes: self.max_statement_size,
            max_yaml_depth: self.max_yaml_depth,
            max_yaml_alias_expansion: self.max_yaml_aliases,
            ..Limits::default()
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

#[derive(Args, Clone)]
pub struct RegimeArgs {
    /// The law to apply: `current` (the law in force) or `draft-2024`
    /// (the 2024 draft Measures in place of the 2015 Measures).
    #[arg(long, default_value = "current", value_name = "NAME")]
    pub regime: String,
    /// The date to apply the law on (YYYY-MM-DD); default today. With
    /// `--regime current`, this is the law as in force on that day.
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check certificates, CA profiles and rule statements.
    #[command(after_help = EXIT_CODES)]
    Check(check::CheckArgs),
    /// Check or list the rules.
    #[command(subcommand)]
    Rules(rules::RulesCommand),
    /// Show a rule (the provisions it cites in Chinese and English, its condition), a provision (the rules and parameters resting on it) or a parameter (its value on the date, its history).
    Explain(explain::ExplainArgs),
    /// Lay out rule files canonically (idempotent; never changes their meaning).
    Fmt(fmt::FmtArgs),
    /// Run Gherkin scenarios (executable statutory tests); exit 1 if any fails.
    Test(test::TestArgs),
    /// Print the facts certlex reads from an input, as JSON (for rule authors).
    Facts(facts::FactsArgs),
    /// Print the JSON Schema of CA profiles, or the documentation of a kind's facts.
    Schema(facts::SchemaArgs),
    /// Statutory coverage: articles cited, scoped out, unverified or uncovered,
    /// and the scenarios exercising each rule.
    #[command(
        after_help = "Exit codes:\n  0  done (and coverage at or above --min-coverage)\n  1  coverage below --min-coverage, or (with --min-coverage) a rule without a passing or a failing scenario\n  2  the rules or a feature file could not be read"
    )]
    Coverage(coverage::CoverageArgs),
    /// What changes between two regimes (or dates): rules, parameters, and
    /// with subjects the findings.
    #[command(
        after_help = "Examples:\n  certlex diff --from current --to draft-2024\n  certlex diff --from current --to current --from-at 2015-01-01 --at 2016-01-01\n  certlex diff --from current --to draft-2024 profile.yaml"
    )]
    Diff(diff::DiffArgs),
    /// Lint over HTTP: a service for a CA's issuance pipeline (pkimetal-style
    /// `POST /lintcert`), with the rules loaded once.
    #[command(after_help = serve::AFTER_HELP)]
    Serve(serve::ServeArgs),
    /// List the register of electronic certification service providers:
    /// who each is, its licence, the CA certificates that identify it, and
    /// the source of each.
    Providers(providers::ProvidersArgs),
    /// Language server for rule files and features (for editors: diagnostics,
    /// hover, completion, definitions, formatting), on standard input and output.
    Lsp(lsp::LspArgs),
}

/// The language of this run's diagnostics on standard error, set once from
/// `--lang` (or the environment) before any is printed.
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

pub fn main() -> ExitCode {
    // The help is in the run's language: known before clap parses.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut command = Cli::command();
    if zh::lang_of(&args) == Lang::Zh {
        command = zh::in_chinese(command);
    }
    let cli = match Cli::from_arg_matches(&command.get_matches_from(args)) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    let _ = LANG.set(cli.global.lang());
    if let Some(file) = &cli.global.register
        && !providers::install(file)
    {
        return ExitCode::from(2);
    }
    let code = match &cli.command {
        Command::Check(a) => check::run(&cli.global, a),
        Command::Rules(c) => rules::run(&cli.global, c),
        Command::Explain(a) => explain::run(&cli.global, a),
        Command::Fmt(a) => fmt::run(&cli.global, a),
        Command::Test(a) => test::run(&cli.global, a),
        Command::Facts(a) => facts::run_facts(a),
        Command::Schema(a) => facts::run_schema(&cli.global, a),
        Command::Coverage(a) => coverage::run(&cli.global, a),
        Command::Diff(a) => diff::run(&cli.global, a),
        Command::Serve(a) => serve::run(&cli.global, a),
        Command::Providers(a) => providers::run(a),
        Command::Lsp(a) => lsp::run(&cli.global, a),
    };
    ExitCode::from(code)
}

impl Global {
    pub fn lang(&self) -> Lang {
        match self.lang {
            Some(LangArg::Zh) => Lang::Zh,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_env(),
        }
    }
}

/// Write a command's product to standard output. A reader that closed the
/// pipe early (`certlex rules list | head -1`) has what it wanted: the
/// command then stops quietly with `Err(0)`. Another write error is told on
/// standard error, `Err(2)`. Never a panic.
pub fn emit(text: &str) -> Result<(), u8> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) => Err(write_failed(&e)),
    }
}

/// The exit code after a failed write of a listing: a closed pipe ends the
/// command quietly (0), anything else is told (2). (`check` and `test` exit
/// 2 on either, quietly on a closed pipe: their report carries their
/// verdict, and an unfinished one carries none.)
pub fn write_failed(e: &std::io::Error) -> u8 {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        0
    } else {
        say_in!(
            format!("certlex：无法写入标准输出：{e}"),
            format!("certlex: cannot write to standard output: {e}")
        );
        2
    }
}

/// Colour only on a terminal, and never with `NO_COLOR`.
pub fn colour(stream_is_terminal: bool) -> bool {
    stream_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The language of this run's messages on standard error (`--lang`, else
/// the environment; English before the arguments are read).
pub fn run_lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// Print diagnostics to standard error, in the run's language.
pub fn print_diags<'a>(diags: impl IntoIterator<Item = &'a Diag>) {
    use std::io::Write as _;
    let colour = colour(std::io::stderr().is_terminal());
    let lang = run_lang();
    let mut err = std::io::stderr().lock();
    for d in diags {
        let _ = write!(err, "{}", crate::diag::render(&d.localized(lang), colour));
    }
}

/// The rules of this run: built in, or read from `--rules DIR`. Errors are
/// printed; `None` means exit code 2.
pub fn load_rules(g: &Global) -> Option<RuleSet> {
    let limits = Limits {
        max_regex_bytes: g.max_regex_size,
        ..Limits::default()
    };
    let loaded = match &g.rules {
        Some(dir) => match crate::load::read_dir(dir) {
            Ok(files) => crate::load::load_with(&files, &limits),
            Err(d) => {
                print_diags([&d]);
                return None;
            }
        },
        None => crate::load::builtin_with(&limits),
    };
    if let Some(rules) = loaded.rules {
        print_diags(loaded.diags.iter());
        return Some(rules);
    }
    print_diags(loaded.diags.iter());
    let n = loaded.errors().count();
    match g.lang() {
        Lang::Zh => say_err!("certlex：规则有 {n} 个错误；未检查任何内容"),
        Lang::En => say_err!(
            "certlex: the rules have {n} error{}; nothing was checked",
            if n == 1 { "" } else { "s" }
        ),
    }
    None
}

/// The regime and date of this run.
pub fn resolve(rules: &RuleSet, a: &RegimeArgs) -> Option<Resolution> {
    let date = match &a.at {
        Some(s) => match crate::dates::parse_date(s) {
            Some(d) => d,
            None => {
                print_diags([&not_a_date(s)]);
                return None;
            }
        },
        None => crate::dates::today(),
    };
    match rules.law.resolve(&a.regime, date) {
        Ok(r) => Some(r),
        Err(e) => {
            print_diags([&unknown_regime(rules, &a.regime, e)]);
            None
        }
    }
}

/// `--at` (or another date option) that is not a date.
pub fn not_a_date(s: &str) -> Diag {
    Diag::error("certlex::usage::date", format!("`{s}` is not a date"))
        .help("write the date as YYYY-MM-DD, e.g. `--at 2016-01-01`")
        .zh(
            format!("`{s}` 不是日期"),
            Some("请按 YYYY-MM-DD 写日期，例如 `--at 2016-01-01`"),
        )
}

/// A regime the rules do not define (`e` is the law's English message).
pub fn unknown_regime(rules: &RuleSet, regime: &str, e: String) -> Diag {
    let known: Vec<&str> = rules.law.regimes.iter().map(|r| r.name.as_str()).collect();
    let zh = format!("未知的法律状态 `{regime}`（已知：{}）", known.join("、"));
    let help = crate::diag::suggestion(regime, known.iter().copied());
    let help_zh = crate::diag::did_you_mean(regime, known.iter().copied()).map(|c| format!("您是否指 `{c}`？"));
    Diag::error("certlex::usage::regime", e)
        .help_opt(help)
        .zh(zh, help_zh.as_deref())
}
