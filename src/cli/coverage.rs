//! `certlex coverage`: which articles the rules cite, which are out of scope
//! (and why), which are unverified, which are uncovered; and which scenarios
//! exercise each rule. Human output, `--html FILE` (one self-contained page a
//! lawyer can open: article text beside its rules and their scenarios) and
//! `--min-coverage PCT` for CI.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;

use super::{Global, load_rules, print_diags};
use crate::diag::Diag;
use crate::engine::RuleSet;
use crate::i18n::{Lang, Text};
use crate::law::coverage::{
    ArticleCoverage, ChapterCoverage, Coverage, Exercise, InstrumentCoverage, Ran, RuleRef, State, coverage, mark_run,
    ranges,
};
use crate::law::{Article, Instrument, Scope, Version};

#[derive(Args)]
pub struct CoverageArgs {
    /// The folder (or feature files) whose scenarios exercise the rules.
    #[arg(long, value_name = "DIR", default_value = "features")]
    pub features: Vec<PathBuf>,
    /// Also write the report as one self-contained HTML page to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Exit 1 when the share of in-scope articles cited by a rule is below PCT
    /// (0-100), or when a rule has no passing or no failing scenario (each
    /// named). Unverified articles are not counted.
    #[arg(long, value_name = "PCT")]
    pub min_coverage: Option<f64>,
    /// Do not run the scenarios: show each by what it expects, as not run
    /// (by default they run, and each shows whether it passed).
    #[arg(long)]
    pub no_run: bool,
}

pub fn run(g: &Global, a: &CoverageArgs) -> u8 {
    let Some(rules) = load_rules(g) else { return 2 };
    if let Some(min) = a.min_coverage
        && !(0.0..=100.0).contains(&min)
    {
        print_diags([
            &Diag::error("certlex::usage::min-coverage", format!("`{min}` is not a percentage"))
                .help("give a number from 0 to 100, e.g. `--min-coverage 90`")
                .zh(
                    format!("`{min}` 不是百分比"),
                    Some("请给出 0 到 100 之间的数，例如 `--min-coverage 90`"),
                ),
        ]);
        return 2;
    }
    let exercises = match crate::scenario::index::exercises(&a.features) {
        Ok(e) => e,
        Err(e) => {
            print_diags([&Diag::error("certlex::coverage::features", e)
                .help("give the folder of feature files with `--features DIR`")
                .zh_help("请用 `--features DIR` 给出 feature 文件所在的文件夹")]);
            return 2;
        }
    };
    let mut exercises = exercises;
    if !a.no_run {
        match run_outcomes(&rules, &a.features, &exercises) {
            Ok(ran) => mark_run(&mut exercises, &ran),
            Err(e) => {
                print_diags([&Diag::error("certlex::coverage::run", e)
                    .help("run `certlex test` on the features to see what fails, or give `--no-run`")
                    .zh_help("用 `certlex test` 运行这些 feature 查看出错之处，或使用 `--no-run`")]);
                return 2;
            }
        }
    }
    let refs: Vec<RuleRef> = rules.rules.iter().map(crate::engine::Rule::coverage_ref).collect();
    let cov = coverage(&rules.law, &refs, &exercises);
    let lang = g.lang();
    let features = a
        .features
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let source = if g.rules.is_some() { "--rules" } else { "built-in" };
    // A closed standard output does not stop the page or the gate below.
    let _ = super::emit(&human(&rules, &cov, lang, source, &features));
    if let Some(file) = &a.html {
        let page = html(&rules, &cov, source, &features);
        if let Err(e) = std::fs::write(file, page) {
            print_diags([&Diag::error(
                "certlex::coverage::write",
                format!("cannot write `{}`: {e}", file.display()),
            )
            .zh(format!("无法写入 `{}`：{e}", file.display()), None)]);
            return 2;
        }
        let _ = super::emit(&format!("{} {}\n", lang.pick("已写入", "wrote"), file.display()));
    }
    let Some(min) = a.min_coverage else { return 0 };
    let mut code = 0;
    let pct = cov.total.percent();
    if pct < min {
        say_in!(
            format!("certlex coverage：适用条文中有 {pct:.1}% 被规则引用，低于最低要求 {min}%"),
            format!(
                "certlex coverage: {pct:.1}% of the in-scope articles are cited by a rule, below the minimum of {min}%"
            )
        );
        code = 1;
    }
    // A rule no scenario shows passing and failing is untested law.
    for r in cov.rules.iter().filter(|r| !r.is_exercised()) {
        let (zh, en) = lacks(r);
        say_in!(
            format!("certlex coverage：规则 `{}` {zh}", r.id),
            format!("certlex coverage: rule `{}` {en}", r.id)
        );
        code = 1;
    }
    code
}

/// What a rule that is not exercised on both sides lacks (Chinese, English).
fn lacks(r: &crate::law::coverage::RuleCoverage) -> (&'static str, &'static str) {
    if r.undetermined_only {
        return (
            "缺少期望无法判定的场景或期望未生效的场景",
            "has no scenario expecting undetermined or none expecting not in force",
        );
    }
    match (r.passing.is_empty(), r.failing.is_empty()) {
        (true, true) => (
            "既没有通过的场景，也没有不通过的场景",
            "has no passing and no failing scenario",
        ),
        (true, false) => ("没有通过的场景", "has no passing scenario"),
        _ => ("没有不通过的场景", "has no failing scenario"),
    }
}

