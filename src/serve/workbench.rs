//! The lawyers' workbench at `/`: one page (HTML, CSS and JavaScript
//! written here and embedded in the binary, nothing fetched from elsewhere)
//! and its JSON endpoints under `/api/`. The router in `serve.rs` lists them.
//!
//! - `law`: the law browser's data and search (pure)
//! - `editor`: rule files, their diagnostics in context, formatting, saving
//!   under `--rules` only
//!
//! "Try it" posts to the lint endpoints (`/lintcert` …) the API already has.

pub mod editor;
pub mod law;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::body::Body;
use axum::extract::State;
use axum::http::{Request, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::{ApiError, Service, json};
use crate::diag::Diag;
use crate::i18n::Lang;
use crate::scenario::results::ScenarioResult;

pub use editor::Origin;

const INDEX: &str = include_str!("workbench/assets/index.html");
const APP_JS: &str = include_str!("workbench/assets/app.js");
const APP_CSS: &str = include_str!("workbench/assets/app.css");

/// What the workbench keeps per server start: the scenario run, done once
/// on first request and then shared.
#[derive(Debug, Default)]
pub struct Cache {
    started: std::sync::atomic::AtomicBool,
    scenarios: tokio::sync::OnceCell<Result<Arc<Vec<ScenarioResult>>, String>>,
}

/// `GET /`.
pub async fn index() -> Response {
    asset(INDEX, "text/html; charset=utf-8")
}

/// `GET /assets/app.js`.
pub async fn app_js() -> Response {
    asset(APP_JS, "text/javascript; charset=utf-8")
}

/// `GET /assets/app.css`.
pub async fn app_css() -> Response {
    asset(APP_CSS, "text/css; charset=utf-8")
}

fn asset(body: &'static str, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

/// The query's parameters by name (the last one given wins).
fn query(uri: &Uri) -> Vec<(String, String)> {
    super::request::pairs(uri.query().unwrap_or("").as_bytes())
}

fn param<'q>(q: &'q [(String, String)], name: &str) -> Option<&'q str> {
    q.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// The parameter `name`; its absence is an error whose hint is `usage`,
/// the endpoint's request written out.
fn required<'q>(q: &'q [(String, String)], name: &str, usage: &str) -> Result<&'q str, ApiError> {
    param(q, name).ok_or_else(|| {
        ApiError::from(
            Diag::error(
                "certlex::serve::missing-parameter",
                format!("the parameter `{name}` is missing"),
            )
            .help(format!("ask as {usage}")),
        )
    })
}

fn date(q: &[(String, String)]) -> Result<time::Date, ApiError> {
    match param(q, "at").filter(|s| !s.is_empty()) {
        None => Ok(crate::dates::today()),
        Some(s) => crate::dates::parse_date(s).ok_or_else(|| {
            ApiError::from(
                Diag::error("certlex::serve::bad-value", format!("`at`: `{s}` is not a date"))
                    .help("`at` takes a date, YYYY-MM-DD"),
            )
        }),
    }
}

fn lang(q: &[(String, String)], service: &Service) -> Lang {
    match param(q, "lang") {
        Some("zh") => Lang::Zh,
        Some("en") => Lang::En,
        _ => service.config.lang,
    }
}

#[derive(Serialize)]
struct LawOut<'a> {
    instruments: Vec<law::InstrumentOut<'a>>,
    regimes: Vec<(&'a str, &'a crate::i18n::Text)>,
    rules_source: &'a str,
    /// Whether the editor may save (a `--rules` directory was given).
    writable: bool,
    /// Whether scenarios can be run (a features folder was found).
    scenarios: bool,
    today: time::Date,
}

/// `GET /api/law`.
pub async fn law_tree(State(service): State<Arc<Service>>) -> Response {
    let set = &*service.rules;
    json(&LawOut {
        instruments: law::tree(set),
        regimes: set.law.regimes.iter().map(|r| (r.name.as_str(), &r.title)).collect(),
        rules_source: &service.config.rules_source,
        writable: service.config.editor.writable(),
        scenarios: service.config.features.is_some(),
        today: crate::dates::today(),
    })
}

/// How an article is asked for.
const ARTICLE: &str = "`/api/article?instrument=ESL&number=24`";

/// `GET /api/article?instrument=ESL&number=24[&at=DATE]`.
pub async fn article(State(service): State<Arc<Service>>, uri: Uri) -> Result<Response, ApiError> {
    let q = query(&uri);
    let id = required(&q, "instrument", ARTICLE)?;
    let number: u32 = required(&q, "number", ARTICLE)?.parse().map_err(|_| {
        ApiError::from(
            Diag::error("certlex::serve::bad-value", "`number` is not an article number")
                .help("`number` takes the article's number in digits, e.g. `24`"),
        )
    })?;
    let at = date(&q)?;
    let set = &*service.rules;
    let (Some(inst), Some(a)) = (set.law.instrument(id), set.law.article(id, number)) else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            Diag::error("certlex::serve::no-article", format!("no article `{id} {number}`"))
                .help("`/api/law` lists the instruments and their articles"),
        ));
    };
    let origin = &service.config.editor;
    Ok(json(&law::article(
        set,
        inst,
        a,
        at,
        &|n| origin.editor_name(n),
        &|res| service.evaluator(res),
    )))
}

/// `GET /api/search?q=…`.
pub async fn search(State(service): State<Arc<Service>>, uri: Uri) -> Result<Response, ApiError> {
    let q = query(&uri);
    let words = required(&q, "q", "`/api/search?q=证书`")?;
    Ok(json(&law::search(&service.rules, words, 100)))
}

#[derive(Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
enum ScenariosOut<'a> {
    /// The run has started and has not finished: ask again.
    Running,
    Done {
        scenarios: Vec<&'a ScenarioResult>,
    },
    Unavailable {
        reason: String,
    },
}

