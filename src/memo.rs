//! A memo the threads of a run share: answers worked out once for words
//! that recur from article to article. A folder of news names the same
//! people again and again, and whether a capitalised word is one slip from
//! a known surname depends on the word and the knowledge base alone.
//!
//! The memo is split into shards, each behind its own lock, so that
//! threads asking about different words seldom wait for each other; an
//! answer is computed outside the lock. It is bounded: once a shard holds
//! its share of the capacity it stops learning and computes what it does
//! not know, so a stream of distinct words cannot grow it without end.

use std::hash::{BuildHasher, Hash};
use std::sync::{Mutex, PoisonError};

use crate::lexicon::FastMap;

const SHARDS: usize = 16;

/// One shard: the answers of the words whose hash picks it.
type Shard<V> = Mutex<FastMap<Box<str>, V>>;

pub struct Memo<V> {
    shards: Box<[Shard<V>]>,
    /// The most entries one shard keeps.
    per_shard: usize,
    /// Picks a word's shard.
    hasher: foldhash::fast::FixedState,
}

impl<V: Clone> Memo<V> {
    /// A memo of at most about `capacity` answers.
    pub fn new(capacity: usize) -> Self {
        Self {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
            per_shard: capacity.div_ceil(SHARDS),
            hasher: foldhash::fast::FixedState::default(),
        }
    }

    /// The answer for `key`: the one remembered, else `compute`'s, which
    /// is remembered while the memo has room.
    pub fn get_or_compute(&self, key: &str, compute: impl FnOnce() -> V) -> V {
        let shard = &self.shards[self.shard_of(key)];
        let lock = || shard.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(value) = lock().get(key) {
            return value.clone();
        }
        let value = compute();
        let mut map = lock();
        if map.len() < self.per_shard {
            map.insert(key.into(), value.clone());
        }
        value
    }

    /// How many answers the memo holds.
    pub fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().unwrap_or_else(PoisonError::into_inner).len())
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn shard_of(&self, key: &str) -> usize {
        let mut hasher = self.hasher.build_hasher();
        key.hash(&mut hasher);
        (std::hash::Hasher::finish(&hasher) as usize) % SHARDS
    }
}

impl<V> std::fmt::Debug for Memo<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Memo")
            .field("shards", &SHARDS)
            .field("per_shard", &self.per_shard)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_computed_once_and_remembered() {
        let memo: Memo<usize> = Memo::new(100);
        let calls = std::cell::Cell::new(0);
        let answer = |word: &str| {
            memo.get_or_compute(word, || {
                calls.set(calls.get() + 1);
                word.len()
            })
        };
        assert_eq!(answer("Pompeop"), 7);
        assert_eq!(answer("Pompeop"), 7);
        assert_eq!(answer("Blynken"), 7);
        assert_eq!(calls.get(), 2);
        assert_eq!(memo.len(), 2);
    }

    #[test]
    fn a_full_memo_still_answers_but_stops_learning() {
        let memo: Memo<usize> = Memo::new(SHARDS);
        let words: Vec<String> = (0..1000).map(|i| format!("word{i}")).collect();
        for word in &words {
            assert_eq!(memo.get_or_compute(word, || word.len()), word.len());
        }
        assert!(memo.len() <= SHARDS, "{} answers kept", memo.len());
        for word in &words {
            assert_eq!(memo.get_or_compute(word, || word.len()), word.len());
        }
    }

    #[test]
    fn threads_share_one_memo() {
        let memo: Memo<String> = Memo::new(1000);
        std::thread::scope(|scope| {
            for t in 0..4 {
                let memo = &memo;
                scope.spawn(move || {
                    for i in 0..200 {
                        let word = format!("w{}", (i * (t + 1)) % 50);
                        assert_eq!(
                            memo.get_or_compute(&word, || word.to_uppercase()),
                            word.to_uppercase()
                        );
                    }
                });
            }
        });
        assert_eq!(memo.len(), 50);
    }
}
