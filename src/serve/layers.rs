//! What wraps every request: one log line on standard error (method, path,
//! status, duration) and the timeout. Two small middleware functions rather
//! than tower-http: they are all the service needs.

use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::extract::State;
use axum::http::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{ApiError, Service};

/// `POST /lintcert 200 0.84 ms`: one line per request, when the answer is ready.
pub async fn log(State(service): State<Arc<Service>>, req: Request<Body>, next: Next) -> Response {
    if !service.config.log {
        return next.run(req).await;
    }
    let start = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let response = next.run(req).await;
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    eprintln!("{method} {path} {} {ms:.2} ms", response.status().as_u16());
    response
}

/// 503 when a request takes longer than the configured timeout (reading
/// the body, waiting for a worker, linting).
pub async fn timeout(State(service): State<Arc<Service>>, req: Request<Body>, next: Next) -> Response {
    let limit = service.config.timeout;
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(response) => response,
        Err(_) => ApiError::timeout(limit.as_secs_f64()).into_response(),
    }
}