/// `GET /api/scenarios[?rules=ID,ID…]`: the scenarios that exercise those
/// rules (all without `rules`), from one run of the features per server
/// start; the first request starts the run and is answered `running`.
pub async fn scenarios(State(service): State<Arc<Service>>, uri: Uri) -> Response {
    let q = query(&uri);
    let Some(features) = service.config.features.clone() else {
        return json(&ScenariosOut::Unavailable {
            reason: "no features folder: start certlex serve where `features/` is, or give `--features DIR`".into(),
        });
    };
    let Some(done) = service.cache.scenarios.get() else {
        if !service.cache.started.swap(true, Ordering::SeqCst) {
            start_scenarios(service.clone(), features);
        }
        return json(&ScenariosOut::Running);
    };
    match done {
        Err(e) => json(&ScenariosOut::Unavailable { reason: e.clone() }),
        Ok(all) => {
            let wanted: Vec<&str> = param(&q, "rules")
                .map(|r| r.split(',').filter(|s| !s.is_empty()).collect())
                .unwrap_or_default();
            let scenarios = if wanted.is_empty() {
                all.iter().collect()
            } else {
                law::scenarios_for(all, &wanted)
            };
            json(&ScenariosOut::Done { scenarios })
        }
    }
}

fn start_scenarios(service: Arc<Service>, features: PathBuf) {
    tokio::spawn(async move {
        let rules = service.rules.clone();
        let run = tokio::task::spawn_blocking(move || crate::scenario::results::results(rules, &[features]))
            .await
            .unwrap_or_else(|e| Err(format!("the scenario run stopped: {e}")))
            .map(Arc::new);
        let _ = service.cache.scenarios.set(run);
    });
}

#[derive(Serialize)]
struct FilesOut {
    files: Vec<String>,
    writable: bool,
    rules_source: String,
}

/// `GET /api/files`.
pub async fn files(State(service): State<Arc<Service>>) -> Result<Response, ApiError> {
    let origin = &service.config.editor;
    Ok(json(&FilesOut {
        files: origin.list().map_err(ApiError::from)?,
        writable: origin.writable(),
        rules_source: service.config.rules_source.clone(),
    }))
}

/// `GET /api/file?name=esl/chapter-3.rules`: the text.
pub async fn file(State(service): State<Arc<Service>>, uri: Uri) -> Result<Response, ApiError> {
    let q = query(&uri);
    let name = required(&q, "name", "`/api/file?name=esl/chapter-3.rules`")?;
    let text = service.config.editor.read(name).map_err(|d| {
        let status = if d.code == "certlex::serve::no-file" {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::BAD_REQUEST
        };
        ApiError::new(status, d)
    })?;
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response())
}

/// A request's body as text (bounded like every body).
async fn text_body(service: &Service, body: Body) -> Result<String, ApiError> {
    let bytes = super::read_body(body, service.config.limits.max_file_bytes).await?;
    String::from_utf8(bytes).map_err(|_| {
        ApiError::from(
            Diag::error("certlex::serve::not-utf8", "the rule file is not UTF-8 text").help("save rule files as UTF-8"),
        )
    })
}

/// `POST /api/check?name=…`: the body is the edited file.
pub async fn check(State(service): State<Arc<Service>>, req: Request<Body>) -> Result<Response, ApiError> {
    let q = query(req.uri());
    let name = required(
        &q,
        "name",
        "`POST /api/check?name=esl/chapter-3.rules` with the file as the body",
    )?
    .to_string();
    let lang = lang(&q, &service);
    let text = text_body(&service, req.into_body()).await?;
    let shared = service.clone();
    let checked =
        tokio::task::spawn_blocking(move || shared.config.editor.check(&name, &text, &shared.config.limits, lang))
            .await
            .map_err(|_| ApiError::internal())?
            .map_err(ApiError::from)?;
    Ok(json(&checked))
}

#[derive(Serialize)]
struct Formatted {
    text: Option<String>,
    diagnostics: Vec<editor::DiagOut>,
}

/// `POST /api/fmt?name=…`: the body in canonical layout, or the diagnostics
/// that prevent it (200 either way: refusing is an answer).
pub async fn fmt(State(service): State<Arc<Service>>, req: Request<Body>) -> Result<Response, ApiError> {
    let q = query(req.uri());
    let name = param(&q, "name").unwrap_or("edited.rules").to_string();
    let lang = lang(&q, &service);
    let text = text_body(&service, req.into_body()).await?;
    Ok(json(&match editor::format(&name, &text, lang) {
        Ok(t) => Formatted {
            text: Some(t),
            diagnostics: Vec::new(),
        },
        Err(diagnostics) => Formatted {
            text: None,
            diagnostics,
        },
    }))
}

/// `POST /api/save?name=…`: routed only when the server has a `--rules`
/// directory; writes the body there, never outside it.
pub async fn save(State(service): State<Arc<Service>>, req: Request<Body>) -> Result<Response, ApiError> {
    let q = query(req.uri());
    let name = required(
        &q,
        "name",
        "`POST /api/save?name=esl/chapter-3.rules` with the file as the body",
    )?
    .to_string();
    let text = text_body(&service, req.into_body()).await?;
    let shared = service.clone();
    let saved = tokio::task::spawn_blocking(move || shared.config.editor.save(&name, &text))
        .await
        .map_err(|_| ApiError::internal())?
        .map_err(|d| {
            let status = if d.code == "certlex::serve::write" {
                StatusCode::INTERNAL_SERVER_ERROR
            } else {
                StatusCode::FORBIDDEN
            };
            ApiError::new(status, d)
        })?;
    Ok(json(&serde_json::json!({ "saved": saved.display().to_string() })))
}
