//! How much memory a large lab holds: 1000 namespaces, each joined to the
//! host by a veth pair with both ends addressed and up (8000 commands).
//! Counts live heap bytes with a counting allocator, so the figure is exact
//! and the same on every run (the process's own baseline is not included).
//!
//! `cargo run --release -p sim-core --example memory [N]`

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use sim_core::Lab;

/// The system allocator, counting the bytes it has handed out and not got back.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let before = LIVE.load(Ordering::Relaxed);
    let mut lab = Lab::new();
    for i in 0..n {
        let (a, b) = (i / 64, (i % 64) * 4);
        for line in [
            format!("ip netns add ns{i}"),
            format!("ip link add vh{i} type veth peer name vn{i} netns ns{i}"),
            format!("ip addr add 10.{a}.{b}.1/30 dev vh{i}"),
            format!("ip link set vh{i} up"),
            format!("ip -n ns{i} addr add 10.{a}.{b}.2/30 dev vn{i}"),
            format!("ip -n ns{i} link set vn{i} up"),
            format!("ip -n ns{i} link set lo up"),
            format!("ip -n ns{i} route add default via 10.{a}.{b}.1"),
        ] {
            let out = lab.run(&line);
            assert_eq!(out.status, 0, "{line}: {}", out.text());
        }
    }
    let live = LIVE.load(Ordering::Relaxed) - before;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    println!("{n} namespaces, both veth ends addressed and up, a default route in each:");
    println!("  held by the lab: {:.1} MB (peak while building: {:.1} MB)", live as f64 / 1e6, peak as f64 / 1e6);
    drop(lab);
}