/// The outcome of every scenario from an actual run (`scenario::results`,
/// the runner of `certlex test`), to show scenarios by whether they passed
/// rather than by what they expect. Each is named by its feature as the
/// exercises name it (a file may be reached by another path).
fn run_outcomes(rules: &RuleSet, features: &[PathBuf], exercises: &[Exercise]) -> Result<Vec<Ran>, String> {
    let results = crate::scenario::results::results(std::sync::Arc::new(rules.clone()), features)?;
    let canonical = |p: &str| std::fs::canonicalize(p).ok();
    let mut names: Vec<(PathBuf, &str)> = Vec::new();
    for e in exercises {
        if !names.iter().any(|(_, f)| *f == e.feature)
            && let Some(c) = canonical(&e.feature)
        {
            names.push((c, &e.feature));
        }
    }
    Ok(results
        .into_iter()
        .map(|r| {
            let c = canonical(&r.feature);
            let feature = names
                .iter()
                .find(|(n, _)| Some(n) == c.as_ref())
                .map_or_else(|| r.feature.clone(), |(_, f)| (*f).to_string());
            Ran {
                feature,
                line: r.line,
                passed: r.passed,
            }
        })
        .collect())
}

fn state_word(s: State, lang: Lang) -> &'static str {
    match s {
        State::Cited => lang.pick("已引用", "cited"),
        State::ScopedOut => lang.pick("范围之外", "scoped out"),
        State::Unverified => lang.pick("未核实", "unverified"),
        State::Uncovered => lang.pick("未覆盖", "uncovered"),
    }
}

fn counts_line(c: &crate::law::coverage::Counts, lang: Lang) -> String {
    let mut s = match lang {
        Lang::Zh => format!(
            "{} 条：已引用 {}，范围之外 {}，未核实 {}，未覆盖 {}",
            c.present, c.cited, c.scoped_out, c.unverified, c.uncovered
        ),
        Lang::En => format!(
            "{} articles: {} cited, {} scoped out, {} unverified, {} uncovered",
            c.present, c.cited, c.scoped_out, c.unverified, c.uncovered
        ),
    };
    if c.missing > 0 {
        s.push_str(&match lang {
            Lang::Zh => format!("，缺少 {}", c.missing),
            Lang::En => format!(", {} missing from the rules", c.missing),
        });
    }
    s.push_str(&match (lang, c.in_scope()) {
        (Lang::Zh, 0) => " — 范围之内 0 条，覆盖率不适用".to_string(),
        (Lang::En, 0) => " — n/a, nothing in scope".to_string(),
        (Lang::Zh, n) => format!(" — 范围之内 {n} 条，已引用 {}", percent(c)),
        (Lang::En, n) => format!(" — {} of {n} in scope", percent(c)),
    });
    s
}

/// The share of in-scope articles cited, or "n/a" when none is in scope (a
/// percentage of nothing says nothing).
fn percent(c: &crate::law::coverage::Counts) -> String {
    match c.in_scope() {
        0 => "n/a".to_string(),
        _ => format!("{:.1}%", c.percent()),
    }
}

/// Why an instrument is listed apart from the articles counted, its dates
/// and the rules citing it.
fn apart_line(inst: &Instrument, a: &crate::law::coverage::Apart, lang: Lang) -> String {
    let dates = match (inst.in_force, inst.repealed) {
        (Some(f), Some(r)) => format!("{f} – {r}"),
        (Some(f), None) => format!("{f} –"),
        _ => String::new(),
    };
    let why = match a.why {
        crate::law::coverage::ApartWhy::NotEncoded => lang.pick(
            "未编入（已知存在，文本未编入；在其有效期间，引用它的规则无法判定）",
            "not encoded (known to exist, its text not encoded: rules citing it are undetermined while it is in force)",
        ),
        crate::law::coverage::ApartWhy::Standard => lang.pick(
            "技术标准（不是需要覆盖的法律，不计入覆盖率）",
            "technical standard (not law to cover: not counted)",
        ),
    };
    let rules = if a.rules.is_empty() {
        lang.pick("没有规则引用", "no rule cites it").to_string()
    } else {
        a.rules.join(", ")
    };
    format!("{why} {dates}; {rules}")
}

fn chapter_title(inst: &Instrument, ch: &ChapterCoverage, lang: Lang) -> String {
    let Some(n) = ch.number else {
        return lang.pick("章不详", "chapter not known").to_string();
    };
    let c = inst.chapters.iter().find(|c| c.number == n);
    let title = c.and_then(|c| c.title.get(lang)).unwrap_or("");
    let range = c
        .and_then(|c| c.articles)
        .map_or_else(String::new, |(a, b)| match lang {
            Lang::Zh => format!("（第 {a}-{b} 条）"),
            Lang::En => format!(" (articles {a}-{b})"),
        });
    match lang {
        Lang::Zh => format!("第 {n} 章 {title}{range}"),
        Lang::En => format!("chapter {n}  {title}{range}"),
    }
}

