//! The friction a lawyer met (issue 17, point 3), end to end through the
//! binary: `fmt` with `--rules` and comments it cannot keep, `explain` of an
//! article or a parameter, `schema --lang zh`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

#[path = "support/run.rs"]
mod run;

use run::{certlex, stderr, stdout};

/// A fresh folder under the system's temporary folder.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("certlex-friction-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn fmt_honours_the_global_rules_folder() {
    let dir = scratch("fmt-rules");
    let file = dir.join("a.rules");
    std::fs::write(&file, "rule   A {\n  severity    error\n}\n").unwrap();
    let o = certlex(&["--rules", dir.to_str().unwrap(), "fmt", "--check"]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("a.rules"), "{}", stdout(&o));
    let o = certlex(&["--rules", dir.to_str().unwrap(), "fmt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "rule A {\n  severity error\n}\n"
    );
}

#[test]
fn fmt_names_the_line_of_a_comment_it_cannot_keep() {
    let dir = scratch("fmt-comment");
    let file = dir.join("a.rules");
    let text = "rule A {\n  require a is present\n    # why b\n    or b is present\n}\n";
    std::fs::write(&file, text).unwrap();
    let o = certlex(&["fmt", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the comment on line 3 is inside a condition"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        text,
        "the file is left as it is"
    );
}

#[test]
fn explain_takes_an_article_with_the_rules_and_parameters_resting_on_it() {
    let o = certlex(&["explain", "ESL 24", "--at", "2027-06-01"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("信息保存期限至少为电子签名认证证书失效后五年"), "{out}");
    assert!(out.contains("rules that cite it:"), "{out}");
    assert!(out.contains("record-retention-after-expiry"), "{out}");
    // Written as two words, as a shell splits it, it is the same provision.
    let split = certlex(&["explain", "ESL", "24", "--at", "2027-06-01"]);
    assert_eq!(stdout(&split), out);
}

#[test]
fn explain_takes_a_parameter_with_its_value_on_the_date() {
    let o = certlex(&["explain", "record-retention-after-expiry", "--at", "2027-06-01"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("value under current on 2027-06-01: 5 years"), "{out}");
    assert!(out.contains("rules that read it:"), "{out}");
    assert!(out.contains("ESL-24"), "{out}");
}

#[test]
fn explain_labels_are_chinese_under_lang_zh() {
    let o = certlex(&[
        "--lang",
        "zh",
        "explain",
        "record-retention-after-expiry",
        "--at",
        "2027-06-01",
    ]);
    let out = stdout(&o);
    assert!(out.contains("current 下 2027-06-01 的值：5年"), "{out}");
    assert!(out.contains("读取它的规则："), "{out}");
    assert!(!out.contains("rules that read it"), "{out}");
    let o = certlex(&["--lang", "zh", "explain", "ESL-21-1"]);
    let out = stdout(&o);
    assert!(
        out.contains("适用对象：certificate") && out.contains("定义于："),
        "{out}"
    );
    assert!(!out.contains("applies to:"), "{out}");
}

#[test]
fn explain_of_something_unknown_suggests_a_name() {
    let o = certlex(&["explain", "record-retention-after-expiri"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("record-retention-after-expiry"), "{}", stderr(&o));
}

#[test]
fn schema_in_chinese_gives_descriptions_and_the_provisions_served() {
    let o = certlex(&["--lang", "zh", "schema", "certificate"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let row = out.lines().find(|l| l.starts_with("| `public_key` |")).unwrap();
    assert!(
        row.contains("电子签名验证数据") && row.contains("《电子签名法》第二十一条第（五）项"),
        "{row}"
    );
    let o = certlex(&["schema", "certificate"]);
    let row = stdout(&o)
        .lines()
        .find(|l| l.starts_with("| `public_key` |"))
        .map(str::to_string)
        .unwrap();
    assert!(row.contains("ESL 21(5)") && row.contains("电子签名验证数据"), "{row}");
}

/// A rule-statement duty written in the rule language alone, with the
/// `sections` fact: the example rule of docs/rule-language.md and its
/// scenarios in English and Chinese, run with the built-in law.
#[test]
fn a_section_duty_runs_its_scenarios() {
    let dir = scratch("sections");
    let rules = run::root().join("rules");
    for e in walk(&rules) {
        let to = dir.join(e.strip_prefix(&rules).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&e, &to).unwrap();
    }
    std::fs::copy(
        run::root().join("tests/data/sections/section-rule.rules"),
        dir.join("section-rule.rules"),
    )
    .unwrap();
    let o = certlex(&["--rules", dir.to_str().unwrap(), "test", "tests/data/sections"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("6 scenarios (6 passed)"), "{}", stdout(&o));
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
