//! Why a field has its value here: read from the model and the line's
//! packet trace, one function per field kind.

use super::notes::Facts;
use super::record::Printed;
use super::Named;

/// A reason, and the objects it names.
#[derive(Default)]
pub struct Said {
    pub text: String,
    pub names: Vec<Named>,
}

/// Why tag `tag` of `p` has its value.
pub fn why(_facts: &Facts<'_>, _p: &Printed, _tag: usize) -> Said {
    Said::default()
}