fn reason(article: Option<&Article>) -> Option<&Text> {
    match article.map(|a| &a.scope) {
        Some(Scope::Out(t) | Scope::Unverified(t)) => Some(t),
        _ => None,
    }
}

/// The human report.
pub fn human(rules: &RuleSet, cov: &Coverage, lang: Lang, source: &str, features: &str) -> String {
    let mut out = String::new();
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "法律覆盖情况（规则：{source}；场景：{features}）\n覆盖率 = 至少被一条规则引用的范围之内条文 ÷ 范围之内条文。范围之外的条文不计；\n未核实的条文（本项目没有其文本）单列，不计入分母。\n"
        ),
        Lang::En => writeln!(
            out,
            "Statutory coverage (rules: {source}; features: {features})\nCoverage = in-scope articles cited by at least one rule ÷ in-scope articles. Scoped-out\narticles are not in scope; unverified articles (text not available) are counted apart and\nleft out of the denominator.\n"
        ),
    };
    for ic in &cov.instruments {
        let Some(inst) = rules.law.instrument(&ic.id) else {
            continue;
        };
        let _ = writeln!(out, "{}  {}", inst.id, inst.title.get_or(lang, ""));
        let _ = writeln!(out, "  {}", counts_line(&ic.counts, lang));
        if !ic.missing.is_empty() {
            let _ = writeln!(
                out,
                "  {}: {}",
                lang.pick("规则中缺少的条文", "articles missing from the rules"),
                ranges(&ic.missing)
            );
        }
        for ch in &ic.chapters {
            let _ = writeln!(out, "\n  {}", chapter_title(inst, ch, lang));
            if !ch.cited_as_chapter.is_empty() {
                let _ = writeln!(
                    out,
                    "    {}: {}",
                    lang.pick("按章引用（条文序号不详）", "cited as a chapter (article not known)"),
                    ch.cited_as_chapter.join(", ")
                );
            }
            if ch.articles.is_empty() {
                let _ = writeln!(
                    out,
                    "    {}",
                    lang.pick(
                        "（没有已知属于本章的条文）",
                        "(no article is known to be in this chapter)"
                    )
                );
            }
            human_articles(&mut out, inst, &ch.articles, lang);
        }
        out.push('\n');
    }
    for a in &cov.apart {
        let Some(inst) = rules.law.instrument(&a.id) else {
            continue;
        };
        let _ = writeln!(out, "{}  {}", inst.id, inst.title.get_or(lang, ""));
        let _ = writeln!(out, "  {}", apart_line(inst, a, lang));
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{}  {}\n",
        lang.pick("合计", "Total"),
        counts_line(&cov.total, lang)
    );
    human_rules(&mut out, rules, cov, lang);
    human_parameters(&mut out, rules, lang);
    out
}

/// One value of a parameter over a span of time under a regime.
#[derive(PartialEq)]
struct Dated {
    from: Option<time::Date>,
    until: Option<time::Date>,
    value: String,
    /// The provisions that set it, as rule files write them.
    cites: String,
}

/// The regimes (joined by commas) under which a parameter has one history, and that history.
type ByRegime = (String, Vec<Dated>);

