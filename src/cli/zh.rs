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
    (
        "explain",
        "显示一条规则（所引条文的中英文文本及其条件）、一个条文（引用它的规则和参数）或一个参数（该日的值及沿革）",
    ),
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
    (
        "serve",
        "通过 HTTP 检查：供电子认证服务机构签发流程使用的服务（与 pkimetal 相同的 `POST /lintcert`），规则只加载一次",
    ),
    (
        "providers",
        "列出电子认证服务提供者名录：各提供者、其许可证、识别它的认证机构证书及各项的来源",
    ),
    (
        "lsp",
        "规则文件和 feature 文件的语言服务器（供编辑器使用：诊断、悬停说明、补全、跳转到定义、排版），经标准输入输出通信",
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
        "register",
        "将 FILE（YAML，格式同 register/providers.yaml）中的提供者加入内置的电子认证服务提供者名录",
    ),
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
    (
        "check",
        "format",
        "报告格式：human（默认，供人阅读：按对象、再按条文分组）、json（一个 JSON 文档，见 docs/report-schema.json）、jsonl（每行一个 JSON 对象）、sarif（SARIF 2.1.0，供代码扫描）或 junit（JUnit XML：每个对象一个测试套件，每条规则一个测试用例）",
    ),
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
    (
        "rules check",
        "paths",
        "规则文件夹（默认：内置规则，或 --rules），或在其上下文中检查的规则文件",
    ),
    (
        "explain",
        "what",
        "规则编号（`ESL-21-1`）、条文（`ESL 24`、`ESL 17(5)`、`ESL 23 para 2`）或参数（`record-retention-after-expiry`）",
    ),
    ("fmt", "check", "只列出未按规范格式排版的文件（有则退出码为 1）"),
    (
        "fmt",
        "paths",
        "规则文件或文件夹（默认：全局选项 `--rules DIR`，否则为 `rules/`）",
    ),
    ("test", "paths", "Feature 文件或文件夹（默认：`features/`）"),
    (
        "test",
        "format",
        "报告格式：human（默认）或 junit（写出 JUnit XML，cucumber 的报告改写到标准错误）",
    ),
    ("test", "output", "将报告写入 FILE 而不是标准输出；运行完成后文件才出现"),
    ("test", "junit", "另将 JUnit XML 报告写入 FILE（写法相同）"),
    (
        "test",
        "at",
        "按 DATE（YYYY-MM-DD）运行场景：未写日期的场景以此为检查日期（默认为今天）；场景自己的“假如 … 有效的法律”或“假如 检查日期为 …”仍然优先",
    ),
    (
        "test",
        "list_steps",
        "列出所有步骤的中英文写法及示例（`--lang zh` 或 `--lang en` 只列一种语言），不运行场景",
    ),
    (
        "lsp",
        "stdio",
        "经标准输入输出通信（唯一的方式；编辑器的客户端会传入此选项）",
    ),
    ("facts", "path", "输入文件（`-` 读取标准输入）"),
    ("schema", "kind", "`certificate`、`ca-profile` 或 `rule-statement`"),
    (
        "schema",
        "markdown",
        "打印该类对象事实的 Markdown 文档（不以 YAML 书写的类别默认如此）",
    ),
    (
        "schema",
        "json_schema",
        "打印 YAML 输入的 JSON Schema（`ca-profile` 默认如此）",
    ),
    ("coverage", "features", "其场景检验规则的文件夹（或 feature 文件）"),
    ("coverage", "html", "另将报告写成一个自包含的 HTML 页面 FILE"),
    (
        "coverage",
        "min_coverage",
        "被规则引用的适用条文所占比例低于 PCT（0-100），或有规则缺少通过或不通过的场景（逐一列出）时，退出码为 1；未核实的条文不计",
    ),
    (
        "coverage",
        "no_run",
        "不运行场景：按各场景的预期列出，标为未运行（默认运行场景，并标出每个场景是否通过）",
    ),
    ("diff", "from", "比较的起点法律状态，例如 `current`"),
    ("diff", "to", "比较的终点法律状态，例如 `draft-2024`"),
    ("diff", "at", "两种法律状态适用的日期（YYYY-MM-DD），默认为今天"),
    ("diff", "from_at", "`--from` 一侧的日期（如不同），例如修正之前的法律"),
    ("diff", "to_at", "`--to` 一侧的日期（如不同）"),
    (
        "diff",
        "subjects",
        "证书、电子认证服务机构概况或电子认证业务规则：显示发生变化的结论",
    ),
    (
        "diff",
        "format",
        "输出格式：human（默认）或 json（不提供 SARIF 和 JUnit：比较列出的是两种法律之间的变化，而非文件中的问题或通过与否的测试）",
    ),
    ("diff", "output", "将比较结果写入 FILE 而不是标准输出；完成后文件才出现"),
    ("serve", "listen", "监听的地址（`0.0.0.0:8080` 监听所有网络接口）"),
    ("serve", "workers", "同时进行的检查数（默认：处理器核数）"),
    (
        "serve",
        "max_requests",
        "同时读取或检查的请求数（每个请求的内容都在内存中，至多 --max-file-size），其余的等待",
    ),
    ("serve", "timeout", "一个请求最多可用的秒数，超过则回答 503"),
    ("serve", "quiet", "不在标准错误上为每个请求写一行日志"),
    ("providers", "format", "输出格式：human（默认）或 json"),
    (
        "serve",
        "features",
        "工作台为显示条文的场景而运行的 feature 文件（默认：当前目录下有 `features/` 时用它）",
    ),
];

