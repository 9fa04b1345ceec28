//! The command line's help in Chinese, for `--lang zh` (or a Chinese
//! `LANG`): the summary of certlex and of every command, the help of the
//! options of `check` and of those every command shares, the exit codes,
//! and the headings. clap words its own errors and the lists of possible
//! and default values itself; those stay English.

use clap::{Arg, Command};

use crate::i18n::Lang;

const ABOUT: &str = "对照中华人民共和国电子签名法律，检查证书、电子认证服务机构概况和电子认证业务规则";

const LONG_ABOUT: &str = "certlex 对照《电子签名法》（2004 年，2015 年和 2019 年修正）、《电子认证服务管理办法》\
（2009/2015 年）及其 2024 年征求意见稿，检查 X.509 证书（RSA、ECDSA、SM2/SM3）、电子认证服务机构概况（YAML）\
和电子认证业务规则。每项结论都引用其所依据的条、款、项。\n\n规则内置于程序中；`--rules DIR` 使用其他规则。";

const EXAMPLES: &str = "示例：\n  certlex check cert.pem\n  certlex check --regime draft-2024 profiles/\n  certlex explain ESL-21-1\n  certlex rules list";

/// `check`'s exit codes, as `cli::EXIT_CODES` says them in English.
const EXIT_CODES: &str = "\
退出码：
  0  符合：没有达到 --fail-on 的结论（已豁免的结论不计）
  1  有达到 --fail-on 的结论（规则严重程度达到门槛的不通过、无法判定或需要证据；
     后两者在 --allow-undetermined 时不计），或有过期的豁免
  2  用法错误、certlex.toml 有误、输入或规则文件无法读取，或没有可检查的内容

格式：human（默认）、json、jsonl、sarif、junit；--output FILE 以原子方式写出报告。
豁免读自 ./certlex.toml 或 --config FILE。";

/// The summary of each command, by its path.
const COMMANDS: &[(&str, &str)] = &[
    ("check", "检查证书、电子认证服务机构概况和电子认证业务规则"),
    ("rules", "检查或列出规则"),
    (
        "rules check",
        "检查规则文件：语法、引用、事实、类型；有任何错误时退出码为 2",
    ),
    ("rules list", "列出规则：编号、对象、严重程度、引用和标题"),
    ("explain", "显示一条规则、它所引用条文的中英文文本及其条件"),
    ("fmt", "按规范格式排版规则文件（幂等，从不改变其含义）"),
    ("test", "运行 Gherkin 场景（可执行的法定测试）；有场景失败时退出码为 1"),
    ("facts", "以 JSON 打印 certlex 从一个输入读取的事实（供规则作者使用）"),
    ("schema", "打印电子认证服务机构概况的 JSON Schema，或某类对象事实的文档"),
    (
        "coverage",
        "法条覆盖：被规则引用、不适用、未核实或未覆盖的条文，以及检验每条规则的场景",
    ),
    (
        "diff",
        "两个法律状态（或日期）之间的变化：规则、参数，给出对象时还有结论",
    ),
    ("help", "显示本帮助，或所给命令的帮助"),
    ("rules help", "显示本帮助，或所给命令的帮助"),
];

