//! `certlex serve`: certlex inside a CA's issuance pipeline. An HTTP service
//! (axum on tokio) that loads and validates the rules once and lints each
//! posted certificate, CA profile or rule statement, answering with the
//! report `certlex check` writes for that one subject. The API is shaped
//! like pkimetal's (`POST /lintcert` with a `b64input` form field) so that
//! its clients can switch; docs/serve.md documents it.
//!
//! The router lives here and only here: [`LINT`] lists the lint endpoints
//! (one line per subject kind), [`router`] adds the catalogue, health and
//! version endpoints and the workbench (`/` and `/api/…`, docs/workbench.md).
//!
//! - `request`: a request's query, content type and body into an input,
//!   issuers and options (pure: property-tested, never panics)
//! - `lint`: the blocking part, through the public entry points of `run`,
//!   `input` and `report`
//! - `catalogue`: `GET /rules` and `GET /version`
//! - `error`: the JSON error `{code, message, hint}` and its status
//! - `layers`: one log line per request, the timeout
//! - `workbench`: the lawyers' workbench at `/` and its `/api/` endpoints

mod catalogue;
mod error;
mod layers;
mod lint;
pub mod request;
pub mod workbench;

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tokio::sync::Semaphore;

use crate::diag::Diag;
use crate::engine::timeline::Timeline;
use crate::engine::{Evaluator, RuleSet};
use crate::facts::SubjectKind;
use crate::i18n::Lang;
use crate::law::Resolution;
use crate::limits::Limits;

pub use error::ApiError;
pub use lint::{Answer, lint};

/// A lint endpoint: the path, the kind of subject it takes and pkimetal's
/// purpose-specific name for `b64input`.
#[derive(Debug)]
pub struct Endpoint {
    pub path: &'static str,
    pub kind: SubjectKind,
    /// Accepted in place of `b64input` (pkimetal: `b64cert` for `/lintcert`).
    pub field: &'static str,
    /// The certificate forms (the `form` fact) it takes, as pkimetal's
    /// endpoints do: signed ones at `/lintcert`, a TBS alone at
    /// `/linttbscert`; empty for kinds without forms.
    pub forms: &'static [&'static str],
}

/// The lint endpoints. A new subject kind is one line here (and the kind).
pub const LINT: &[Endpoint] = &[
    Endpoint {
        path: "/lintcert",
        kind: SubjectKind::Certificate,
        field: "b64cert",
        forms: &["certificate", "precertificate"],
    },
    // A to-be-signed certificate is a certificate subject (`form` `tbs`).
    Endpoint {
        path: "/linttbscert",
        kind: SubjectKind::Certificate,
        field: "b64tbscert",
        forms: &["tbs"],
    },
    Endpoint {
        path: "/lintcsr",
        kind: SubjectKind::Csr,
        field: "b64csr",
        forms: &[],
    },
    Endpoint {
        path: "/lintcrl",
        kind: SubjectKind::Crl,
        field: "b64crl",
        forms: &[],
    },
    Endpoint {
        path: "/lintocsp",
        kind: SubjectKind::Ocsp,
        field: "b64ocsp",
        forms: &[],
    },
    Endpoint {
        path: "/lintprofile",
        kind: SubjectKind::CaProfile,
        field: "b64profile",
        forms: &[],
    },
    Endpoint {
        path: "/lintstatement",
        kind: SubjectKind::RuleStatement,
        field: "b64statement",
        forms: &[],
    },
];

/// The endpoint that takes subjects of a kind.
pub fn endpoint_for(kind: SubjectKind) -> Option<&'static Endpoint> {
    LINT.iter().find(|e| e.kind == kind)
}