const RULES_CHECK: &str = "\
给出文件时，每个文件在规则集（内置规则或 --rules DIR）的上下文中检查：它取代规则集中相同路径的文件
（对内置规则而言，是以 `rules/<文件>` 结尾的路径，与源码目录中相同），或加入规则集，只显示它自己的诊断。

检查的内容：docs/rule-language.md，“What `rules check` catches”。

示例：
  certlex rules check
  certlex rules check rules/esl/chapter-3.rules
  certlex --rules my-rules rules check my-rules/parameters.rules new.rules";

const SCHEMA: &str = "\
输出：
  certlex schema ca-profile              电子认证服务机构概况所用 YAML 的 JSON Schema（供编辑器使用）
  certlex schema --markdown ca-profile   其事实的文档（docs/facts/ca-profile.md）
  certlex schema certificate             证书事实的文档（Markdown）

证书和电子认证业务规则不以 YAML 书写，因此没有 JSON Schema，其事实以 Markdown 说明。要在编辑器中校验机构概况，
保存 JSON Schema，并在概况开头写上 `# yaml-language-server: $schema=PATH`。";

const COVERAGE: &str = "\
退出码：
  0  完成（且覆盖率达到 --min-coverage）
  1  覆盖率低于 --min-coverage，或（使用 --min-coverage 时）有规则缺少通过或不通过的场景
  2  规则或 feature 文件无法读取";

const DIFF: &str = "\
示例：
  certlex diff --from current --to draft-2024
  certlex diff --from current --to current --from-at 2015-01-01 --at 2016-01-01
  certlex diff --from current --to draft-2024 profile.yaml";

const SERVE: &str = "\
工作台（docs/workbench.md）：在浏览器中打开 http://127.0.0.1:8080/，阅读法律及其规则和场景，
编辑规则文件（只在 `--rules DIR` 下保存），试查证书、电子认证服务机构概况和电子认证业务规则。

端点（docs/serve.md）：
  POST /lintcert        证书（PEM 或 DER）
  POST /lintprofile     电子认证服务机构概况（YAML）
  POST /lintstatement   电子认证业务规则（Markdown 或文本）
  GET  /rules           规则：标题、引用、严重程度、在各法律状态下是否有效
  GET  /healthz         服务运行时回答 200
  GET  /version         certlex、报告格式版本和规则

