//! The sandbox's `/tmp` (its own tmpfs, [`crate::sandbox::SCRATCH`]) and
//! the lab's files: what the system's programs write there by their own
//! options (`curl -o /tmp/page`) becomes a file of the lab, where the
//! shell's redirections and the text tools find it (`cat /tmp/page`).

use std::os::unix::fs::MetadataExt;

use sim_shell::files::{self, Files};

use crate::sandbox;

/// Moves the text files of the sandbox's `/tmp` into the lab's `files`,
/// once no process has them open (a job's `tcpdump -w` or `curl -o` still
/// writing keeps its file until a later call). Files that are not UTF-8
/// (`tcpdump -w`'s pcap) stay where they are, for the system's programs
/// to read (`tcpdump -r`). Only the top of `/tmp`: the lab has no
/// directories of its own. Nothing happens outside the sandbox.
pub(super) fn adopt(files: &mut Files) {
    if !sandbox::scratch_is_private() {
        return;
    }
    let Ok(dir) = std::fs::read_dir(sandbox::SCRATCH) else { return };
    let mut open: Option<Vec<(u64, u64)>> = None;
    for entry in dir.flatten() {
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        let open = open.get_or_insert_with(open_files);
        if open.contains(&(meta.dev(), meta.ino())) {
            continue;
        }
        let path = entry.path();
        let (Some(name), Ok(bytes)) = (path.to_str(), std::fs::read(&path)) else { continue };
        let Ok(text) = String::from_utf8(bytes) else { continue };
        if files.write(files::HOME, name, &text, false).is_ok() {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// (device, inode) of every file a process of the sandbox holds open:
/// the processes in this process's mount namespace (its children; the
/// namespace is the sandbox's own).
fn open_files() -> Vec<(u64, u64)> {
    let id = |p: &str| std::fs::metadata(p).ok().map(|m| (m.dev(), m.ino()));
    let Some(mine) = id("/proc/self/ns/mnt") else { return Vec::new() };
    let Ok(procs) = std::fs::read_dir("/proc") else { return Vec::new() };
    let me = std::process::id().to_string();
    let mut open = Vec::new();
    for p in procs.flatten() {
        let pid = p.file_name();
        let Some(pid) = pid.to_str().filter(|n| n.bytes().all(|b| b.is_ascii_digit()) && *n != me) else {
            continue;
        };
        if id(&format!("/proc/{pid}/ns/mnt")) != Some(mine) {
            continue;
        }
        let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else { continue };
        open.extend(fds.flatten().filter_map(|fd| std::fs::metadata(fd.path()).ok()).map(|m| (m.dev(), m.ino())));
    }
    open
}
