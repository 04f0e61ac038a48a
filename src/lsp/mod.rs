//! `mtlint lsp`: a Language Server over standard input and output.
//!
//! Diagnostics are published when a document is opened, changed or saved;
//! a code action applies one finding's fix, and `source.fixAll.mtlint`
//! applies every safe fix of the document; hovering over a finding shows
//! the rule's explanation (`mtlint rules --explain`). Each document is
//! linted with the settings of the nearest `mtlint.toml` above it
//! ([`crate::workspace`], as `mtlint check` would), which are read again
//! when a `mtlint.toml` is saved.
//!
//! The server is single-threaded: an article lints in milliseconds, so each
//! change is linted as it arrives and the published diagnostics always
//! belong to the text that code actions and hovers are asked about.
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

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use anyhow::Context as _;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::ShowMessage;
use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability, HoverParams,
    HoverProviderCapability, InitializeParams, InitializeResult, MessageType, ServerCapabilities,
    ServerInfo, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};

use documents::Documents;
pub use position::Encoding;

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
/// until `exit`. After `shutdown`, requests are answered with
/// InvalidRequest and notifications other than `exit` are dropped.
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
    };
    let mut shut_down = false;
    for message in &connection.receiver {
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
            Message::Request(request) => server.on_request(request),
            Message::Notification(notification) if notification.method == "exit" => {
                return Ok(exit_after(shut_down));
            }
            Message::Notification(notification) => {
                if !shut_down {
                    server.on_notification(notification);
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(exit_after(shut_down))
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
}

impl Server<'_> {
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
                serde_json::to_value(code_actions::code_actions(&self.documents, &params))
            }
            HoverRequest::METHOD => {
                let params: HoverParams =
                    serde_json::from_value(request.params).map_err(invalid)?;
                serde_json::to_value(hover::hover(&self.documents, &params))
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
