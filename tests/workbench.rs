//! The workbench's page and `/api/` endpoints over HTTP: a server in this
//! process on an ephemeral loopback port (the browser test,
//! `workbench_browser.rs`, drives the same page in Chromium).

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

use certlex::serve::workbench::Origin;
use http::{quiet, start};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_and_its_assets_are_served_from_the_binary() {
    let s = start(quiet()).await;
    let page = s.get("/").await;
    assert_eq!(page.status, 200);
    assert!(page.content_type().starts_with("text/html"));
    assert!(page.text().contains("/assets/app.js"));
    for (path, ty) in [("/assets/app.js", "text/javascript"), ("/assets/app.css", "text/css")] {
        let r = s.get(path).await;
        assert_eq!(r.status, 200, "{path}");
        assert!(r.content_type().starts_with(ty), "{path}");
        assert!(
            !r.text().contains("http://") && !r.text().contains("https://"),
            "{path} fetches nothing from elsewhere"
        );
    }
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_law_browser_shows_an_article_with_its_rules_and_search_finds_it() {
    let s = start(quiet()).await;
    let law = s.get("/api/law").await.json();
    assert!(law["instruments"].as_array().unwrap().iter().any(|i| i["id"] == "ESL"));
    assert_eq!(law["writable"], false);
    let a = s.get("/api/article?instrument=ESL&number=24&at=2025-06-01").await;
    assert_eq!(a.status, 200, "{}", a.text());
    let a = a.json();
    assert!(a["versions"][0]["text"]["zh"].as_str().unwrap().contains("五年"));
    assert!(
        a["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "ESL-24-RETENTION")
    );
    let hits = s.get("/api/search?q=%E4%BA%94%E5%B9%B4").await.json();
    assert!(hits.as_array().unwrap().iter().any(|h| h["article"] == 24), "{hits:#}");
    s.get("/api/article?instrument=ESL&number=999")
        .await
        .assert_error(404, "certlex::serve::no-article");
    s.get("/api/article?instrument=ESL&number=24&at=soon")
        .await
        .assert_error(400, "certlex::serve::bad-value");
    s.get("/api/article?instrument=ESL&number=XXIV")
        .await
        .assert_error(400, "certlex::serve::bad-value");
    // A missing parameter's hint is the request of the endpoint asked.
    for (path, usage) in [
        ("/api/article?instrument=ESL", "/api/article?"),
        ("/api/search", "/api/search?q="),
    ] {
        let e = s.get(path).await.assert_error(400, "certlex::serve::missing-parameter");
        assert!(e["hint"].as_str().unwrap().contains(usage), "{path}: {e}");
    }
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_is_checked_and_formatted_and_built_in_rules_cannot_be_saved() {
    let s = start(quiet()).await;
    let files = s.get("/api/files").await.json();
    assert_eq!(files["writable"], false);
    let text = s.get("/api/file?name=parameters.rules").await.text();
    assert!(text.contains("parameter"));
    let broken = text.replacen("cites ESL 24", "cites ESL 24000", 1);
    let r = s.post("/api/check?name=parameters.rules", None, broken).await.json();
    let errors: Vec<_> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert!(!errors.is_empty(), "{r:#}");
    assert!(errors[0]["line"].as_u64().unwrap() > 0);
    let f = s
        .post("/api/fmt?name=parameters.rules", None, text.clone())
        .await
        .json();
    assert_eq!(f["text"], text.as_str());
    // No `--rules` directory: no save endpoint at all.
    assert_eq!(s.post("/api/save?name=parameters.rules", None, text).await.status, 404);
    s.get("/api/file?name=../Cargo.toml")
        .await
        .assert_error(400, "certlex::serve::path");
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saving_under_the_rules_directory_and_nowhere_else() {
    let tmp = tempfile::tempdir().unwrap();
    let rules = tmp.path().join("rules");
    copy_dir(&run::root().join("rules"), &rules);
    let config = certlex::serve::Config {
        editor: Origin::dir(&rules).unwrap(),
        ..quiet()
    };
    let s = start(config).await;
    assert_eq!(s.get("/api/files").await.json()["writable"], true);
    let text = s.get("/api/file?name=parameters.rules").await.text();
    let edited = format!("# edited in the workbench\n{text}");
    let r = s.post("/api/save?name=parameters.rules", None, edited.clone()).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(std::fs::read_to_string(rules.join("parameters.rules")).unwrap(), edited);
    for bad in [
        "../outside.rules",
        "/tmp/outside.rules",
        "esl/../../outside.rules",
        "x.txt",
    ] {
        let path = format!("/api/save?name={}", bad.replace('/', "%2F"));
        s.post(&path, None, "# no")
            .await
            .assert_error(403, "certlex::serve::path");
    }
    assert!(!tmp.path().join("outside.rules").exists());
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scenarios_are_unavailable_without_a_features_folder() {
    let s = start(quiet()).await;
    let r = s.get("/api/scenarios?rules=ESL-24-RETENTION").await.json();
    assert_eq!(r["state"], "unavailable", "{r:#}");
    s.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_articles_scenarios_come_from_an_actual_run() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(
        run::root().join("features/esl/article-24.feature"),
        tmp.path().join("article-24.feature"),
    )
    .unwrap();
    std::env::set_current_dir(run::root()).unwrap();
    let config = certlex::serve::Config {
        features: Some(tmp.path().to_path_buf()),
        ..quiet()
    };
    let s = start(config).await;
    let path = "/api/scenarios?rules=ESL-24-RETENTION";
    assert_eq!(s.get(path).await.json()["state"], "running");
    let mut done = serde_json::Value::Null;
    for _ in 0..300 {
        done = s.get(path).await.json();
        if done["state"] != "running" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(done["state"], "done", "{done:#}");
    let scenarios = done["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 5, "{done:#}");
    assert!(scenarios.iter().all(|s| s["passed"] == true), "{done:#}");
    s.shutdown().await;
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let target = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// The scenario results the workbench shows come from a real run of the
/// features (here from the repository's root, as the features' paths are).
#[test]
fn each_scenario_keeps_its_outcome_and_the_rules_it_exercises() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let rules = std::sync::Arc::new(certlex::load::builtin().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let made_up = dir.path().join("made-up.feature");
    std::fs::write(
        &made_up,
        "Feature: F\n\n  Scenario: made up\n    Given nothing like this step exists\n    Then rule \"ESL-24-RETENTION\" passes\n",
    )
    .unwrap();
    let got =
        certlex::scenario::results::results(rules, &[root.join("features/esl/article-24.feature"), made_up]).unwrap();
    let ours: Vec<_> = got
        .iter()
        .filter(|r| r.feature == "features/esl/article-24.feature")
        .collect();
    assert_eq!(ours.len(), 5, "{got:?}");
    assert!(
        ours.iter().all(|r| r.passed && r.exercises("ESL-24-RETENTION")),
        "{ours:?}"
    );
    assert_eq!(ours[3].expects[0].status, "fail");
    let bad = got.iter().find(|r| r.name == "made up").unwrap();
    assert!(!bad.passed);
    assert!(
        bad.failure.as_deref().unwrap().contains("no step definition"),
        "{bad:?}"
    );
}
