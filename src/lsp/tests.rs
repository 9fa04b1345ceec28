//! The server driven in memory with JSON-RPC messages, as an editor would:
//! initialize, open and edit documents, receive diagnostics, ask for
//! hovers, completion, definitions and formatting, shut down.

use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value as Json, json};

use super::{Config, serve};

fn root() -> String {
    crate::repo().display().to_string()
}

struct Client {
    conn: Connection,
    server: Option<JoinHandle<Result<(), String>>>,
    next_id: i32,
    /// Notifications received while waiting for something else.
    pending: Vec<Notification>,
}

impl Client {
    fn start(debounce: Duration) -> Self {
        let (server, conn) = Connection::memory();
        let config = Config {
            debounce,
            ..Config::default()
        };
        let handle = std::thread::spawn(move || serve(&server, config));
        let mut c = Client {
            conn,
            server: Some(handle),
            next_id: 0,
            pending: Vec::new(),
        };
        let init = c.request(
            "initialize",
            json!({ "processId": null, "rootUri": format!("file://{}", root()), "capabilities": {} }),
        );
        assert_eq!(init["capabilities"]["hoverProvider"], json!(true), "{init}");
        assert_eq!(init["capabilities"]["documentFormattingProvider"], json!(true));
        c.notify("initialized", json!({}));
        c
    }

    /// Send a message as it goes over the wire: framed JSON, read back.
    fn send(&self, m: Message) {
        self.conn.sender.send(wire(m)).unwrap();
    }

    fn recv(&self, timeout: Duration) -> Result<Message, crossbeam_channel::RecvTimeoutError> {
        self.conn.receiver.recv_timeout(timeout).map(wire)
    }

    fn notify(&self, method: &str, params: Json) {
        self.send(Message::Notification(Notification::new(method.into(), params)));
    }

    /// A request's response: its result, or `Err` with the error message.
    fn try_request(&mut self, method: &str, params: Json) -> Result<Json, String> {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.send(Message::Request(Request::new(id.clone(), method.into(), params)));
        loop {
            match self.recv(Duration::from_secs(60)).unwrap() {
                Message::Response(r) if r.id == id => return r.response_result.map_err(|e| e.message),
                Message::Notification(n) => self.pending.push(n),
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    fn request(&mut self, method: &str, params: Json) -> Json {
        self.try_request(method, params).unwrap()
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Json> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(i) = self
                .pending
                .iter()
                .position(|n| n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri)
            {
                let n = self.pending.remove(i);
                return n.params["diagnostics"].as_array().cloned().unwrap_or_default();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.recv(left) {
                Ok(Message::Notification(n)) => self.pending.push(n),
                Ok(other) => panic!("unexpected {other:?}"),
                Err(e) => panic!("no diagnostics for {uri}: {e}"),
            }
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Json> {
        let language = if uri.ends_with(".feature") {
            "gherkin"
        } else {
            "certlex-rules"
        };
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language, "version": 1, "text": text } }),
        );
        self.diagnostics(uri)
    }

    fn at(&mut self, method: &str, uri: &str, text: &str, needle: &str, within: usize) -> Json {
        let offset = text.find(needle).unwrap_or_else(|| panic!("no `{needle}`")) + within;
        let pos = super::position::position(text, offset);
        self.request(
            method,
            json!({ "textDocument": { "uri": uri }, "position": pos, "context": { "triggerKind": 1 } }),
        )
    }

    fn shutdown(mut self) {
        assert_eq!(self.request("shutdown", Json::Null), Json::Null);
        self.notify("exit", Json::Null);
        let server = self.server.take().unwrap();
        assert_eq!(server.join().unwrap(), Ok(()));
    }
}

/// A message written with its `Content-Length` header and read back, so
/// the tests see what an editor would send and receive.
fn wire(m: Message) -> Message {
    let mut bytes = Vec::new();
    m.write(&mut bytes).unwrap();
    assert!(bytes.starts_with(b"Content-Length: "));
    Message::read(&mut std::io::BufReader::new(bytes.as_slice()))
        .unwrap()
        .unwrap()
}

fn uri(rel: &str) -> String {
    format!("file://{}/{rel}", root())
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/{rel}", root())).unwrap()
}

fn labels(items: &Json) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_rule_file_gets_exactly_what_rules_check_reports() {
    let mut c = Client::start(Duration::from_millis(20));
    let u = uri("rules/parameters.rules");
    let text = read("rules/parameters.rules").replace("value 5 years cites ESL 24", "value 10 years cites ESL 24");
    let diags = c.open(&u, &text);
    // What `rules check FILE` reports for the same text.
    let path = format!("{}/rules/parameters.rules", root());
    let base = crate::load::read_dir(std::path::Path::new(&format!("{}/rules", root()))).unwrap();
    let file = crate::source::SourceFile::new(path, text.as_str());
    let want = crate::load::check_in_context(&base, &[file], false, &crate::limits::Limits::default());
    assert_eq!(diags.len(), want.diags.len(), "{diags:?}");
    assert_eq!(diags[0]["code"], "certlex::rules::value-not-in-text");
    let span = want.diags[0].labels[0].0;
    assert_eq!(diags[0]["range"], json!(super::position::range(&text, span)));
    assert!(
        diags[0]["message"].as_str().unwrap().contains("\nhelp: "),
        "{}",
        diags[0]
    );
    // Mended: the diagnostics go.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 2 },
                "contentChanges": [{ "text": read("rules/parameters.rules") }] }),
    );
    assert!(c.diagnostics(&u).is_empty());
    c.shutdown();
}

