//! The system's programs as real child processes (`ping`, `nc`, `ss`,
//! `sleep`, …): started with an argv (never through a shell) inside a
//! namespace, read without blocking, so a job's program and the line's
//! run side by side on the agent's one thread.
//!
//! What a child printed becomes an [`Output`] whose chunks carry the real
//! milliseconds that passed before each was read, and a last empty chunk
//! for the time until it ended: the same shape as the simulator's virtual
//! delays, so the shell composes them as it does there, and the host can
//! merge a job's output with the line's by time.

use std::io::Write;
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sim_core::output::Output;

use crate::kernel::netns;

/// Where the system's programs are looked for (root's PATH).
pub const PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// The longest any one program may run (a server nobody connects to, a
/// line the recording meant differently): then it is killed, as a
/// learner's Ctrl-C would end it. The recordings' longest wait is 20 s.
pub const LIMIT: Duration = Duration::from_secs(60);

/// A system program by name on root's PATH.
pub fn find(name: &str) -> Option<PathBuf> {
    PATH.split(':').map(|d| PathBuf::from(d).join(name)).find(|p| p.is_file())
}

/// How to start one program.
pub struct Spec<'a> {
    /// The namespace (`None`: the sandbox's host).
    pub ns: Option<&'a str>,
    pub path: &'a Path,
    pub argv: &'a [String],
    /// What was piped into it; it reads end-of-file after.
    pub stdin: &'a str,
    /// A background job of a shell without job control: SIGINT and
    /// SIGQUIT ignored, as bash starts it.
    pub ignore_int: bool,
    /// Its stdout and stderr go to one place (the terminal, one file):
    /// one pipe for both, so what it wrote keeps its order (read as
    /// stdout).
    pub merged: bool,
}

/// A running child and what it printed so far.
pub struct Child {
    child: std::process::Child,
    pipes: [Option<RawFd>; 2],
    /// The read end of the one pipe of a merged child, held open here
    /// (`pipes[0]` is its descriptor).
    _merged: Option<std::os::fd::OwnedFd>,
    stdin: Option<(std::process::ChildStdin, Vec<u8>)>,
    output: Output,
    /// When the last chunk (or the start) was stamped.
    last: Instant,
    started: Instant,
    status: Option<std::process::ExitStatus>,
    /// When it was seen to have ended (its pipes may stay open a little).
    ended: Option<Instant>,
}

