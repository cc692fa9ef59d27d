//! The page's state, in signals split by concern. Nothing here knows the
//! DOM; the components read these signals and the shell writes them.

use crate::layout::KeySet;
use lab_protocol::{Progress, Snapshot, TraceView};
use leptos::prelude::*;
use std::sync::Arc;

/// What the lab last reported: the diagram, the lesson and the "Packet
/// path" panel read it. The shell writes it when the lab answers.
#[derive(Clone, Copy)]
pub struct LabSignals {
    /// The lab's picture after the last line that changed it.
    pub snapshot: RwSignal<Arc<Snapshot>>,
    /// Diagram keys ([`crate::layout::changed`]) of what the last line
    /// changed; emptied a moment later, when the highlight fades.
    pub changed: RwSignal<Arc<KeySet>>,
    /// The last line's packet trace; `None` once another line starts.
    pub trace: RwSignal<Option<Arc<TraceView>>>,
    /// The lesson's progress as the lab last evaluated it.
    pub progress: RwSignal<Progress>,
    /// Bumped after every line that reached the lab, and after a replay.
    pub version: RwSignal<u64>,
    /// With both engines: keys of what the VM's state has and the
    /// simulator's has not, or the other way round (`pair::diff`).
    pub differs: RwSignal<Arc<KeySet>>,
}

impl LabSignals {
    pub fn new() -> LabSignals {
        LabSignals {
            snapshot: RwSignal::new(Arc::new(Snapshot::default())),
            changed: RwSignal::new(Arc::new(KeySet::new())),
            trace: RwSignal::new(None),
            progress: RwSignal::new(Progress::default()),
            version: RwSignal::new(0),
            differs: RwSignal::new(Arc::new(KeySet::new())),
        }
    }
}

impl Default for LabSignals {
    fn default() -> Self {
        LabSignals::new()
    }
}