#[test]
fn incremental_edits_and_ranges_count_utf16_code_units() {
    let mut c = Client::start(Duration::from_millis(20));
    let u = uri("rules/scratch/new.rules");
    let text = "rule SCRATCH-1 {\n  cites ESL 21(1)\n  title.zh \"证书载明名称\"\n  title.en \"Names\"\n  applies-to certificate\n  severity error\n  require issuer.organization is present\n  message.zh \"未载明{issuer.organization}\"\n  message.en \"no name\"\n}\n";
    assert!(c.open(&u, text).is_empty());
    // A placeholder in a message is a fact path too.
    let h = c.at("textDocument/hover", &u, text, "organization}", 3);
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.starts_with("`issuer.organization` — "), "{md}");
    // Replace `organization` inside the Chinese message by a misspelling:
    // line 7, after `  message.zh "未载明{issuer.` — 4 Chinese characters
    // are 4 code units (12 bytes).
    let line7 = "  message.zh \"未载明{issuer.";
    let character = line7.encode_utf16().count() as u32;
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 2 },
                "contentChanges": [{ "range": { "start": { "line": 7, "character": character },
                                                "end": { "line": 7, "character": character + 12 } },
                                     "text": "organisation" }] }),
    );
    let diags = c.diagnostics(&u);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["range"]["start"]["line"], 7);
    let start = diags[0]["range"]["start"]["character"].as_u64().unwrap() as u32;
    assert!(
        start <= character && character < diags[0]["range"]["end"]["character"].as_u64().unwrap() as u32,
        "{}",
        diags[0]
    );
    assert!(
        diags[0]["message"].as_str().unwrap().contains("organization"),
        "{}",
        diags[0]
    );
    c.shutdown();
}

#[test]
fn diagnostics_wait_until_the_typing_stops() {
    let debounce = Duration::from_millis(300);
    let mut c = Client::start(debounce);
    let u = uri("rules/scratch/typing.rules");
    assert!(
        c.open(&u, "parameter typing {\n  title.en \"x\"\n  value 1 cites ESL 24\n}\n")
            .is_empty()
    );
    let started = Instant::now();
    for (version, t) in [
        (2, "parameter typing {\n  title.en \"x\"\n  valu"),
        (
            3,
            "parameter typing {\n  title.en \"x\"\n  value 1 cites ESL 24\n  bogus 1\n}\n",
        ),
    ] {
        c.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": u, "version": version }, "contentChanges": [{ "text": t }] }),
        );
    }
    let diags = c.diagnostics(&u);
    assert!(started.elapsed() >= debounce);
    // Only the last text was checked: its unknown field, not the half-typed one.
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(diags[0]["message"].as_str().unwrap().contains("bogus"), "{}", diags[0]);
    assert!(!c.pending.iter().any(|n| n.params["uri"] == u.as_str()));
    c.shutdown();
}

