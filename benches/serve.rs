//! `certlex serve` under load: requests per second and latency (p50, p99,
//! max) of `POST /lintcert` for one SM2 and one RSA end-entity certificate
//! at 1, 16 and 64 concurrent connections, without issuers (no signature
//! checks) and, at 16 connections, with the issuer (signature and chain).
//!
//! It starts the real binary (`certlex serve --listen 127.0.0.1:0`, its log
//! line per request counted, not shown) and drives it from this process: a
//! tokio client holding N kept-alive HTTP/1.1 connections, each sending the
//! next request when the answer to the last has arrived (a closed loop, as
//! `wrk` does). Loopback only; each run is bounded in time and stops by
//! itself.
//!
//!     cargo bench --bench serve
//!     CERTLEX_BENCH_SECS=10 cargo bench --bench serve   (longer runs)
//!     CERTLEX_BENCH_ADDR=127.0.0.1:8080 cargo bench --bench serve   (a server already running, e.g. under perf)
//!     CERTLEX_BENCH_CONNECTIONS=16 CERTLEX_BENCH_ONLY=load cargo bench --bench serve   (one load, no issuer)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "benchmarks"
)]

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;

#[path = "../tests/support/http.rs"]
mod http;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

// The allocator of the `certlex` binary, for the in-process lint.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The server, started from the binary cargo built for this bench (or
/// one already running at `CERTLEX_BENCH_ADDR`, to profile it).
struct Served {
    child: Option<Child>,
    addr: SocketAddr,
    logged: Arc<AtomicUsize>,
}

fn serve() -> Served {
    if let Some(addr) = std::env::var("CERTLEX_BENCH_ADDR").ok().and_then(|a| a.parse().ok()) {
        return Served {
            child: None,
            addr,
            logged: Arc::default(),
        };
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_certlex"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start certlex serve");
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let addr = http::listening_on(&first);
    let logged = Arc::new(AtomicUsize::new(0));
    let count = logged.clone();
    // Drain the log (one line per request) so the server never blocks on it.
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if line.starts_with("POST ") {
                count.fetch_add(1, Ordering::Relaxed);
            }
        }
    });
    Served {
        child: Some(child),
        addr,
        logged,
    }
}

struct Run {
    requests: usize,
    errors: usize,
    elapsed: Duration,
    /// Every request's latency, sorted.
    latencies: Vec<Duration>,
}

impl Run {
    fn percentile(&self, p: f64) -> Duration {
        let i = ((self.latencies.len() as f64 - 1.0) * p).round() as usize;
        self.latencies.get(i).copied().unwrap_or_default()
    }
}

