//! What happens between the option loop and the first packet: libpcap's
//! device list (`pcap_findalldevs()`: `-D`, a missing `-i`, `-i NUMBER`),
//! `open_interface()`'s errors, the link type (`-y`, `-i any`'s
//! LINUX_SLL2), the snapshot length and the filter's compilation, in
//! tcpdump.c's order, so the program only has to open the capture.

use super::dlt::Dlt;
use super::filter::{Filter, LinkType};
use super::msg::{self, Fail, MAXIMUM_SNAPLEN};
use super::opts::{strtol, Opts};

/// `ETHTOOL_GLINK`'s answer, as libpcap records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Connection {
    Unknown,
    Connected,
    Disconnected,
    /// Loopback, or a driver without `get_link`.
    NotApplicable,
}

/// One device of the namespace, as the caller reads it (in ifindex order;
/// `any` and the pseudo-devices are libpcap's, not listed here).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceInfo {
    pub name: String,
    /// IFF_UP.
    pub up: bool,
    /// IFF_RUNNING.
    pub running: bool,
    pub loopback: bool,
    /// The carrier, where the driver reports one (veth and bridges do);
    /// `None` where it has no `get_link`.
    pub carrier: Option<bool>,
}

/// One row of `pcap_findalldevs()`'s list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub name: String,
    pub description: Option<&'static str>,
    pub up: bool,
    pub running: bool,
    pub loopback: bool,
    pub wireless: bool,
    pub connection: Connection,
}

impl Listed {
    fn pseudo(name: &str, description: &'static str, wireless: bool) -> Listed {
        Listed {
            name: name.to_string(),
            description: Some(description),
            up: false,
            running: false,
            loopback: false,
            wireless,
            connection: Connection::NotApplicable,
        }
    }

    /// `get_figure_of_merit()`: lower is listed first.
    fn merit(&self) -> u32 {
        let mut n = 0;
        if !self.running {
            n |= 0x8000_0000;
        }
        if !self.up {
            n |= 0x4000_0000;
        }
        if !self.wireless && self.connection == Connection::Disconnected {
            n |= 0x2000_0000;
        }
        if self.loopback {
            n |= 0x1000_0000;
        }
        if self.name == "any" {
            n |= 0x0800_0000;
        }
        n
    }
}

/// `pcap_findalldevs()`: the devices (getifaddrs' order), `any`, then the
/// pseudo-devices Debian's libpcap adds (as `tcpdump -D` prints them),
/// each inserted after every entry whose figure of merit is not greater.
pub fn all_devices(devices: &[DeviceInfo]) -> Vec<Listed> {
    let found = devices.iter().map(|d| Listed {
        name: d.name.clone(),
        description: None,
        up: d.up,
        running: d.running,
        loopback: d.loopback,
        wireless: false,
        connection: match (d.loopback, d.carrier) {
            (true, _) | (false, None) => Connection::NotApplicable,
            (false, Some(true)) => Connection::Connected,
            (false, Some(false)) => Connection::Disconnected,
        },
    });
    let any = Listed {
        name: "any".to_string(),
        description: Some("Pseudo-device that captures on all interfaces"),
        up: true,
        running: true,
        loopback: false,
        wireless: false,
        connection: Connection::NotApplicable,
    };
    let pseudo = [
        Listed::pseudo("bluetooth-monitor", "Bluetooth Linux Monitor", true),
        Listed::pseudo("nflog", "Linux netfilter log (NFLOG) interface", false),
        Listed::pseudo("nfqueue", "Linux netfilter queue (NFQUEUE) interface", false),
        Listed::pseudo("dbus-system", "D-Bus system bus", false),
        Listed::pseudo("dbus-session", "D-Bus session bus", false),
    ];
    let mut list: Vec<Listed> = Vec::new();
    for dev in found.chain([any]).chain(pseudo) {
        let m = dev.merit();
        let at = list.iter().position(|l| m < l.merit()).unwrap_or(list.len());
        list.insert(at, dev);
    }
    list
}

/// What the program opens: the device, its link type, the snapshot
/// length, the compiled filter, and the stderr lines printed so far
/// (`tcpdump: data link type …`, warnings), the header not included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Capture {
    pub device: String,
    pub dlt: Dlt,
    pub snaplen: u32,
    pub filter: Option<Filter>,
    pub notes: String,
}

impl Capture {
    /// The header lines (stderr) for these options.
    pub fn header(&self, opts: &Opts) -> String {
        msg::header(&self.device, self.dlt, self.snaplen, opts.verbose > 0, opts.write_file.is_some())
    }
}

/// The files `-r`, `-V` and `-w` name; `Err` is `strerror()`'s text.
pub trait SaveFiles {
    /// The file's bytes.
    fn read(&self, path: &str) -> Result<Vec<u8>, &'static str>;
    /// Makes (or empties) the file `-w` writes.
    fn create(&self, path: &str) -> Result<(), &'static str>;
}

