//! Components rendered natively in tests, to read their markup: a Leptos
//! owner whose executor runs no effects (the trace playback, scrolling,
//! timers need a browser; e2e/ covers them).

use leptos::prelude::Owner;

struct NoEffects;

impl any_spawner::CustomExecutor for NoEffects {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// An owner set as the current one, for a test's components.
pub fn owner() -> Owner {
    let _ = any_spawner::Executor::init_local_custom_executor(NoEffects);
    let owner = Owner::new();
    owner.set();
    owner
}
