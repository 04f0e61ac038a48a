//! `mtlint lsp`: a Language Server over standard input and output.
//!
//! Diagnostics are published when a document is opened, changed or saved;
//! a code action applies one finding's fix, and `source.fixAll.mtlint`
//! applies every safe fix of the document; hovering over a finding shows
//! the rule's explanation (`mtlint rules --explain`). Each document is
//! linted with the settings of the nearest `mtlint.toml` above it, which
//! are read again when a `mtlint.toml` is saved.
//!
//! The server is single-threaded: an article lints in milliseconds, so each
//! change is linted as it arrives and the published diagnostics always
//! belong to the text that code actions and hovers are asked about.

mod position;

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use anyhow::Context as _;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DiagnosticSeverity, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, InitializeResult, MarkupContent, MarkupKind,
    MessageType, NumberOrString, PublishDiagnosticsParams, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};

use crate::cli::{Plan, RuleArgs};
use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Safety, Severity};
use crate::lint::Linter;
use crate::rules::file::LoadedRules;
use crate::suppress::{Sidecar, SIDECAR_SUFFIX};
use crate::text::{LineIndex, TextRange, TextSize};

pub use position::Encoding;
use position::Lines;

/// The kind of the action that applies every safe fix.
pub const FIX_ALL: &str = "source.fixAll.mtlint";

/// Serves the protocol on standard input and output until the client
/// says `exit`.
pub fn run_stdio() -> anyhow::Result<()> {
    let (connection, threads) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    threads.join().context("the language server's I/O failed")?;
    Ok(())
}

/// Serves the protocol on `connection`: the handshake, then every message
/// until `shutdown` and `exit`.
pub fn serve(connection: &Connection) -> anyhow::Result<()> {
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

    let mut server = Server::new(connection, encoding, workspace_root(&params));
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                server.on_request(request);
            }
            Message::Notification(notification) => {
                if notification.method == "exit" {
                    return Ok(());
                }
                server.on_notification(notification);
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
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

/// What lints the documents under one `mtlint.toml` (or under none).
struct Project {
    linter: Linter,
    /// The rule files, for the examples in a hover's explanation.
    rule_files: LoadedRules,
}

impl Project {
    /// The project of `config`, less the rules of `extra_ignores` (the
    /// config's per-path ignores for a file): what `mtlint check` would run
    /// on that file with no flags.
    fn new(config: &Config, extra_ignores: &[String]) -> Result<Self, String> {
        let plan = Plan::new(&RuleArgs::default(), config, extra_ignores)?;
        let mut rule_files = crate::rules::builtin_rule_files();
        for dir in &config.rules {
            // Loaded once already by the registry, so this cannot fail anew.
            let _ = rule_files.add_dir(dir);
        }
        Ok(Self {
            linter: plan.linter,
            rule_files,
        })
    }
}

/// An open document, with the findings on its current text.
struct Document {
    uri: Uri,
    version: i32,
    text: String,
    index: LineIndex,
    diagnostics: Vec<Diagnostic>,
    project: Rc<Project>,
    /// The article's sidecar of accepted findings, read on open and when
    /// it is saved.
    sidecar: Option<Sidecar>,
}

struct Server<'c> {
    connection: &'c Connection,
    encoding: Encoding,
    root: Option<PathBuf>,
    documents: HashMap<String, Document>,
    /// Keyed by the config file's path (`None` is the built-in defaults)
    /// and the per-path ignores that apply.
    projects: HashMap<(Option<PathBuf>, Vec<String>), Rc<Project>>,
}