/// `main()` after the option loop: the `-h`/`--version`/`-D` exits, the
/// checks, then the device, link type, snapshot length, filter and `-w`'s
/// file, each failing as tcpdump fails. (`Opts::warnings` went to stderr
/// before all of it.) The simulator has no savefiles, so `-r` (and the
/// files `-V` names) fail as libpcap fails on a file that is not one.
pub fn check(opts: &Opts, devices: &[DeviceInfo], files: &dyn SaveFiles) -> Result<Capture, Fail> {
    if opts.help {
        return Err(Fail::help());
    }
    if opts.version {
        return Err(Fail::version());
    }
    if opts.list_interfaces {
        return Err(Fail::listing(&all_devices(devices)));
    }
    // `-i any…` asks for LINUX_SLL2 unless `-y` named a type.
    let mut wanted = opts.link_type;
    if opts.interface.as_deref().is_some_and(|d| d.starts_with("any")) && wanted.is_none() {
        wanted = Some("LINUX_SLL2");
    }
    if opts.timestamps > 5 {
        return Err(Fail::error("only -t, -tt, -ttt, -tttt and -ttttt are supported".into()));
    }
    if opts.foreign && (opts.read_list.is_some() || opts.read_file.is_some()) {
        return Err(Fail::error("-f can not be used with -V or -r".into()));
    }
    if opts.read_list.is_some() && opts.read_file.is_some() {
        return Err(Fail::error("-V and -r are mutually exclusive.".into()));
    }
    let mut read = opts.read_file.clone();
    if let Some(list) = &opts.read_list {
        // `error()` with a format that ends in a newline adds none.
        let text = files.read(list).map_err(|e| Fail::error(format!("Unable to open file: {e}")))?;
        let text = String::from_utf8_lossy(&text);
        let Some(first) = text.split_inclusive('\n').next() else {
            return Err(Fail::error(format!("Nothing in {list}")));
        };
        read = Some(first.strip_suffix('\n').unwrap_or(first).to_string());
    }
    if let Some(path) = &read {
        let bytes = files.read(path).map_err(|e| Fail::error(format!("{path}: {e}")))?;
        return Err(Fail::error(match bytes.len() {
            n @ 0..=3 => format!("truncated dump file; tried to read 4 file header bytes, only got {n}"),
            _ => "unknown file format".to_string(),
        }));
    }
    let mut notes = String::new();
    let listed = all_devices(devices);
    let name = match &opts.interface {
        Some(name) => name.clone(),
        None => listed[0].name.clone(),
    };
    let (device, opened) = match open(&name, devices, opts) {
        Ok(d) => (name, d),
        Err(None) => {
            let Some(n) = interface_number(&name)? else { return Err(msg::no_such_device(&name)) };
            let dev = listed.get(n - 1).ok_or_else(|| Fail::error("Invalid adapter index".into()))?;
            match open(&dev.name, devices, opts) {
                Ok(d) => (dev.name.clone(), d),
                Err(None) => return Err(msg::no_such_device(&dev.name)),
                Err(Some(f)) => return Err(f),
            }
        }
        Err(Some(f)) => return Err(f),
    };
    let (mut dlt, offered) = opened;
    if let Some(want) = wanted {
        dlt = *offered
            .iter()
            .find(|d| d.name() == want)
            .ok_or_else(|| Fail::error(format!("{want} is not one of the DLTs supported by this device")))?;
        notes += &msg::data_link_type(dlt);
    }
    let snaplen = match opts.snaplen {
        None | Some(0) => MAXIMUM_SNAPLEN,
        Some(n) => n,
    };
    let link = match dlt {
        Dlt::En10mb | Dlt::Docsis => LinkType::Ethernet,
        Dlt::LinuxSll | Dlt::LinuxSll2 => LinkType::LinuxSll2,
    };
    let text = match &opts.filter_file {
        Some(path) => read_infile(path, files).map_err(|f| f.after(&notes))?,
        None => opts.filter.clone(),
    };
    let filter = Filter::compile(&text, link).map_err(|e| Fail::error(e.to_string()).after(&notes))?;
    if let Some(path) = &opts.write_file {
        files.create(path).map_err(|e| Fail::error(format!("{path}: {e}")).after(&notes))?;
    }
    Ok(Capture { device, dlt, snaplen, filter, notes })
}

/// `read_infile()`: `-F`'s file, each `#` to the end of its line made
/// spaces (the operands are then not read).
fn read_infile(path: &str, files: &dyn SaveFiles) -> Result<String, Fail> {
    let mut bytes = files.read(path).map_err(|e| Fail::error(format!("can't open {path}: {e}")))?;
    let mut comment = false;
    for b in &mut bytes {
        comment = (comment || *b == b'#') && *b != b'\n';
        if comment {
            *b = b' ';
        }
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `open_interface()`: the link type and the types it offers, `Err(None)`
/// for "no such device" (the caller then tries it as a number).
fn open(name: &str, devices: &[DeviceInfo], opts: &Opts) -> Result<(Dlt, &'static [Dlt]), Option<Fail>> {
    if name == "any" {
        return Ok(Dlt::offered(true, false));
    }
    let dev = devices.iter().find(|d| d.name == name).ok_or(None)?;
    if !dev.up {
        return Err(Some(msg::not_up(name)));
    }
    if opts.monitor {
        return Err(Some(Fail::error(format!("{name}: That device doesn't support monitor mode"))));
    }
    Ok(Dlt::offered(false, dev.loopback))
}

/// `parse_interface_number()`: a whole decimal number (else `None`),
/// which must be positive.
fn interface_number(name: &str) -> Result<Option<usize>, Fail> {
    let (n, rest) = strtol(name, 10);
    if rest.len() == name.len() || !rest.is_empty() {
        return Ok(None);
    }
    if n <= 0 {
        return Err(Fail::error("Invalid adapter index".into()));
    }
    Ok(Some(usize::try_from(n).unwrap_or(usize::MAX)))
}
