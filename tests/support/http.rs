//! A `certlex serve` in the test process on an ephemeral loopback port, and
//! a small HTTP/1.1 client (hyper's connection API) to talk to it. Included
//! with `#[path = "support/http.rs"] mod http;` (the serve bench too).

#![allow(dead_code, reason = "each test file uses some of these")]

use std::net::SocketAddr;

use certlex::serve::{Config, Server, Service};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const FORM: &str = "application/x-www-form-urlencoded";

/// A server on `127.0.0.1:0`, stopped gracefully by [`TestServer::shutdown`].
pub struct TestServer {
    pub addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
}

/// The built-in rules, quiet (no log line per request), and `config`.
pub fn quiet() -> Config {
    Config {
        log: false,
        ..Config::default()
    }
}

/// Serve with the test CA's register (corpus/certificates/register.yaml)
/// installed, as `certlex --register … serve` would: the tests compare the
/// service's answers with `check --register …`.
pub async fn start(config: Config) -> TestServer {
    install_test_register();
    let rules = certlex::load::builtin().expect("the built-in rules load");
    let server = Server::bind("127.0.0.1:0".parse().unwrap(), Service::new(rules, config))
        .await
        .expect("bind a loopback port");
    let addr = server.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(server.run(async {
        let _ = stopped.await;
    }));
    TestServer {
        addr,
        stop: Some(stop),
        task,
    }
}

impl TestServer {
    /// What SIGTERM does: stop accepting, finish what is in progress, return.
    pub fn begin_shutdown(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }

    pub async fn shutdown(mut self) {
        self.begin_shutdown();
        tokio::time::timeout(std::time::Duration::from_secs(10), self.task)
            .await
            .expect("the server stops within 10 s")
            .expect("the server task ends")
            .expect("the server ends without an error");
    }

    pub async fn connect(&self) -> Conn {
        Conn::open(self.addr).await
    }

    /// One request on a new connection.
    pub async fn request(&self, method: &str, path: &str, content_type: Option<&str>, body: impl Into<Bytes>) -> Reply {
        self.connect().await.send(method, path, content_type, body).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.request("GET", path, None, Bytes::new()).await
    }

    pub async fn post(&self, path: &str, content_type: Option<&str>, body: impl Into<Bytes>) -> Reply {
        self.request("POST", path, content_type, body).await
    }

    /// A form post: `fields` are URL-encoded here.
    pub async fn form(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        self.post(path, Some(FORM), form(fields)).await
    }
}

/// The address in `certlex serve`'s first line on standard error
/// (`… listening on http://127.0.0.1:PORT (…)`).
pub fn listening_on(line: &str) -> SocketAddr {
    line.split("http://")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("no address in `{line}`"))
}

pub fn form(fields: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        s.append_pair(k, v);
    }
    s.finish()
}

/// One kept-alive HTTP/1.1 connection.
pub struct Conn {
    sender: SendRequest<Full<Bytes>>,
}

impl Conn {
    pub async fn open(addr: SocketAddr) -> Conn {
        let stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
        stream.set_nodelay(true).unwrap();
        let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .expect("handshake");
        tokio::spawn(conn);
        Conn { sender }
    }

    pub async fn send(
        &mut self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: impl Into<Bytes>,
    ) -> Reply {
        let mut req = hyper::Request::builder()
            .method(method)
            .uri(path)
            .header("host", "127.0.0.1");
        if let Some(ct) = content_type {
            req = req.header("content-type", ct);
        }
        let req = req.body(Full::new(body.into())).unwrap();
        self.sender.ready().await.expect("connection ready");
        let res = self.sender.send_request(req).await.expect("an answer");
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let body = res.into_body().collect().await.expect("the body").to_bytes().to_vec();
        Reply { status, headers, body }
    }
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: hyper::HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn content_type(&self) -> &str {
        self.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// A JSON error with this status and code, and a hint.
    pub fn assert_error(&self, status: u16, code: &str) -> serde_json::Value {
        assert_eq!(self.status, status, "{}", self.text());
        assert_eq!(self.content_type(), "application/json");
        let j = self.json();
        assert_eq!(j["code"], code, "{}", self.text());
        assert!(j["message"].as_str().is_some_and(|m| !m.is_empty()), "{}", self.text());
        assert!(
            j["hint"].as_str().is_some_and(|h| !h.is_empty()),
            "no hint: {}",
            self.text()
        );
        j
    }
}

/// Make the test CA's register this test process's register (once).
pub fn install_test_register() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/certificates/register.yaml");
        let text = std::fs::read_to_string(path).expect("the test register");
        let file = certlex::source::SourceFile::new(path, text);
        let r = certlex::facts::register::read(&file, &certlex::limits::Limits::default()).expect("it reads");
        certlex::facts::register::install(r).expect("it installs");
    });
}
