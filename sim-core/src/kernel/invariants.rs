//! What must hold of the model after every request, whatever the request:
//! checked by the tests after every command they run (recordings replayed,
//! generated and mutated command lines). Pure and cheap: it reads the model
//! and names the first broken rule.

use super::link::LinkRef;
use super::{Kernel, NsId};

impl Kernel {
    /// `Err` names the first rule the model breaks:
    /// - in one namespace, no two devices share a name, and a device's
    ///   ifindex is the key it is stored under (so ifindexes are unique);
    /// - names are 1 to 15 bytes (IFNAMSIZ - 1);
    /// - a veth's peer exists (in whatever namespace) and points back;
    /// - a port's master is a bridge of its namespace, and ports of one
    ///   bridge have distinct port numbers;
    /// - the name index finds every device by its name, and nothing else,
    ///   and the route index counts exactly the routes there are;
    /// - routes and neighbours name devices that exist;
    /// - every /run/netns name is there once and names a namespace that exists;
    /// - sockets: numbers are unique, a listener's accept queue holds its
    ///   own established children, a connection has a peer, a timer runs
    ///   only where a state needs one.
    pub fn check_invariants(&self) -> Result<(), String> {
        for id in self.ns_ids() {
            self.check_ns(id)?;
            if let Some(n) = self.ns(id) {
                n.sockets.check()?;
            }
        }
        for m in self.mounts() {
            for (i, (name, id)) in m.named.iter().enumerate() {
                if self.ns(*id).is_none() {
                    return Err(format!("/run/netns/{name} names a namespace that is gone"));
                }
                if m.named[..i].iter().any(|(n, _)| n == name) {
                    return Err(format!("/run/netns/{name} twice"));
                }
                if m.by_name.get(name.as_str()) != Some(id) {
                    return Err(format!("/run/netns/{name} is not in the name index"));
                }
            }
            if m.by_name.len() != m.named.len() {
                return Err("the /run/netns name index has names that are gone".into());
            }
        }
        Ok(())
    }

    fn check_ns(&self, id: NsId) -> Result<(), String> {
        let n = self.ns(id).ok_or("listed namespace missing")?;
        let mut names: Vec<&str> = Vec::with_capacity(n.links.len());
        for (&ifindex, l) in n.links.iter() {
            let at = format!("ns {} ifindex {ifindex} ({})", id.0, l.name);
            if l.ifindex != ifindex || ifindex == 0 {
                return Err(format!("{at}: stored under another ifindex ({})", l.ifindex));
            }
            if l.name.is_empty() || l.name.len() > 15 {
                return Err(format!("{at}: name length {}", l.name.len()));
            }
            if names.contains(&l.name.as_str()) {
                return Err(format!("{at}: a second device named {:?}", l.name));
            }
            names.push(&l.name);
            if let super::link::LinkKind::Veth { peer } = l.kind {
                let peer = peer.ok_or_else(|| format!("{at}: veth without a peer"))?;
                let back = self.link(peer).and_then(|p| p.veth_peer());
                if back != Some(LinkRef { ns: id, ifindex }) {
                    return Err(format!("{at}: peer {peer:?} does not point back ({back:?})"));
                }
            }
            if let Some(nic) = l.nic() {
                let wire = nic.wire.ok_or_else(|| format!("{at}: NIC without a cable"))?;
                let back = self.link(wire).and_then(|p| p.nic()).and_then(|p| p.wire);
                if back != Some(LinkRef { ns: id, ifindex }) {
                    return Err(format!("{at}: cable's end {wire:?} does not lead back ({back:?})"));
                }
            }
            if let Some(m) = l.master {
                if !n.links.get(&m).is_some_and(|b| b.is_bridge()) {
                    return Err(format!("{at}: master {m} is not a bridge here"));
                }
                let twin =
                    n.links.values().any(|o| o.ifindex != ifindex && o.master == Some(m) && o.port_no == l.port_no);
                if twin {
                    return Err(format!("{at}: port number {} used twice on bridge {m}", l.port_no));
                }
            }
        }
        if let Some(r) = n.routes.iter().find(|r| r.dev.is_some_and(|d| !n.links.contains_key(&d))) {
            return Err(format!("ns {}: route {r:?} on a device that is gone", id.0));
        }
        if let Some(r) = n.fib6.routes.iter().find(|r| !r.is_reject() && !n.links.contains_key(&r.dev)) {
            return Err(format!("ns {}: IPv6 route {r:?} on a device that is gone", id.0));
        }
        // (A proxy entry made without a device has device 0: any.)
        if let Some(e) = n.neighs.iter().find(|e| !(n.links.contains_key(&e.dev) || e.proxy && e.dev == 0)) {
            return Err(format!("ns {}: neighbour {e:?} on a device that is gone", id.0));
        }
        if !n.routes.in_step() {
            return Err(format!("ns {}: the route index disagrees with the routes", id.0));
        }
        if !n.names_in_step() {
            return Err(format!("ns {}: the name index disagrees with the devices", id.0));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_name_is_reported() {
        let mut k = Kernel::new(1);
        k.add_bridge(NsId::HOST, Some("br0"), &Default::default()).unwrap();
        assert_eq!(k.check_invariants(), Ok(()));
        let n = k.ns_mut(NsId::HOST).unwrap();
        n.links.get_mut(&2).unwrap().name = "lo".into();
        assert!(k.check_invariants().unwrap_err().contains("a second device named \"lo\""));
    }
}
