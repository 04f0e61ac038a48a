//! `mtlint lsp`: a Language Server over standard input and output.
//!
//! Diagnostics are published when a document is opened, changed or saved;
//! a code action applies one finding's fix, and `source.fixAll.mtlint`
//! applies every safe fix of the document; hovering over a finding shows
//! the rule's explanation (`mtlint rules --explain`). Each document is
//! linted with the settings of the nearest `mtlint.toml` above it
//! ([`crate::workspace`], as `mtlint check` would). The server asks the
//! client to watch every `mtlint.toml` and sidecar, and reads one again
//! when it changes (or, with a client that cannot watch, when it is saved).
//!
//! The message loop keeps each document's text and hands it to a worker
//! thread (`worker`), which lints the latest text once the edits pause, so
//! requests are answered while a large document is being linted. A code
//! action or a hover needs findings of the current text: the loop itself
//! lints a document of up to 256 KiB when the worker is behind (an editor
//! that asks for code actions after each keystroke gets that lint), and
//! answers from nothing for a larger one.
//!
//! This file holds the handshake and the message loop; `documents` the
//! open documents and their plans, `sync` the notifications that change
//! them, `diagnostics` the publishing, and `code_actions` and `hover` one
//! request each.

mod code_actions;
mod diagnostics;
mod documents;
mod hover;
mod position;
mod sync;
mod worker;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use anyhow::Context as _;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{DidChangeWatchedFiles, Notification as _, ShowMessage};
use lsp_types::request::{CodeActionRequest, HoverRequest, RegisterCapability, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, HoverParams,
    HoverProviderCapability, InitializeParams, InitializeResult, MessageType, Registration,
    RegistrationParams, ServerCapabilities, ServerInfo, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};

use documents::Documents;
pub use position::Encoding;
use worker::Worker;

/// The kind of the action that applies every safe fix.
pub const FIX_ALL: &str = "source.fixAll.mtlint";

/// How the server ended: the exit status follows (LSP 3.17, "exit": 0
/// after `shutdown`, 1 without it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    AfterShutdown,
    /// `exit` came, or the client went away, before `shutdown`.
    WithoutShutdown,
}

/// Serves the protocol on standard input and output until the client
/// says `exit`.
pub fn run_stdio() -> anyhow::Result<Exit> {
    let (connection, threads) = Connection::stdio();
    let exit = serve(&connection)?;
    drop(connection);
    threads.join().context("the language server's I/O failed")?;
    Ok(exit)
}

/// Serves the protocol on `connection`: the handshake, then every message
/// until `exit`.
pub fn serve(connection: &Connection) -> anyhow::Result<Exit> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams =
        serde_json::from_value(params).context("invalid initialize parameters")?;
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let result = InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "mtlint".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
    };
    connection.initialize_finish(id, serde_json::to_value(result)?)?;

    let mut server = Server {
        connection,
        documents: Documents::new(encoding, workspace_root(&params)),
        worker: Worker::start().context("cannot start the lint thread")?,
    };
    if can_watch_files(&params) {
        server.watch_configs();
    }
    let exit = server.run();
    // The worker ends when it is dropped, once its lint under way stops.
    server.documents.cancel_all();
    exit
}

impl Server<'_> {
    /// Every message until `exit`, and the worker's findings meanwhile.
    /// After `shutdown`, requests are answered with InvalidRequest and
    /// notifications other than `exit` are dropped.
    fn run(&mut self) -> anyhow::Result<Exit> {
        let connection = self.connection;
        let mut results = self.worker.results.clone();
        let mut shut_down = false;
        loop {
            let message = crossbeam_channel::select! {
                recv(connection.receiver) -> message => match message {
                    Ok(message) => message,
                    Err(_) => break,
                },
                recv(results) -> linted => {
                    match linted {
                        Ok(linted) if !shut_down => self.on_linted(linted),
                        Ok(_) => {}
                        // The worker is gone: wait on the client alone.
                        Err(_) => results = crossbeam_channel::never(),
                    }
                    continue;
                }
            };
            match message {
                Message::Request(request) if shut_down => {
                    let response = Response::new_err(
                        request.id,
                        ErrorCode::InvalidRequest as i32,
                        "the server is shutting down".to_owned(),
                    );
                    connection.sender.send(response.into())?;
                }
                Message::Request(request) if request.method == "shutdown" => {
                    shut_down = true;
                    connection
                        .sender
                        .send(Response::new_ok(request.id, ()).into())?;
                }
                Message::Request(request) => self.on_request(request),
                Message::Notification(notification) if notification.method == "exit" => {
                    return Ok(exit_after(shut_down));
                }
                Message::Notification(notification) => {
                    if !shut_down {
                        self.on_notification(notification);
                    }
                }
                // The answer to the registration: a client that refuses it
                // still sends didSave for the configs it edits.
                Message::Response(_) => {}
            }
        }
        Ok(exit_after(shut_down))
    }
}

