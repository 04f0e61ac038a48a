//! The notifications that change the session: documents opened, edited,
//! saved and closed, and configs and sidecars that changed on disk (saved
//! in the editor, or reported by the client's file watcher), which are
//! read again.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_server::Notification;
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::{
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, PublishDiagnosticsParams, Uri,
};

use super::documents::{sidecar_for, OpenDocument};
use super::{file_path, Server};
use crate::config;
use crate::suppress::{Sidecar, SIDECAR_SUFFIX};
use crate::text::LineIndex;
use crate::workspace::Plan;

/// What the server asks the client to watch: every config and every
/// sidecar of the workspace (see `workspace/didChangeWatchedFiles`).
pub(super) const WATCHED: [&str; 2] = ["**/mtlint.toml", "**/*.mtlint-ignore.toml"];

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
            DidChangeWatchedFiles::METHOD => {
                self.did_change_watched_files(serde_json::from_value(params)?)
            }
            DidCloseTextDocument::METHOD => self.did_close(serde_json::from_value(params)?),
            _ => {}
        }
        Ok(())
    }

    fn did_open(&mut self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let plan = self.plan_for(&doc.uri);
        let sidecar = self.sidecar_or_report(&doc.uri, &plan);
        let document = OpenDocument::new(doc.uri, doc.version, doc.text, plan, sidecar);
        let key = self.documents.insert(document);
        self.relint(&key);
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
        self.relint(&key);
    }

    /// A saved config or sidecar is read again (for clients that do not
    /// watch files), and a saved document is linted again.
    fn did_save(&mut self, params: DidSaveTextDocumentParams) {
        let uri = params.text_document.uri;
        if !self.file_changed(&uri) && self.documents.contains(uri.as_str()) {
            self.relint(uri.as_str());
        }
    }

    /// Configs and sidecars created, changed or deleted on disk.
    fn did_change_watched_files(&mut self, params: DidChangeWatchedFilesParams) {
        for change in params.changes {
            self.file_changed(&change.uri);
        }
    }

    /// Reads the config or sidecar at `uri` again, if it is one; a config
    /// applies to the documents in its directory and below.
    fn file_changed(&mut self, uri: &Uri) -> bool {
        let Some(path) = file_path(uri) else {
            return false;
        };
        if path.file_name() == Some(config::FILE_NAME.as_ref()) {
            let dir = path.parent().unwrap_or(&path).to_path_buf();
            self.reload_configs(&dir);
            true
        } else if let Some(article) = article_of_sidecar(&path) {
            self.reload_sidecar(&article);
            true
        } else {
            false
        }
    }

    fn did_close(&mut self, params: DidCloseTextDocumentParams) {
        if let Some(document) = self.documents.remove(params.text_document.uri.as_str()) {
            document.cancel();
            self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                uri: document.uri,
                diagnostics: Vec::new(),
                version: None,
            });
        }
    }

    /// The plan of a document at `uri`, reporting a config that does not
    /// load (once, until a config is saved).
    fn plan_for(&mut self, uri: &Uri) -> Arc<Plan> {
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
            document.sidecar = sidecar.map(Arc::new);
        }
        self.relint(&key);
    }

    /// Forgets every loaded config, then finds the plan again of each open
    /// document that the config in `dir` may apply to (every document that
    /// is not a file, as it takes the workspace root's), and lints it
    /// again.
    fn reload_configs(&mut self, dir: &Path) {
        self.documents.forget_configs();
        for key in self.documents.keys() {
            let Some(uri) = self.documents.get(&key).map(|d| d.uri.clone()) else {
                continue;
            };
            if file_path(&uri).is_some_and(|path| !path.starts_with(dir)) {
                continue;
            }
            let plan = self.plan_for(&uri);
            if let Some(document) = self.documents.get_mut(&key) {
                document.plan = plan;
            }
            self.relint(&key);
        }
    }
}

/// The article a sidecar at `path` belongs to, if `path` is a sidecar.
fn article_of_sidecar(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?.strip_suffix(SIDECAR_SUFFIX)?;
    Some(path.with_file_name(name))
}
