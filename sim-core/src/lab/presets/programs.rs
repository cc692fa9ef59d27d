//! `docker` and `nsenter` on the lab: where the command they name runs
//! (a container's or a process's namespaces), and what they print
//! themselves. Parsing and printing are `tools::docker` and
//! `tools::nsenter`'s.

use super::Container;
use crate::kernel::{MntId, NsId};
use crate::lab::core::Core;
use crate::output::Output;
use crate::tools::docker::{self, ContainerView, Docker};
use crate::tools::nsenter::{self, Kind, Source};

/// What `docker …` or `nsenter …` comes to: a command to run in other
/// namespaces, or what it printed itself.
pub(crate) enum Entered {
    Run { ns: NsId, mnt: MntId, argv: Vec<String> },
    Done(Output),
}

impl Core {
    /// A container by name, or by a prefix of its id (docker takes both).
    fn container(&self, name: &str) -> Option<&Container> {
        let by_id = |c: &&Container| !name.is_empty() && c.id.starts_with(name);
        self.containers.iter().find(|c| c.name == name).or_else(|| self.containers.iter().find(by_id))
    }

    fn view<'a>(&self, c: &'a Container) -> ContainerView<'a> {
        let now = self.kernel.now_ms;
        ContainerView {
            id: &c.id,
            name: &c.name,
            image: &c.image,
            command: &c.command,
            age_ms: c.started_before_ms + now.saturating_sub(c.created_at_ms),
            ports: &c.ports,
            pid: c.pid,
            ip: &c.ip,
            exited: c.exited.map(|(status, at)| (status, now.saturating_sub(at))),
        }
    }

    /// `docker ARGS`: what it prints, or the command `exec` runs.
    pub(crate) fn docker_enter(&mut self, args: &[String]) -> Entered {
        let cmd = match docker::parse(args) {
            Ok(cmd) => cmd,
            Err(out) => return Entered::Done(out),
        };
        if !self.docker_daemon {
            return Entered::Done(docker::no_daemon(matches!(cmd, Docker::Run { .. })));
        }
        Entered::Done(match cmd {
            Docker::Exec { container, argv } => {
                let Some(c) = self.container(&container) else {
                    return Entered::Done(docker::no_such_container(&container));
                };
                if c.exited.is_some() {
                    return Entered::Done(docker::not_running(&c.id));
                }
                if !Core::is_program(&argv[0]) {
                    return Entered::Done(docker::exec_failed(&argv[0]));
                }
                return Entered::Run { ns: c.ns, mnt: c.mnt, argv };
            }
            Docker::Ps { all, quiet, no_trunc } => {
                // Newest first, as the daemon lists them.
                let views: Vec<ContainerView> = self.containers.iter().rev().map(|c| self.view(c)).collect();
                docker::ps(&views, all, quiet, no_trunc)
            }
            Docker::Inspect { format, names } => {
                let mut out = Output::new();
                for name in &names {
                    match self.container(name) {
                        Some(c) => match docker::inspect_field(&format, &self.view(c)) {
                            Ok(v) => out.out(format!("{v}\n")),
                            Err(e) => return Entered::Done(e),
                        },
                        None => {
                            out.err(format!("Error: No such object: {name}\n"));
                            out.status = 1;
                        }
                    }
                }
                out
            }
            Docker::Run { name, image, detach } => self.docker_run(name, &image, detach),
            Docker::Rm { force, names } => self.docker_each(&names, |c, id| {
                if !force && c.container_running(id) {
                    return Err(format!(
                        "Error response from daemon: cannot remove container \"/{id}\": container is running: stop the container before removing or force remove"
                    ));
                }
                c.docker_stop(id, 137);
                c.containers.retain(|k| k.name != id);
                Ok(())
            }),
            Docker::Stop { names } => self.docker_each(&names, |c, id| {
                // nginx ends on SIGTERM by itself, with status 0.
                c.docker_stop(id, 0);
                Ok(())
            }),
        })
    }

    /// `docker run`: only detached, only nginx (the one image the lab has).
    fn docker_run(&mut self, name: Option<String>, image: &str, detach: bool) -> Output {
        let image_name = image.strip_suffix(":latest").unwrap_or(image);
        if image_name != "nginx" {
            return Output::error(
                format!(
                    "docker: this lab's Docker has only the nginx image, not {image} (and no network to pull it)\n"
                ),
                125,
            );
        }
        if !detach {
            return Output::error("docker: this lab runs containers detached: docker run -d …\n", 125);
        }
        let name = name.unwrap_or_else(|| format!("nginx-{}", self.containers.len() + 1));
        if let Some(k) = self.containers.iter().find(|k| k.name == name) {
            return docker::name_in_use(&name, &k.id.clone());
        }
        match super::build::docker_run(self, &name) {
            Ok(id) => {
                let mut out = Output::new();
                out.out(format!("{id}\n"));
                out
            }
            Err(e) => Output::error(format!("docker: Error response from daemon: {e}\n"), 125),
        }
    }

    fn container_running(&self, name: &str) -> bool {
        self.containers.iter().any(|k| k.name == name && k.exited.is_none())
    }

    /// Ends container `name`'s process (its namespaces go with it).
    fn docker_stop(&mut self, name: &str, status: i32) {
        let now = self.kernel.now_ms;
        let Some(k) = self.containers.iter_mut().find(|k| k.name == name) else { return };
        if k.exited.is_none() {
            k.exited = Some((status, now));
            let pid = k.pid;
            self.kernel.procs.end(pid, sim_shell::ProcStatus::Exited(status));
            self.kernel.reap_namespaces();
        }
    }

    /// `docker rm`/`stop` for each name: the name printed as done, or the
    /// daemon's error; status 1 if any failed.
    fn docker_each(&mut self, names: &[String], mut f: impl FnMut(&mut Core, &str) -> Result<(), String>) -> Output {
        let mut out = Output::new();
        for given in names {
            let Some(name) = self.container(given).map(|c| c.name.clone()) else {
                out.err(format!("Error response from daemon: No such container: {given}\n"));
                out.status = 1;
                continue;
            };
            match f(self, &name) {
                Ok(()) => out.out(format!("{given}\n")),
                Err(e) => {
                    out.err(format!("{e}\n"));
                    out.status = 1;
                }
            }
        }
        out
    }

    /// The namespaces of process `pid`: init (1) is the host's; a
    /// container's process has its container's mount namespace.
    fn pid_namespaces(&self, pid: u32) -> Option<(NsId, MntId)> {
        if pid == 1 {
            return Some((NsId::HOST, MntId::HOST));
        }
        let p = self.kernel.procs.running().find(|p| p.pid == pid)?;
        let mnt = self.containers.iter().find(|c| c.pid == pid).map_or(MntId::HOST, |c| c.mnt);
        Some((p.ns, mnt))
    }

    /// `nsenter ARGS`, run from namespace `ns`.
    pub(crate) fn nsenter_enter(&self, ns: NsId, args: &[String]) -> Entered {
        let n = match nsenter::parse(args) {
            Ok(n) => n,
            Err(out) => return Entered::Done(out),
        };
        let (mut to_ns, mut to_mnt) = (ns, self.mnt);
        for (kind, source) in &n.enter {
            let found = match source {
                Source::Target => {
                    self.pid_namespaces(n.target).ok_or_else(|| format!("/proc/{}/ns/{}", n.target, kind.file()))
                }
                Source::File(path) => self.ns_file(path, *kind).ok_or_else(|| path.clone()),
            };
            match found {
                Ok((net, mnt)) => match kind {
                    Kind::Net => to_ns = net,
                    Kind::Mnt => to_mnt = mnt,
                    _ => {}
                },
                Err(path) => {
                    return Entered::Done(Output::error(
                        format!("nsenter: cannot open {path}: No such file or directory\n"),
                        1,
                    ))
                }
            }
        }
        let argv = if n.argv.is_empty() { vec!["bash".to_string()] } else { n.argv };
        if !Core::is_program(&argv[0]) {
            return Entered::Done(Output::error(
                format!("nsenter: failed to execute {}: No such file or directory\n", argv[0]),
                127,
            ));
        }
        Entered::Run { ns: to_ns, mnt: to_mnt, argv }
    }

    /// A namespace named by a file: `/run/netns/NAME` (this mount
    /// namespace's) or `/proc/PID/ns/KIND`.
    fn ns_file(&self, path: &str, kind: Kind) -> Option<(NsId, MntId)> {
        if let Some(name) = path.strip_prefix("/run/netns/").filter(|_| kind == Kind::Net) {
            return self.kernel.ns_by_name_in(self.mnt, name).map(|id| (id, self.mnt));
        }
        let rest = path.strip_prefix("/proc/")?;
        let (pid, file) = rest.split_once("/ns/")?;
        if file != kind.file() {
            return None;
        }
        self.pid_namespaces(pid.parse().ok()?)
    }

    /// Runs what `docker` or `nsenter` named, at once.
    pub(crate) fn run_entered(&mut self, entered: Entered, stdin: &str, nested: usize) -> Output {
        match entered {
            Entered::Done(out) => out,
            Entered::Run { ns, mnt, argv } => {
                let saved = std::mem::replace(&mut self.mnt, mnt);
                let out = self.exec(ns, &argv, stdin, nested + 1);
                self.mnt = saved;
                out
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Lab;

    #[test]
    fn nsenter_errors_need_no_preset() {
        let mut lab = Lab::new();
        let out = lab.run("nsenter -t 99999 -n ip link");
        assert_eq!(out.stderr(), "nsenter: cannot open /proc/99999/ns/net: No such file or directory\n");
        assert_eq!(lab.run("nsenter -t 1 -n ip netns identify").status, 0);
    }
}