/// `connections` closed loops for `secs` seconds (after a warm-up).
async fn load(addr: SocketAddr, body: Bytes, path: &str, connections: usize, secs: f64) -> Run {
    let warmup = Duration::from_millis(300);
    let start = Instant::now() + warmup;
    let end = start + Duration::from_secs_f64(secs);
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let body = body.clone();
        let path = path.to_string();
        tasks.push(tokio::spawn(async move {
            let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
            stream.set_nodelay(true).unwrap();
            let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
                .await
                .unwrap();
            tokio::spawn(conn);
            let mut latencies = Vec::new();
            let mut errors = 0;
            loop {
                let sent = Instant::now();
                if sent >= end {
                    break;
                }
                let req = hyper::Request::post(path.as_str())
                    .header("host", "127.0.0.1")
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(Full::new(body.clone()))
                    .unwrap();
                sender.ready().await.unwrap();
                let res = sender.send_request(req).await.unwrap();
                let ok = res.status() == 200;
                let answer = res.into_body().collect().await.unwrap().to_bytes();
                if sent >= start {
                    latencies.push(sent.elapsed());
                    if !ok || answer.is_empty() {
                        errors += 1;
                    }
                }
            }
            (latencies, errors)
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for t in tasks {
        let (l, e) = t.await.unwrap();
        latencies.extend(l);
        errors += e;
    }
    latencies.sort_unstable();
    Run {
        requests: latencies.len(),
        errors,
        elapsed: end - start,
        latencies,
    }
}

/// CPU time (user + system) a process has used so far, from /proc (Linux);
/// zero elsewhere.
fn cpu_time(pid: u32) -> Duration {
    proc_cpu_time(&format!("/proc/{pid}/stat"))
}

fn proc_cpu_time(path: &str) -> Duration {
    let stat = std::fs::read_to_string(path).unwrap_or_default();
    // Fields after the command name (which may hold spaces) in parentheses.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i)?.parse::<u64>().ok())
        .sum();
    // USER_HZ is 100 on Linux.
    Duration::from_millis(ticks * 10)
}

/// The lint alone, in this process on one thread, without HTTP: decode the
/// form and lint (`serve::request::decode`, `serve::lint`), mean time.
fn lint_alone(body: &[u8], iterations: u32) -> (Duration, Duration) {
    let rules = certlex::load::builtin().unwrap();
    let service = certlex::serve::Service::new(rules, certlex::serve::Config::default());
    let endpoint = &certlex::serve::LINT[0];
    let raw = certlex::serve::request::Raw {
        query: None,
        content_type: Some("application/x-www-form-urlencoded"),
        body,
    };
    let (start, cpu) = (Instant::now(), thread_cpu_time());
    for _ in 0..iterations {
        let req = certlex::serve::request::decode(endpoint, &raw).unwrap();
        let answer = certlex::serve::lint(&service, endpoint, req).unwrap();
        std::hint::black_box(answer);
    }
    (start.elapsed() / iterations, (thread_cpu_time() - cpu) / iterations)
}

/// CPU time this thread has used (Linux; 10 ms ticks).
fn thread_cpu_time() -> Duration {
    proc_cpu_time("/proc/thread-self/stat")
}

/// The lint alone for each certificate, with and without its issuer.
fn lint_alone_table(plan: &[(&str, Bytes, bool, usize)], iterations: u32) {
    let us = |d: Duration| format!("{:.0} µs", d.as_secs_f64() * 1e6);
    println!("The lint alone (decode the form, read, evaluate, write the JSON report), one thread, no HTTP:\n");
    println!("| certificate | issuer given | wall time per lint | CPU time per lint |");
    println!("|---|---|---|---|");
    for (name, body, with_issuer, connections) in plan {
        if *connections == 16 {
            let (wall, cpu) = lint_alone(body, iterations);
            let issuer = if *with_issuer { "yes" } else { "no" };
            println!("| {name} | {issuer} | {} | {} |", us(wall), us(cpu));
        }
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this
    // too, without it: then a short smoke run, so the bench does not rot.
    let smoke = !std::env::args().any(|a| a == "--bench");
    let secs: f64 = std::env::var("CERTLEX_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if smoke { 0.2 } else { 3.0 });
    let iterations = if smoke { 3 } else { 2000 };
    let read = |p: &str| std::fs::read_to_string(format!("{ROOT}/corpus/certificates/{p}")).unwrap();
    let certs = [
        ("SM2", read("good/sm2-sign.pem"), read("ca/sm2-sub.pem")),
        ("RSA", read("good/rsa-ee.pem"), read("ca/rsa-root.pem")),
    ];
    let mut plan = Vec::new();
    for (name, pem, issuer) in &certs {
        for connections in [1, 16, 64] {
            plan.push((*name, Bytes::from(http::form(&[("b64input", pem)])), false, connections));
        }
        plan.push((
            *name,
            Bytes::from(http::form(&[("b64input", pem), ("issuer", issuer)])),
            true,
            16,
        ));
    }
    let only = std::env::var("CERTLEX_BENCH_ONLY").unwrap_or_default();
    if only != "load" {
        lint_alone_table(&plan, iterations);
    }
    if only == "lint" {
        return;
    }

    let served = serve();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    println!(
        "\ncertlex serve, POST /lintcert (form field b64input, PEM), {cores} cores, client in the same machine, {secs} s a run:\n"
    );
    println!(
        "| certificate | issuer given | connections | requests/s | p50 | p99 | max | server CPU per request | client CPU per request | requests | errors |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    if smoke {
        plan.truncate(1);
    }
    if let Ok(only) = std::env::var("CERTLEX_BENCH_CONNECTIONS") {
        plan.retain(|(_, _, issuer, n)| !issuer && n.to_string() == only);
    }
    let pid = served.child.as_ref().map_or(0, Child::id);
    let mut total = 0;
    for (name, body, with_issuer, connections) in plan {
        let (server, client) = (cpu_time(pid), cpu_time(std::process::id()));
        let run = runtime.block_on(load(served.addr, body, "/lintcert", connections, secs));
        let server = cpu_time(pid) - server;
        let client = cpu_time(std::process::id()) - client;
        total += run.requests;
        // Warm-up requests (not counted in `requests`) cost CPU too: per
        // request figures are over the whole run, warm-up included.
        let all = run.requests as f64 * (1.0 + 0.3 / secs);
        let per = |d: Duration| format!("{:.0} µs", d.as_secs_f64() * 1e6 / all);
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        println!(
            "| {name} | {} | {connections} | {:.0} | {} | {} | {} | {} | {} | {} | {} |",
            if with_issuer { "yes" } else { "no" },
            run.requests as f64 / run.elapsed.as_secs_f64(),
            ms(run.percentile(0.50)),
            ms(run.percentile(0.99)),
            ms(run.latencies.last().copied().unwrap_or_default()),
            per(server),
            per(client),
            run.requests,
            run.errors,
        );
        assert!(run.requests > 0 && run.errors == 0, "every request is answered 200");
    }
    std::thread::sleep(Duration::from_millis(200));
    let logged = served.logged.load(Ordering::Relaxed);
    println!("\n{logged} log lines for at least {total} measured requests (warm-up included)");
    if let Some(mut child) = served.child {
        // The child is ours; kill is enough for a bench.
        let _ = child.kill();
        let _ = child.wait();
    }
}
