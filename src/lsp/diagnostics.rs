//! Publishing: a document's text goes to the worker to be linted, and
//! the findings that come back are sent to the client as LSP diagnostics,
//! in the agreed position encoding.

use lsp_types::notification::PublishDiagnostics;
use lsp_types::{DiagnosticSeverity, NumberOrString, PublishDiagnosticsParams};

use super::position::Lines;
use super::worker::Linted;
use super::Server;
use crate::diagnostic::{Diagnostic, Severity};

/// Documents up to this size are linted on the spot when a request finds
/// their findings out of date (a few tens of milliseconds); a larger one
/// is answered from nothing until the worker is done with it.
const LINT_NOW_UP_TO: usize = 256 << 10;

impl Server<'_> {
    /// Has the open document under `key` linted again by the worker; its
    /// findings are published when they come back.
    pub(super) fn relint(&mut self, key: &str) {
        if let Some(document) = self.documents.get_mut(key) {
            let job = document.next_generation(key);
            self.worker.send(job);
        }
    }

    /// Takes the worker's findings, if they are of the document's latest
    /// text and not yet published.
    pub(super) fn on_linted(&mut self, linted: Linted) {
        let Some(document) = self.documents.get_mut(&linted.key) else {
            return;
        };
        if document.generation != linted.generation || document.is_current() {
            return;
        }
        let Some(diagnostics) = linted.diagnostics else {
            self.show_error("failed to lint a document (please report it)".to_owned());
            return;
        };
        document.diagnostics = diagnostics;
        document.linted = Some(linted.generation);
        self.publish(&linted.key);
    }

    /// Whether the findings of the document under `key` are of its current
    /// text, linting it now if they are not and it is small: a request
    /// about a document (a code action, a hover) needs them.
    pub(super) fn make_current(&mut self, key: &str) -> bool {
        let Some(document) = self.documents.get_mut(key) else {
            return false;
        };
        if document.is_current() {
            return true;
        }
        if document.text.len() > LINT_NOW_UP_TO {
            return false;
        }
        document.lint_now();
        self.publish(key);
        true
    }

    /// Sends the findings of the document under `key` to the client.
    fn publish(&self, key: &str) {
        let Some(document) = self.documents.get(key) else {
            return;
        };
        let lines = document.lines(self.documents.encoding);
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
}

/// A finding as the protocol's diagnostic.
pub(super) fn to_lsp(diagnostic: &Diagnostic, lines: &Lines) -> lsp_types::Diagnostic {
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
