//! Linting off the message loop. The loop hands each new text to one
//! worker thread and goes on answering requests; the worker waits until
//! the edits pause, lints only the latest text of each document, and sends
//! the findings back. A text that is replaced while it is being linted is
//! abandoned between two checks (its job's `cancel` flag), so after the
//! last of a burst of edits the findings are current within one lint.
//!
//! The pause waited for grows with the document: an ordinary article is
//! linted at once (its lint takes a few milliseconds, less than a wait
//! would), a large one once the edits stop for a moment.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};

use crate::diagnostic::Diagnostic;
use crate::lint::Article;
use crate::suppress::Sidecar;
use crate::workspace::Plan;

/// The longest pause the worker waits for.
const MAX_PAUSE: Duration = Duration::from_millis(40);

/// How long the edits of a document of `len` bytes must pause before the
/// worker lints it: about a tenth of what its lint costs (some 240 ns a
/// byte on a 5 MB document), at most [`MAX_PAUSE`]. A 10 KB article waits
/// a quarter of a millisecond, a 1 MB document 25 ms.
pub(super) fn pause_for(len: usize) -> Duration {
    Duration::from_nanos((len as u64).saturating_mul(25)).min(MAX_PAUSE)
}

/// One document's text to lint, as it was when the job was made.
pub(super) struct Job {
    pub(super) key: String,
    /// Which of the document's texts this is (see `OpenDocument`).
    pub(super) generation: u64,
    pub(super) text: Arc<str>,
    pub(super) plan: Arc<Plan>,
    pub(super) sidecar: Option<Arc<Sidecar>>,
    /// Set by the loop when a newer text replaces this one.
    pub(super) cancel: Arc<AtomicBool>,
    /// How long the edits must pause before it is linted ([`pause_for`]).
    pub(super) pause: Duration,
}

/// The findings on one job's text; `None` when the linter panicked.
pub(super) struct Linted {
    pub(super) key: String,
    pub(super) generation: u64,
    pub(super) diagnostics: Option<Vec<Diagnostic>>,
}

/// The worker thread and its two channels.
pub(super) struct Worker {
    jobs: Option<Sender<Job>>,
    pub(super) results: Receiver<Linted>,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    pub(super) fn start() -> std::io::Result<Self> {
        let (jobs, job_receiver) = crossbeam_channel::unbounded();
        let (result_sender, results) = crossbeam_channel::unbounded();
        let thread = std::thread::Builder::new()
            .name("mtlint-lint".to_owned())
            .spawn(move || run(&job_receiver, &result_sender))?;
        Ok(Self {
            jobs: Some(jobs),
            results,
            thread: Some(thread),
        })
    }

    pub(super) fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            // The worker ends only when this sender is dropped.
            let _ = jobs.send(job);
        }
    }
}

impl Drop for Worker {
    /// Ends the worker once it has finished, or abandoned, the lint under
    /// way (the server cancels every lint before it drops the worker).
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The worker's loop: collect jobs until the edits pause, keeping the
/// latest per document, then lint them one by one, oldest first.
fn run(jobs: &Receiver<Job>, results: &Sender<Linted>) {
    let mut pending: Vec<Job> = Vec::new();
    loop {
        if pending.is_empty() {
            match jobs.recv() {
                Ok(job) => queue(&mut pending, job),
                Err(_) => return,
            }
        }
        loop {
            let pause = pending.iter().map(|j| j.pause).max().unwrap_or_default();
            match jobs.recv_timeout(pause) {
                Ok(job) => queue(&mut pending, job),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let job = pending.remove(0);
        if job.cancel.load(Ordering::Relaxed) {
            continue;
        }
        let diagnostics = lint(&job);
        if job.cancel.load(Ordering::Relaxed) {
            continue;
        }
        let linted = Linted {
            key: job.key,
            generation: job.generation,
            diagnostics,
        };
        if results.send(linted).is_err() {
            return;
        }
    }
}

/// Adds `job`, replacing an older job of the same document.
fn queue(pending: &mut Vec<Job>, job: Job) {
    pending.retain(|p| p.key != job.key);
    pending.push(job);
}

fn lint(job: &Job) -> Option<Vec<Diagnostic>> {
    let article = Article {
        sidecar: job.sidecar.as_deref(),
        cancel: Some(&job.cancel),
        ..Article::default()
    };
    catch_unwind(AssertUnwindSafe(|| {
        job.plan.linter.lint_with(&job.text, &article)
    }))
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const WAIT: Duration = Duration::from_secs(20);

    fn job(generation: u64, plan: &Arc<Plan>, pause: Duration) -> Job {
        Job {
            key: "untitled:a".to_owned(),
            generation,
            text: Arc::from("The the end.\n"),
            plan: Arc::clone(plan),
            sidecar: None,
            cancel: Arc::default(),
            pause,
        }
    }

    /// Jobs that come before the edits pause are merged: only the latest
    /// is linted.
    #[test]
    fn a_burst_of_jobs_is_linted_once() {
        let plan = Arc::new(Plan::defaults().unwrap());
        let worker = Worker::start().unwrap();
        for generation in 1..=20 {
            worker.send(job(generation, &plan, Duration::from_millis(300)));
        }
        let linted = worker.results.recv_timeout(WAIT).unwrap();
        assert_eq!(linted.generation, 20);
        assert_eq!(linted.diagnostics.map(|d| d.len()), Some(1));
        assert!(worker
            .results
            .recv_timeout(Duration::from_millis(600))
            .is_err());
    }

    #[test]
    fn the_pause_grows_with_the_document() {
        assert!(pause_for(10_000) < Duration::from_millis(1));
        assert_eq!(pause_for(1_000_000), Duration::from_millis(25));
        assert_eq!(pause_for(5_000_000), MAX_PAUSE);
    }

    /// A job cancelled before its turn gives nothing back.
    #[test]
    fn a_cancelled_job_gives_nothing() {
        let plan = Arc::new(Plan::defaults().unwrap());
        let worker = Worker::start().unwrap();
        let cancelled = job(1, &plan, Duration::ZERO);
        cancelled.cancel.store(true, Ordering::Relaxed);
        worker.send(cancelled);
        assert!(worker
            .results
            .recv_timeout(Duration::from_millis(500))
            .is_err());
        worker.send(job(2, &plan, Duration::ZERO));
        assert_eq!(worker.results.recv_timeout(WAIT).unwrap().generation, 2);
    }
}
