//! Configs and sidecars changed on disk, as a client's file watcher
//! reports them.

use std::fs;
use std::path::Path;

use serde_json::json;

use super::*;

/// A client that can watch files is asked to watch every config and
/// sidecar; a change it reports is read again, and the findings follow.
#[test]
fn watched_configs_and_sidecars_take_effect_without_a_restart() {
    let root = tempfile::tempdir().unwrap();
    let desk = root.path().join("desk");
    fs::create_dir_all(&desk).unwrap();
    let article = desk.join("article.txt");
    let text = "The summit met at the United Nations.A theme ran through it. The the end.\n";
    fs::write(&article, text).unwrap();
    let capabilities =
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    let (client, _) = Client::start(capabilities, Some(root.path()));

    let registration = loop {
        match client.connection.receiver.recv_timeout(TIMEOUT).unwrap() {
            Message::Request(r) if r.method == "client/registerCapability" => break r.params,
            _ => {}
        }
    };
    let registration = &registration["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<&str> = registration["registerOptions"]["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert_eq!(globs, ["**/mtlint.toml", "**/*.mtlint-ignore.toml"]);

    let uri = file_uri(&article);
    let published = client.open(&uri, text);
    assert!(codes(&published).contains(&"typography.doubled-word".to_owned()));

    // A config created above the article, as a file watcher reports it
    // (1: created).
    let config = root.path().join(config::FILE_NAME);
    fs::write(&config, "ignore = [\"typography.doubled-word\"]\n").unwrap();
    let changed = |path: &Path, kind: u8| {
        client.notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [ { "uri": file_uri(path), "type": kind } ] }),
        );
    };
    changed(&config, 1);
    let published = client.diagnostics();
    assert_eq!(codes(&published), ["typography.missing-space"]);

    // A sidecar that accepts the other finding (1: created).
    let sidecar = desk.join(format!("article.txt{}", crate::suppress::SIDECAR_SUFFIX));
    let accepted = find(&published, "typography.missing-space");
    let start = accepted["range"]["start"]["character"].as_u64().unwrap() as usize;
    let end = accepted["range"]["end"]["character"].as_u64().unwrap() as usize;
    fs::write(
        &sidecar,
        format!(
            "[[ignore]]\nrule = \"typography.missing-space\"\ntext = \"{}\"\n",
            &text[start..end]
        ),
    )
    .unwrap();
    changed(&sidecar, 1);
    assert!(codes(&client.diagnostics()).is_empty());

    // Both deleted (3: deleted): the defaults and every finding are back.
    fs::remove_file(&config).unwrap();
    changed(&config, 3);
    assert_eq!(codes(&client.diagnostics()), ["typography.doubled-word"]);
    fs::remove_file(&sidecar).unwrap();
    changed(&sidecar, 3);
    assert_eq!(codes(&client.diagnostics()).len(), 2);
    client.stop();
}

/// A config in another directory leaves the document alone.
#[test]
fn a_config_elsewhere_does_not_relint_the_document() {
    let root = tempfile::tempdir().unwrap();
    let (desk, other) = (root.path().join("desk"), root.path().join("other"));
    fs::create_dir_all(&desk).unwrap();
    fs::create_dir_all(&other).unwrap();
    let article = desk.join("article.txt");
    fs::write(&article, TEXT).unwrap();
    let (client, _) = Client::start(json!({}), Some(root.path()));
    client.open(&file_uri(&article), TEXT);
    let config = other.join(config::FILE_NAME);
    fs::write(&config, "ignore = [\"typography\"]\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [ { "uri": file_uri(&config), "type": 1 } ] }),
    );
    // A document opened after the change is the marker: nothing was
    // published for the first one before it.
    let published = client.open("untitled:marker", TEXT);
    assert_eq!(published["uri"], "untitled:marker", "{published}");
    client.stop();
}