/// Whether the client can watch files for the server, registered at run
/// time (LSP 3.17, `workspace/didChangeWatchedFiles`).
fn can_watch_files(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files)
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false)
}

fn exit_after(shut_down: bool) -> Exit {
    if shut_down {
        Exit::AfterShutdown
    } else {
        Exit::WithoutShutdown
    }
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::new(FIX_ALL)]),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..Default::default()
    }
}

/// The directory whose config applies to documents that are not files.
fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    let folder = params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .map(|f| &f.uri);
    #[allow(deprecated, reason = "older clients send only rootUri")]
    let uri = folder.or(params.root_uri.as_ref());
    uri.and_then(file_path)
        .or_else(|| std::env::current_dir().ok())
}

/// The path of a `file:` URI.
fn file_path(uri: &Uri) -> Option<PathBuf> {
    url::Url::parse(uri.as_str()).ok()?.to_file_path().ok()
}

/// The connection and the state of the session.
struct Server<'c> {
    connection: &'c Connection,
    documents: Documents,
    worker: Worker,
}

impl Server<'_> {
    /// Asks the client to report changes to every config and sidecar, as
    /// the editor itself opens neither.
    fn watch_configs(&self) {
        let watchers = sync::WATCHED
            .iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String((*glob).to_owned()),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "mtlint-watched-files".to_owned(),
                method: DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        let id = RequestId::from("mtlint/watch".to_owned());
        self.send(Request::new(
            id,
            RegisterCapability::METHOD.to_owned(),
            params,
        ));
    }

    fn send(&self, message: impl Into<Message>) {
        // The client has gone away if this fails; the loop ends with it.
        let _ = self.connection.sender.send(message.into());
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_owned(), params));
    }

    fn show_error(&self, message: String) {
        self.notify::<ShowMessage>(ShowMessageParams {
            typ: MessageType::ERROR,
            message: format!("mtlint: {message}"),
        });
    }

    /// Answers a request; a handler that panics gets an error response
    /// and the server goes on.
    fn on_request(&mut self, request: Request) {
        let id = request.id.clone();
        let result = catch_unwind(AssertUnwindSafe(|| self.handle_request(request)));
        let response = match result {
            Ok(Ok(response)) => response,
            Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
            Err(_) => Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                "mtlint failed on this request (please report it)".to_owned(),
            ),
        };
        self.send(response);
    }

    fn handle_request(&mut self, request: Request) -> Result<Response, (ErrorCode, String)> {
        let id = request.id.clone();
        let invalid = |e: serde_json::Error| (ErrorCode::InvalidParams, e.to_string());
        let value = match request.method.as_str() {
            CodeActionRequest::METHOD => {
                let params: CodeActionParams =
                    serde_json::from_value(request.params).map_err(invalid)?;
                // A large document still being linted has no actions yet.
                let actions = if self.make_current(params.text_document.uri.as_str()) {
                    code_actions::code_actions(&self.documents, &params)
                } else {
                    Some(Vec::new())
                };
                serde_json::to_value(actions)
            }
            HoverRequest::METHOD => {
                let params: HoverParams =
                    serde_json::from_value(request.params).map_err(invalid)?;
                let uri = &params.text_document_position_params.text_document.uri;
                let hover = if self.make_current(uri.as_str()) {
                    hover::hover(&self.documents, &params)
                } else {
                    None
                };
                serde_json::to_value(hover)
            }
            method => {
                return Err((
                    ErrorCode::MethodNotFound,
                    format!("mtlint does not handle {method}"),
                ))
            }
        };
        let value = value.map_err(|e| (ErrorCode::InternalError, e.to_string()))?;
        Ok(Response::new_ok(id, value))
    }

    /// Handles a notification; one that is invalid or panics is reported
    /// to the user and the server goes on.
    fn on_notification(&mut self, notification: Notification) {
        let method = notification.method.clone();
        let outcome = catch_unwind(AssertUnwindSafe(|| self.handle_notification(notification)));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(error)) => self.show_error(format!("invalid {method}: {error}")),
            Err(_) => self.show_error(format!("failed on {method} (please report it)")),
        }
    }
}

#[cfg(test)]
mod tests;
