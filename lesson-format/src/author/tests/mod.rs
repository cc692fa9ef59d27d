//! The lesson builder's tests: drafts written and read back
//! (`roundtrip.rs`), checks suggested from steps played on the simulator
//! (`suggestions.rs`, and random ones in `random_steps.rs`).

mod random_steps;
mod roundtrip;
mod suggestions;

/// A small xorshift generator: the same cases on every run.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub(super) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    pub(super) fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}
