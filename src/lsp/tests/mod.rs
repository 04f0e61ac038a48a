//! The server driven through an in-memory connection, message by message
//! as a client sends them. `tests/lsp_client.rs` runs the same server under
//! a real client.

use std::fs;
use std::path::Path;
use std::thread::JoinHandle;
use std::time::Duration;

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};

use super::position::Lines;
use super::*;
use crate::config;
use crate::text::LineIndex;
use crate::workspace::Plan;

const TIMEOUT: Duration = Duration::from_secs(20);

/// "Nations.A" (typography.missing-space, safe) after an emoji, so UTF-16
/// and UTF-8 columns differ.
const TEXT: &str = "😀 The summit met at the United Nations.A theme ran through it.\n";

struct Client {
    connection: Connection,
    server: Option<JoinHandle<anyhow::Result<Exit>>>,
    next_id: i32,
}

impl Client {
    fn start(capabilities: Value, root: Option<&Path>) -> (Self, Value) {
        let (server_side, client_side) = Connection::memory();
        let server = std::thread::spawn(move || serve(&server_side));
        let mut client = Client {
            connection: client_side,
            server: Some(server),
            next_id: 0,
        };
        let root_uri = root.map(|r| url::Url::from_directory_path(r).unwrap().to_string());
        let result = client.request(
            "initialize",
            json!({ "processId": null, "rootUri": root_uri, "capabilities": capabilities }),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn notify(&self, method: &str, params: Value) {
        self.connection
            .sender
            .send(Message::Notification(Notification::new(
                method.to_owned(),
                params,
            )))
            .unwrap();
    }

    /// Sends a request without waiting for its answer.
    fn send_request(&mut self, method: &str, params: Value) -> RequestId {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.connection
            .sender
            .send(Message::Request(Request::new(
                id.clone(),
                method.to_owned(),
                params,
            )))
            .unwrap();
        id
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        loop {
            match self.connection.receiver.recv_timeout(TIMEOUT).unwrap() {
                Message::Response(Response {
                    id: got,
                    response_result,
                }) if got == id => {
                    return response_result.unwrap_or_else(|e| panic!("{method}: {e:?}"));
                }
                _ => {}
            }
        }
    }

    /// The next notification of `method`, skipping others.
    fn next(&self, method: &str) -> Value {
        loop {
            match self.connection.receiver.recv_timeout(TIMEOUT).unwrap() {
                Message::Notification(n) if n.method == method => return n.params,
                _ => {}
            }
        }
    }

    fn diagnostics(&self) -> Value {
        self.next("textDocument/publishDiagnostics")
    }

    fn open(&self, uri: &str, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": 1, "text": text } }),
        );
        self.diagnostics()
    }

    fn stop(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let server = self.server.take().unwrap();
        assert_eq!(server.join().unwrap().unwrap(), Exit::AfterShutdown);
    }
}

fn codes(published: &Value) -> Vec<String> {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

fn find<'a>(published: &'a Value, code: &str) -> &'a Value {
    published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {published}"))
}

fn file_uri(path: &Path) -> String {
    url::Url::from_file_path(path).unwrap().to_string()
}

#[test]
fn publishes_in_utf16_unless_utf8_is_offered() {
    let (mut client, init) = Client::start(json!({}), None);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "mtlint");
    let published = client.open("untitled:a", TEXT);
    assert_eq!(published["version"], 1);
    let glued = find(&published, "typography.missing-space");
    let column = TEXT[..TEXT.find("Nations.A").unwrap()]
        .encode_utf16()
        .count();
    assert_eq!(
        glued["range"]["start"],
        json!({ "line": 0, "character": column })
    );
    assert_eq!(glued["source"], "mtlint");
    assert_eq!(glued["severity"], 2);
    // A request the server does not know is an error, not a crash.
    client.next_id += 1;
    client
        .connection
        .sender
        .send(Message::Request(Request::new(
            RequestId::from(client.next_id),
            "textDocument/definition".to_owned(),
            json!({}),
        )))
        .unwrap();
    let Message::Response(response) = client.connection.receiver.recv_timeout(TIMEOUT).unwrap()
    else {
        panic!("a response")
    };
    let error = response.response_result.unwrap_err();
    assert_eq!(error.code, ErrorCode::MethodNotFound as i32);
    client.stop();

    let (client, init) = Client::start(
        json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } }),
        None,
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let published = client.open("untitled:a", TEXT);
    let glued = find(&published, "typography.missing-space");
    assert_eq!(
        glued["range"]["start"]["character"],
        TEXT.find("Nations.A").unwrap()
    );
    client.stop();
}

#[test]
fn incremental_changes_are_linted_and_close_clears() {
    let (client, _) = Client::start(json!({}), None);
    let published = client.open("untitled:b", TEXT);
    assert!(codes(&published).contains(&"typography.missing-space".to_owned()));
    // Type the missing space after the full stop, as an editor sends it.
    let column = TEXT[..TEXT.find(".A").unwrap() + 1].encode_utf16().count();
    let at = json!({ "line": 0, "character": column });
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": "untitled:b", "version": 2 },
            "contentChanges": [ { "range": { "start": at, "end": at }, "text": " " } ]
        }),
    );
    let published = client.diagnostics();
    assert_eq!(published["version"], 2);
    assert!(codes(&published).is_empty(), "{published}");
    // A whole-text change replaces everything.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": "untitled:b", "version": 3 },
            "contentChanges": [ { "text": "Comments / 0\nThe the article.\n" } ]
        }),
    );
    let published = client.diagnostics();
    assert!(
        codes(&published).contains(&"typography.doubled-word".to_owned()),
        "{published}"
    );
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": "untitled:b" } }),
    );
    assert_eq!(client.diagnostics()["diagnostics"], json!([]));
    client.stop();
}

