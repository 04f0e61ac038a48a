//! The session's state: the open documents, each with its text, the
//! findings on it and the plan it is linted with, and the resolver that
//! finds each document's plan.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use lsp_types::Uri;

use super::file_path;
use super::position::{Encoding, Lines};
use super::worker::{pause_for, Job};
use crate::diagnostic::Diagnostic;
use crate::lint::Article;
use crate::suppress::Sidecar;
use crate::text::LineIndex;
use crate::workspace::{Overrides, Plan, Resolver};

/// An open document, with the findings on its current text.
pub(super) struct OpenDocument {
    pub(super) uri: Uri,
    pub(super) version: i32,
    pub(super) text: String,
    pub(super) index: LineIndex,
    /// The findings on the text of generation `linted`.
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) plan: Arc<Plan>,
    /// The article's sidecar of accepted findings, read on open and when
    /// it changes.
    pub(super) sidecar: Option<Arc<Sidecar>>,
    /// Numbers the changes that call for a new lint (an edit, a new plan
    /// or sidecar), from one counter for every document, so a document
    /// closed and opened again never takes a number the worker may still
    /// send findings for.
    pub(super) generation: u64,
    /// The generation that `diagnostics` belong to.
    pub(super) linted: Option<u64>,
    /// The cancel flag of the lint of the latest generation.
    pub(super) cancel: Arc<AtomicBool>,
}

impl OpenDocument {
    /// The text with its line index, for positions in `encoding`.
    pub(super) fn lines(&self, encoding: Encoding) -> Lines<'_> {
        Lines {
            text: &self.text,
            index: &self.index,
            encoding,
        }
    }

    /// A document just opened, not linted yet.
    pub(super) fn new(
        uri: Uri,
        version: i32,
        text: String,
        plan: Arc<Plan>,
        sidecar: Option<Sidecar>,
    ) -> Self {
        Self {
            index: LineIndex::new(&text),
            uri,
            version,
            text,
            diagnostics: Vec::new(),
            plan,
            sidecar: sidecar.map(Arc::new),
            generation: 0,
            linted: None,
            cancel: Arc::default(),
        }
    }

    /// Whether `diagnostics` belong to the current text.
    pub(super) fn is_current(&self) -> bool {
        self.linted == Some(self.generation)
    }

    /// A new generation: the text, plan or sidecar changed. The lint of
    /// the previous one, if still under way, is cancelled, and the job
    /// for the worker is returned.
    pub(super) fn next_generation(&mut self, key: &str) -> Job {
        static GENERATIONS: AtomicU64 = AtomicU64::new(1);
        self.cancel.store(true, Ordering::Relaxed);
        self.cancel = Arc::default();
        self.generation = GENERATIONS.fetch_add(1, Ordering::Relaxed);
        Job {
            key: key.to_owned(),
            generation: self.generation,
            text: Arc::from(self.text.as_str()),
            plan: Arc::clone(&self.plan),
            sidecar: self.sidecar.clone(),
            cancel: Arc::clone(&self.cancel),
            pause: pause_for(self.text.len()),
        }
    }

    /// Tells the worker that the latest text's findings are not wanted
    /// (the document is closed, or the server ends).
    pub(super) fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Lints the current text here and now, on this thread (see
    /// `Article::sequential`), cancelling the worker's lint of it.
    pub(super) fn lint_now(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
        let article = Article {
            sidecar: self.sidecar.as_deref(),
            sequential: true,
            ..Article::default()
        };
        self.diagnostics = self.plan.linter.lint_with(&self.text, &article);
        self.linted = Some(self.generation);
    }
}

/// The open documents, keyed by URI, and how their plans are found.
pub(super) struct Documents {
    /// What positions count, as agreed at initialisation.
    pub(super) encoding: Encoding,
    open: HashMap<String, OpenDocument>,
    /// The configs above the documents (documents that are not files take
    /// the workspace root's).
    resolver: Resolver,
    /// Configs that did not load, reported once; their documents are
    /// linted with the defaults until a config is saved.
    broken: HashSet<Option<PathBuf>>,
    defaults: Option<Arc<Plan>>,
}

impl Documents {
    pub(super) fn new(encoding: Encoding, root: Option<PathBuf>) -> Self {
        let base = root.unwrap_or_default();
        Self {
            encoding,
            open: HashMap::new(),
            resolver: Resolver::rereading(Overrides::default(), base),
            broken: HashSet::new(),
            defaults: None,
        }
    }

    pub(super) fn get(&self, key: &str) -> Option<&OpenDocument> {
        self.open.get(key)
    }

    pub(super) fn get_mut(&mut self, key: &str) -> Option<&mut OpenDocument> {
        self.open.get_mut(key)
    }

    pub(super) fn contains(&self, key: &str) -> bool {
        self.open.contains_key(key)
    }

    pub(super) fn insert(&mut self, document: OpenDocument) -> String {
        let key = document.uri.as_str().to_owned();
        self.open.insert(key.clone(), document);
        key
    }

    pub(super) fn remove(&mut self, key: &str) -> Option<OpenDocument> {
        self.open.remove(key)
    }

    /// Cancels every lint under way: the server ends.
    pub(super) fn cancel_all(&self) {
        self.open.values().for_each(OpenDocument::cancel);
    }

    pub(super) fn keys(&self) -> Vec<String> {
        self.open.keys().cloned().collect()
    }

    /// The key of the open document whose file is at `path`.
    pub(super) fn key_of_file(&self, path: &Path) -> Option<String> {
        self.open
            .iter()
            .find(|(_, d)| file_path(&d.uri).as_deref() == Some(path))
            .map(|(key, _)| key.clone())
    }

    /// The plan of a document at `uri`: the nearest `mtlint.toml` above
    /// its file, else above the workspace root. A config that does not
    /// load gives the defaults and, the first time, the error to report.
    pub(super) fn plan_for(&mut self, uri: &Uri) -> (Arc<Plan>, Option<String>) {
        let file = file_path(uri);
        let error = match self.resolver.plan_for(file.as_deref()) {
            Ok(plan) => return (plan, None),
            Err(error) => error,
        };
        let first = self.broken.insert(error.config);
        let defaults = self
            .defaults
            .get_or_insert_with(|| Arc::new(Plan::defaults().expect("the built-in rules load")));
        (Arc::clone(defaults), first.then_some(error.message))
    }

    /// Forgets every config read, and which were reported broken.
    pub(super) fn forget_configs(&mut self) {
        self.resolver.forget();
        self.broken.clear();
    }
}

/// The sidecar of the article at `uri`, checked to name only rules that
/// `plan` knows.
pub(super) fn sidecar_for(uri: &Uri, plan: &Plan) -> Result<Option<Sidecar>, String> {
    let Some(path) = file_path(uri) else {
        return Ok(None);
    };
    let sidecar = Sidecar::load_for(&path)?;
    if let Some(sidecar) = &sidecar {
        let registry = plan.linter.registry();
        sidecar.check_rules(|id| registry.rules().any(|r| r.id == id))?;
    }
    Ok(sidecar)
}