/// Each parameter's values by date, per regime (from the law's timeline, as
/// the engine applies them), with the provision that sets each value.
fn parameter_history(rules: &RuleSet, lang: Lang) -> Vec<(usize, Vec<ByRegime>)> {
    let timelines: Vec<(String, crate::engine::timeline::Timeline)> = rules
        .law
        .regimes
        .iter()
        .filter_map(|r| {
            let res = rules.law.resolve(&r.name, crate::dates::today()).ok()?;
            Some((
                r.name.clone(),
                crate::engine::timeline::Timeline::new(&rules.law, &rules.rules, &res),
            ))
        })
        .collect();
    (0..rules.law.parameters.len())
        .filter_map(|i| {
            let p = rules.law.parameters.get(i)?;
            let by_regime: Vec<ByRegime> = timelines
                .iter()
                .map(|(name, t)| {
                    let spans = t
                        .parameter_history(i)
                        .into_iter()
                        .map(|(from, until, v)| Dated {
                            from,
                            until,
                            value: crate::facts::display(&v, lang),
                            cites: p
                                .values
                                .iter()
                                .find(|pv| pv.value == v)
                                .map(|pv| pv.cites.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
                                .unwrap_or_default(),
                        })
                        .collect();
                    (name.clone(), spans)
                })
                .collect();
            // Regimes under which the parameter has the same history share a line.
            let mut grouped: Vec<ByRegime> = Vec::new();
            for (name, spans) in by_regime {
                match grouped.iter_mut().find(|(_, s)| *s == spans) {
                    Some((names, _)) => {
                        names.push_str(", ");
                        names.push_str(&name);
                    }
                    None => grouped.push((name, spans)),
                }
            }
            Some((i, grouped))
        })
        .collect()
}

fn window(d: &Dated, lang: Lang) -> String {
    match (d.from, d.until, lang) {
        (None, None, Lang::En) => "always".into(),
        (None, None, Lang::Zh) => "始终".into(),
        (Some(f), None, Lang::En) => format!("from {f}"),
        (Some(f), None, Lang::Zh) => format!("自 {f} 起"),
        (None, Some(u), Lang::En) => format!("until {u}"),
        (None, Some(u), Lang::Zh) => format!("至 {u} 止"),
        (Some(f), Some(u), Lang::En) => format!("from {f} until {u}"),
        (Some(f), Some(u), Lang::Zh) => format!("自 {f} 起至 {u} 止"),
    }
}

fn human_parameters(out: &mut String, rules: &RuleSet, lang: Lang) {
    let _ = writeln!(
        out,
        "\n{}",
        lang.pick(
            "参数按日期（各法律状态下每个取值的适用期间及设定它的条文；`until` 之日不含在内）",
            "Parameters by date (each value under each regime, the dates it applies and the provision\nthat sets it; the `until` day is excluded)"
        )
    );
    for (i, by_regime) in parameter_history(rules, lang) {
        let Some(p) = rules.law.parameters.get(i) else {
            continue;
        };
        let _ = writeln!(out, "  {}  {}", p.name, p.title.get_or(lang, ""));
        for (regime, spans) in &by_regime {
            if spans.is_empty() {
                let _ = writeln!(out, "    {regime}: {}", lang.pick("没有取值", "no value"));
            }
            for d in spans {
                let _ = writeln!(out, "    {regime}: {}  {}  ({})", d.value, window(d, lang), d.cites);
            }
        }
    }
}

fn human_articles(out: &mut String, inst: &Instrument, articles: &[ArticleCoverage], lang: Lang) {
    let mut i = 0;
    while let Some(a) = articles.get(i) {
        let article = inst.articles.get(&a.number);
        // Consecutive articles in the same state for the same reason (the
        // unverified ones) print as one range.
        let mut j = i + 1;
        if a.state != State::Cited {
            while let Some(b) = articles.get(j) {
                let other = inst.articles.get(&b.number);
                let same = b.state == a.state
                    && b.number == a.number + (j - i) as u32
                    && reason(other) == reason(article)
                    && other.map(|x| (&x.heading, &x.note)) == article.map(|x| (&x.heading, &x.note))
                    && article.is_some_and(|x| x.heading.is_empty());
                if !same {
                    break;
                }
                j += 1;
            }
        }
        let numbers: Vec<u32> = articles
            .get(i..j)
            .unwrap_or_default()
            .iter()
            .map(|x| x.number)
            .collect();
        let heading = article.and_then(|x| x.heading.get(lang)).unwrap_or("");
        let line = format!(
            "    {} {:>6}  {heading}",
            crate::i18n::pad(state_word(a.state, lang), 11),
            ranges(&numbers)
        );
        let _ = writeln!(out, "{}", line.trim_end());
        let mut details: Vec<String> = Vec::new();
        match a.state {
            State::Cited => {
                details.push(a.rules.join(", "));
                details.extend(uncited_lines(&a.uncited, article, lang));
            }
            State::ScopedOut => details.extend(reason(article).and_then(|t| t.get(lang)).map(str::to_string)),
            State::Unverified => {
                details.extend(reason(article).and_then(|t| t.get(lang)).map(str::to_string));
                details.extend(
                    article
                        .and_then(|x| x.note.get(lang))
                        .map(|n| format!("{}: {n}", lang.pick("注", "note"))),
                );
            }
            State::Uncovered => {}
        }
        if !a.parameters.is_empty() {
            details.push(format!(
                "{}: {}",
                lang.pick("参数", "parameters"),
                a.parameters.join(", ")
            ));
        }
        for d in details {
            let _ = writeln!(out, "{:24}{d}", "");
        }
        i = j;
    }
}

/// A paragraph or item as people cite it: `para 2`, `para 1 item (3)`, `item (3)`.
fn part_name(u: &crate::law::coverage::Uncited, lang: Lang) -> String {
    match (lang, u.para_named, u.item) {
        (Lang::En, true, Some(i)) => format!("para {} item ({i})", u.para),
        (Lang::En, false, Some(i)) => format!("item ({i})"),
        (Lang::En, _, None) => format!("para {}", u.para),
        (Lang::Zh, true, Some(i)) => format!("第{}款第（{i}）项", u.para),
        (Lang::Zh, false, Some(i)) => format!("第（{i}）项"),
        (Lang::Zh, _, None) => format!("第{}款", u.para),
    }
}

/// The paragraphs and items of a cited article no rule cites, one line per
/// wording (named by its first day where the article has several).
fn uncited_lines(uncited: &[crate::law::coverage::Uncited], article: Option<&Article>, lang: Lang) -> Vec<String> {
    let dated = article.is_some_and(|a| a.versions.len() > 1);
    let mut out: Vec<String> = Vec::new();
    let mut rest = uncited;
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|u| u.wording_from == first.wording_from).count();
        let (these, after) = rest.split_at(n);
        rest = after;
        let parts: Vec<String> = these.iter().map(|u| part_name(u, lang)).collect();
        let wording = match (dated, first.wording_from, lang) {
            (true, Some(d), Lang::En) => format!(" (wording from {d})"),
            (true, Some(d), Lang::Zh) => format!("（{d} 起的文本）"),
            _ => String::new(),
        };
        out.push(match lang {
            Lang::En => format!("not cited by a rule{wording}: {}", parts.join(", ")),
            Lang::Zh => format!("没有规则引用{wording}：{}", parts.join("、")),
        });
    }
    out
}

