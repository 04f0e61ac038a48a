//! Publishing: a document is linted and its findings are sent to the
//! client as LSP diagnostics, in the agreed position encoding.

use lsp_types::notification::PublishDiagnostics;
use lsp_types::{DiagnosticSeverity, NumberOrString, PublishDiagnosticsParams};

use super::position::Lines;
use super::Server;
use crate::diagnostic::{Diagnostic, Severity};

impl Server<'_> {
    /// Lints the open document under `key` and publishes its findings.
    pub(super) fn lint_and_publish(&mut self, key: &str) {
        let encoding = self.documents.encoding;
        let Some(document) = self.documents.get_mut(key) else {
            return;
        };
        document.lint();
        let lines = document.lines(encoding);
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