/// How the service runs: the limits on inputs (the CLI's `limits::Limits`)
/// and on the service itself.
#[derive(Debug, Clone)]
pub struct Config {
    /// The bounds on every input; `max_file_bytes` is also the body limit (413).
    pub limits: Limits,
    /// Lints that run at once on blocking threads (CPU-bound): the cores.
    pub workers: usize,
    /// Requests read or linted at once (each holds its body in memory);
    /// the others wait, within the timeout.
    pub max_requests: usize,
    /// The most a request may take, from its first byte to its answer (503).
    pub timeout: Duration,
    /// The language of text reports when a request does not say.
    pub lang: Lang,
    /// Where the rules came from, for `/version` (`built-in` or a directory).
    pub rules_source: String,
    /// One line per request on standard error.
    pub log: bool,
    /// Where the workbench's editor reads rule files, and whether it may save.
    pub editor: workbench::Origin,
    /// The features the workbench runs for an article's scenarios.
    pub features: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            limits: Limits::default(),
            workers: std::thread::available_parallelism().map_or(2, usize::from),
            max_requests: 64,
            timeout: Duration::from_secs(10),
            lang: Lang::En,
            rules_source: "built-in".into(),
            log: true,
            editor: workbench::Origin::BuiltIn,
            features: None,
        }
    }
}

/// What every request shares: the rules (loaded once), the configuration
/// and the two bounds on concurrency.
#[derive(Debug)]
pub struct Service {
    pub rules: Arc<RuleSet>,
    pub config: Config,
    /// One permit per lint running on a blocking thread.
    workers: Arc<Semaphore>,
    /// One permit per request holding a body.
    requests: Semaphore,
    /// The workbench's scenario run, once per server start.
    cache: workbench::Cache,
    /// The law's timeline of each regime asked for, worked out once.
    timelines: std::sync::Mutex<Vec<Arc<Timeline>>>,
}

impl Service {
    pub fn new(rules: RuleSet, config: Config) -> Arc<Self> {
        Arc::new(Self {
            rules: Arc::new(rules),
            workers: Arc::new(Semaphore::new(config.workers.max(1))),
            requests: Semaphore::new(config.max_requests.max(1)),
            cache: workbench::Cache::default(),
            timelines: std::sync::Mutex::default(),
            config,
        })
    }

    /// An evaluator of the server's rules under `res`, on the timeline of
    /// its regime, made by the first request under it.
    pub fn evaluator(&self, res: Resolution) -> Evaluator<'_> {
        let mut known = self.timelines.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let timeline = match known.iter().find(|t| t.is_for(&res)) {
            Some(t) => t.clone(),
            None => {
                let t = Arc::new(Timeline::new(&self.rules.law, &self.rules.rules, &res));
                known.push(t.clone());
                t
            }
        };
        drop(known);
        Evaluator::on(&self.rules, res, &timeline)
    }
}

/// The whole HTTP API, and the workbench at `/`. The workbench's save
/// endpoint exists only when the server has a `--rules` directory.
pub fn router(service: Arc<Service>) -> Router {
    let mut router = Router::new()
        .route("/rules", get(catalogue::rules).fallback(method_not_allowed))
        .route("/healthz", get(healthz).fallback(method_not_allowed))
        .route("/version", get(catalogue::version).fallback(method_not_allowed))
        .route("/", get(workbench::index).fallback(method_not_allowed))
        .route("/assets/app.js", get(workbench::app_js))
        .route("/assets/app.css", get(workbench::app_css))
        .route("/api/law", get(workbench::law_tree))
        .route("/api/article", get(workbench::article))
        .route("/api/search", get(workbench::search))
        .route("/api/scenarios", get(workbench::scenarios))
        .route("/api/files", get(workbench::files))
        .route("/api/file", get(workbench::file))
        .route("/api/check", post(workbench::check))
        .route("/api/fmt", post(workbench::fmt));
    if service.config.editor.writable() {
        router = router.route("/api/save", post(workbench::save));
    }
    for endpoint in LINT {
        let handler = move |State(s): State<Arc<Service>>, req: Request<Body>| lint_request(s, endpoint, req);
        router = router.route(endpoint.path, post(handler).fallback(method_not_allowed));
    }
    router
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(service.clone(), layers::timeout))
        .layer(axum::middleware::from_fn_with_state(service.clone(), layers::log))
        .with_state(service)
}

/// A bound listener with the service, ready to [`run`](Self::run).
pub struct Server {
    listener: tokio::net::TcpListener,
    service: Arc<Service>,
}