fn human_rules(out: &mut String, rules: &RuleSet, cov: &Coverage, lang: Lang) {
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "规则及其场景（通过：期望通过；不通过：期望不通过、需要证据或无法判定；其他：不适用、未生效）",
            "Rules and their scenarios (passing: expects pass; failing: expects fail, needs evidence or\nundetermined; other: not applicable, not in force)"
        )
    );
    let width = cov.rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in &cov.rules {
        let title = today_title(rules, &r.id);
        let title = title.get_or(lang, "");
        let mut flag = if r.is_exercised() {
            String::new()
        } else {
            lang.pick(
                "  ← 缺少通过或不通过的场景",
                "  ← lacks a passing or a failing scenario",
            )
            .to_string()
        };
        let failed = [&r.passing, &r.failing, &r.other]
            .into_iter()
            .flatten()
            .filter(|e| e.passed == Some(false))
            .count();
        if failed > 0 {
            flag.push_str(&match lang {
                Lang::Zh => format!("（{failed} 个场景运行未通过）"),
                Lang::En => format!(" ({failed} failed when run)"),
            });
        }
        let _ = writeln!(
            out,
            "  {:<width$} {} {}, {} {}, {} {}{flag}  {title}",
            r.id,
            r.passing.len(),
            lang.pick("通过", "passing"),
            r.failing.len(),
            lang.pick("不通过", "failing"),
            r.other.len(),
            lang.pick("其他", "other"),
        );
    }
    let lacking: Vec<&str> = cov
        .rules
        .iter()
        .filter(|r| !r.is_exercised())
        .map(|r| r.id.as_str())
        .collect();
    let _ = writeln!(
        out,
        "{}: {}",
        lang.pick(
            "缺少通过或不通过场景的规则",
            "Rules without both a passing and a failing scenario"
        ),
        if lacking.is_empty() {
            lang.pick("无", "none").to_string()
        } else {
            format!("{} ({})", lacking.len(), lacking.join(", "))
        }
    );
    if !cov.unknown_rules.is_empty() {
        let _ = writeln!(
            out,
            "{}:",
            lang.pick("场景中引用了不存在的规则", "Scenarios naming rules that do not exist")
        );
        for e in &cov.unknown_rules {
            let _ = writeln!(out, "  {} {}:{} {}", e.rule, e.feature, e.line, e.scenario);
        }
    }
}

// ---- HTML ----

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Noto Sans CJK SC','PingFang SC',sans-serif;margin:2em auto;max-width:80em;padding:0 1em;color:#222;line-height:1.45}\
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:2px solid #333}h3{margin-top:1.5em;color:#444}\
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}\
.art{display:grid;grid-template-columns:1fr 1fr;gap:1em;border:1px solid #ddd;border-left:6px solid #999;margin:.8em 0;padding:.6em .9em}\
.cited{border-left-color:#2a7d2a}.uncovered{border-left-color:#c0392b}.scoped-out{border-left-color:#7f8c8d}.unverified{border-left-color:#d4a017}\
.badge{display:inline-block;padding:0 .5em;border-radius:.3em;color:#fff;font-size:.85em}\
.b-cited{background:#2a7d2a}.b-uncovered{background:#c0392b}.b-scoped-out{background:#7f8c8d}.b-unverified{background:#b8860b}\
.zh{margin:.2em 0}.en{margin:.2em 0 .6em;color:#333}.ver{font-size:.85em;color:#555;margin-top:.6em;font-weight:bold}.note{font-size:.85em;color:#666;font-style:italic}\
.item{margin-left:1em;display:grid;grid-template-columns:2.4em 1fr}.rule{margin:.4em 0}.sc{font-size:.85em;margin-left:1.2em}.pass{color:#2a7d2a}.fail{color:#c0392b}.other{color:#666}\
.reason{background:#f6f6f6;padding:.3em .6em}code{font-size:.9em}";

/// The filter box: hides the articles, rules and parameter rows whose text
/// does not contain every word typed (case-insensitive), and the chapter
/// and instrument headings left with nothing shown. Inline: the page
/// fetches nothing.
const FILTER: &str = r#"
(function () {
  var box = document.getElementById('filter');
  var count = document.getElementById('filter-count');
  function apply() {
    var words = box.value.toLowerCase().split(/\s+/).filter(function (w) { return w; });
    var shown = 0;
    document.querySelectorAll('.art, .filterable tr:not(:first-child)').forEach(function (el) {
      var text = el.textContent.toLowerCase();
      var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
      el.hidden = !hit;
      if (hit) { shown += 1; }
    });
    document.querySelectorAll('section.chapter').forEach(function (sec) {
      sec.hidden = words.length > 0 && !sec.querySelector('.art:not([hidden])');
    });
    count.textContent = words.length ? shown + ' shown / 显示 ' + shown : '';
  }
  box.addEventListener('input', apply);
})();
"#;