#[test]
fn hovers_show_the_law_the_facts_the_parameters_and_the_rules() {
    let mut c = Client::start(Duration::from_millis(20));
    let params = read("rules/parameters.rules");
    let pu = uri("rules/parameters.rules");
    c.open(&pu, &params);
    // A citation: the wording of ESL 24 in both languages.
    let h = c.at("textDocument/hover", &pu, &params, "cites ESL 24", 8);
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("《电子签名法》第二十四条"), "{md}");
    assert!(md.contains("ESL article 24"), "{md}");
    assert!(md.contains("五年"), "{md}");
    // A parameter's head: its values with their citations, and today's value by regime.
    let h = c.at(
        "textDocument/hover",
        &pu,
        &params,
        "parameter min-registered-capital-rmb",
        12,
    );
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("30_000_000") && md.contains("70_000_000"), "{md}");
    assert!(md.contains("- current: ") && md.contains("- draft-2024: "), "{md}");

    let rel = "rules/esl/certificate/article-21.rules";
    let (ru, rules) = (uri(rel), read(rel));
    c.open(&ru, &rules);
    // A fact path in a condition: its type, documentation and the rules that read it.
    let h = c.at("textDocument/hover", &ru, &rules, "issuer.organization is present", 9);
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.starts_with("`issuer.organization` — "), "{md}");
    assert!(md.contains("`ESL-21-1`"), "{md}");
    // On `issuer` alone: the record.
    let h = c.at("textDocument/hover", &ru, &rules, "issuer.organization is present", 2);
    assert!(h["contents"]["value"].as_str().unwrap().starts_with("`issuer` — "));

    // A rule id in a feature: the rule's title and citations.
    let fu = uri("features/esl/scratch.feature");
    let feature =
        "Feature: x\n  Scenario: y\n    Given the certificate \"corpus/a.pem\"\n    Then rule \"ESL-21-1\" passes\n";
    assert!(c.open(&fu, feature).is_empty());
    let h = c.at("textDocument/hover", &fu, feature, "ESL-21-1", 3);
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("证书载明电子认证服务提供者名称"), "{md}");
    assert!(
        md.contains("ESL article 21, item (1)") || md.contains("ESL article 21"),
        "{md}"
    );
    c.shutdown();
}

#[test]
fn completion_offers_fields_facts_citations_parameters_and_steps() {
    let mut c = Client::start(Duration::from_millis(20));
    let u = uri("rules/scratch/complete.rules");
    let text = "rule SCRATCH-2 {\n  cites ESL 2\n  applies-to certificate\n  sev\n  require issuer.\n  when min-\n  message.en \"{issuer.\"\n}\nparameter p {\n  value 1 cites ESL 17(\n}\n";
    c.open(&u, text);
    let fields = labels(&c.at("textDocument/completion", &u, text, "  sev\n", 5));
    assert!(
        fields.contains(&"severity".to_string()) && fields.contains(&"require".to_string()),
        "{fields:?}"
    );
    assert!(
        !fields.contains(&"text.zh".to_string()),
        "a rule has no wording: {fields:?}"
    );
    let facts = labels(&c.at("textDocument/completion", &u, text, "issuer.\n", 7));
    assert!(facts.contains(&"organization".to_string()), "{facts:?}");
    let named = labels(&c.at("textDocument/completion", &u, text, "min-\n", 4));
    assert!(named.contains(&"min-registered-capital-rmb".to_string()), "{named:?}");
    assert!(
        named.contains(&"subject".to_string()) && named.contains(&"every".to_string()),
        "{named:?}"
    );
    let placeholders = labels(&c.at("textDocument/completion", &u, text, "{issuer.\"", 8));
    assert!(placeholders.contains(&"organization".to_string()), "{placeholders:?}");
    let articles = labels(&c.at("textDocument/completion", &u, text, "cites ESL 2\n", 10));
    assert!(
        articles.contains(&"21".to_string()) && articles.contains(&"24".to_string()),
        "{articles:?}"
    );
    let instruments = labels(&c.at("textDocument/completion", &u, text, "cites ESL 2\n", 6));
    assert!(instruments.contains(&"ESL".to_string()) && instruments.contains(&"MEASURES-2015".to_string()));
    let items = labels(&c.at("textDocument/completion", &u, text, "ESL 17(\n", 7));
    assert!(
        items.contains(&"4".to_string()) && items.contains(&"5".to_string()),
        "{items:?}"
    );

    let fu = uri("features/scratch.zh.feature");
    let feature = "# language: zh-CN\n功能: x\n  场景: y\n    假如 证\n    那么 规则 \"ESL-21\n";
    c.open(&fu, feature);
    let steps = c.at("textDocument/completion", &fu, feature, "假如 证\n", "假如 证".len());
    let got = labels(&steps);
    assert!(got.contains(&"证书 \"PATH\"".to_string()), "{got:?}");
    assert!(!got.contains(&"符合".to_string()), "a Then step after 假如: {got:?}");
    let first = steps
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "证书 \"PATH\"")
        .unwrap();
    assert_eq!(first["detail"], "the certificate \"PATH\"");
    let ids = labels(&c.at("textDocument/completion", &fu, feature, "\"ESL-21\n", 7));
    assert!(ids.contains(&"ESL-21-1".to_string()), "{ids:?}");
    c.shutdown();
}

