//! `certlex lsp`: a Language Server Protocol server on standard input and
//! output, for rule files (`.rules`) and scenarios (`.feature`), so lawyers
//! get `rules check`'s diagnostics, the cited wording and completion in
//! their editor.
//!
//! Built on `lsp-server` (rust-analyzer's synchronous scaffold): one thread
//! reads messages, and the whole server is a loop over them that a test can
//! drive in memory ([`serve`] with `Connection::memory`). Diagnostics are
//! debounced: an edit schedules the file, and the loop publishes once no
//! message came for [`Config::debounce`].
//!
//! - `position`: byte offsets ↔ LSP positions (UTF-16 code units)
//! - `rules_file`: a rule file's diagnostics, hovers, completion, definitions
//! - `feature_file`: a feature's unknown steps and rule ids, its completion
//! - `describe`: what a hover says of a citation, fact, parameter or rule
//! - `uri`: file URIs ↔ paths

mod describe;
mod feature_file;
mod position;
mod rules_file;
mod uri;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::{
    CompletionOptions, HoverProviderCapability, OneOf, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind,
};
use serde_json::Value as Json;

use crate::engine::RuleSet;
use crate::i18n::Lang;
use crate::limits::Limits;
use crate::source::SourceFile;

/// How the server runs.
#[derive(Clone)]
pub struct Config {
    /// The rule set edited files are checked in: `--rules DIR`, else the
    /// workspace's `rules/` folder, else the built-in rules.
    pub rules_dir: Option<PathBuf>,
    pub limits: Limits,
    /// The language of diagnostics; `None`: the client's locale.
    pub lang: Option<Lang>,
    /// How long the editor must be quiet after an edit before the file is
    /// checked again.
    pub debounce: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            rules_dir: None,
            limits: Limits::default(),
            lang: None,
            debounce: Duration::from_millis(250),
        }
    }
}

/// Serve on standard input and output until the client says `exit`.
pub fn run_stdio(config: Config) -> Result<(), String> {
    let (conn, io) = Connection::stdio();
    serve(&conn, config)?;
    drop(conn);
    io.join().map_err(|e| format!("the connection failed: {e}"))
}

/// Answer one client on `conn`: the `initialize` handshake, then every
/// message until `shutdown` and `exit` (or the client goes away).
pub fn serve(conn: &Connection, config: Config) -> Result<(), String> {
    let caps = serde_json::to_value(capabilities()).map_err(|e| e.to_string())?;
    let params = conn.initialize(caps).map_err(|e| format!("initialize failed: {e}"))?;
    let mut server = Server::new(config, &params);
    loop {
        let msg = match server.next_deadline() {
            None => conn.receiver.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(at) => conn.receiver.recv_timeout(at.saturating_duration_since(Instant::now())),
        };
        let out = match msg {
            Ok(Message::Request(req)) => {
                if conn.handle_shutdown(&req).map_err(|e| e.to_string())? {
                    return Ok(());
                }
                vec![Message::Response(server.request(req))]
            }
            Ok(Message::Notification(n)) if n.method == "exit" => return Ok(()),
            Ok(Message::Notification(n)) => server.notification(n),
            Ok(Message::Response(_)) => Vec::new(),
            Err(RecvTimeoutError::Timeout) => server.publish_due(),
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        for m in out {
            if conn.sender.send(m).is_err() {
                return Ok(());
            }
        }
    }
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::INCREMENTAL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![".".into(), " ".into(), "\"".into(), "{".into(), "(".into()]),
            ..CompletionOptions::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// What a document is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Rules,
    Feature,
}

/// An open document.
struct Doc {
    kind: Kind,
    /// The path the URI names (the name diagnostics and the rule set use).
    path: String,
    text: String,
}

struct Server {
    config: Config,
    /// The workspace folder, for origins of the built-in rules.
    root: Option<PathBuf>,
    /// The language of diagnostics and hovers: the client's locale.
    lang: Lang,
    /// The rule set's files, and whether they are the built-in ones.
    base: Vec<Arc<SourceFile>>,
    builtin: bool,
    /// The rule set as last loaded without errors (with the open files in it).
    rules: Option<Arc<RuleSet>>,
    docs: BTreeMap<String, Doc>,
    /// Documents whose diagnostics are due, and when.
    due: BTreeMap<String, Instant>,
}

impl Server {
    fn new(config: Config, init: &Json) -> Self {
        let root = init
            .pointer("/workspaceFolders/0/uri")
            .or_else(|| init.get("rootUri"))
            .and_then(Json::as_str)
            .and_then(uri::to_path)
            .map(PathBuf::from);
        let lang = config.lang.unwrap_or(match init.get("locale").and_then(Json::as_str) {
            Some(l) if l.starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        });
        let dir = config
            .rules_dir
            .clone()
            .or_else(|| root.as_ref().map(|r| r.join("rules")).filter(|d| d.is_dir()));
        let (base, builtin) = match dir.map(|d| crate::load::read_dir(&d)) {
            Some(Ok(files)) => (files, false),
            _ => (crate::load::embedded_files(), true),
        };
        let rules = crate::load::load_with(&base, &config.limits).rules.map(Arc::new);
        Self {
            config,
            root,
            lang,
            base,
            builtin,
            rules,
            docs: BTreeMap::new(),
            due: BTreeMap::new(),
        }
    }