/// The table of contents: each instrument and its chapters, the rules and
/// the parameters; and the filter box.
fn html_toc(o: &mut String, rules: &RuleSet, cov: &Coverage) {
    o.push_str("<nav id=\"toc\"><h2>Contents / 目录</h2>\n<ul>\n");
    for ic in &cov.instruments {
        let Some(inst) = rules.law.instrument(&ic.id) else {
            continue;
        };
        let _ = write!(
            o,
            "<li><a href=\"#{}\">{} · {}</a> <span class=\"note\">{}</span>\n<ul>",
            esc(&inst.id),
            esc(&inst.id),
            esc(inst.title.get_or(Lang::Zh, "")),
            esc(&percent(&ic.counts))
        );
        for ch in &ic.chapters {
            let _ = write!(
                o,
                "<li><a href=\"#{}\">{}</a></li>",
                chapter_anchor(inst, ch),
                esc(&chapter_title(inst, ch, Lang::Zh))
            );
        }
        o.push_str("</ul></li>\n");
    }
    o.push_str("<li><a href=\"#rules\">Rules and their scenarios / 规则及其场景</a></li>\n<li><a href=\"#parameters\">Parameters by date / 参数按日期</a></li>\n</ul></nav>\n");
    o.push_str("<p class=\"filter\"><label>Filter / 筛选 <input id=\"filter\" type=\"search\" placeholder=\"ESL 17, CAPITAL, 许可 …\"></label> <span id=\"filter-count\" class=\"note\"></span></p>\n");
}

fn chapter_anchor(inst: &Instrument, ch: &ChapterCoverage) -> String {
    match ch.number {
        Some(n) => format!("{}-ch{n}", esc(&inst.id)),
        None => format!("{}-ch-unknown", esc(&inst.id)),
    }
}

/// The HTML page: summary, then every article with its text beside its rules and scenarios.
pub fn html(rules: &RuleSet, cov: &Coverage, source: &str, features: &str) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>certlex statutory coverage</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
    );
    let _ = writeln!(
        o,
        "<h1>certlex — 法律覆盖情况 / statutory coverage</h1>\n<p>Rules: {} · features: {}</p>\n<p>Coverage = in-scope articles cited by at least one rule ÷ in-scope articles. Scoped-out articles are not in scope; <b>unverified</b> articles (text not available to the project) are counted in a column of their own and left out of the denominator.<br>覆盖率 = 至少被一条规则引用的范围之内条文 ÷ 范围之内条文；未核实的条文单列，不计入分母。</p>",
        esc(source),
        esc(features)
    );
    o.push_str("<table>\n<tr><th>instrument</th><th>articles</th><th>cited</th><th>scoped out</th><th>unverified</th><th>uncovered</th><th>missing</th><th>in scope</th><th>coverage</th></tr>\n");
    let row = |o: &mut String, name: &str, c: &crate::law::coverage::Counts| {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(name),
            c.present,
            c.cited,
            c.scoped_out,
            c.unverified,
            c.uncovered,
            c.missing,
            c.in_scope(),
            percent(c)
        );
    };
    for ic in &cov.instruments {
        row(&mut o, &ic.id, &ic.counts);
    }
    row(&mut o, "total", &cov.total);
    o.push_str("</table>\n");
    for a in &cov.apart {
        if let Some(inst) = rules.law.instrument(&a.id) {
            let _ = writeln!(
                o,
                "<p><b>{}</b> {}: {}</p>",
                esc(&inst.id),
                esc(inst.title.get_or(Lang::En, "")),
                esc(&apart_line(inst, a, Lang::En))
            );
        }
    }
    html_toc(&mut o, rules, cov);
    for ic in &cov.instruments {
        if let Some(inst) = rules.law.instrument(&ic.id) {
            html_instrument(&mut o, rules, cov, inst, ic);
        }
    }
    html_rules(&mut o, rules, cov);
    html_parameters(&mut o, rules);
    let _ = write!(o, "<script>{FILTER}</script>\n</body>\n</html>\n");
    o
}

fn html_instrument(o: &mut String, rules: &RuleSet, cov: &Coverage, inst: &Instrument, ic: &InstrumentCoverage) {
    let _ = writeln!(
        o,
        "<h2 id=\"{}\">{} · {} · {}</h2>",
        esc(&inst.id),
        esc(&inst.id),
        esc(inst.title.get_or(Lang::Zh, "")),
        esc(inst.title.get_or(Lang::En, ""))
    );
    let _ = writeln!(o, "<p>{}</p>", esc(&counts_line(&ic.counts, Lang::En)));
    if !ic.missing.is_empty() {
        let _ = writeln!(
            o,
            "<p class=\"reason\">Articles missing from the rules: {}</p>",
            esc(&ranges(&ic.missing))
        );
    }
    for ch in &ic.chapters {
        let _ = writeln!(
            o,
            "<section class=\"chapter\"><h3 id=\"{}\">{} / {}</h3>",
            chapter_anchor(inst, ch),
            esc(&chapter_title(inst, ch, Lang::Zh)),
            esc(&chapter_title(inst, ch, Lang::En))
        );
        if !ch.cited_as_chapter.is_empty() {
            let _ = writeln!(o, "<p>Cited as a chapter (article not known):</p>");
            for id in &ch.cited_as_chapter {
                html_rule(o, rules, cov, id);
            }
        }
        for a in &ch.articles {
            let Some(article) = inst.articles.get(&a.number) else {
                continue;
            };
            html_article(o, rules, cov, inst, article, a);
        }
        o.push_str("</section>\n");
    }
}