#[test]
fn features_get_unknown_steps_and_rule_ids_with_suggestions() {
    let mut c = Client::start(Duration::from_millis(20));
    let u = uri("features/scratch/wrong.feature");
    let text =
        "Feature: x\n  Scenario: y\n    Given the certficate \"corpus/a.pem\"\n    Then rule \"ESL-21-9\" passes\n";
    let diags = c.open(&u, text);
    assert_eq!(diags.len(), 2, "{diags:?}");
    let step = diags[0]["message"].as_str().unwrap();
    assert!(
        step.starts_with("unknown step `the certficate \"corpus/a.pem\"`"),
        "{step}"
    );
    assert!(
        step.contains("did you mean: the certificate \"PATH\" (in Chinese: 证书 \"PATH\")"),
        "{step}"
    );
    assert_eq!(diags[0]["range"]["start"], json!({ "line": 2, "character": 10 }));
    let rule = diags[1]["message"].as_str().unwrap();
    assert!(rule.starts_with("there is no rule `ESL-21-9`"), "{rule}");
    assert!(rule.contains("did you mean `ESL-21-"), "{rule}");
    assert_eq!(diags[1]["range"]["start"], json!({ "line": 3, "character": 15 }));

    let zu = uri("features/scratch/wrong.zh.feature");
    let zh = "# language: zh-CN\n功能: x\n  场景: y\n    假如 证书 “corpus/a.pem”\n";
    let diags = c.open(&zu, zh);
    assert_eq!(diags.len(), 1, "{diags:?}");
    let m = diags[0]["message"].as_str().unwrap();
    assert!(
        m.starts_with("未知步骤") && m.contains("全角引号") && m.contains("证书 \"PATH\""),
        "{m}"
    );
    // `假如 ` is 3 code units: the step starts at character 7 of line 3.
    assert_eq!(diags[0]["range"]["start"], json!({ "line": 3, "character": 7 }));
    c.shutdown();
}

#[test]
fn definitions_lead_to_parameters_articles_and_rules() {
    let mut c = Client::start(Duration::from_millis(20));
    let u = uri("rules/scratch/uses.rules");
    let text = "rule SCRATCH-3 {\n  cites MEASURES-2015 5(3)\n  title.en \"x\"\n  applies-to ca-profile\n  require capital.registered_rmb >= min-registered-capital-rmb\n  message.en \"x\"\n}\n";
    c.open(&u, text);
    let d = c.at("textDocument/definition", &u, text, "min-registered-capital-rmb", 3);
    assert_eq!(d["uri"], uri("rules/parameters.rules"));
    let line = d["range"]["start"]["line"].as_u64().unwrap() as usize;
    assert!(
        read("rules/parameters.rules")
            .lines()
            .nth(line)
            .unwrap()
            .contains("parameter min-registered-capital-rmb")
    );
    let d = c.at("textDocument/definition", &u, text, "MEASURES-2015 5(3)", 15);
    let target = d["uri"].as_str().unwrap();
    assert!(target.starts_with(&uri("rules/measures-2015/")), "{d}");
    let file = std::fs::read_to_string(super::uri::to_path(target).unwrap()).unwrap();
    let line = d["range"]["start"]["line"].as_u64().unwrap() as usize;
    assert!(
        file.lines().nth(line).unwrap().contains("article MEASURES-2015 5"),
        "{d}"
    );

    let fu = uri("features/scratch/def.feature");
    let feature = "Feature: x\n  Scenario: y\n    Then rule \"ESL-21-1\" passes\n";
    c.open(&fu, feature);
    let d = c.at("textDocument/definition", &fu, feature, "ESL-21-1", 1);
    assert_eq!(d["uri"], uri("rules/esl/certificate/article-21.rules"));
    assert_eq!(d["range"]["start"]["line"], 2);
    c.shutdown();
}

#[test]
fn formatting_goes_through_fmt_and_refuses_what_fmt_refuses() {
    let mut c = Client::start(Duration::from_millis(20));
    let u = uri("rules/scratch/messy.rules");
    let messy = "regime   x {\n}";
    c.open(&u, messy);
    let edits = c.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": u }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    assert_eq!(edits[0]["newText"], "regime x {\n}\n");
    assert_eq!(edits[0]["range"]["end"], json!({ "line": 1, "character": 1 }));

    let bu = uri("rules/scratch/broken.rules");
    c.open(&bu, "rule A {\n  require a is present # one\n    and b # two\n}\n");
    let err = c
        .try_request(
            "textDocument/formatting",
            json!({ "textDocument": { "uri": bu }, "options": { "tabSize": 2, "insertSpaces": true } }),
        )
        .unwrap_err();
    assert!(err.starts_with("certlex fmt left this file as it is: "), "{err}");
    assert!(err.contains("above the field"), "{err}");
    c.shutdown();
}