/// Starts `spec`'s program; an error is what the shell prints.
pub fn spawn(spec: &Spec<'_>) -> Result<Child, Output> {
    let argv = spec.argv;
    let target = match spec.ns {
        None => None,
        Some(n) => match netns::open(n) {
            Ok(f) => Some(f),
            Err(e) => return Err(Output::error(format!("Cannot open network namespace \"{n}\": {e}\n"), 255)),
        },
    };
    let mut cmd = Command::new(spec.path);
    cmd.arg0(&argv[0])
        .args(&argv[1..])
        .env_clear()
        .env("PATH", PATH)
        .env("LC_ALL", "C.UTF-8")
        // The sandbox's own tmpfs: a file named without a directory
        // (`curl -O`) lands there, not in the machine's `/`.
        .current_dir(crate::sandbox::SCRATCH)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let merged = if spec.merged {
        let (read, write) = pipe().map_err(|e| Output::error(format!("{}: {e}\n", argv[0]), 126))?;
        let write2 = write.try_clone().map_err(|e| Output::error(format!("{}: {e}\n", argv[0]), 126))?;
        cmd.stdout(Stdio::from(write)).stderr(Stdio::from(write2));
        Some(read)
    } else {
        None
    };
    let raw = target.as_ref().map(AsRawFd::as_raw_fd);
    let ignore_int = spec.ignore_int;
    // SAFETY: the closure runs between fork and exec and only makes
    // async-signal-safe syscalls (prctl, setns, signal).
    unsafe {
        cmd.pre_exec(move || {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            if let Some(fd) = raw {
                if libc::setns(fd, libc::CLONE_NEWNET) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            if ignore_int {
                libc::signal(libc::SIGINT, libc::SIG_IGN);
                libc::signal(libc::SIGQUIT, libc::SIG_IGN);
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().map_err(|e| Output::error(format!("{}: {e}\n", argv[0]), 126))?;
    // The command's copies of the write ends are closed once it has
    // spawned (they moved into it), so the read end sees end-of-file.
    drop(cmd);
    let pipes = match &merged {
        Some(read) => [Some(read.as_raw_fd()), None],
        None => [child.stdout.as_ref().map(AsRawFd::as_raw_fd), child.stderr.as_ref().map(AsRawFd::as_raw_fd)],
    };
    for fd in pipes.iter().flatten() {
        nonblocking(*fd);
    }
    let stdin = child.stdin.take().map(|s| {
        nonblocking(s.as_raw_fd());
        (s, spec.stdin.as_bytes().to_vec())
    });
    let now = Instant::now();
    Ok(Child {
        child,
        pipes,
        _merged: merged,
        stdin,
        output: Output::new(),
        last: now,
        started: now,
        status: None,
        ended: None,
    })
}

/// A pipe whose ends are closed on exec (the child gets its copies as
/// stdout and stderr).
fn pipe() -> std::io::Result<(std::os::fd::OwnedFd, std::os::fd::OwnedFd)> {
    use std::os::fd::FromRawFd;
    let mut fds = [0; 2];
    // SAFETY: pipe2 fills the two descriptors we pass room for.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: both descriptors were just made and are owned by no one else.
    Ok(unsafe { (std::os::fd::OwnedFd::from_raw_fd(fds[0]), std::os::fd::OwnedFd::from_raw_fd(fds[1])) })
}

fn nonblocking(fd: RawFd) {
    // SAFETY: fcntl on a descriptor the child handle owns.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags >= 0 {
            libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
    }
}

impl Child {
    /// The child's pid.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends signal `sig` to the child, if it still runs.
    pub fn signal(&self, sig: i32) {
        if self.status.is_none() {
            // SAFETY: kill(2) of our own child, not yet reaped (its pid
            // cannot have been reused).
            unsafe { libc::kill(self.child.id() as libc::pid_t, sig) };
        }
    }

    /// Feeds stdin and reads what is there, without blocking; true once
    /// the child has ended and its pipes are closed (or it ended a while
    /// ago and something it left behind holds them).
    pub fn pump(&mut self) -> bool {
        self.feed();
        self.read();
        if self.status.is_none() {
            if let Ok(Some(st)) = self.child.try_wait() {
                self.status = Some(st);
                self.ended = Some(Instant::now());
                self.read();
            }
        }
        match self.ended {
            Some(t) => self.pipes.iter().all(Option::is_none) || t.elapsed() > Duration::from_millis(200),
            None => false,
        }
    }

    fn feed(&mut self) {
        let Some((pipe, rest)) = &mut self.stdin else { return };
        while !rest.is_empty() {
            match pipe.write(rest) {
                Ok(n) => {
                    rest.drain(..n);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return,
                // The child closed its stdin (or ended): the rest is lost.
                Err(_) => break,
            }
        }
        self.stdin = None;
    }

    fn read(&mut self) {
        let mut buf = [0u8; 4096];
        for i in 0..2 {
            while let Some(fd) = self.pipes[i] {
                // SAFETY: reading into a buffer we own from a descriptor the child handle keeps open.
                let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
                if n < 0 {
                    match std::io::Error::last_os_error().kind() {
                        std::io::ErrorKind::Interrupted => continue,
                        std::io::ErrorKind::WouldBlock => break,
                        _ => {
                            self.pipes[i] = None;
                            break;
                        }
                    }
                }
                if n == 0 {
                    self.pipes[i] = None;
                    break;
                }
                let text = String::from_utf8_lossy(&buf[..n as usize]).into_owned();
                let delay = self.tick();
                if i == 0 {
                    self.output.out_after(delay, text);
                } else {
                    self.output.err_after(delay, text);
                }
            }
        }
    }

    /// Milliseconds since the last stamp, which moves by as many (so the
    /// delays add up to the real time, without drift from rounding).
    fn tick(&mut self) -> u64 {
        let ms = self.last.elapsed().as_millis() as u64;
        self.last += Duration::from_millis(ms);
        ms
    }

    /// What it printed since the last call (delays from the previous
    /// chunk, as in [`Child::finish`]).
    pub fn drain(&mut self) -> Output {
        let status = self.output.status;
        let out = std::mem::take(&mut self.output);
        self.output.status = status;
        out
    }

    /// How long it has run.
    pub fn age(&self) -> Duration {
        self.started.elapsed()
    }

    /// What it printed and its status (128 + N for signal N), with the time
    /// until its end as a last empty chunk; `None` for the signal if it
    /// exited.
    pub fn finish(mut self) -> (Output, Option<i32>) {
        let delay = self.tick();
        let mut out = std::mem::take(&mut self.output);
        out.out_after(delay, "");
        let (code, sig) = match self.status {
            Some(st) => match st.signal() {
                Some(sig) => (128 + sig, Some(sig)),
                None => (st.code().unwrap_or(1), None),
            },
            None => (1, None),
        };
        out.status = code;
        (out, sig)
    }

    /// Kills it (SIGKILL) and reaps it: it ran too long.
    pub fn stop(&mut self) {
        if self.status.is_none() {
            let _ = self.child.kill();
            if let Ok(st) = self.child.wait() {
                self.status = Some(st);
            }
            self.ended = Some(Instant::now());
            self.read();
        }
    }
}

impl Drop for Child {
    /// A child whose waiter went away (its job was killed) dies with it;
    /// nothing the agent started outlives what started it.
    fn drop(&mut self) {
        self.stop();
    }
}

/// Runs `spec` to its end, blocking (a program of a shell started as a
/// program, `ip netns exec NS bash -c …`, whose programs run at once).
pub fn run_blocking(spec: &Spec<'_>) -> Output {
    let mut child = match spawn(spec) {
        Ok(c) => c,
        Err(out) => return out,
    };
    while !child.pump() {
        if child.age() > LIMIT {
            child.stop();
            break;
        }
        wait_readable(&child, Duration::from_millis(5));
    }
    child.finish().0
}

/// Sleeps until one of the child's pipes has something, or `max` passed.
fn wait_readable(child: &Child, max: Duration) {
    let mut fds: Vec<libc::pollfd> =
        child.pipes.iter().flatten().map(|fd| libc::pollfd { fd: *fd, events: libc::POLLIN, revents: 0 }).collect();
    // SAFETY: `fds` is a valid array of pollfd for the length given.
    unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, max.as_millis() as libc::c_int) };
}
