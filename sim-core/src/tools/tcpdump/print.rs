//! PROVISIONAL stand-in for the printer (branch print13).
use crate::netlink::sockets::Captured;

pub struct PrintOpts;
impl PrintOpts {
    pub fn of(_: &super::Opts, _any: bool) -> PrintOpts {
        PrintOpts
    }
}
pub struct Printer;
impl Printer {
    pub fn new(_: PrintOpts) -> Printer {
        Printer
    }
    pub fn packet(&mut self, c: &Captured, _: &str) -> String {
        format!("{:?}\n", c.frame.payload)
    }
}