impl Server {
    /// Bind `addr` (port 0 picks a free port: see [`local_addr`](Self::local_addr)).
    pub async fn bind(addr: SocketAddr, service: Arc<Service>) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        Ok(Self { listener, service })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Answer requests until `shutdown` resolves, then stop accepting and
    /// let the requests in progress finish (graceful shutdown).
    pub async fn run(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        use axum::serve::ListenerExt;
        // Small answers go out at once, not after a delayed ACK.
        let listener = self.listener.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        axum::serve(listener, router(self.service))
            .with_graceful_shutdown(shutdown)
            .await
    }
}

/// Resolves on SIGTERM or SIGINT (Ctrl-C): what `certlex serve` shuts down on.
pub async fn signals() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = interrupt => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = interrupt.await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}

/// `POST /lint…`: read the body (bounded), then decode and lint it on a
/// blocking thread, at most `workers` at once.
async fn lint_request(service: Arc<Service>, endpoint: &'static Endpoint, req: Request<Body>) -> Response {
    let Ok(_slot) = service.requests.acquire().await else {
        return ApiError::unavailable().into_response();
    };
    let (parts, body) = req.into_parts();
    let body = match read_body(body, service.config.limits.max_file_bytes).await {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    let Ok(worker) = service.workers.clone().acquire_owned().await else {
        return ApiError::unavailable().into_response();
    };
    let query = parts.uri.query().map(str::to_owned);
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let shared = service.clone();
    // The permit moves into the blocking task: a lint that outlives a
    // timed-out request still counts against `workers`.
    let done = tokio::task::spawn_blocking(move || {
        let _worker = worker;
        let raw = request::Raw {
            query: query.as_deref(),
            content_type: content_type.as_deref(),
            body: &body,
        };
        let req = request::decode(endpoint, &raw).map_err(ApiError::from)?;
        lint(&shared, endpoint, req)
    })
    .await;
    match done {
        Ok(Ok(answer)) => answer.into_response(),
        Ok(Err(e)) => e.into_response(),
        Err(_) => ApiError::internal().into_response(),
    }
}

/// The body, or 413 when it is larger than `limit` bytes (said by
/// `Content-Length`, or found while reading).
async fn read_body(body: Body, limit: u64) -> Result<Vec<u8>, ApiError> {
    use http_body_util::{BodyExt, Limited};
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes().to_vec()),
        Err(e) if e.downcast_ref::<http_body_util::LengthLimitError>().is_some() => Err(ApiError::too_large(limit)),
        Err(e) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            Diag::error(
                "certlex::serve::body",
                format!("the request body could not be read: {e}"),
            ),
        )),
    }
}

async fn healthz() -> Response {
    json(&serde_json::json!({ "status": "ok" }))
}

/// A JSON answer (200).
fn json(value: &impl serde::Serialize) -> Response {
    let body = serde_json::to_string_pretty(value).unwrap_or_default();
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// The paths and methods of the API, for hints.
fn endpoints() -> impl Iterator<Item = (&'static str, &'static str)> {
    LINT.iter().map(|e| ("POST", e.path)).chain([
        ("GET", "/rules"),
        ("GET", "/healthz"),
        ("GET", "/version"),
        ("GET", "/"),
    ])
}

async fn not_found(req: Request<Body>) -> ApiError {
    let path = req.uri().path();
    let list = endpoints()
        .map(|(m, p)| format!("{m} {p}"))
        .collect::<Vec<_>>()
        .join(", ");
    let hint = crate::diag::suggestion(path, endpoints().map(|(_, p)| p)).map_or_else(
        || format!("the endpoints are {list}"),
        |s| format!("{s} the endpoints are {list}"),
    );
    ApiError::new(
        StatusCode::NOT_FOUND,
        Diag::error("certlex::serve::not-found", format!("no endpoint `{path}`")).help(hint),
    )
}

async fn method_not_allowed(req: Request<Body>) -> ApiError {
    let path = req.uri().path();
    let allowed = endpoints().find(|(_, p)| *p == path).map_or("GET", |(m, _)| m);
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        Diag::error(
            "certlex::serve::method",
            format!("`{}` is not accepted on `{path}`", req.method()),
        )
        .help(format!("use `{allowed} {path}`")),
    )
    .allow(allowed)
}