fn html_article(
    o: &mut String,
    rules: &RuleSet,
    cov: &Coverage,
    inst: &Instrument,
    article: &Article,
    a: &ArticleCoverage,
) {
    let class = match a.state {
        State::Cited => "cited",
        State::ScopedOut => "scoped-out",
        State::Unverified => "unverified",
        State::Uncovered => "uncovered",
    };
    let _ = writeln!(
        o,
        "<div class=\"art {class}\" id=\"{}-{}\"><div>",
        esc(&inst.id),
        a.number
    );
    let _ = writeln!(
        o,
        "<b>{} {}</b> {} · {}",
        esc(&inst.id),
        a.number,
        esc(article.heading.zh.as_deref().unwrap_or("")),
        esc(article.heading.en.as_deref().unwrap_or(""))
    );
    html_note(o, &article.note);
    let dated = article.versions.len() > 1 || article.versions.iter().any(|v| v.from.is_some());
    for (i, v) in article.versions.iter().enumerate() {
        if dated {
            let from = v.from.map_or_else(|| "the start".to_string(), |d| d.to_string());
            let until = article
                .version_until(i)
                .map_or_else(String::new, |d| format!(" until {d}"));
            let _ = writeln!(o, "<div class=\"ver\">wording from {from}{until}</div>");
        }
        html_version(o, v);
    }
    o.push_str("</div><div>");
    let _ = writeln!(
        o,
        "<span class=\"badge b-{class}\">{} · {}</span>",
        state_word(a.state, Lang::Zh),
        state_word(a.state, Lang::En)
    );
    if let Scope::Out(t) | Scope::Unverified(t) = &article.scope {
        let _ = writeln!(
            o,
            "<p class=\"reason\">{}<br>{}</p>",
            esc(t.zh.as_deref().unwrap_or("")),
            esc(t.en.as_deref().unwrap_or(""))
        );
    }
    for id in &a.rules {
        html_rule(o, rules, cov, id);
    }
    for (zh, en) in uncited_lines(&a.uncited, Some(article), Lang::Zh)
        .iter()
        .zip(uncited_lines(&a.uncited, Some(article), Lang::En))
    {
        let _ = writeln!(o, "<p class=\"reason uncited\">{}<br>{}</p>", esc(zh), esc(&en));
    }
    if !a.parameters.is_empty() {
        let _ = writeln!(o, "<p>Parameters: <code>{}</code></p>", esc(&a.parameters.join(", ")));
    }
    o.push_str("</div></div>\n");
}

fn html_note(o: &mut String, note: &Text) {
    for s in [&note.zh, &note.en].into_iter().flatten() {
        let _ = writeln!(o, "<div class=\"note\">{}</div>", esc(s));
    }
}

fn html_version(o: &mut String, v: &Version) {
    html_note(o, &v.note);
    let lang_of = |t: &Text| {
        let mut s = String::new();
        if let Some(z) = &t.zh {
            let _ = write!(s, "<div class=\"zh\">{}</div>", esc(z));
        }
        if let Some(e) = &t.en {
            let _ = write!(s, "<div class=\"en\">{}</div>", esc(e));
        }
        s
    };
    let numbered = v.paras.len() > 1;
    for p in &v.paras {
        if numbered {
            let _ = write!(o, "<div class=\"note\">para {}</div>", p.number);
        }
        o.push_str(&lang_of(&p.text));
        html_note(o, &p.note);
        for it in &p.items {
            let _ = write!(
                o,
                "<div class=\"item\"><span>({})</span><div>{}",
                it.number,
                lang_of(&it.text)
            );
            html_note(o, &it.note);
            o.push_str("</div></div>");
        }
    }
    o.push('\n');
}

/// A rule's title with the parameter values of the law in force today
/// (`current`): coverage spans every regime, so it names today's values.
fn today_title(rules: &RuleSet, id: &str) -> Text {
    let Some((_, rule)) = rules.rule(id) else {
        return Text::default();
    };
    match rules.law.resolve("current", crate::dates::today()) {
        Ok(res) => rules.title(rule, &res),
        Err(_) => rule.title.clone(),
    }
}

