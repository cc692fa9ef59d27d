//! The sandbox every kernel run happens in: a private network namespace
//! playing the host, a private mount namespace with its own tmpfs on
//! /run/netns, as `record-transcript` makes them, and a private UTS
//! namespace (so `hostname NAME` renames the sandbox alone).
//!
//! Nothing the agent makes escapes it: the named namespaces are bind mounts
//! inside the private tmpfs, every device lives in the private network
//! namespace or in a named one. When the process ends, however it ends
//! (SIGKILL too), the kernel drops the mount namespace, its mounts, and with
//! them every network namespace and device: no state is left on the machine,
//! so a new start has nothing to clean up. Child programs (ping, iptables)
//! get PR_SET_PDEATHSIG so they do not outlive the agent either.
//!
//! `/tmp` is a tmpfs of the sandbox too: what the system's programs write
//! there by their own options (`curl -o /tmp/page`, `tcpdump -w
//! /tmp/x.pcap`) never reaches the machine's `/tmp` and goes with the
//! sandbox (`host/scratch.rs` moves the text ones into the lab's files).

use std::ffi::CString;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};

/// The scratch directory the sandbox covers with its own tmpfs.
pub const SCRATCH: &str = "/tmp";

static SCRATCH_MOUNTED: AtomicBool = AtomicBool::new(false);

/// Whether this process is in the sandbox and [`SCRATCH`] is its own
/// tmpfs (files there may be moved and removed: they are the sandbox's).
pub fn scratch_is_private() -> bool {
    SCRATCH_MOUNTED.load(Ordering::Relaxed)
}

/// Whether this process has entered the sandbox.
pub fn entered() -> bool {
    SCRATCH_MOUNTED.load(Ordering::Relaxed)
}

/// Why the sandbox could not be made.
#[derive(Debug)]
pub struct SandboxError {
    pub step: &'static str,
    pub err: io::Error,
}

impl std::fmt::Display for SandboxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "sandbox: {}: {}", self.step, self.err)?;
        if self.err.raw_os_error() == Some(libc::EPERM) {
            write!(f, " (the kernel engine needs root)")?;
        }
        Ok(())
    }
}

impl std::error::Error for SandboxError {}

fn check(step: &'static str, r: libc::c_int) -> Result<(), SandboxError> {
    if r < 0 {
        Err(SandboxError { step, err: io::Error::last_os_error() })
    } else {
        Ok(())
    }
}

fn c(s: &str) -> CString {
    // Only called with literals without NUL.
    CString::new(s).unwrap_or_default()
}

/// Moves the calling process into a fresh network and mount namespace with
/// a private /run/netns. Call it first thing, while the process has one
/// thread (`unshare(CLONE_NEWNS)` refuses a multithreaded process).
pub fn enter() -> Result<(), SandboxError> {
    // SAFETY: plain syscalls with valid NUL-terminated strings.
    unsafe {
        // A UTS namespace too: `hostname NAME` renames the sandbox, never
        // the machine (the name starts as the machine's).
        check(
            "unshare(CLONE_NEWNET|CLONE_NEWNS|CLONE_NEWUTS)",
            libc::unshare(libc::CLONE_NEWNET | libc::CLONE_NEWNS | libc::CLONE_NEWUTS),
        )?;
        check(
            "make / private",
            libc::mount(
                c("none").as_ptr(),
                c("/").as_ptr(),
                std::ptr::null(),
                libc::MS_REC | libc::MS_PRIVATE,
                std::ptr::null(),
            ),
        )?;
    }
    if std::fs::metadata("/run/netns").is_err() {
        // Do not create anything on the machine's /run: cover /run itself
        // (in this mount namespace only) and make the directory there.
        // SAFETY: as above.
        unsafe {
            check(
                "mount tmpfs on /run",
                libc::mount(c("nslab").as_ptr(), c("/run").as_ptr(), c("tmpfs").as_ptr(), 0, std::ptr::null()),
            )?;
        }
        std::fs::create_dir("/run/netns").map_err(|err| SandboxError { step: "mkdir /run/netns", err })?;
    }
    // SAFETY: as above.
    unsafe {
        check(
            "mount tmpfs on /run/netns",
            libc::mount(c("nslab").as_ptr(), c("/run/netns").as_ptr(), c("tmpfs").as_ptr(), 0, std::ptr::null()),
        )?;
        check(
            "mount tmpfs on /tmp",
            libc::mount(
                c("nslab").as_ptr(),
                c(SCRATCH).as_ptr(),
                c("tmpfs").as_ptr(),
                0,
                c("mode=1777").as_ptr().cast(),
            ),
        )?;
    }
    SCRATCH_MOUNTED.store(true, Ordering::Relaxed);
    Ok(())
}

/// `mount_setattr(2)`'s argument (linux/mount.h).
#[repr(C)]
struct MountAttr {
    attr_set: u64,
    attr_clr: u64,
    propagation: u64,
    userns_fd: u64,
}

const AT_RECURSIVE: libc::c_uint = 0x8000;
const MOUNT_ATTR_RDONLY: u64 = 0x1;

/// Sets or clears read-only on the mount at `path` and every mount under it.
fn read_only(path: &str, on: bool) -> Result<(), SandboxError> {
    let attr = MountAttr {
        attr_set: if on { MOUNT_ATTR_RDONLY } else { 0 },
        attr_clr: if on { 0 } else { MOUNT_ATTR_RDONLY },
        propagation: 0,
        userns_fd: 0,
    };
    // SAFETY: mount_setattr(2) with a valid path and a struct of the size given.
    let r = unsafe {
        libc::syscall(
            libc::SYS_mount_setattr,
            libc::AT_FDCWD,
            c(path).as_ptr(),
            AT_RECURSIVE,
            &attr as *const MountAttr,
            std::mem::size_of::<MountAttr>(),
        )
    };
    check(if on { "make the machine's files read-only" } else { "keep a mount writable" }, r as libc::c_int)
}

/// Whether `path` is a mount point in this mount namespace.
fn is_mount_point(path: &str) -> bool {
    std::fs::read_to_string("/proc/self/mountinfo").is_ok_and(|m| m.lines().any(|l| l.split(' ').nth(4) == Some(path)))
}

/// Confines a paired learner's sandbox further ([`enter`] first): the
/// machine's files become read-only (a program that writes by its own
/// options, `curl -o /etc/…`, gets EROFS), except the sandbox's own
/// tmpfs on /tmp and /run/netns, /proc (sysctls of the sandbox's
/// namespaces) and /dev; and /root and /home are covered by empty
/// read-only tmpfs, so no program shows what they hold.
pub fn confine() -> Result<(), SandboxError> {
    read_only("/", true)?;
    for writable in ["/proc", "/dev", SCRATCH, "/run/netns"] {
        if is_mount_point(writable) {
            read_only(writable, false)?;
        }
    }
    for hidden in ["/root", "/home"] {
        if std::fs::metadata(hidden).is_ok_and(|m| m.is_dir()) {
            // SAFETY: as in `enter`.
            unsafe {
                check(
                    "cover /root and /home",
                    libc::mount(
                        c("nslab").as_ptr(),
                        c(hidden).as_ptr(),
                        c("tmpfs").as_ptr(),
                        libc::MS_RDONLY,
                        std::ptr::null(),
                    ),
                )?;
            }
        }
    }
    Ok(())
}
