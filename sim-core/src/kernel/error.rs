//! How the simulated kernel refuses a request: an errno and, where Linux
//! gives one, an extended-ack message.

use std::borrow::Cow;

/// The errno values the simulated kernel returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errno {
    EPERM,
    ENOENT,
    ESRCH,
    ENODEV,
    EEXIST,
    EINVAL,
    ENETDOWN,
    ENETUNREACH,
    EHOSTUNREACH,
    EOPNOTSUPP,
    EADDRNOTAVAIL,
    EBUSY,
    ERANGE,
    ENOBUFS,
    ELOOP,
    EACCES,
    ENOTCONN,
    ENFILE,
    ECONNREFUSED,
    ECONNRESET,
    ETIMEDOUT,
    EADDRINUSE,
    EISCONN,
    EALREADY,
    EINPROGRESS,
    EAGAIN,
    EPIPE,
    ENOPROTOOPT,
    EMSGSIZE,
    EBADF,
}

impl Errno {
    /// `strerror()` text.
    pub fn text(self) -> &'static str {
        match self {
            Errno::EPERM => "Operation not permitted",
            Errno::ENOENT => "No such file or directory",
            Errno::ESRCH => "No such process",
            Errno::ENODEV => "No such device",
            Errno::EEXIST => "File exists",
            Errno::EINVAL => "Invalid argument",
            Errno::ENETDOWN => "Network is down",
            Errno::ENETUNREACH => "Network is unreachable",
            Errno::EHOSTUNREACH => "No route to host",
            Errno::EOPNOTSUPP => "Operation not supported",
            Errno::EADDRNOTAVAIL => "Cannot assign requested address",
            Errno::EBUSY => "Device or resource busy",
            Errno::ERANGE => "Numerical result out of range",
            Errno::ENOBUFS => "No buffer space available",
            Errno::ELOOP => "Too many levels of symbolic links",
            Errno::ENOTCONN => "Transport endpoint is not connected",
            Errno::EACCES => "Permission denied",
            Errno::ENFILE => "Too many open files in system",
            Errno::ECONNREFUSED => "Connection refused",
            Errno::ECONNRESET => "Connection reset by peer",
            Errno::ETIMEDOUT => "Connection timed out",
            Errno::EADDRINUSE => "Address already in use",
            Errno::EISCONN => "Transport endpoint is already connected",
            Errno::EALREADY => "Operation already in progress",
            Errno::EINPROGRESS => "Operation now in progress",
            Errno::EAGAIN => "Resource temporarily unavailable",
            Errno::EPIPE => "Broken pipe",
            Errno::ENOPROTOOPT => "Protocol not available",
            Errno::EMSGSIZE => "Message too long",
            Errno::EBADF => "Bad file descriptor",
        }
    }
}

/// A refused request: what `RTNETLINK answers:` or `Error:` reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KernelError {
    pub errno: Errno,
    /// The extended ack message (`NL_SET_ERR_MSG`, or `NL_SET_ERR_MSG_FMT`
    /// for the few that name something), printed as `Error: …`.
    pub extack: Option<Cow<'static, str>>,
}

impl KernelError {
    pub fn new(errno: Errno) -> KernelError {
        KernelError { errno, extack: None }
    }

    pub fn msg(errno: Errno, extack: impl Into<Cow<'static, str>>) -> KernelError {
        KernelError { errno, extack: Some(extack.into()) }
    }
}

impl From<Errno> for KernelError {
    fn from(e: Errno) -> KernelError {
        KernelError::new(e)
    }
}

pub type KResult<T> = Result<T, KernelError>;
