//! The workbench in a real browser: headless Chromium driven through
//! chromedriver (WebDriver, with the `fantoccini` client) against a server
//! in this process on an ephemeral loopback port. It opens `/`, finds the
//! text of ESL 24 (五年) with its scenarios from an actual run, searches,
//! breaks a rule in the editor and sees the diagnostic, checks a sample
//! certificate and sees a finding, and takes a screenshot of each view.
//!
//! Needs `chromium` and `chromium-driver` (Debian; `.ci/run` installs them,
//! with `fonts-wqy-zenhei` for Chinese text); without them it says so and
//! passes. `CHROMIUM` and `CHROMEDRIVER` name other binaries. Screenshots
//! go to `target/workbench-screenshots/`, or to `docs/workbench/` with
//! `CERTLEX_UPDATE_SCREENSHOTS=1`.

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

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

fn binary(var: &str, default: &str) -> Option<PathBuf> {
    let p = std::env::var_os(var).map_or_else(|| PathBuf::from(default), PathBuf::from);
    p.is_file().then_some(p)
}

/// chromedriver on a free loopback port, killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn driver(chromedriver: &Path) -> Driver {
    let port = free_port();
    let child = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let d = Driver { child, port };
    let start = Instant::now();
    while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "chromedriver listens within 10 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    d
}

/// Wait until `script` (a JavaScript expression) is true in the page.
async fn until(c: &Client, what: &str, script: &str) {
    let start = Instant::now();
    loop {
        let v = c.execute(&format!("return !!({script});"), vec![]).await.unwrap();
        if v == json!(true) {
            return;
        }
        if start.elapsed() > Duration::from_secs(15) {
            let page = c
                .execute("return document.body.innerText.slice(0, 3000);", vec![])
                .await
                .unwrap();
            panic!(
                "timed out waiting for {what}; the page says:\n{}",
                page.as_str().unwrap_or("")
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn screenshot(c: &Client, name: &str) {
    let dir = if std::env::var_os("CERTLEX_UPDATE_SCREENSHOTS").is_some() {
        run::root().join("docs/workbench")
    } else {
        run::root().join("target/workbench-screenshots")
    };
    std::fs::create_dir_all(&dir).unwrap();
    let png = c.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
    std::fs::write(dir.join(name), png).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lawyer_reads_an_article_breaks_a_rule_and_checks_a_certificate() {
    let (Some(chromium), Some(chromedriver)) = (
        binary("CHROMIUM", "/usr/bin/chromium"),
        binary("CHROMEDRIVER", "/usr/bin/chromedriver"),
    ) else {
        eprintln!(
            "skipped: the browser test needs Chromium and chromedriver \
             (`apt-get install chromium chromium-driver fonts-wqy-zenhei`, or set CHROMIUM and CHROMEDRIVER)"
        );
        return;
    };
    let begun = Instant::now();
    std::env::set_current_dir(run::root()).unwrap();
    // One feature keeps the scenario run short; the server runs it in-process.
    let features = tempfile::tempdir().unwrap();
    std::fs::copy(
        run::root().join("features/esl/article-24.feature"),
        features.path().join("article-24.feature"),
    )
    .unwrap();
    let server = http::start(certlex::serve::Config {
        features: Some(features.path().to_path_buf()),
        ..http::quiet()
    })
    .await;
    let base = format!("http://{}/", server.addr);

    let d = driver(&chromedriver).await;
    let profile = tempfile::tempdir().unwrap();
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        &format!("--user-data-dir={}", profile.path().display()),
    ];
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({ "binary": chromium.display().to_string(), "args": args }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let c = ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", d.port))
        .await
        .expect("a WebDriver session with headless Chromium");

    // The law browser: ESL 24 with its wording, rules and scenarios.
    c.goto(&base).await.unwrap();
    until(
        &c,
        "the tree of the law",
        r#"document.querySelector('a[data-inst="ESL"][data-n="24"]')"#,
    )
    .await;
    c.find(Locator::Css(r#"a[data-inst="ESL"][data-n="24"]"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until(
        &c,
        "the text of ESL 24",
        "document.getElementById('article').innerText.includes('五年')",
    )
    .await;
    until(
        &c,
        "the rule citing it",
        "document.getElementById('article').innerText.includes('ESL-24-RETENTION')",
    )
    .await;
    until(
        &c,
        "its scenarios, run",
        "document.getElementById('scenarios').innerText.includes('5 / 5')",
    )
    .await;
    screenshot(&c, "law.png").await;
    c.execute(
        "document.getElementById('scenarios').scrollIntoView({block: 'center'});",
        vec![],
    )
    .await
    .unwrap();
    screenshot(&c, "scenarios.png").await;

    // Search across article text.
    c.find(Locator::Id("search"))
        .await
        .unwrap()
        .send_keys("五年")
        .await
        .unwrap();
    until(
        &c,
        "a search hit",
        "document.getElementById('hits').innerText.includes('ESL 24')",
    )
    .await;

    // The editor: a broken rule gets a diagnostic.
    c.find(Locator::Css(r#"nav button[data-view="editor"]"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.execute(
        "const s = document.getElementById('file'); s.value = 'parameters.rules'; s.dispatchEvent(new Event('change'));",
        vec![],
    )
    .await
    .unwrap();
    until(
        &c,
        "the rule file",
        "document.getElementById('editor-text').value.includes('parameter')",
    )
    .await;
    until(
        &c,
        "a clean check",
        "document.getElementById('editor-state').textContent.includes('no errors')",
    )
    .await;
    let editor = c.find(Locator::Id("editor-text")).await.unwrap();
    editor.send_keys("\nparameter broken {\n").await.unwrap();
    until(&c, "a diagnostic", "document.querySelector('#diagnostics li.error')").await;
    screenshot(&c, "editor.png").await;

    // Try it: a certificate with a serial number of zero fails ESL 21(3).
    c.find(Locator::Css(r#"nav button[data-view="try"]"#))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let pem = std::fs::read_to_string(run::root().join("corpus/certificates/bad/esl-21-3-serial-zero.pem")).unwrap();
    c.execute(
        "document.getElementById('try-input').value = arguments[0];",
        vec![json!(pem)],
    )
    .await
    .unwrap();
    c.find(Locator::Id("try-run")).await.unwrap().click().await.unwrap();
    until(
        &c,
        "a failing finding",
        "document.querySelector('#findings .finding .badge.fail')",
    )
    .await;
    until(
        &c,
        "the cited article",
        "document.getElementById('findings').innerText.includes('ESL 21')",
    )
    .await;
    c.execute("document.getElementById('findings').scrollIntoView();", vec![])
        .await
        .unwrap();
    screenshot(&c, "try.png").await;

    c.close().await.unwrap();
    drop(d);
    server.shutdown().await;
    eprintln!("the browser test took {:.1} s", begun.elapsed().as_secs_f64());
}
