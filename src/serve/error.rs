//! What a request that could not be linted gets: an HTTP status and a JSON
//! body `{code, message, hint}` made from the same diagnostics the CLI
//! prints (`hint` is their `help`), with `location` when the input's text
//! says where and every other problem under `errors`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::diag::Diag;

/// A request answered with an error: 400 for input that cannot be read or
/// parameters that are wrong, 413 for input over a limit, 404/405 for the
/// wrong path or method, 503 for a timeout.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    /// The first is the main one; there is always at least one.
    pub diags: Vec<Diag>,
    allow: Option<&'static str>,
}

#[derive(Serialize)]
struct Body<'a> {
    code: &'a str,
    message: &'a str,
    hint: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<String>,
    /// Every problem, the first included, when there is more than one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<Body<'a>>,
}

fn body(d: &Diag) -> Body<'_> {
    Body {
        code: d.code,
        message: &d.message,
        hint: d.help.as_deref(),
        location: d.location(),
        errors: Vec::new(),
    }
}

impl ApiError {
    pub fn new(status: StatusCode, diag: Diag) -> Self {
        Self {
            status,
            diags: vec![diag],
            allow: None,
        }
    }

    /// Errors reading an input: 413 when one is a limit (`…::too-large`,
    /// `…-too-large`), else 400.
    pub fn input(diags: Vec<Diag>) -> Self {
        let over_limit = diags.iter().any(|d| d.code.ends_with("too-large"));
        let diags = if diags.is_empty() {
            vec![
                Diag::error("certlex::input::nothing", "nothing could be read")
                    .help("give a certificate (PEM or DER), a CA profile (YAML) or a rule statement"),
            ]
        } else {
            diags
        };
        Self {
            status: if over_limit {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::BAD_REQUEST
            },
            diags,
            allow: None,
        }
    }

    pub fn too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            Diag::error(
                "certlex::serve::too-large",
                format!("the request body is larger than the limit of {limit} bytes"),
            )
            .help("the server's `--max-file-size BYTES` sets the limit"),
        )
    }

    pub fn timeout(secs: f64) -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            Diag::error(
                "certlex::serve::timeout",
                format!("the request took longer than {secs} s and was abandoned"),
            )
            .help("retry later; the server's `--timeout SECS` sets the limit"),
        )
    }

    pub fn unavailable() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            Diag::error("certlex::serve::unavailable", "the server is shutting down")
                .help("retry once the server is back"),
        )
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            Diag::error(
                "certlex::serve::internal",
                "the lint stopped unexpectedly; nothing was checked",
            )
            .help("this is a bug in certlex: please report it with the input"),
        )
    }

    /// The method to name in `Allow` (405).
    pub fn allow(mut self, method: &'static str) -> Self {
        self.allow = Some(method);
        self
    }

    /// The JSON body.
    pub fn to_json(&self) -> String {
        let mut all = self.diags.iter().map(body);
        let Some(mut first) = all.next() else {
            return "{}".into();
        };
        if self.diags.len() > 1 {
            first.errors = self.diags.iter().map(body).collect();
        }
        serde_json::to_string_pretty(&first).unwrap_or_default()
    }
}

impl From<Diag> for ApiError {
    fn from(d: Diag) -> Self {
        Self::input(vec![d])
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))],
            self.to_json(),
        )
            .into_response();
        if let Some(m) = self.allow {
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static(m));
        }
        response
    }
}