impl<'c> Server<'c> {
    fn new(connection: &'c Connection, encoding: Encoding, root: Option<PathBuf>) -> Self {
        Self {
            connection,
            encoding,
            root,
            documents: HashMap::new(),
            projects: HashMap::new(),
        }
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

    /// The project of a document at `uri`: the nearest `mtlint.toml` above
    /// its file, else above the workspace root. A config that does not load
    /// is reported once and the defaults are used until it is fixed.
    fn project_for(&mut self, uri: &Uri) -> Rc<Project> {
        let file = file_path(uri);
        let dir = file
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| self.root.clone());
        let config_path = dir.as_deref().and_then(Config::locate);
        let config = match &config_path {
            Some(path) => Config::load(path),
            None => Ok(Config::default()),
        };
        let config = match config {
            Ok(config) => config,
            Err(message) => return self.defaults_after(config_path, message),
        };
        let extra = file.map(|f| config.ignores_for(&f)).unwrap_or_default();
        let key = (config_path, extra);
        if let Some(project) = self.projects.get(&key) {
            return Rc::clone(project);
        }
        match Project::new(&config, &key.1) {
            Ok(project) => {
                let project = Rc::new(project);
                self.projects.insert(key, Rc::clone(&project));
                project
            }
            Err(message) => self.defaults_after(key.0, message),
        }
    }