/// The help of options, by command path (`*` for every command) and id.
const OPTIONS: &[(&str, &str, &str)] = &[
    ("*", "help", "显示帮助（`-h` 显示摘要）"),
    ("*", "version", "显示版本"),
    ("*", "rules", "使用 DIR 下的规则文件，而不是内置规则"),
    ("*", "lang", "标题和消息的语言（默认取自 LANG，否则为英文）"),
    ("*", "max_regex_size", "规则中 `matches` 模式编译后的最大大小（字节）"),
    (
        "*",
        "regime",
        "适用的法律：`current`（现行法律）或 `draft-2024`（以 2024 年征求意见稿代替 2015 年办法）",
    ),
    ("*", "at", "适用法律的日期（YYYY-MM-DD），默认为今天"),
    (
        "*",
        "issuers",
        "签发输入证书的 CA 的证书（文件或文件夹，可重复），用于验证签名和证书链",
    ),
    ("*", "max_file_size", "读取的输入文件的最大大小（字节）"),
    ("*", "max_pem_blocks", "一个文件中读取的 PEM 块的最大数量"),
    ("*", "max_profile_size", "电子认证服务机构概况的最大大小（字节）"),
    ("*", "max_statement_size", "电子认证业务规则的最大大小（字节）"),
    ("*", "max_yaml_depth", "YAML 中映射和列表的最大嵌套深度"),
    (
        "*",
        "max_yaml_aliases",
        "一个文件中 YAML 别名（`*name`）最多可展开的值的数量",
    ),
    (
        "check",
        "paths",
        "要检查的文件或文件夹（`-` 读取标准输入）；在文件夹中查找 .pem/.crt/.cer/.der、.yaml/.yml 和 .md/.txt 文件",
    ),
    ("check", "format", "报告格式"),
    (
        "check",
        "output",
        "将报告写入 FILE 而不是标准输出；报告完整后文件才出现（绝不写出一半）",
    ),
    ("check", "config", "含豁免的配置文件（默认：存在时为 ./certlex.toml）"),
    (
        "check",
        "fail_on",
        "使运行失败（退出码 1）的最低规则严重程度，适用于不通过、无法判定和需要证据；`error` 总会使运行失败",
    ),
    (
        "check",
        "allow_undetermined",
        "让无法判定和需要证据的结论不使运行失败（仍会报告）；默认情况下无法检查的内容使运行失败",
    ),
    (
        "check",
        "verbose",
        "显示每项结论，包括通过的（human 和 SARIF），以及证书的完整身份（human）",
    ),
    (
        "check",
        "findings",
        "JSON 和 JSON Lines 为每个对象列出的结论：`attention`（默认：不通过、无法判定、需要证据，无论是否豁免）或 `all`（也包括通过和不适用）；两种情况下每个对象都按状态计数",
    ),
    (
        "check",
        "summary",
        "按规则计数（通过、不通过、无法判定……），代替逐个对象的报告（human、json、jsonl）",
    ),
];

/// The language of this run's help, read from the arguments before clap
/// parses them (`--lang zh`, `--lang=zh`), else from the environment.
pub fn lang_of(args: &[std::ffi::OsString]) -> Lang {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => continue,
        };
        match value.as_deref() {
            Some("zh") => return Lang::Zh,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    Lang::from_env()
}

/// The command line with its help in Chinese.
pub fn in_chinese(mut cmd: Command) -> Command {
    // Built first, so that the `--help` and `--version` flags and the
    // `help` command clap adds are there to word too.
    cmd.build();
    localize(cmd, "")
        .about(ABOUT)
        .long_about(LONG_ABOUT)
        .after_help(EXAMPLES)
}

fn localize(cmd: Command, path: &str) -> Command {
    let mut cmd = cmd
        .help_template("{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .mut_args(|a| option(a, path));
    if let Some((_, about)) = COMMANDS.iter().find(|(p, _)| *p == path) {
        cmd = cmd.about(*about).long_about(None::<&str>);
    }
    if path == "check" {
        cmd = cmd.after_help(EXIT_CODES);
    }
    cmd.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        let sub_path = if path.is_empty() {
            name
        } else {
            format!("{path} {name}")
        };
        localize(sub, &sub_path)
    })
}

/// An option with its Chinese help and heading.
fn option(a: Arg, path: &str) -> Arg {
    let id = a.get_id().as_str().to_string();
    let help = OPTIONS
        .iter()
        .find(|(p, i, _)| *p == path && *i == id)
        .or_else(|| OPTIONS.iter().find(|(p, i, _)| *p == "*" && *i == id));
    let heading = match a.get_help_heading() {
        Some("Limits") => "上限",
        _ if a.is_positional() => "参数",
        _ => "选项",
    };
    let a = a.help_heading(heading);
    match help {
        Some((_, _, h)) => a.help(*h).long_help(None::<&str>),
        None => a,
    }
}
