//! Namespaces: /run/netns names, destruction, and the ids namespaces give each other.

use crate::kernel::link::{Link, LinkRef};
#[cfg(feature = "presets")]
use crate::kernel::netns::Label;
use crate::kernel::{Errno, KResult, Kernel, KernelError, MntId, NsId};

impl Kernel {
    /// `ip netns add NAME`.
    pub fn netns_add(&mut self, name: &str) -> Result<NsId, Errno> {
        self.netns_add_in(MntId::HOST, name)
    }

    /// `ip netns add NAME` in mount namespace `mnt`.
    pub fn netns_add_in(&mut self, mnt: MntId, name: &str) -> Result<NsId, Errno> {
        if self.ns_by_name_in(mnt, name).is_some() {
            return Err(Errno::EEXIST);
        }
        if self.mounts().get(mnt.0 as usize).is_none() {
            return Err(Errno::ENOENT);
        }
        let id = self.create_ns();
        self.name_ns(mnt, name, id);
        Ok(id)
    }

    /// A namespace no /run/netns names, known by `label` (a lab preset's
    /// container, pod or simulated internet): it lives while a process
    /// runs in it, or always for the world beyond the host.
    #[cfg(feature = "presets")]
    pub fn unnamed_ns(&mut self, label: Label) -> NsId {
        let id = self.create_ns();
        if let Some(n) = self.ns_mut(id) {
            n.label = Some(label);
        }
        id
    }

    /// A preset's world beyond the host: never reaped.
    fn is_beyond(&self, id: NsId) -> bool {
        #[cfg(feature = "presets")]
        return matches!(self.ns(id).and_then(|n| n.label.as_ref()), Some(Label::Beyond(_)));
        #[cfg(not(feature = "presets"))]
        {
            let _ = id;
            false
        }
    }

    /// Mounts namespace `id` under /run/netns/NAME of `mnt` (a name free there).
    pub(crate) fn name_ns(&mut self, mnt: MntId, name: &str, id: NsId) {
        if let Some(m) = self.mounts.get_mut(mnt.0 as usize) {
            m.named.push((name.to_string(), id));
            m.by_name.insert(name.to_string(), id);
        }
    }

    /// `ip netns delete NAME`.
    pub fn netns_delete(&mut self, name: &str) -> Result<(), Errno> {
        self.netns_delete_in(MntId::HOST, name)
    }

    /// `ip netns delete NAME` in mount namespace `mnt`: unmounting the
    /// last name destroys the namespace, unless a process still runs in it:
    /// then it lives on without a name until its last process ends
    /// ([`Kernel::reap_namespaces`]).
    pub fn netns_delete_in(&mut self, mnt: MntId, name: &str) -> Result<(), Errno> {
        let m = self.mounts.get_mut(mnt.0 as usize).ok_or(Errno::ENOENT)?;
        let pos = m.named.iter().position(|(n, _)| n == name).ok_or(Errno::ENOENT)?;
        let (_, id) = m.named.remove(pos);
        m.by_name.remove(name);
        if self.is_named(id) || self.procs.running().any(|p| p.ns == id) {
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
            .filter(|id| *id != NsId::HOST && !self.is_named(*id))
            .filter(|id| !self.is_beyond(*id))
            .filter(|id| !self.procs.running().any(|p| p.ns == *id))
            .collect();
        for id in orphans {
            self.destroy_ns(id);
        }
    }

    fn destroy_ns(&mut self, id: NsId) {
        // default_device_exit_net(): a physical card goes back to the
        // initial namespace, under its own name if free, else `dev%d`.
        #[cfg(feature = "presets")]
        let nics: Vec<u32> = self
            .ns(id)
            .map(|n| n.links.values().filter(|l| l.nic().is_some()).map(|l| l.ifindex).collect())
            .unwrap_or_default();
        #[cfg(feature = "presets")]
        for ifindex in nics {
            let r = LinkRef { ns: id, ifindex };
            if self.move_link(r, NsId::HOST, None).is_err() {
                let _ = self.move_link(r, NsId::HOST, Some("dev%d"));
            }
        }
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
