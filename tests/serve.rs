//! `certlex serve` over HTTP: a server in this process on an ephemeral
//! loopback port, a small client (hyper), every endpoint, form and raw
//! bodies, PEM and DER, the errors and their statuses, graceful shutdown and
//! a bounded load (loopback only; it stops by itself).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

#[path = "support/http.rs"]
mod http;
#[path = "support/run.rs"]
mod run;

use std::time::Duration;

use http::{FORM, quiet, start};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn corpus(path: &str) -> Vec<u8> {
    std::fs::read(run::root().join("corpus").join(path)).unwrap()
}

fn text(path: &str) -> String {
    String::from_utf8(corpus(path)).unwrap()
}

fn base64(bytes: &[u8]) -> String {
    data_encoding::BASE64.encode(bytes)
}

/// The one subject of a JSON report.
fn subject(report: &serde_json::Value) -> &serde_json::Value {
    let subjects = report["subjects"].as_array().unwrap();
    assert_eq!(subjects.len(), 1, "{report:#}");
    &subjects[0]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_certificate_posted_as_a_pem_form_field_is_linted() {
    let s = start(quiet()).await;
    let r = s
        .form(
            "/lintcert",
            &[
                ("b64input", &text("certificates/good/rsa-ee.pem")),
                ("at", "2026-06-01"),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.content_type(), "application/json");
    let j = r.json();
    assert_eq!(j["date"], "2026-06-01");
    assert_eq!(j["regime"], "current");
    assert_eq!(subject(&j)["kind"], "certificate");
    assert_eq!(subject(&j)["name"], "b64input");
    assert_eq!(j["summary"]["subjects"], 1);
    assert_eq!(j["errors"], serde_json::json!([]));
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn base64_der_in_b64input_or_b64cert_and_raw_pem_or_der_bodies_give_the_same_findings() {
    let s = start(quiet()).await;
    let der = corpus("certificates/good/rsa-ee.der");
    let pem = corpus("certificates/good/rsa-ee.pem");
    let replies = [
        s.form("/lintcert?at=2026-06-01&findings=all", &[("b64input", &base64(&der))])
            .await,
        s.form("/lintcert?at=2026-06-01&findings=all", &[("b64cert", &base64(&der))])
            .await,
        s.post(
            "/lintcert?at=2026-06-01&findings=all",
            Some("application/pkix-cert"),
            der.clone(),
        )
        .await,
        s.post(
            "/lintcert?at=2026-06-01&findings=all",
            Some("application/x-pem-file"),
            pem.clone(),
        )
        .await,
        // What `curl --data-binary @cert.pem` sends: the file with a form's content type.
        s.post("/lintcert?at=2026-06-01&findings=all", Some(FORM), pem.clone())
            .await,
        s.post("/lintcert?at=2026-06-01&findings=all", None, pem).await,
    ];
    let findings: Vec<serde_json::Value> = replies
        .iter()
        .map(|r| {
            assert_eq!(r.status, 200, "{}", r.text());
            subject(&r.json())["findings"].clone()
        })
        .collect();
    assert!(findings[0].as_array().unwrap().len() > 10);
    for f in &findings {
        assert_eq!(f, &findings[0]);
    }
    // Without `findings=all`, only what is not a pass is listed; all are counted.
    let default = s
        .post("/lintcert?at=2026-06-01", Some("application/pkix-cert"), der)
        .await
        .json();
    let listed = subject(&default)["findings"].as_array().unwrap().clone();
    assert!(listed.len() < findings[0].as_array().unwrap().len(), "{default:#}");
    assert!(listed.iter().all(|f| f["status"] != "pass"), "{default:#}");
    let counted: u64 = subject(&default)["statuses"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(counted as usize, findings[0].as_array().unwrap().len());
    assert_eq!(subject(&replies[2].json())["name"], "body");
    s.shutdown().await;
}

/// The answer is the report `certlex check --format json` writes for the
/// same file, issuers and date (only the subject's name differs).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_answer_is_the_report_of_certlex_check() {
    let s = start(quiet()).await;
    let certs = ["good/rsa-ee.pem", "good/sm2-sign.pem", "bad/esl-22-issuer-not-ca.pem"];
    // The default lists what needs attention, `findings=all` everything, as `--findings` does.
    for (cert, findings) in certs.iter().flat_map(|c| [(c, "attention"), (c, "all")]) {
        let path = format!("corpus/certificates/{cert}");
        let o = run::command()
            .args([
                "check",
                "--format",
                "json",
                "--at",
                "2026-06-01",
                "--findings",
                findings,
                "--issuers",
                "corpus/certificates/ca",
                "--register",
                "corpus/certificates/register.yaml",
                &path,
            ])
            .output()
            .unwrap();
        let expected: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let mut fields = vec![("b64input".to_string(), text(&format!("certificates/{cert}")))];
        for ca in std::fs::read_dir(run::root().join("corpus/certificates/ca")).unwrap() {
            fields.push(("issuer".into(), std::fs::read_to_string(ca.unwrap().path()).unwrap()));
        }
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let query = match findings {
            "all" => "/lintcert?at=2026-06-01&findings=all",
            _ => "/lintcert?at=2026-06-01",
        };
        let r = s.form(query, &fields).await;
        assert_eq!(r.status, 200, "{}", r.text());
        let mut got = r.json();
        got["subjects"][0]["name"] = serde_json::json!(path);
        assert_eq!(got, expected, "{cert} {findings}");
    }
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_certificate_that_fails_is_still_200_and_the_report_says_so() {
    let s = start(quiet()).await;
    let r = s
        .post(
            "/lintcert?at=2026-06-01",
            None,
            corpus("certificates/bad/esl-21-4-validity-reversed.pem"),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    assert_eq!(j["summary"]["conformant"], false);
    assert!(j["summary"]["blocking"].as_u64().unwrap() > 0);
    let failed: Vec<&str> = subject(&j)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "fail")
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(failed.contains(&"ESL-21-4"), "{failed:?}");
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn profiles_and_statements_have_their_endpoints_and_the_wrong_one_is_named() {
    let s = start(quiet()).await;
    let yaml = corpus("ca-profiles/national-ca.yaml");
    let r = s
        .post("/lintprofile?at=2026-06-01", Some("application/yaml"), yaml.clone())
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(subject(&r.json())["kind"], "ca-profile");
    let r = s.form("/lintprofile", &[("b64input", &base64(&yaml))]).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let md = corpus("rule-statements/complete-bilingual.md");
    let r = s.post("/lintstatement", Some("text/markdown"), md.clone()).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(subject(&r.json())["kind"], "rule-statement");

    let j = s
        .post("/lintcert", None, yaml)
        .await
        .assert_error(400, "certlex::serve::wrong-kind");
    assert_eq!(j["hint"], "post it to `/lintprofile`");
    let j = s
        .post("/lintprofile", None, corpus("certificates/good/rsa-ee.pem"))
        .await
        .assert_error(400, "certlex::serve::wrong-kind");
    assert_eq!(j["hint"], "post it to `/lintcert`");
    let j = s
        .post("/lintcert", None, md)
        .await
        .assert_error(400, "certlex::serve::wrong-kind");
    assert_eq!(j["hint"], "post it to `/lintstatement`");
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_profile_with_errors_is_400_with_every_error_located() {
    let s = start(quiet()).await;
    let yaml = "kind: ca-profile\nname: Example CA\nregistred_capital_rmb: 30_000_000\nlicence_numbr: x\n";
    let j = s
        .post("/lintprofile", None, yaml)
        .await
        .assert_error(400, "certlex::profile::unknown-key");
    assert_eq!(j["location"], "body:2:1");
    assert!(j["hint"].as_str().unwrap().contains("legal_entity"), "{j:#}");
    // Every problem, each with its line, as the CLI prints them.
    let errors = j["errors"].as_array().unwrap();
    let located: Vec<&str> = errors.iter().map(|e| e["location"].as_str().unwrap()).collect();
    assert_eq!(located, ["body:2:1", "body:3:1", "body:4:1"], "{j:#}");
    assert!(
        errors[1]["message"]
            .as_str()
            .unwrap()
            .contains("`registred_capital_rmb`"),
        "{j:#}"
    );
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn formats_sarif_junit_and_text() {
    let s = start(quiet()).await;
    let pem = text("certificates/good/sm2-sign.pem");
    let r = s.form("/lintcert", &[("b64input", &pem), ("format", "sarif")]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.content_type(), "application/sarif+json");
    assert_eq!(r.json()["version"], "2.1.0");
    let r = s.form("/lintcert", &[("b64input", &pem), ("format", "junit")]).await;
    assert_eq!(r.content_type(), "application/xml");
    assert!(r.text().contains("<testsuites"), "{}", r.text());
    let r = s
        .form("/lintcert", &[("b64input", &pem), ("format", "text"), ("lang", "zh")])
        .await;
    assert_eq!(r.content_type(), "text/plain; charset=utf-8");
    assert!(r.text().contains("不符合") || r.text().contains("符合"), "{}", r.text());
    let r = s.form("/lintcert", &[("b64input", &pem), ("format", "jsonl")]).await;
    assert!(
        r.text()
            .lines()
            .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
    );
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn regime_date_and_gate_follow_the_parameters() {
    let s = start(quiet()).await;
    let pem = text("certificates/good/rsa-ee.pem");
    let r = s
        .form(
            "/lintcert?regime=draft-2024&at=2026-06-01",
            &[
                ("b64input", &pem),
                ("fail_on", "notice"),
                ("allow_undetermined", "true"),
            ],
        )
        .await;
    let j = r.json();
    assert_eq!(j["regime"], "draft-2024");
    assert_eq!(j["gate"]["fail_on"], "notice");
    assert_eq!(j["gate"]["allow_undetermined"], true);
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issuers_verify_the_signature_and_a_wrong_issuer_is_400() {
    let s = start(quiet()).await;
    let pem = text("certificates/good/rsa-ee.pem");
    let status_of = |j: &serde_json::Value, rule: &str| {
        subject(j)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == rule)
            .map(|f| f["status"].clone())
            .unwrap()
    };
    let without = s.form("/lintcert?at=2026-06-01", &[("b64input", &pem)]).await.json();
    assert_eq!(status_of(&without, "ESL-21-6"), "undetermined");
    let root = corpus("certificates/ca/rsa-root.pem");
    let with = s
        .form(
            "/lintcert?at=2026-06-01&findings=all",
            &[("b64input", &pem), ("issuer", &String::from_utf8(root).unwrap())],
        )
        .await
        .json();
    assert_eq!(status_of(&with, "ESL-21-6"), "pass");
    assert_eq!(with["summary"]["conformant"], true);

    let j = s
        .form("/lintcert", &[("b64input", &pem), ("issuer", "aGVsbG8=")])
        .await
        .assert_error(400, "certlex::input::no-issuer");
    assert!(j["message"].as_str().unwrap().starts_with("`issuer #1`"), "{j:#}");
    s.form(
        "/lintcert",
        &[("b64input", &pem), ("issuer", "-----BEGIN X-----\n-----END X-----\n")],
    )
    .await
    .assert_error(400, "certlex::input::no-issuer");
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_400_with_a_json_error_never_a_pass() {
    let s = start(quiet()).await;
    let j = s
        .form("/lintcert", &[("b64input", "MIIB*AAA")])
        .await
        .assert_error(400, "certlex::serve::bad-base64");
    assert!(j["message"].as_str().unwrap().contains("`*` at character 5"), "{j:#}");
    // A `+` sent without URL-encoding arrives as a space.
    let j = s
        .post("/lintcert", Some(FORM), "b64input=MIIB+AAA")
        .await
        .assert_error(400, "certlex::serve::bad-base64");
    assert!(j["hint"].as_str().unwrap().contains("URL-encode"), "{j:#}");
    s.post("/lintcert", None, "")
        .await
        .assert_error(400, "certlex::serve::no-input");
    s.post("/lintcert", Some(FORM), "")
        .await
        .assert_error(400, "certlex::serve::no-input");
    s.form("/lintcert", &[("b64input", "")])
        .await
        .assert_error(400, "certlex::serve::empty");
    // Base64 of bytes that are no certificate, and a truncated certificate.
    s.form("/lintcert", &[("b64input", "aGVsbG8gd29ybGQ=")])
        .await
        .assert_error(400, "certlex::input::unknown-kind");
    let der = corpus("certificates/good/rsa-ee.der");
    let r = s.post("/lintcert", None, der[..der.len() / 2].to_vec()).await;
    assert_eq!(r.status, 400, "{}", r.text());
    s.post("/lintcert", None, vec![0xffu8, 0xfe, 0, 1])
        .await
        .assert_error(400, "certlex::input::unknown-kind");
    let two = [
        text("certificates/good/rsa-ee.pem"),
        text("certificates/good/sm2-sign.pem"),
    ]
    .concat();
    s.post("/lintcert", None, two)
        .await
        .assert_error(400, "certlex::serve::not-one");
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_parameters_and_values_are_400_with_a_hint() {
    let s = start(quiet()).await;
    let pem = corpus("certificates/good/rsa-ee.pem");
    let j = s
        .post("/lintcert?regime=draft2024", None, pem.clone())
        .await
        .assert_error(400, "certlex::serve::bad-value");
    assert!(
        j["hint"].as_str().unwrap().contains("did you mean `draft-2024`?"),
        "{j:#}"
    );
    for (query, takes) in [
        ("fail_on=fatal", "notice"),
        ("format=html", "junit"),
        ("lang=fr", "`zh` or `en`"),
        ("at=yesterday", "YYYY-MM-DD"),
        ("findings=some", "`attention` or `all`"),
    ] {
        let j = s
            .post(&format!("/lintcert?{query}"), None, pem.clone())
            .await
            .assert_error(400, "certlex::serve::bad-value");
        assert!(j["hint"].as_str().unwrap().contains(takes), "{query}: {j:#}");
    }
    let j = s
        .post("/lintcert?fail-on=warning", None, pem.clone())
        .await
        .assert_error(400, "certlex::serve::unknown-parameter");
    assert!(
        j["hint"].as_str().unwrap().starts_with("did you mean `fail_on`?"),
        "{j:#}"
    );
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_the_file_limit_is_413() {
    let mut config = quiet();
    config.limits.max_file_bytes = 4096;
    let s = start(config).await;
    let big = vec![b'A'; 8192];
    let j = s
        .post("/lintcert", None, big.clone())
        .await
        .assert_error(413, "certlex::serve::too-large");
    assert!(j["message"].as_str().unwrap().contains("4096"), "{j:#}");
    s.form("/lintcert", &[("b64input", &String::from_utf8(big).unwrap())])
        .await
        .assert_error(413, "certlex::serve::too-large");
    // Under the limit, the same server answers.
    let r = s.post("/lintcert", None, corpus("certificates/good/rsa-ee.der")).await;
    assert_eq!(r.status, 200, "{}", r.text());
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_statement_over_its_own_limit_is_413() {
    let mut config = quiet();
    config.limits.max_statement_bytes = 1000;
    let s = start(config).await;
    s.post("/lintstatement", None, corpus("rule-statements/complete-bilingual.md"))
        .await
        .assert_error(413, "certlex::input::statement-too-large");
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_over_the_timeout_is_503() {
    let config = certlex::serve::Config {
        timeout: Duration::from_nanos(1),
        ..quiet()
    };
    let s = start(config).await;
    s.post("/lintcert", None, corpus("certificates/good/rsa-ee.pem"))
        .await
        .assert_error(503, "certlex::serve::timeout");
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_catalogue_health_and_version() {
    let s = start(quiet()).await;
    let rules = certlex::load::builtin().unwrap();
    let r = s.get("/rules?at=2026-06-01").await;
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    assert_eq!(j["date"], "2026-06-01");
    let list = j["rules"].as_array().unwrap();
    assert_eq!(list.len(), rules.rules.len());
    let esl_21_1 = list.iter().find(|r| r["id"] == "ESL-21-1").unwrap();
    assert!(esl_21_1["title"]["zh"].is_string() && esl_21_1["title"]["en"].is_string());
    assert_eq!(esl_21_1["applies_to"], "certificate");
    assert_eq!(esl_21_1["severity"], "error");
    assert_eq!(esl_21_1["cites"][0]["text"], "ESL 21(1)");
    assert_eq!(esl_21_1["cites"][0]["instrument"], "ESL");
    assert_eq!(esl_21_1["in_force"]["current"], true);
    let draft = list.iter().find(|r| r["id"] == "DRAFT-CERT-CHAIN-FILED").unwrap();
    assert_eq!(
        draft["in_force"],
        serde_json::json!({"current": false, "draft-2024": true})
    );
    // Before the ESL took effect (2005-04-01) nothing is in force.
    let before = s.get("/rules?at=2000-01-01").await.json();
    assert!(
        before["rules"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["in_force"]["current"] == false)
    );
    s.get("/rules?at=soon")
        .await
        .assert_error(400, "certlex::serve::bad-value");
    s.get("/rules?regime=current")
        .await
        .assert_error(400, "certlex::serve::unknown-parameter");

    let h = s.get("/healthz").await;
    assert_eq!(h.status, 200);
    assert_eq!(h.json()["status"], "ok");
    let v = s.get("/version").await.json();
    assert_eq!(v["certlex"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["report_schema"], certlex::report::SCHEMA_VERSION);
    assert_eq!(v["rules"]["count"], rules.rules.len());
    assert_eq!(v["rules"]["source"], "built-in");
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_paths_and_methods_are_json_errors() {
    let s = start(quiet()).await;
    let j = s.get("/lintcrt").await.assert_error(404, "certlex::serve::not-found");
    assert!(
        j["hint"].as_str().unwrap().starts_with("did you mean `/lintcert`?"),
        "{j:#}"
    );
    // `/` is the workbench's page (tests/workbench.rs); it is only read.
    assert_eq!(s.get("/").await.status, 200);
    let r = s.post("/", None, "").await;
    r.assert_error(405, "certlex::serve::method");
    assert_eq!(r.headers.get("allow").unwrap(), "GET");
    let r = s.get("/lintcert").await;
    r.assert_error(405, "certlex::serve::method");
    assert_eq!(r.headers.get("allow").unwrap(), "POST");
    let r = s.post("/rules", None, "").await;
    r.assert_error(405, "certlex::serve::method");
    assert_eq!(r.headers.get("allow").unwrap(), "GET");
    s.shutdown().await;
}

/// What SIGTERM does: a request in progress (its body half sent) is
/// answered, new connections are refused, and the server returns.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_lets_the_request_in_progress_finish() {
    let mut s = start(quiet()).await;
    let body = corpus("certificates/good/rsa-ee.pem");
    let (first, rest) = body.split_at(body.len() / 2);
    let mut tcp = tokio::net::TcpStream::connect(s.addr).await.unwrap();
    let head = format!(
        "POST /lintcert HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-pem-file\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    tcp.write_all(head.as_bytes()).await.unwrap();
    tcp.write_all(first).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    s.begin_shutdown();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        tokio::net::TcpStream::connect(s.addr).await.is_err(),
        "a stopping server accepts no new connection"
    );
    tcp.write_all(rest).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), tcp.read_to_end(&mut answer))
        .await
        .expect("the answer comes and the connection closes")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
    assert!(answer.contains("\"conformant\""), "{answer}");
    s.shutdown().await;
}

/// A bounded load: a fixed number of lints over 16 kept-alive connections
/// on loopback; every one answered 200. (2,000 in release builds; fewer in
/// debug builds, where a lint costs some 20 times more.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bounded_load_is_answered_in_full() {
    const CONNECTIONS: usize = 16;
    const REQUESTS: usize = if cfg!(debug_assertions) { 320 } else { 2000 };
    let s = start(quiet()).await;
    let certs = [
        corpus("certificates/good/rsa-ee.pem"),
        corpus("certificates/good/sm2-sign.pem"),
    ];
    let started = std::time::Instant::now();
    let mut tasks = Vec::new();
    for c in 0..CONNECTIONS {
        let addr = s.addr;
        let cert = certs[c % 2].clone();
        tasks.push(tokio::spawn(async move {
            let mut conn = http::Conn::open(addr).await;
            let mut statuses = Vec::new();
            for _ in 0..REQUESTS / CONNECTIONS {
                let r = conn.send("POST", "/lintcert", None, cert.clone()).await;
                statuses.push(r.status);
            }
            statuses
        }));
    }
    let mut answered = 0;
    for t in tasks {
        let statuses = tokio::time::timeout(Duration::from_secs(120), t)
            .await
            .unwrap()
            .unwrap();
        assert!(statuses.iter().all(|&s| s == 200), "{statuses:?}");
        answered += statuses.len();
    }
    assert_eq!(answered, REQUESTS);
    eprintln!(
        "{REQUESTS} lints over {CONNECTIONS} connections in {:?}",
        started.elapsed()
    );
    s.shutdown().await;
}

/// The binary: `certlex serve --listen 127.0.0.1:0` says where it listens,
/// logs one line per request, and SIGTERM stops it with exit code 0.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_serves_logs_and_stops_on_sigterm() {
    use std::io::{BufRead, BufReader};
    let mut child = run::command()
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    stderr.read_line(&mut first).unwrap();
    let mut conn = http::Conn::open(http::listening_on(&first)).await;
    let r = conn.send("GET", "/healthz", None, "").await;
    assert_eq!(r.status, 200);
    let r = conn.send("POST", "/lintcert", None, "").await;
    assert_eq!(r.status, 400);
    drop(conn);
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let rest: Vec<String> = stderr.lines().map_while(Result::ok).collect();
    assert!(rest[0].starts_with("GET /healthz 200 "), "{rest:?}");
    assert!(rest[0].ends_with(" ms"), "{rest:?}");
    assert!(rest[1].starts_with("POST /lintcert 400 "), "{rest:?}");
    assert!(rest.iter().any(|l| l.contains("stopping")), "{rest:?}");
}

#[test]
fn the_help_teaches_with_curl() {
    let o = run::command().args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8(o.stdout).unwrap();
    for wanted in [
        "--listen",
        "127.0.0.1:8080",
        "--max-file-size",
        "--workers",
        "--timeout",
        "curl --data-urlencode b64input@cert.pem",
        "/lintcert",
        "/rules",
    ] {
        assert!(help.contains(wanted), "`{wanted}` missing from:\n{help}");
    }
    let o = run::command()
        .args(["--rules", "no-such-dir", "serve"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn to_be_signed_certificates_requests_and_crls_have_their_endpoints() {
    let s = start(quiet()).await;
    let cases = [
        ("/linttbscert", "pipeline/tbs/sm2-sign.tbs.der", "certificate"),
        ("/lintcsr", "pipeline/csr/sm2.csr.pem", "csr"),
        ("/lintcrl", "pipeline/crl/sm2-sub.crl.pem", "crl"),
    ];
    let sub = text("certificates/ca/sm2-sub.pem");
    for (path, file, kind) in cases {
        let r = s
            .form(
                &format!("{path}?at=2026-06-01&findings=all"),
                &[("b64input", &base64(&corpus(file))), ("issuer", &sub)],
            )
            .await;
        assert_eq!(r.status, 200, "{path}: {}", r.text());
        let j = r.json();
        assert_eq!(subject(&j)["kind"], kind, "{path}");
        assert!(!subject(&j)["findings"].as_array().unwrap().is_empty(), "{path}: {j:#}");
    }
    // A CRL posted where a request is linted: the right endpoint is named.
    let j = s
        .post("/lintcsr", None, corpus("pipeline/crl/rsa-root.crl.der"))
        .await
        .assert_error(400, "certlex::serve::wrong-kind");
    assert_eq!(j["hint"], "post it to `/lintcrl`");
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ocsp_responses_have_their_endpoint() {
    let s = start(quiet()).await;
    let root = text("certificates/ca/rsa-root.pem");
    let r = s
        .form(
            "/lintocsp?at=2026-11-28&findings=all",
            &[
                ("b64ocsp", &base64(&corpus("pipeline/ocsp/rsa-good.ocsp.der"))),
                ("issuer", &root),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    assert_eq!(subject(&j)["kind"], "ocsp");
    let findings = subject(&j)["findings"].as_array().unwrap();
    let signature = findings.iter().find(|f| f["rule"] == "OCSP-SIGNATURE").unwrap();
    assert_eq!(signature["status"], "pass", "{j:#}");
    // A raw DER body, and a broken response: 400 with the reader's message.
    let r = s
        .post(
            "/lintocsp?at=2026-11-28",
            None,
            corpus("pipeline/ocsp/try-later.ocsp.der"),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    s.post("/lintocsp", None, corpus("bad/ocsp-truncated.der"))
        .await
        .assert_error(400, "certlex::input::bad-der");
    // Each endpoint refuses the other kinds, naming the right one.
    let j = s
        .post("/lintcrl", None, corpus("pipeline/ocsp/rsa-good.ocsp.der"))
        .await
        .assert_error(400, "certlex::serve::wrong-kind");
    assert_eq!(j["hint"], "post it to `/lintocsp`");
    let j = s
        .post("/lintocsp", None, corpus("pipeline/crl/rsa-root.crl.der"))
        .await
        .assert_error(400, "certlex::serve::wrong-kind");
    assert_eq!(j["hint"], "post it to `/lintcrl`");
    s.shutdown().await;
}

/// pkimetal's `/linttbscert` takes a TBSCertificate alone: a signed
/// certificate (or precertificate) there is refused, and a TBS at `/lintcert`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn to_be_signed_and_signed_certificates_keep_to_their_endpoints() {
    let s = start(quiet()).await;
    for signed in ["certificates/good/rsa-ee.pem", "pipeline/precert/rsa-ee.precert.pem"] {
        let j = s
            .post("/linttbscert", None, corpus(signed))
            .await
            .assert_error(400, "certlex::serve::wrong-kind");
        let message = j["message"].as_str().unwrap();
        assert!(
            message.contains("a signed certificate, not a to-be-signed certificate"),
            "{signed}: {j:#}"
        );
        assert_eq!(j["hint"], "use `/lintcert`", "{signed}");
    }
    let j = s
        .post("/lintcert", None, corpus("pipeline/tbs/rsa-ee.tbs.der"))
        .await
        .assert_error(400, "certlex::serve::wrong-kind");
    assert!(
        j["message"]
            .as_str()
            .unwrap()
            .contains("a to-be-signed certificate, not a signed certificate"),
        "{j:#}"
    );
    assert_eq!(j["hint"], "use `/linttbscert`");
    let r = s
        .post(
            "/linttbscert?at=2026-06-01",
            None,
            corpus("pipeline/tbs/rsa-ee.tbs.der"),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    s.shutdown().await;
}
