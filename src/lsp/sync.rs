//! The notifications that change the session: documents opened, edited,
//! saved and closed, and saved configs and sidecars, which are read again.

use std::path::{Path, PathBuf};

use lsp_server::Notification;
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, PublishDiagnosticsParams, Uri,
};

use super::documents::{sidecar_for, OpenDocument};
use super::{file_path, Server};
use crate::config;
use crate::suppress::{Sidecar, SIDECAR_SUFFIX};
use crate::text::LineIndex;
use crate::workspace::Plan;

impl Server<'_> {
    pub(super) fn handle_notification(
        &mut self,
        notification: Notification,
    ) -> serde_json::Result<()> {
        let params = notification.params;
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => self.did_open(serde_json::from_value(params)?),
            DidChangeTextDocument::METHOD => self.did_change(serde_json::from_value(params)?),
            DidSaveTextDocument::METHOD => self.did_save(serde_json::from_value(params)?),
            DidChangeWatchedFiles::METHOD => self.reload_configs(),
            DidCloseTextDocument::METHOD => self.did_close(serde_json::from_value(params)?),
            _ => {}
        }
        Ok(())
    }

    fn did_open(&mut self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let plan = self.plan_for(&doc.uri);
        let sidecar = self.sidecar_or_report(&doc.uri, &plan);
        let document = OpenDocument {
            sidecar,
            index: LineIndex::new(&doc.text),
            uri: doc.uri,
            version: doc.version,
            text: doc.text,
            diagnostics: Vec::new(),
            plan,
        };
        let key = self.documents.insert(document);
        self.lint_and_publish(&key);
    }

    fn did_change(&mut self, params: DidChangeTextDocumentParams) {
        let key = params.text_document.uri.as_str().to_owned();
        let encoding = self.documents.encoding;
        let Some(document) = self.documents.get_mut(&key) else {
            return;
        };
        for change in params.content_changes {
            match change.range {
                None => document.text = change.text,
                Some(range) => {
                    let span = document.lines(encoding).offsets(range);
                    document.text.replace_range(span, &change.text);
                }
            }
            document.index = LineIndex::new(&document.text);
        }
        document.version = params.text_document.version;
        self.lint_and_publish(&key);
    }

    /// A saved config reloads every config, a saved sidecar its article's
    /// findings, and a saved document is linted again.
    fn did_save(&mut self, params: DidSaveTextDocumentParams) {
        let uri = params.text_document.uri;
        let path = file_path(&uri);
        let is_config = path
            .as_deref()
            .is_some_and(|p| p.file_name() == Some(config::FILE_NAME.as_ref()));
        if is_config {
            self.reload_configs();
        } else if let Some(article) = path.as_deref().and_then(article_of_sidecar) {
            self.reload_sidecar(&article);
        } else if self.documents.contains(uri.as_str()) {
            self.lint_and_publish(uri.as_str());
        }
    }

    fn did_close(&mut self, params: DidCloseTextDocumentParams) {
        if let Some(document) = self.documents.remove(params.text_document.uri.as_str()) {
            self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                uri: document.uri,
                diagnostics: Vec::new(),
                version: None,
            });
        }
    }

    /// The plan of a document at `uri`, reporting a config that does not
    /// load (once, until a config is saved).
    fn plan_for(&mut self, uri: &Uri) -> std::sync::Arc<Plan> {
        let (plan, error) = self.documents.plan_for(uri);
        if let Some(message) = error {
            self.show_error(message);
        }
        plan
    }

    /// The sidecar of the article at `uri`; one that does not load is
    /// reported and ignored.
    fn sidecar_or_report(&self, uri: &Uri, plan: &Plan) -> Option<Sidecar> {
        sidecar_for(uri, plan).unwrap_or_else(|message| {
            self.show_error(message);
            None
        })
    }

    /// Reads the sidecar of the open document at `article` again.
    fn reload_sidecar(&mut self, article: &Path) {
        let Some(key) = self.documents.key_of_file(article) else {
            return;
        };
        let Some(document) = self.documents.get(&key) else {
            return;
        };
        let sidecar = self.sidecar_or_report(&document.uri, &document.plan);
        if let Some(document) = self.documents.get_mut(&key) {
            document.sidecar = sidecar;
        }
        self.lint_and_publish(&key);
    }

    /// Forgets every loaded config and lints the open documents again.
    fn reload_configs(&mut self) {
        self.documents.forget_configs();
        for key in self.documents.keys() {
            let Some(uri) = self.documents.get(&key).map(|d| d.uri.clone()) else {
                continue;
            };
            let plan = self.plan_for(&uri);
            if let Some(document) = self.documents.get_mut(&key) {
                document.plan = plan;
            }
            self.lint_and_publish(&key);
        }
    }
}

/// The article a sidecar at `path` belongs to, if `path` is a sidecar.
fn article_of_sidecar(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?.strip_suffix(SIDECAR_SUFFIX)?;
    Some(path.with_file_name(name))
}
