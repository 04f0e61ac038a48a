//! `textDocument/codeAction`: a quick fix per finding under the asked
//! range, and `source.fixAll.mtlint`, every safe fix of the document as
//! one edit.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, Uri, WorkspaceEdit,
};

use super::diagnostics::to_lsp;
use super::documents::{Documents, OpenDocument};
use super::position::Lines;
use super::FIX_ALL;
use crate::diagnostic::Safety;
use crate::lint::Article;
use crate::text::TextRange;

/// The actions the client asked for (`context.only`, else every kind).
pub(super) fn code_actions(
    documents: &Documents,
    params: &CodeActionParams,
) -> Option<Vec<CodeActionOrCommand>> {
    let document = documents.get(params.text_document.uri.as_str())?;
    let lines = document.lines(documents.encoding);
    let wanted = |kind: &CodeActionKind| match &params.context.only {
        None => true,
        Some(only) => only.iter().any(|o| {
            kind.as_str() == o.as_str() || kind.as_str().starts_with(&format!("{}.", o.as_str()))
        }),
    };
    let asked = lines.offsets(params.range);
    let asked = TextRange::from_usize(asked.start, asked.end);
    let mut actions = Vec::new();
    if wanted(&CodeActionKind::QUICKFIX) {
        actions.extend(quick_fixes(document, &lines, asked));
    }
    if wanted(&CodeActionKind::new(FIX_ALL)) {
        actions.extend(fix_all(document, &lines));
    }
    Some(actions)
}

/// One action per fixable finding that touches `asked`.
fn quick_fixes(
    document: &OpenDocument,
    lines: &Lines,
    asked: TextRange,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    for diagnostic in &document.diagnostics {
        let Some(fix) = &diagnostic.fix else { continue };
        let touches =
            diagnostic.range.start() <= asked.end() && asked.start() <= diagnostic.range.end();
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
            diagnostics: Some(vec![to_lsp(diagnostic, lines)]),
            edit: Some(workspace_edit(&document.uri, edits)),
            is_preferred: Some(safe),
            ..Default::default()
        }));
    }
    actions
}

/// The fix-all action, if any finding has a safe fix that changes the text.
fn fix_all(document: &OpenDocument, lines: &Lines) -> Option<CodeActionOrCommand> {
    let any_safe = document
        .diagnostics
        .iter()
        .any(|d| d.fix.as_ref().is_some_and(|f| f.safety == Safety::Safe));
    if !any_safe {
        return None;
    }
    // On the message loop, which must not wait for the thread pool.
    let article = Article {
        sidecar: document.sidecar.as_deref(),
        sequential: true,
        ..Article::default()
    };
    let fixed = document
        .plan
        .linter
        .fix_with(&document.text, false, &article);
    if !fixed.converged || fixed.text == document.text {
        return None;
    }
    let edit = minimal_edit(lines, &fixed.text);
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: format!("Fix all safe mtlint findings ({})", fixed.fixed),
        kind: Some(CodeActionKind::new(FIX_ALL)),
        edit: Some(workspace_edit(&document.uri, vec![edit])),
        ..Default::default()
    }))
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
