//! `textDocument/hover`: over a finding, the finding and its rule's
//! explanation, as `mtlint rules --explain` prints it.

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::documents::Documents;
use crate::diagnostic::Diagnostic;
use crate::text::{TextRange, TextSize};

/// The hover at the asked position: every finding there, explained, over
/// the span they cover together; `None` away from a finding.
pub(super) fn hover(documents: &Documents, params: &HoverParams) -> Option<Hover> {
    let at = &params.text_document_position_params;
    let document = documents.get(at.text_document.uri.as_str())?;
    let lines = document.lines(documents.encoding);
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
            .plan
            .linter
            .registry()
            .rules()
            .find(|r| r.id == diagnostic.rule.as_str());
        value.push_str(&format!(
            "**{}** ({}): {}\n\n",
            diagnostic.rule, diagnostic.severity, diagnostic.message
        ));
        if let Some(meta) = meta {
            let explanation = crate::explain::explain(meta, document.plan.rule_files());
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
