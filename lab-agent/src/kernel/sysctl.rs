//! /proc/sys read and written from inside a namespace: `net.*` keys are
//! per namespace, chosen by the namespace of the thread that opens them.

use std::io::Write;
use std::os::fd::BorrowedFd;
use std::path::PathBuf;

use sim_core::kernel::Errno;

use super::conn::errno_of;
use super::netns;

fn path_of(key: &str) -> Result<PathBuf, Errno> {
    // A key is relative to /proc/sys and may not climb out of it.
    if key.is_empty() || key.split('/').any(|c| c.is_empty() || c == "." || c == "..") {
        return Err(Errno::ENOENT);
    }
    Ok(PathBuf::from("/proc/sys").join(key))
}

fn errno(e: &std::io::Error) -> Errno {
    errno_of(e.raw_os_error().unwrap_or(libc::EINVAL))
}

/// The value of /proc/sys/PATH in namespace `ns`, without the newline.
pub fn read(ns: BorrowedFd<'_>, home: BorrowedFd<'_>, key: &str) -> Result<String, Errno> {
    let p = path_of(key)?;
    let text =
        netns::within(ns, home, || std::fs::read_to_string(&p)).map_err(|e| errno(&e))?.map_err(|e| errno(&e))?;
    Ok(text.strip_suffix('\n').unwrap_or(&text).to_string())
}

/// Writes `value` to /proc/sys/PATH in namespace `ns` (as procps does: one write).
pub fn write(ns: BorrowedFd<'_>, home: BorrowedFd<'_>, key: &str, value: &str) -> Result<(), Errno> {
    let p = path_of(key)?;
    netns::within(ns, home, || {
        let mut f = std::fs::OpenOptions::new().write(true).open(&p)?;
        f.write_all(format!("{value}\n").as_bytes())
    })
    .map_err(|e| errno(&e))?
    .map_err(|e| errno(&e))
}