输入是请求体本身，或表单字段 `b64input`（文件的 base64，或 PEM 文本）。查询字符串或表单中的参数：
regime、at、lang、fail_on、allow_undetermined、format（json、jsonl、sarif、junit、text）、
findings（attention，默认；或 all）和 issuer（签发输入的 CA 的证书，可重复）。回答是
`certlex check --format json` 对该输入的报告，无论结论如何都是 HTTP 200（由 `summary.conformant` 说明）；
无法读取的输入回答 400，超过上限的回答 413，都附有 JSON 错误 {code, message, hint}。

示例：
  certlex serve
  certlex serve --listen 0.0.0.0:8080 --max-file-size 1048576
  curl --data-urlencode b64input@cert.pem http://127.0.0.1:8080/lintcert
  curl --data-binary @cert.pem 'http://127.0.0.1:8080/lintcert?regime=draft-2024'
  curl --data-urlencode b64input@cert.pem --data-urlencode issuer@ca.pem \\
       -d format=text http://127.0.0.1:8080/lintcert
  curl --data-binary @profile.yaml http://127.0.0.1:8080/lintprofile
  curl http://127.0.0.1:8080/rules

退出码：
  0  收到 SIGTERM 或 Ctrl-C 后，在进行中的请求完成后停止
  2  规则无法读取，或无法绑定地址";

const PROVIDERS: &str = "示例：
  certlex providers
  certlex providers --format json
  certlex --register my-providers.yaml providers

内置名录为 register/providers.yaml；格式见 docs/register.md。";

/// The texts after the help of commands, by command path.
const AFTER_HELP: &[(&str, &str)] = &[
    ("providers", PROVIDERS),
    ("check", EXIT_CODES),
    ("rules check", RULES_CHECK),
    ("schema", SCHEMA),
    ("coverage", COVERAGE),
    ("diff", DIFF),
    ("serve", SERVE),
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

/// The entry of a command path in the tables: `help rules check` and
/// `rules help check` (clap's `help` command) are worded as `rules check`.
fn key(path: &str) -> String {
    let words: Vec<&str> = path.split(' ').collect();
    let last = words.len().saturating_sub(1);
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| *i == last || **w != "help")
        .map(|(_, w)| *w)
        .collect();
    kept.join(" ")
}

fn localize(cmd: Command, path: &str) -> Command {
    let path = &key(path);
    let mut cmd = cmd
        .help_template("{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .mut_args(|a| option(a, path));
    if let Some((_, about)) = COMMANDS.iter().find(|(p, _)| *p == path) {
        cmd = cmd.about(*about).long_about(None::<&str>);
    }
    if let Some((_, text)) = AFTER_HELP.iter().find(|(p, _)| *p == path) {
        cmd = cmd.after_help(*text).after_long_help(None::<&str>);
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
    // Values clap would describe in English are described in the help.
    let described = a.get_possible_values().iter().any(|v| v.get_help().is_some());
    let a = a.help_heading(heading).hide_possible_values(described);
    match help {
        Some((_, _, h)) => a.help(*h).long_help(None::<&str>),
        None => a,
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;

    /// What the Chinese help would leave in English: commands without a
    /// summary, options and arguments without help, texts after the help.
    fn untranslated(cmd: &Command, path: &str, out: &mut Vec<String>) {
        let path = &key(path);
        if !path.is_empty() && !COMMANDS.iter().any(|(p, _)| *p == path) {
            out.push(format!("command `{path}`"));
        }
        for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let id = a.get_id().as_str();
            let known = OPTIONS.iter().any(|(p, i, _)| (*p == path || *p == "*") && *i == id);
            if !known {
                out.push(format!("`{path}` option `{id}`"));
            }
        }
        if cmd.get_after_help().is_some() && !path.is_empty() && !AFTER_HELP.iter().any(|(p, _)| *p == path) {
            out.push(format!("`{path}` after-help"));
        }
        for sub in cmd.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            untranslated(sub, &sub_path, out);
        }
    }

    #[test]
    fn every_command_option_and_text_of_the_help_is_in_chinese() {
        let mut cmd = super::super::Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        untranslated(&cmd, "", &mut missing);
        assert!(missing.is_empty(), "not in Chinese:\n{}", missing.join("\n"));
    }
}