fn html_rule(o: &mut String, rules: &RuleSet, cov: &Coverage, id: &str) {
    let Some((_, rule)) = rules.rule(id) else {
        return;
    };
    let cites = rule.citations_text();
    let _ = writeln!(
        o,
        "<div class=\"rule\"><a href=\"#rule-{}\"><code>{}</code></a> {} · {} <span class=\"note\">({}; {}; cites {})</span>",
        esc(id),
        esc(id),
        esc(today_title(rules, id).get_or(Lang::Zh, "")),
        esc(today_title(rules, id).get_or(Lang::En, "")),
        rule.applies_to.word(),
        rule.severity.word(),
        esc(&cites)
    );
    if let Some(rc) = cov.rules.iter().find(|r| r.id == id) {
        let all = [&rc.passing, &rc.failing, &rc.other];
        if all.iter().all(|v| v.is_empty()) {
            o.push_str("<div class=\"sc fail\">no scenario exercises this rule</div>");
        }
        for e in all.into_iter().flatten() {
            html_exercise(o, e);
        }
    }
    o.push_str("</div>\n");
}

/// A scenario as it ran: marked and coloured by whether it passed, with the
/// status it expects in words (the expectation is not the outcome).
fn html_exercise(o: &mut String, e: &Exercise) {
    let (class, mark, outcome) = match e.passed {
        Some(true) => ("pass", "✔", "passed when run · 运行通过"),
        Some(false) => ("fail", "✘", "failed when run · 运行未通过"),
        None => ("other", "○", "not run · 未运行"),
    };
    let _ = writeln!(
        o,
        "<div class=\"sc {class}\">{mark} expects <b>{}</b> — {} <span class=\"note\">{}:{} · {outcome}</span></div>",
        esc(&e.status),
        esc(&e.scenario),
        esc(&e.feature),
        e.line
    );
}

fn html_parameters(o: &mut String, rules: &RuleSet) {
    o.push_str("<h2 id=\"parameters\">Parameters by date / 参数按日期</h2>\n<p>Each value under each regime, the dates it applies (the <code>until</code> day excluded) and the provision that sets it.</p>\n<table class=\"filterable\">\n<tr><th>parameter</th><th>regime</th><th>value</th><th>from</th><th>until</th><th>cites</th></tr>\n");
    for (i, by_regime) in parameter_history(rules, Lang::En) {
        let Some(p) = rules.law.parameters.get(i) else {
            continue;
        };
        let mut id = format!(" id=\"param-{}\"", esc(&p.name));
        for (regime, spans) in &by_regime {
            for d in spans {
                let _ = writeln!(
                    o,
                    "<tr{}><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    std::mem::take(&mut id),
                    esc(&p.name),
                    esc(regime),
                    esc(&d.value),
                    d.from.map_or_else(String::new, |f| f.to_string()),
                    d.until.map_or_else(String::new, |u| u.to_string()),
                    esc(&d.cites)
                );
            }
        }
    }
    o.push_str("</table>\n");
}

fn html_rules(o: &mut String, rules: &RuleSet, cov: &Coverage) {
    o.push_str("<h2 id=\"rules\">Rules and their scenarios / 规则及其场景</h2>\n<p>Passing: expects pass. Failing: expects fail, needs evidence or undetermined. Other: not applicable, not in force. Beside each article, a scenario is marked by how it ran: ✔ passed, ✘ failed, ○ not run.</p>\n<table class=\"filterable\">\n<tr><th>rule</th><th>passing</th><th>failing</th><th>other</th><th>title</th></tr>\n");
    for r in &cov.rules {
        let title = today_title(rules, &r.id);
        let title = title.get_or(Lang::En, "");
        let style = if r.is_exercised() { "" } else { " class=\"fail\"" };
        let _ = writeln!(
            o,
            "<tr id=\"rule-{}\"{style}><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td style=\"text-align:left\">{}</td></tr>",
            esc(&r.id),
            esc(&r.id),
            r.passing.len(),
            r.failing.len(),
            r.other.len(),
            esc(title)
        );
    }
    o.push_str("</table>\n");
    if !cov.unknown_rules.is_empty() {
        o.push_str("<p class=\"reason\">Scenarios naming rules that do not exist:</p><ul>\n");
        for e in &cov.unknown_rules {
            let _ = writeln!(
                o,
                "<li><code>{}</code> {}:{} {}</li>",
                esc(&e.rule),
                esc(&e.feature),
                e.line,
                esc(&e.scenario)
            );
        }
        o.push_str("</ul>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_pads_by_terminal_columns() {
        assert_eq!(crate::i18n::pad("范围之外", 11), "范围之外   ");
        assert_eq!(crate::i18n::pad("cited", 11), "cited      ");
    }

    #[test]
    fn a_share_of_nothing_in_scope_is_not_applicable() {
        let none = crate::law::coverage::Counts {
            present: 3,
            scoped_out: 2,
            unverified: 1,
            ..Default::default()
        };
        assert_eq!(percent(&none), "n/a");
        assert!(counts_line(&none, Lang::En).ends_with(" — n/a, nothing in scope"));
        assert!(!counts_line(&none, Lang::Zh).contains('%'));
        let half = crate::law::coverage::Counts {
            present: 2,
            cited: 1,
            uncovered: 1,
            ..Default::default()
        };
        assert!(counts_line(&half, Lang::En).ends_with(" — 50.0% of 2 in scope"));
    }

    #[test]
    fn html_escapes_what_it_quotes() {
        assert_eq!(esc("a<b & \"c\"'"), "a&lt;b &amp; &quot;c&quot;&#39;");
    }
}
