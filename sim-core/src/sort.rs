//! Stable sorting with one instantiation of std's sort for the whole crate.
//!
//! std's `sort_by` is generic over the element and the comparison, so each
//! place that sorted a different type linked its own copy of driftsort and
//! its small-sort helpers (about 2 KB of wasm each; the site's first load is
//! budgeted). [`sort_by`] sorts the positions instead, always `u32`s with a
//! comparison behind `dyn`, then moves the elements into that order: the
//! same algorithm, stable as before, linked once. Measured on the site:
//! see ARCHITECTURE.md, "Size".

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, as `v.sort_by(cmp)` does.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    // Most lists come in order already (links by index, routes as the
    // table holds them): one pass says so, and a stable sort of them would
    // change nothing.
    if v.windows(2).all(|w| cmp(&w[0], &w[1]) != Ordering::Greater) {
        return;
    }
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    sort_positions(&mut order, &|a, b| cmp(&v[a as usize], &v[b as usize]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots.get_mut(i as usize).and_then(Option::take)));
}

/// Sorts `v` stably by the key `key` gives each element.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The one instantiation.
#[inline(never)]
fn sort_positions(order: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_as_std_does() {
        let mut seed = 7u32;
        for len in 0..60 {
            let v: Vec<(u8, u32)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 28) as u8, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|e| e.0);
            let mut got = v;
            sort_by_key(&mut got, |e| e.0);
            assert_eq!(got, want);
        }
    }
}
