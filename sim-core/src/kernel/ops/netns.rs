//! Namespaces: /run/netns names, destruction, and the ids namespaces give each other.

use crate::kernel::link::{Link, LinkRef};
use crate::kernel::{Errno, KResult, Kernel, KernelError, NsId};

impl Kernel {
    /// `ip netns add NAME`.
    pub fn netns_add(&mut self, name: &str) -> Result<NsId, Errno> {
        if self.ns_by_name(name).is_some() {
            return Err(Errno::EEXIST);
        }
        let id = self.create_ns();
        self.named.push((name.to_string(), id));
        self.by_name.insert(name.to_string(), id);
        Ok(id)
    }

    /// `ip netns delete NAME`: unmounting the last name destroys the
    /// namespace, unless a process still runs in it: then it lives on
    /// without a name until its last process ends ([`Kernel::reap_namespaces`]).
    pub fn netns_delete(&mut self, name: &str) -> Result<(), Errno> {
        let pos = self.named.iter().position(|(n, _)| n == name).ok_or(Errno::ENOENT)?;
        let (_, id) = self.named.remove(pos);
        self.by_name.remove(name);
        if self.named.iter().any(|(_, i)| *i == id) || self.procs.running().any(|p| p.ns == id) {
            return Ok(());
        }
        self.destroy_ns(id);
        Ok(())
    }

    /// Destroys the namespaces that lost their names while processes ran
    /// in them, once none runs there any more.
    pub fn reap_namespaces(&mut self) {
        let orphans: Vec<NsId> = self
            .ns_ids()
            .into_iter()
            .filter(|id| *id != NsId::HOST && !self.named.iter().any(|(_, i)| i == id))
            .filter(|id| !self.procs.running().any(|p| p.ns == *id))
            .collect();
        for id in orphans {
            self.destroy_ns(id);
        }
    }

    fn destroy_ns(&mut self, id: NsId) {
        let ifindexes: Vec<u32> = self.ns(id).map(|n| n.links.keys().copied().collect()).unwrap_or_default();
        for ifindex in ifindexes.into_iter().rev() {
            self.destroy_link(LinkRef { ns: id, ifindex });
        }
        self.namespaces[id.0 as usize] = None;
        for ns in self.namespaces.iter_mut().flatten() {
            ns.nsids.remove(&id);
        }
    }

    /// The id `viewer` has for `target`, without allocating (RTM_GETNSID).
    pub fn nsid_peek(&self, viewer: NsId, target: NsId) -> Option<i32> {
        self.ns(viewer).and_then(|n| n.nsids.get(&target).copied())
    }

    /// The id `viewer` has for `target`, allocating one (`peernet2id_alloc`).
    pub fn nsid_alloc(&mut self, viewer: NsId, target: NsId) -> Option<i32> {
        if viewer == target || self.ns(target).is_none() {
            return None;
        }
        self.ns_mut(viewer).map(|n| n.nsid_alloc(target))
    }

    pub fn link(&self, r: LinkRef) -> Option<&Link> {
        self.ns(r.ns).and_then(|n| n.links.get(&r.ifindex))
    }

    pub fn link_mut(&mut self, r: LinkRef) -> Option<&mut Link> {
        self.ns_mut(r.ns).and_then(|n| n.links.get_mut(&r.ifindex))
    }

    /// `ip netns set NAME ID|auto` (RTM_NEWNSID): the id `viewer` gives `target`.
    pub fn nsid_set(&mut self, viewer: NsId, target: NsId, id: Option<i32>) -> KResult<()> {
        let n = self.ns(viewer).ok_or(KernelError::new(Errno::EINVAL))?;
        if n.nsids.contains_key(&target) {
            return Err(KernelError::msg(Errno::EEXIST, "Peer netns already has a nsid assigned"));
        }
        if let Some(i) = id {
            if n.nsids.values().any(|v| *v == i) {
                return Err(KernelError::msg(Errno::EEXIST, "The specified nsid is already used"));
            }
            self.ns_mut(viewer).ok_or(KernelError::new(Errno::EINVAL))?.nsids.insert(target, i);
        } else {
            self.nsid_alloc(viewer, target);
        }
        Ok(())
    }
}
