//! Device names: unique within a namespace, checked and allocated as
//! `dev_get_valid_name()` does wherever a name is given (a new device, a
//! veth's peer, a rename, a move into another namespace).

use crate::kernel::{Errno, KResult, Kernel, KernelError, NsId};

/// IFNAMSIZ - 1: the longest name (IFLA_IFNAME's policy refuses longer).
const IFNAME_MAX: usize = 15;

/// `__dev_alloc_name()` scans one page of bits: the names it can hand out.
const MAX_ALLOC: usize = 8 * 4096;

/// IFLA_IFNAME's policy (`NLA_STRING`, at most IFNAMSIZ - 1 bytes): a
/// longer name fails validation before rtnetlink looks at anything else.
/// iproute2 checks only names given with the `name` keyword itself.
pub(super) fn check_policy(name: Option<&str>) -> KResult<()> {
    match name {
        Some(n) if n.len() > IFNAME_MAX => Err(KernelError::msg(Errno::EINVAL, "Attribute failed policy validation")),
        _ => Ok(()),
    }
}

/// `dev_valid_name()`.
fn valid(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= IFNAME_MAX
        && name != "."
        && name != ".."
        && !name.bytes().any(|b| b == b'/' || b == b':' || b.is_ascii_whitespace())
}

/// A `%d` template split around its one `%d`; `None` when the name holds
/// no `%`, `Err(EINVAL)` for any other use of `%` (`__dev_alloc_name()`).
fn template(name: &str) -> KResult<Option<(&str, &str)>> {
    let Some(p) = name.find('%') else { return Ok(None) };
    let rest = &name[p + 1..];
    match rest.strip_prefix('d') {
        Some(tail) if !tail.contains('%') => Ok(Some((&name[..p], tail))),
        _ => Err(Errno::EINVAL.into()),
    }
}

impl Kernel {
    /// A device of `ns` already has `name`.
    pub(crate) fn name_in_use(&self, ns: NsId, name: &str) -> bool {
        self.ns(ns).is_some_and(|n| n.link_by_name(name).is_some())
    }

    /// `dev_get_valid_name()`: the name a device registered (or renamed, or
    /// moved) into `ns` as `want` gets: `want` itself if free, the first free
    /// number for a `%d` template, else EINVAL or EEXIST. `also` is a name
    /// taken by a device being made in the same request.
    pub(crate) fn valid_name(&self, ns: NsId, want: &str, also: Option<&str>) -> KResult<String> {
        if !valid(want) {
            return Err(Errno::EINVAL.into());
        }
        let taken = |n: &str| self.name_in_use(ns, n) || also == Some(n);
        match template(want)? {
            None if taken(want) => Err(Errno::EEXIST.into()),
            None => Ok(want.to_string()),
            Some((head, tail)) => (0..MAX_ALLOC)
                .map(|i| {
                    // snprintf(buf, IFNAMSIZ, …) cuts at 15 bytes.
                    let mut n = format!("{head}{i}{tail}");
                    n.truncate(IFNAME_MAX);
                    n
                })
                .find(|n| !taken(n))
                .ok_or_else(|| Errno::ENFILE.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        assert_eq!(template("veth%d").unwrap(), Some(("veth", "")));
        assert_eq!(template("%dx").unwrap(), Some(("", "x")));
        assert_eq!(template("tap0").unwrap(), None);
        for bad in ["tap%d%d", "x%s", "%d%", "%"] {
            assert!(template(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn allocates_the_first_free_number() {
        let mut k = Kernel::new(1);
        assert_eq!(k.valid_name(NsId::HOST, "veth%d", None).unwrap(), "veth0");
        assert_eq!(k.valid_name(NsId::HOST, "veth%d", Some("veth0")).unwrap(), "veth1");
        k.add_bridge(NsId::HOST, Some("lo%d"), &Default::default()).unwrap();
        assert_eq!(k.valid_name(NsId::HOST, "lo%d", None).unwrap(), "lo1");
        assert_eq!(k.valid_name(NsId::HOST, "lo", None).unwrap_err().errno, Errno::EEXIST);
        assert_eq!(k.valid_name(NsId::HOST, "..", None).unwrap_err().errno, Errno::EINVAL);
    }
}