    /// Reports a config that does not load (once: it is remembered until a
    /// config is saved) and lints with the built-in defaults meanwhile.
    fn defaults_after(&mut self, config_path: Option<PathBuf>, message: String) -> Rc<Project> {
        let key = (config_path, vec!["<invalid>".to_owned()]);
        if let Some(project) = self.projects.get(&key) {
            return Rc::clone(project);
        }
        self.show_error(message);
        let project =
            Rc::new(Project::new(&Config::default(), &[]).expect("the built-in rules load"));
        self.projects.insert(key, Rc::clone(&project));
        project
    }

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
                serde_json::to_value(self.code_actions(&params))
            }
            HoverRequest::METHOD => {
                let params: HoverParams =
                    serde_json::from_value(request.params).map_err(invalid)?;
                serde_json::to_value(self.hover(&params))
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

    fn on_notification(&mut self, notification: Notification) {
        let method = notification.method.clone();
        let outcome = catch_unwind(AssertUnwindSafe(|| self.handle_notification(notification)));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(error)) => self.show_error(format!("invalid {method}: {error}")),
            Err(_) => self.show_error(format!("failed on {method} (please report it)")),
        }
    }

    fn handle_notification(&mut self, notification: Notification) -> serde_json::Result<()> {
        let params = notification.params;
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let params: lsp_types::DidOpenTextDocumentParams = serde_json::from_value(params)?;
                let doc = params.text_document;
                let project = self.project_for(&doc.uri);
                let sidecar = self.sidecar_for(&doc.uri, &project);
                let document = Document {
                    sidecar,
                    index: LineIndex::new(&doc.text),
                    uri: doc.uri,
                    version: doc.version,
                    text: doc.text,
                    diagnostics: Vec::new(),
                    project,
                };
                let key = document.uri.as_str().to_owned();
                self.documents.insert(key.clone(), document);
                self.lint_and_publish(&key);
            }
            DidChangeTextDocument::METHOD => {
                let params: lsp_types::DidChangeTextDocumentParams =
                    serde_json::from_value(params)?;
                let key = params.text_document.uri.as_str().to_owned();
                let encoding = self.encoding;
                let Some(document) = self.documents.get_mut(&key) else {
                    return Ok(());
                };
                for change in params.content_changes {
                    match change.range {
                        None => document.text = change.text,
                        Some(range) => {
                            let span = Lines {
                                text: &document.text,
                                index: &document.index,
                                encoding,
                            }
                            .offsets(range);
                            document.text.replace_range(span, &change.text);
                        }
                    }
                    document.index = LineIndex::new(&document.text);
                }
                document.version = params.text_document.version;
                self.lint_and_publish(&key);
            }
            DidSaveTextDocument::METHOD => {
                let params: lsp_types::DidSaveTextDocumentParams = serde_json::from_value(params)?;
                let uri = params.text_document.uri;
                let is_config = file_path(&uri)
                    .is_some_and(|p| p.file_name() == Some(config::FILE_NAME.as_ref()));
                let article = file_path(&uri).and_then(|p| {
                    let name = p
                        .file_name()?
                        .to_str()?
                        .strip_suffix(SIDECAR_SUFFIX)?
                        .to_owned();
                    Some(p.with_file_name(name))
                });
                if is_config {
                    self.reload_configs();
                } else if let Some(article) = article {
                    self.reload_sidecar(&article);
                } else if self.documents.contains_key(uri.as_str()) {
                    self.lint_and_publish(uri.as_str());
                }
            }
            DidChangeWatchedFiles::METHOD => self.reload_configs(),
            DidCloseTextDocument::METHOD => {
                let params: lsp_types::DidCloseTextDocumentParams = serde_json::from_value(params)?;
                if let Some(document) = self.documents.remove(params.text_document.uri.as_str()) {
                    self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                        uri: document.uri,
                        diagnostics: Vec::new(),
                        version: None,
                    });
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The sidecar of the article at `uri`; one that does not load is
    /// reported and ignored.
    fn sidecar_for(&self, uri: &Uri, project: &Project) -> Option<Sidecar> {
        let path = file_path(uri)?;
        let loaded = Sidecar::load_for(&path).and_then(|sidecar| {
            if let Some(sidecar) = &sidecar {
                let registry = project.linter.registry();
                sidecar.check_rules(|id| registry.rules().any(|r| r.id == id))?;
            }
            Ok(sidecar)
        });
        loaded.unwrap_or_else(|message| {
            self.show_error(message);
            None
        })
    }

    /// Reads the sidecar of the open document at `article` again.
    fn reload_sidecar(&mut self, article: &Path) {
        let key = self
            .documents
            .iter()
            .find(|(_, d)| file_path(&d.uri).as_deref() == Some(article))
            .map(|(key, _)| key.clone());
        let Some(key) = key else { return };
        let document = &self.documents[&key];
        let sidecar = self.sidecar_for(&document.uri, &document.project);
        if let Some(document) = self.documents.get_mut(&key) {
            document.sidecar = sidecar;
        }
        self.lint_and_publish(&key);
    }

    /// Forgets every loaded config and lints the open documents again.
    fn reload_configs(&mut self) {
        self.projects.clear();
        let keys: Vec<String> = self.documents.keys().cloned().collect();
        for key in keys {
            let uri = self.documents[&key].uri.clone();
            let project = self.project_for(&uri);
            if let Some(document) = self.documents.get_mut(&key) {
                document.project = project;
            }
            self.lint_and_publish(&key);
        }
    }

    fn lint_and_publish(&mut self, key: &str) {
        let encoding = self.encoding;
        let Some(document) = self.documents.get_mut(key) else {
            return;
        };
        document.diagnostics = document.project.linter.lint_file(
            &document.text,
            crate::source::Encoding::Utf8,
            document.sidecar.as_ref(),
        );
        let lines = Lines {
            text: &document.text,
            index: &document.index,
            encoding,
        };
        let diagnostics = document
            .diagnostics
            .iter()
            .map(|d| to_lsp(d, &lines))
            .collect();
        let params = PublishDiagnosticsParams {
            uri: document.uri.clone(),
            diagnostics,
            version: Some(document.version),
        };
        self.notify::<PublishDiagnostics>(params);
    }

    fn code_actions(&self, params: &CodeActionParams) -> Option<Vec<CodeActionOrCommand>> {
        let document = self.documents.get(params.text_document.uri.as_str())?;
        let lines = Lines {
            text: &document.text,
            index: &document.index,
            encoding: self.encoding,
        };
        let wanted = |kind: &CodeActionKind| match &params.context.only {
            None => true,
            Some(only) => only.iter().any(|o| {
                kind.as_str() == o.as_str()
                    || kind.as_str().starts_with(&format!("{}.", o.as_str()))
            }),
        };
        let asked = lines.offsets(params.range);
        let asked = TextRange::from_usize(asked.start, asked.end);
        let mut actions = Vec::new();
        if wanted(&CodeActionKind::QUICKFIX) {
            for diagnostic in &document.diagnostics {
                let Some(fix) = &diagnostic.fix else { continue };
                let touches = diagnostic.range.start() <= asked.end()
                    && asked.start() <= diagnostic.range.end();
                if !touches {
                    continue;
                }
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| TextEdit::new(lines.range(e.range), e.replacement.clone()))
                    .collect();
                let safe = fix.safety == Safety::Safe;
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!(
                        "{} ({}{})",
                        fix.description,
                        diagnostic.rule,
                        if safe { "" } else { ", unsafe: check it" }
                    ),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![to_lsp(diagnostic, &lines)]),
                    edit: Some(workspace_edit(&document.uri, edits)),
                    is_preferred: Some(safe),
                    ..Default::default()
                }));
            }
        }
        let fix_all = CodeActionKind::new(FIX_ALL);
        let any_safe = document
            .diagnostics
            .iter()
            .any(|d| d.fix.as_ref().is_some_and(|f| f.safety == Safety::Safe));
        if wanted(&fix_all) && any_safe {
            let fixed = document.project.linter.fix_file(
                &document.text,
                crate::source::Encoding::Utf8,
                false,
                document.sidecar.as_ref(),
            );
            if fixed.converged && fixed.text != document.text {
                let edit = minimal_edit(&lines, &fixed.text);
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Fix all safe mtlint findings ({})", fixed.fixed),
                    kind: Some(fix_all),
                    edit: Some(workspace_edit(&document.uri, vec![edit])),
                    ..Default::default()
                }));
            }
        }
        Some(actions)
    }

    fn hover(&self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let document = self.documents.get(at.text_document.uri.as_str())?;
        let lines = Lines {
            text: &document.text,
            index: &document.index,
            encoding: self.encoding,
        };
        let offset = TextSize::from_usize(lines.offset(at.position));
        let here: Vec<&Diagnostic> = document
            .diagnostics
            .iter()
            .filter(|d| d.range.start() <= offset && offset <= d.range.end())
            .collect();
        let first = here.first()?;
        let mut value = String::new();
        for diagnostic in &here {
            let meta = document
                .project
                .linter
                .registry()
                .rules()
                .find(|r| r.id == diagnostic.rule.as_str());
            value.push_str(&format!(
                "**{}** ({}): {}\n\n",
                diagnostic.rule, diagnostic.severity, diagnostic.message
            ));
            if let Some(meta) = meta {
                let explanation = crate::explain::explain(meta, &document.project.rule_files);
                value.push_str(&format!("```text\n{}```\n\n", explanation));
            }
        }
        let span = here.iter().fold(first.range, |acc, d| {
            TextRange::new(
                acc.start().min(d.range.start()),
                acc.end().max(d.range.end()),
            )
        });
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: value.trim_end().to_owned(),
            }),
            range: Some(lines.range(span)),
        })
    }
}

fn to_lsp(diagnostic: &Diagnostic, lines: &Lines) -> lsp_types::Diagnostic {
    lsp_types::Diagnostic {
        range: lines.range(diagnostic.range),
        severity: Some(match diagnostic.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(diagnostic.rule.clone())),
        source: Some("mtlint".to_owned()),
        message: diagnostic.message.clone(),
        ..Default::default()
    }
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

/// One edit that turns the document into `new`: the changed middle between
/// the common prefix and suffix, so the editor keeps its cursor and marks
/// everywhere else.
fn minimal_edit(lines: &Lines, new: &str) -> TextEdit {
    let old = lines.text;
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let mut suffix = old[prefix..]
        .bytes()
        .rev()
        .zip(new[prefix..].bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    let range = TextRange::from_usize(prefix, old.len() - suffix);
    TextEdit::new(
        lines.range(range),
        new[prefix..new.len() - suffix].to_owned(),
    )
}

#[cfg(test)]
mod tests;