    fn next_deadline(&self) -> Option<Instant> {
        self.due.values().min().copied()
    }

    fn notification(&mut self, n: Notification) -> Vec<Message> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                let uri = p.text_document.uri.as_str().to_string();
                let Some(kind) = kind_of(&uri) else { return Vec::new() };
                let path = uri::to_path(&uri).unwrap_or_else(|| uri.clone());
                self.docs.insert(
                    uri.clone(),
                    Doc {
                        kind,
                        path,
                        text: p.text_document.text,
                    },
                );
                // Opening is not typing: answer at once.
                self.due.insert(uri, Instant::now());
                self.publish_due()
            }
            "textDocument/didChange" => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                let uri = p.text_document.uri.as_str().to_string();
                if let Some(doc) = self.docs.get_mut(&uri) {
                    for change in p.content_changes {
                        match change.range {
                            None => doc.text = change.text,
                            Some(r) => {
                                let start = position::offset(&doc.text, r.start);
                                let end = position::offset(&doc.text, r.end).max(start);
                                doc.text.replace_range(start..end, &change.text);
                            }
                        }
                    }
                    self.due.insert(uri, Instant::now() + self.config.debounce);
                }
                Vec::new()
            }
            "textDocument/didClose" => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                let uri = p.text_document.uri.as_str().to_string();
                self.docs.remove(&uri);
                self.due.remove(&uri);
                vec![publish(&uri, Vec::new())]
            }
            _ => Vec::new(),
        }
    }

    /// Publish the diagnostics of every document that is due. Rule files
    /// are checked together, in the context of the rule set; a change to a
    /// rule file makes the open features due too (their rule ids).
    fn publish_due(&mut self) -> Vec<Message> {
        let now = Instant::now();
        let ready: BTreeSet<String> = self
            .due
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(u, _)| u.clone())
            .collect();
        if ready.is_empty() {
            return Vec::new();
        }
        self.due.retain(|u, _| !ready.contains(u));
        let mut out = Vec::new();
        let rules_changed = ready
            .iter()
            .any(|u| self.docs.get(u).is_some_and(|d| d.kind == Kind::Rules));
        if rules_changed {
            out.extend(self.check_rule_files());
        }
        let features: Vec<&String> = self
            .docs
            .iter()
            .filter(|(u, d)| d.kind == Kind::Feature && (rules_changed || ready.contains(*u)))
            .map(|(u, _)| u)
            .collect();
        for uri in features {
            if let Some(doc) = self.docs.get(uri) {
                let diags = feature_file::diagnostics(&doc.text, self.rules.as_deref());
                out.push(publish(uri, diags));
            }
        }
        out
    }

    /// `rules check` on every open rule file, in the context of the set.
    fn check_rule_files(&mut self) -> Vec<Message> {
        let open: Vec<(&String, Arc<SourceFile>)> = self
            .docs
            .iter()
            .filter(|(_, d)| d.kind == Kind::Rules)
            .map(|(u, d)| (u, SourceFile::new(d.path.clone(), d.text.as_str())))
            .collect();
        let files: Vec<Arc<SourceFile>> = open.iter().map(|(_, f)| f.clone()).collect();
        let checked = crate::load::check_in_context(&self.base, &files, self.builtin, &self.config.limits);
        let msgs = open
            .iter()
            .map(|(uri, file)| {
                let diags = checked
                    .diags
                    .iter()
                    .filter(|d| d.file.as_ref().is_some_and(|f| f.name == file.name))
                    .map(|d| rules_file::diagnostic(&d.localized(self.lang), file, uri))
                    .collect();
                publish(uri, diags)
            })
            .collect();
        if let Some(rules) = checked.rules {
            self.rules = Some(Arc::new(rules));
        }
        msgs
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        match self.answer(req) {
            Ok(result) => Response::new_ok(id, result),
            Err(message) => Response::new_err(id, ErrorCode::RequestFailed as i32, message),
        }
    }

    fn answer(&mut self, req: Request) -> Result<Json, String> {
        let at = |params: &Json| -> Option<(String, lsp_types::Position)> {
            let uri = params.pointer("/textDocument/uri")?.as_str()?.to_string();
            let pos = serde_json::from_value(params.get("position")?.clone()).ok()?;
            Some((uri, pos))
        };
        let none = Ok(Json::Null);
        match req.method.as_str() {
            "textDocument/hover" => {
                let Some((uri, pos)) = at(&req.params) else { return none };
                let Some(doc) = self.docs.get(&uri) else { return none };
                let offset = position::offset(&doc.text, pos);
                let text = match doc.kind {
                    Kind::Rules => rules_file::hover(&doc.text, offset, self.rules.as_deref()),
                    Kind::Feature => feature_file::hover(&doc.text, offset, self.rules.as_deref()),
                };
                Ok(text.map_or(
                    Json::Null,
                    |md| serde_json::json!({ "contents": { "kind": "markdown", "value": md } }),
                ))
            }
            "textDocument/completion" => {
                let Some((uri, pos)) = at(&req.params) else { return none };
                let Some(doc) = self.docs.get(&uri) else { return none };
                let offset = position::offset(&doc.text, pos);
                let items = match doc.kind {
                    Kind::Rules => rules_file::complete(&doc.text, offset, self.rules.as_deref()),
                    Kind::Feature => feature_file::complete(&doc.text, offset, self.rules.as_deref()),
                };
                serde_json::to_value(items).map_err(|e| e.to_string())
            }
            "textDocument/definition" => {
                let Some((uri, pos)) = at(&req.params) else { return none };
                let Some(doc) = self.docs.get(&uri) else { return none };
                let offset = position::offset(&doc.text, pos);
                let Some(rules) = self.rules.as_deref() else {
                    return none;
                };
                let origin = match doc.kind {
                    Kind::Rules => rules_file::definition(&doc.text, offset, rules),
                    Kind::Feature => feature_file::definition(&doc.text, offset, rules),
                };
                let Some(origin) = origin else { return none };
                let Some(target) = self.uri_of(&origin.file.name) else {
                    return none;
                };
                Ok(serde_json::json!({
                    "uri": target,
                    "range": position::range(&origin.file.text, origin.span),
                }))
            }
            "textDocument/formatting" => {
                let uri = req
                    .params
                    .pointer("/textDocument/uri")
                    .and_then(Json::as_str)
                    .unwrap_or_default();
                let Some(doc) = self.docs.get(uri).filter(|d| d.kind == Kind::Rules) else {
                    return none;
                };
                let file = SourceFile::new(doc.path.clone(), doc.text.as_str());
                match crate::lang::format(&file) {
                    Ok(text) if text == doc.text => Ok(serde_json::json!([])),
                    Ok(text) => Ok(serde_json::json!([{
                        "range": lsp_types::Range::new(
                            lsp_types::Position::new(0, 0),
                            position::position(&doc.text, doc.text.len()),
                        ),
                        "newText": text,
                    }])),
                    Err(diags) => Err(refusal(&diags, self.lang)),
                }
            }
            _ => Err(format!("certlex lsp does not answer `{}`", req.method)),
        }
    }

    /// The URI of a rule file the rule set names: an open document, a
    /// path as read from `--rules DIR`, or a built-in file under the
    /// workspace.
    fn uri_of(&self, name: &str) -> Option<String> {
        if let Some((u, _)) = self.docs.iter().find(|(_, d)| d.path == name) {
            return Some(u.clone());
        }
        if self.builtin {
            let open = self
                .docs
                .iter()
                .find(|(_, d)| std::path::Path::new(&d.path).ends_with(name));
            if let Some((u, _)) = open {
                return Some(u.clone());
            }
            let under_root = self.root.as_ref().map(|r| r.join(name)).filter(|p| p.exists())?;
            return Some(uri::from_path(&under_root));
        }
        let path = std::fs::canonicalize(name).ok()?;
        Some(uri::from_path(&path))
    }
}

/// Why `fmt` refused, as one message for the editor.
fn refusal(diags: &[crate::diag::Diag], lang: Lang) -> String {
    let head = match lang {
        Lang::Zh => "certlex fmt 未排版此文件",
        Lang::En => "certlex fmt left this file as it is",
    };
    let reasons: Vec<String> = diags
        .iter()
        .map(|d| {
            let d = d.localized(lang);
            let at = d.location().map_or_else(String::new, |l| format!(" ({l})"));
            match &d.help {
                Some(h) => format!("{}{at}; {h}", d.message),
                None => format!("{}{at}", d.message),
            }
        })
        .collect();
    format!("{head}: {}", reasons.join(" / "))
}

fn kind_of(uri: &str) -> Option<Kind> {
    if uri.ends_with(".rules") {
        Some(Kind::Rules)
    } else if uri.ends_with(".feature") {
        Some(Kind::Feature)
    } else {
        None
    }
}

fn publish(uri: &str, diagnostics: Vec<lsp_types::Diagnostic>) -> Message {
    Message::Notification(Notification::new(
        "textDocument/publishDiagnostics".into(),
        serde_json::json!({ "uri": uri, "diagnostics": diagnostics }),
    ))
}
