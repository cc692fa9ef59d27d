//! A namespace's IPv4 routes, with an index so that "is this route there?"
//! costs a search rather than a walk over every route of the namespace.

use litemap::LiteMap;
use std::ops::Deref;

use super::route::{Route, RouteType};

/// What makes two routes the same one for the FIB: device, table,
/// destination, prefix length, metric and type.
type RouteId = (Option<u32>, u32, u32, u8, u32, RouteType);

fn id_of(r: &Route) -> RouteId {
    (r.dev, r.table, u32::from(r.dst), r.prefix, r.metric, r.kind)
}

/// The routes in the order they were added (dumps sort them), and how many
/// of them have each [`RouteId`]. Read them as a slice; change them only
/// through the methods, which keep the count in step (an invariant the
/// tests check after every command: [`RouteTable::in_step`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RouteTable {
    routes: Vec<Route>,
    index: LiteMap<RouteId, u32>,
}

impl Deref for RouteTable {
    type Target = [Route];

    fn deref(&self) -> &[Route] {
        &self.routes
    }
}

impl RouteTable {
    pub fn push(&mut self, r: Route) {
        *self.index.entry(id_of(&r)).or_insert(0) += 1;
        self.routes.push(r);
    }

    pub fn remove(&mut self, i: usize) -> Route {
        let r = self.routes.remove(i);
        self.forget(&r);
        r
    }

    /// Puts `r` in the place of route `i` (`ip route replace`).
    pub fn set(&mut self, i: usize, r: Route) {
        *self.index.entry(id_of(&r)).or_insert(0) += 1;
        let old = std::mem::replace(&mut self.routes[i], r);
        self.forget(&old);
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&Route) -> bool) {
        let index = &mut self.index;
        self.routes.retain(|r| {
            let kept = keep(r);
            if !kept {
                if let Some(n) = index.get_mut(&id_of(r)) {
                    *n -= 1;
                    if *n == 0 {
                        index.remove(&id_of(r));
                    }
                }
            }
            kept
        });
    }

    /// Whether a route with the same device, key and type is there.
    pub fn contains(&self, r: &Route) -> bool {
        self.index.contains_key(&id_of(r))
    }

    /// Whether the index counts exactly the routes there are.
    pub fn in_step(&self) -> bool {
        let mut counted = LiteMap::new();
        for r in &self.routes {
            *counted.entry(id_of(r)).or_insert(0) += 1;
        }
        counted == self.index
    }

    fn forget(&mut self, r: &Route) {
        let id = id_of(r);
        if let Some(n) = self.index.get_mut(&id) {
            *n -= 1;
            if *n == 0 {
                self.index.remove(&id);
            }
        }
    }
}
