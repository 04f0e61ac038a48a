//! Linting off the message loop: bursts of edits merged, and requests
//! answered while a large document lints.

use lsp_server::Message;
use serde_json::json;

use super::*;

/// Edits that come faster than the document lints are merged: the worker
/// lints the latest text, not each one.
#[test]
fn a_burst_of_edits_is_linted_once_it_pauses() {
    let (client, _) = Client::start(json!({}), None);
    client.open("untitled:burst", TEXT);
    // Each edit types at the start of the second line.
    let mut typed = String::new();
    for version in 2..=21 {
        let at = json!({ "line": 1, "character": 0 });
        let word = if version == 21 {
            "The the end.\n"
        } else {
            "word "
        };
        typed.insert_str(0, word);
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": "untitled:burst", "version": version },
                "contentChanges": [ { "range": { "start": at, "end": at }, "text": word } ]
            }),
        );
    }
    let mut publishes = 0;
    let last = loop {
        let published = client.diagnostics();
        publishes += 1;
        if published["version"] == 21 {
            break published;
        }
    };
    assert!(publishes < 20, "{publishes} publishes for 20 edits");
    let expected = Plan::defaults()
        .unwrap()
        .linter
        .lint(&(TEXT.to_owned() + &typed));
    assert_eq!(
        last["diagnostics"].as_array().unwrap().len(),
        expected.len(),
        "{last}"
    );
    assert!(codes(&last).contains(&"typography.doubled-word".to_owned()));
    client.stop();
}

/// A request about a large document is answered while the document is
/// still being linted, not after.
#[test]
fn requests_are_answered_while_a_large_document_lints() {
    let (mut client, _) = Client::start(json!({}), None);
    let text = TEXT.repeat((1 << 20) / TEXT.len());
    client.open("untitled:large", &text);
    let at = json!({ "line": 0, "character": 0 });
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": "untitled:large", "version": 2 },
            "contentChanges": [ { "range": { "start": at, "end": at }, "text": "The the " } ]
        }),
    );
    let hover = json!({ "textDocument": { "uri": "untitled:large" }, "position": at });
    let id = client.send_request("textDocument/hover", hover);
    let mut answered = false;
    loop {
        match client.connection.receiver.recv_timeout(TIMEOUT).unwrap() {
            Message::Response(r) if r.id == id => answered = true,
            Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                assert!(answered, "the hover waited for the lint");
                assert_eq!(n.params["version"], 2);
                break;
            }
            _ => {}
        }
    }
    client.stop();
}

/// A document closed while it lints and opened again with other text
/// gets the findings of the new text, never those of the old one.
#[test]
fn a_document_reopened_while_it_lints_gets_its_new_findings() {
    let (client, _) = Client::start(json!({}), None);
    let text = TEXT.repeat((1 << 20) / TEXT.len());
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": "untitled:again", "languageId": "plaintext", "version": 1, "text": text } }),
    );
    // Past the longest pause (40 ms), so that the worker is linting the
    // large text, which takes longer.
    std::thread::sleep(std::time::Duration::from_millis(60));
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": "untitled:again" } }),
    );
    // The findings of the old text may have been published before the
    // close reached the server; after the close, which publishes none,
    // they must never be.
    while client.diagnostics()["diagnostics"] != json!([]) {}
    let published = client.open("untitled:again", "A clean sentence.\n");
    assert!(codes(&published).is_empty(), "{published}");
    client.stop();
}
