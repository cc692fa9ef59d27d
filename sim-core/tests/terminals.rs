//! Several terminals on one lab, with background jobs: random mixes of
//! background sleeps and pings and foreground commands on two terminals
//! (run to their end, or driven by page time and maybe interrupted), with
//! page time moving between them, run twice from the same seed, give the
//! same log event for event (the scheduler is deterministic), and the
//! clock never goes back.

use sim_core::lab::Progress;
use sim_core::rng::Rng;
use sim_core::Lab;

mod pair_support;
use pair_support::PAIR as SETUP;

const LINES: &[&str] = &[
    "sleep 0.3 &",
    "sleep 1 && echo late &",
    "(sleep 0.5; echo bg-$$) &",
    "ip netns exec a ping -c 2 -i 0.4 10.0.0.2 &",
    "ip netns exec b ping -c 1 10.0.0.1 | tail -1 &",
    "sleep 0.7",
    "echo fg; sleep 0.2; echo fg2",
    "jobs",
    "jobs -l",
    "wait; echo waited $?",
    "wait %1; echo $?",
    "kill %1; echo $?",
    "kill -9 $!; wait $! 2>/dev/null; echo $?",
    "timeout 0.5 sleep 2; echo $?",
    "ip -n a neigh",
    "ip netns pids a",
    "echo $!",
];

fn log(seed: u64) -> Vec<String> {
    let mut lab = Lab::with_seed(seed);
    for l in SETUP {
        lab.run(l);
    }
    lab.open_terminal();
    let mut rng = Rng::new(seed);
    let mut log = Vec::new();
    let mut last_clock = lab.now_ms();
    let mut page = lab.now_ms();
    for _ in 0..40 {
        let term = rng.below(2);
        let line = LINES[rng.below(LINES.len())];
        let p: Progress = match rng.below(6) {
            0 => {
                page += rng.below(1500) as u64;
                lab.advance_to(page);
                lab.poll(term)
            }
            1 => lab.poll(term),
            // Page time drives it; maybe Ctrl-C later.
            2 => lab.start_in(term, line),
            3 => lab.interrupt(term),
            _ => lab.run_in(term, line),
        };
        assert!(lab.now_ms() >= last_clock, "the clock went back");
        last_clock = lab.now_ms();
        page = page.max(last_clock);
        log.push(format!("{term} {} {:?} {:?}", lab.now_ms(), p.state, p.output.chunks));
    }
    log
}

#[test]
fn two_terminals_replay_identically() {
    for seed in 0..20 {
        let (a, b) = (log(seed), log(seed));
        assert_eq!(a, b, "seed {seed}");
    }
}
