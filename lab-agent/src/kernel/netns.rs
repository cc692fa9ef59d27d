//! Named network namespaces the way iproute2 keeps them: a bind mount of
//! `/proc/thread-self/ns/net` on `/run/netns/NAME`, entered with `setns`.
//!
//! The calling thread always lives in the sandbox's host namespace between
//! two operations; [`within`] enters another one for one closure.

use std::ffi::CString;
use std::fs::File;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd};
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;

pub const NETNS_RUN_DIR: &str = "/run/netns";

fn path_of(name: &str) -> PathBuf {
    PathBuf::from(NETNS_RUN_DIR).join(name)
}

fn cstr(p: &std::path::Path) -> io::Result<CString> {
    CString::new(p.as_os_str().as_encoded_bytes()).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

fn check(r: libc::c_int) -> io::Result<()> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// `setns(fd, CLONE_NEWNET)` for the calling thread.
pub fn setns(fd: BorrowedFd<'_>) -> io::Result<()> {
    // SAFETY: plain syscall on a valid descriptor.
    check(unsafe { libc::setns(fd.as_raw_fd(), libc::CLONE_NEWNET) })
}

/// Runs `f` inside namespace `ns`, then returns to `home` whatever happened.
pub fn within<T>(ns: BorrowedFd<'_>, home: BorrowedFd<'_>, f: impl FnOnce() -> T) -> io::Result<T> {
    setns(ns)?;
    let out = f();
    setns(home)?;
    Ok(out)
}

/// The namespace of the calling thread, as a descriptor.
pub fn current() -> io::Result<File> {
    File::open("/proc/thread-self/ns/net")
}

/// Opens `/run/netns/NAME` (the namespace handle `ip -n NAME` uses).
pub fn open(name: &str) -> io::Result<File> {
    if !valid(name) {
        return Err(io::Error::from_raw_os_error(libc::ENOENT));
    }
    File::open(path_of(name))
}

/// A namespace's identity: the nsfs device and inode.
pub fn identity(f: &File) -> io::Result<(u64, u64)> {
    let m = f.metadata()?;
    Ok((m.dev(), m.ino()))
}

/// A name `ip netns` can use as one path component under /run/netns.
fn valid(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains('/') && !name.contains('\0')
}

/// The names under /run/netns, in `readdir` order.
pub fn list() -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(NETNS_RUN_DIR) else { return Vec::new() };
    dir.filter_map(Result::ok).filter_map(|e| e.file_name().into_string().ok()).collect()
}

/// `ip netns add NAME`: a new namespace, mounted on /run/netns/NAME. `home`
/// is where the thread returns.
pub fn add(name: &str, home: BorrowedFd<'_>) -> io::Result<()> {
    if !valid(name) {
        return Err(io::Error::from_raw_os_error(libc::EINVAL));
    }
    let path = path_of(name);
    let c = cstr(&path)?;
    // SAFETY: open(2) with a NUL-terminated path; the descriptor is closed below.
    let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_CREAT | libc::O_EXCL | libc::O_CLOEXEC, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: fd was just opened by us.
    unsafe { libc::close(fd) };
    let made = (|| {
        // SAFETY: unshare affects only this thread's network namespace.
        check(unsafe { libc::unshare(libc::CLONE_NEWNET) })?;
        let src = CString::new("/proc/thread-self/ns/net").map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
        let none = CString::new("none").map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
        // SAFETY: bind mount between two valid paths.
        let r = check(unsafe { libc::mount(src.as_ptr(), c.as_ptr(), none.as_ptr(), libc::MS_BIND, std::ptr::null()) });
        setns(home)?;
        r
    })();
    if let Err(e) = made {
        let _ = setns(home);
        let _ = std::fs::remove_file(&path);
        return Err(e);
    }
    Ok(())
}

/// `ip netns delete NAME`: detach the mount, remove the file. The namespace
/// dies when nothing else holds it.
pub fn delete(name: &str) -> io::Result<()> {
    if !valid(name) {
        return Err(io::Error::from_raw_os_error(libc::ENOENT));
    }
    let path = path_of(name);
    let c = cstr(&path)?;
    // SAFETY: umount2 on a NUL-terminated path; failure is fine (not mounted).
    unsafe { libc::umount2(c.as_ptr(), libc::MNT_DETACH) };
    std::fs::remove_file(&path)
}

/// The names whose mount is the namespace `f` (`ip netns identify`).
pub fn names_of(f: &File) -> Vec<String> {
    let Ok(me) = identity(f) else { return Vec::new() };
    list().into_iter().filter(|n| std::fs::metadata(path_of(n)).is_ok_and(|m| (m.dev(), m.ino()) == me)).collect()
}

/// The processes whose network namespace has identity `id`, as a walk of
/// `/proc` finds them (iproute2's `netns_pids`).
pub fn pids_in(id: (u64, u64)) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else { return Vec::new() };
    let mut pids: Vec<u32> = dir
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()))
        .filter(|pid| std::fs::metadata(format!("/proc/{pid}/ns/net")).is_ok_and(|m| (m.dev(), m.ino()) == id))
        .collect();
    pids.sort_unstable();
    pids
}

/// Borrow helper for callers holding a `File`.
pub fn fd(f: &File) -> BorrowedFd<'_> {
    f.as_fd()
}
