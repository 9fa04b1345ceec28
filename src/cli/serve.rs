//! `certlex serve`: load and validate the rules once, then answer lint
//! requests over HTTP until SIGTERM or Ctrl-C (see `crate::serve`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use super::{Global, LimitArgs, load_rules};

pub const AFTER_HELP: &str = "\
The workbench (docs/workbench.md): open http://127.0.0.1:8080/ in a browser
to read the law with its rules and scenarios, edit rule files (saved only
under `--rules DIR`), and try certificates, CA profiles and rule statements.

Endpoints (docs/serve.md):
  POST /lintcert        a certificate (PEM or DER)
  POST /lintprofile     a CA profile (YAML)
  POST /lintstatement   a rule statement (Markdown or text)
  GET  /rules           the rules: titles, citations, severity, in force per regime
  GET  /healthz         200 while the server runs
  GET  /version         certlex, the report schema and the rules

The input is the request body itself, or the form field `b64input` (base64 of
the file, or PEM text). Parameters, in the query string or the form: regime,
at, lang, fail_on, allow_undetermined, format (json, jsonl, sarif, junit,
text), findings (attention, the default, or all) and issuer (a CA certificate
that issued the input; repeatable). The answer is the report of
`certlex check --format json` for that one input,
with HTTP 200 whatever the findings (`summary.conformant` says); an input that
cannot be read is 400, one over a limit 413, each with a JSON error
{code, message, hint}.

Examples:
  certlex serve
  certlex serve --listen 0.0.0.0:8080 --max-file-size 1048576
  curl --data-urlencode b64input@cert.pem http://127.0.0.1:8080/lintcert
  curl --data-binary @cert.pem 'http://127.0.0.1:8080/lintcert?regime=draft-2024'
  curl --data-urlencode b64input@cert.pem --data-urlencode issuer@ca.pem \\
       -d format=text http://127.0.0.1:8080/lintcert
  curl --data-binary @profile.yaml http://127.0.0.1:8080/lintprofile
  curl http://127.0.0.1:8080/rules

Exit codes:
  0  stopped by SIGTERM or Ctrl-C, after the requests in progress finished
  2  the rules could not be read, or the address could not be bound";

#[derive(Args)]
pub struct ServeArgs {
    /// The address to listen on (`0.0.0.0:8080` for every interface).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub listen: SocketAddr,
    /// Lints that run at once (default: the number of cores).
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
    /// Requests read or linted at once (each holds its body in memory, up
    /// to --max-file-size); the others wait.
    #[arg(long, default_value_t = 64, value_name = "N")]
    pub max_requests: usize,
    /// The most a request may take, in seconds, before it is answered 503.
    #[arg(long, default_value_t = 10.0, value_name = "SECS")]
    pub timeout: f64,
    /// No log line per request on standard error.
    #[arg(long, short)]
    pub quiet: bool,
    /// The feature files the workbench runs to show an article's scenarios
    /// (default: `features/` when the current directory has one).
    #[arg(long, value_name = "DIR")]
    pub features: Option<PathBuf>,
    /// The limits on each input; --max-file-size is also the largest request body (413).
    #[command(flatten)]
    pub limits: LimitArgs,
}

pub fn run(g: &Global, a: &ServeArgs) -> u8 {
    let Some(rules) = load_rules(g) else { return 2 };
    let defaults = crate::serve::Config::default();
    let editor = match &g.rules {
        None => crate::serve::workbench::Origin::BuiltIn,
        Some(dir) => match crate::serve::workbench::Origin::dir(dir) {
            Ok(o) => o,
            Err(e) => {
                say_in!(
                    format!("certlex serve：无法读取 `{}`：{e}", dir.display()),
                    format!("certlex serve: cannot read `{}`: {e}", dir.display())
                );
                return 2;
            }
        },
    };
    let features = match &a.features {
        Some(dir) if !dir.is_dir() => {
            say_in!(
                format!("certlex serve：`{}` 不存在", dir.display()),
                format!("certlex serve: `{}` does not exist", dir.display())
            );
            return 2;
        }
        Some(dir) => Some(dir.clone()),
        None => Some(PathBuf::from("features")).filter(|d| d.is_dir()),
    };
    let config = crate::serve::Config {
        limits: crate::limits::Limits {
            max_regex_bytes: g.max_regex_size,
            ..a.limits.limits()
        },
        workers: a.workers.unwrap_or(defaults.workers).max(1),
        max_requests: a.max_requests.max(1),
        timeout: Duration::try_from_secs_f64(a.timeout).unwrap_or(defaults.timeout),
        lang: g.lang(),
        rules_source: g
            .rules
            .as_ref()
            .map_or_else(|| "built-in".to_string(), |d| d.display().to_string()),
        log: !a.quiet,
        editor,
        features,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            say_in!(
                format!("certlex serve：无法启动：{e}"),
                format!("certlex serve: cannot start: {e}")
            );
            return 2;
        }
    };
    let count = rules.rules.len();
    runtime.block_on(async {
        let service = crate::serve::Service::new(rules, config);
        let server = match crate::serve::Server::bind(a.listen, service).await {
            Ok(s) => s,
            Err(e) => {
                say_in!(
                    format!("certlex serve：无法监听 `{}`：{e}", a.listen),
                    format!("certlex serve: cannot listen on `{}`: {e}", a.listen)
                );
                return 2;
            }
        };
        let addr = server.local_addr().map_or_else(|_| a.listen.to_string(), |a| a.to_string());
        say_in!(
            format!("certlex serve：{count} 条规则；在 http://{addr} 上监听（工作台：http://{addr}/；POST /lintcert、/lintprofile、/lintstatement；GET /rules）"),
            format!("certlex serve: {count} rules; listening on http://{addr} (workbench: http://{addr}/; POST /lintcert, /lintprofile, /lintstatement; GET /rules)")
        );
        let stopping = async {
            crate::serve::signals().await;
            say_in!(
                "certlex serve：正在停止；完成进行中的请求".to_string(),
                "certlex serve: stopping; finishing the requests in progress".to_string()
            );
        };
        match server.run(stopping).await {
            Ok(()) => 0,
            Err(e) => {
                say_in!(format!("certlex serve：{e}"), format!("certlex serve: {e}"));
                2
            }
        }
    })
}