/// Applies LSP text edits to `text` (UTF-16 positions, one line here).
fn apply(text: &str, edits: &Value) -> String {
    let index = LineIndex::new(text);
    let lines = Lines {
        text,
        index: &index,
        encoding: Encoding::Utf16,
    };
    let mut spans: Vec<(std::ops::Range<usize>, String)> = edits
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let range: lsp_types::Range = serde_json::from_value(e["range"].clone()).unwrap();
            (
                lines.offsets(range),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = text.to_owned();
    for (range, replacement) in spans {
        out.replace_range(range, &replacement);
    }
    out
}

#[test]
fn code_actions_fix_one_finding_or_every_safe_one() {
    let (mut client, _) = Client::start(json!({}), None);
    let text = "😀 The the summit met at the United Nations.A theme ran through it.\n";
    let published = client.open("untitled:c", text);
    let glued = find(&published, "typography.missing-space").clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": "untitled:c" },
            "range": glued["range"],
            "context": { "diagnostics": [glued] }
        }),
    );
    let actions = actions.as_array().unwrap();
    let quickfix = actions
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .expect("a quick fix");
    assert!(quickfix["title"]
        .as_str()
        .unwrap()
        .contains("typography.missing-space"));
    assert_eq!(quickfix["isPreferred"], true);
    assert_eq!(
        quickfix["diagnostics"][0]["code"],
        "typography.missing-space"
    );
    let fixed = apply(text, &quickfix["edit"]["changes"]["untitled:c"]);
    assert!(fixed.contains("Nations. A theme"), "{fixed}");
    assert!(fixed.contains("The the"), "only the one finding is fixed");

    // Asked only for source.fixAll: one edit with every safe fix.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": "untitled:c" },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [], "only": ["source.fixAll"] }
        }),
    );
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], FIX_ALL);
    let edits = &actions[0]["edit"]["changes"]["untitled:c"];
    assert_eq!(edits.as_array().unwrap().len(), 1);
    let fixed = apply(text, edits);
    let expected = Plan::defaults().unwrap().linter.fix(text, false).text;
    assert_eq!(fixed, expected);
    assert!(
        !fixed.contains("The the") && fixed.contains("Nations. A"),
        "{fixed}"
    );
    client.stop();
}

#[test]
fn hover_explains_the_rule_under_the_cursor() {
    let (mut client, _) = Client::start(json!({}), None);
    let published = client.open("untitled:d", TEXT);
    let glued = find(&published, "typography.missing-space");
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "untitled:d" }, "position": glued["range"]["start"] }),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("**typography.missing-space**"), "{value}");
    assert!(
        value.contains("Flagged:"),
        "the explanation has examples: {value}"
    );
    assert_eq!(hover["range"], glued["range"]);
    // Nothing to say away from a finding.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "untitled:d" }, "position": { "line": 0, "character": 4 } }),
    );
    assert_eq!(hover, Value::Null);
    client.stop();
}

#[test]
fn the_nearest_config_applies_and_is_read_again_on_save() {
    let root = tempfile::tempdir().unwrap();
    let desk = root.path().join("desk");
    fs::create_dir_all(&desk).unwrap();
    let config = root.path().join(config::FILE_NAME);
    fs::write(&config, "ignore = [\"typography.missing-space\"]\n").unwrap();
    let article = desk.join("article.txt");
    fs::write(&article, TEXT).unwrap();
    let (client, _) = Client::start(json!({}), Some(root.path()));
    let uri = file_uri(&article);
    let published = client.open(&uri, TEXT);
    assert!(codes(&published).is_empty(), "{published}");

    // A broken config is reported, and the defaults lint meanwhile.
    fs::write(&config, "ignor = []\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": file_uri(&config) } }),
    );
    let message = client.next("window/showMessage");
    assert!(
        message["message"]
            .as_str()
            .unwrap()
            .contains("mtlint.toml:1"),
        "{message}"
    );
    assert!(codes(&client.diagnostics()).contains(&"typography.missing-space".to_owned()));

    fs::write(&config, "select = [\"name\"]\n").unwrap();
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": file_uri(&config) } }),
    );
    assert!(codes(&client.diagnostics()).is_empty());
    client.stop();
}

/// After `shutdown` a request is answered with InvalidRequest, and the
/// server still ends cleanly at `exit` (LSP 3.17, "shutdown").
#[test]
fn a_request_after_shutdown_gets_invalid_request() {
    let (mut client, _) = Client::start(json!({}), None);
    client.request("shutdown", Value::Null);
    let id = client.send_request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "untitled:a" }, "position": { "line": 0, "character": 0 } }),
    );
    let error = loop {
        match client.connection.receiver.recv_timeout(TIMEOUT).unwrap() {
            Message::Response(Response {
                id: got,
                response_result,
            }) if got == id => break response_result.unwrap_err(),
            _ => {}
        }
    };
    assert_eq!(error.code, lsp_server::ErrorCode::InvalidRequest as i32);
    client.notify("exit", Value::Null);
    let server = client.server.take().unwrap();
    assert_eq!(server.join().unwrap().unwrap(), Exit::AfterShutdown);
}

/// `exit` without `shutdown` ends the server with status 1.
#[test]
fn exit_without_shutdown_is_a_failure() {
    let (mut client, _) = Client::start(json!({}), None);
    client.notify("exit", Value::Null);
    let server = client.server.take().unwrap();
    assert_eq!(server.join().unwrap().unwrap(), Exit::WithoutShutdown);
}

mod watching;
mod worker;
