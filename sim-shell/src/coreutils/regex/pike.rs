//! The matcher: a [`Node`] tree compiled into a Thompson NFA, run as a
//! Pike VM. Every thread steps through the text in lockstep and threads
//! at the same instruction merge, so a search costs at most
//! O(text length × program length), whatever the pattern.

use super::{Assert, Class, Node, RegexError};

/// Programs longer than this are refused (`a{32767}{32767}`).
const MAX_INSTS: usize = 100_000;

/// One instruction of the NFA.
#[derive(Clone, Copy)]
enum Inst {
    Char(char),
    /// Any character but `\n`.
    Any,
    /// A character in `classes[i]`.
    Class(u32),
    Assert(Assert),
    /// Continue at both targets.
    Split(u32, u32),
    Jmp(u32),
    Match,
}

/// A compiled regular expression.
pub struct Regex {
    prog: Vec<Inst>,
    classes: Vec<Class>,
    /// ASCII case-insensitive.
    fold: bool,
}

impl Regex {
    /// Compiles `node`; `fold` makes it ASCII case-insensitive.
    pub fn new(node: &Node, fold: bool) -> Result<Regex, RegexError> {
        let mut re = Regex { prog: Vec::new(), classes: Vec::new(), fold };
        re.emit(node)?;
        re.prog.push(Inst::Match);
        Ok(re)
    }

    fn pc(&self) -> u32 {
        self.prog.len() as u32
    }

    /// Sets the targets of the `Split` or `Jmp` at `at`.
    fn patch(&mut self, at: u32, a: u32, b: u32) {
        if let Some(inst) = self.prog.get_mut(at as usize) {
            *inst = if matches!(inst, Inst::Jmp(_)) { Inst::Jmp(a) } else { Inst::Split(a, b) };
        }
    }

    fn emit(&mut self, node: &Node) -> Result<(), RegexError> {
        if self.prog.len() > MAX_INSTS {
            return Err(RegexError::TooBig);
        }
        match node {
            Node::Empty => {}
            Node::Char(c) => self.prog.push(Inst::Char(*c)),
            Node::Any => self.prog.push(Inst::Any),
            Node::Class(c) => {
                self.prog.push(Inst::Class(self.classes.len() as u32));
                self.classes.push(Class::clone(c));
            }
            Node::Assert(a) => self.prog.push(Inst::Assert(*a)),
            Node::Concat(nodes) => {
                for n in nodes {
                    self.emit(n)?;
                }
            }
            Node::Alt(nodes) => {
                // split L1, L2; L1: a; jmp end; L2: split …; last; end:
                let mut jumps = Vec::new();
                for (i, n) in nodes.iter().enumerate() {
                    if i + 1 == nodes.len() {
                        self.emit(n)?;
                        break;
                    }
                    let split = self.pc();
                    self.prog.push(Inst::Split(0, 0));
                    self.emit(n)?;
                    jumps.push(self.pc());
                    self.prog.push(Inst::Jmp(0));
                    self.patch(split, split + 1, self.pc());
                }
                let end = self.pc();
                for j in jumps {
                    self.patch(j, end, end);
                }
            }
            Node::Repeat(n, min, max) => {
                for _ in 0..*min {
                    let before = self.pc();
                    self.emit(n)?;
                    if self.pc() == before {
                        // Nothing to repeat (an empty group).
                        return Ok(());
                    }
                }
                let optional = match max {
                    None => {
                        // L: split L+1, end; n; jmp L; end:
                        let split = self.pc();
                        self.prog.push(Inst::Split(0, 0));
                        self.emit(n)?;
                        self.prog.push(Inst::Jmp(split));
                        self.patch(split, split + 1, self.pc());
                        0
                    }
                    Some(max) => max.saturating_sub(*min),
                };
                for _ in 0..optional {
                    // split L+1, end; n; end:
                    let split = self.pc();
                    self.prog.push(Inst::Split(0, 0));
                    self.emit(n)?;
                    if self.pc() == split + 1 {
                        self.prog.pop();
                        return Ok(());
                    }
                    self.patch(split, split + 1, self.pc());
                }
            }
        }
        Ok(())
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.find_at(text, 0).is_some()
    }

    /// The leftmost-longest match starting at or after byte `from`, as
    /// byte offsets. Assertions see the text before `from`.
    pub fn find_at(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        if from > text.len() || !text.is_char_boundary(from) {
            return None;
        }
        let n = self.prog.len();
        let mut cur = Threads::new(n);
        let mut next = Threads::new(n);
        let mut stack = Vec::new();
        let mut best: Option<(usize, usize)> = None;
        let mut at = from;
        self.add(&mut cur, &mut stack, 0, at, text, at);
        loop {
            let c = text[at..].chars().next();
            let after = at + c.map_or(0, char::len_utf8);
            for &(pc, start) in &cur.list {
                if best.is_some_and(|(s, _)| start > s) {
                    // A match further left exists; this thread cannot win.
                    break;
                }
                let Some(&inst) = self.prog.get(pc as usize) else {
                    continue;
                };
                let ok = match (inst, c) {
                    (Inst::Match, _) => {
                        if best.is_none_or(|(s, e)| start < s || start == s && at > e) {
                            best = Some((start, at));
                        }
                        false
                    }
                    (Inst::Char(x), Some(c)) => x == c || self.fold && x.eq_ignore_ascii_case(&c),
                    (Inst::Any, Some(c)) => c != '\n',
                    (Inst::Class(k), Some(c)) => {
                        self.classes.get(k as usize).is_some_and(|cl| cl.matches(c, self.fold))
                    }
                    _ => false,
                };
                if ok {
                    self.add(&mut next, &mut stack, pc + 1, after, text, start);
                }
            }
            let Some(_) = c else {
                break;
            };
            at = after;
            if best.is_none() {
                self.add(&mut next, &mut stack, 0, at, text, at);
            }
            std::mem::swap(&mut cur, &mut next);
            next.clear();
            if cur.list.is_empty() && best.is_some() {
                break;
            }
        }
        best
    }

    /// Adds the thread at `pc` (started at `start`) to `list`, following
    /// jumps, splits and assertions that hold at byte `at`; `stack` is
    /// scratch space.
    fn add(&self, list: &mut Threads, stack: &mut Vec<u32>, pc: u32, at: usize, text: &str, start: usize) {
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            if !list.mark(pc) {
                continue;
            }
            match self.prog.get(pc as usize) {
                Some(Inst::Jmp(t)) => stack.push(*t),
                Some(Inst::Split(a, b)) => {
                    stack.push(*b);
                    stack.push(*a);
                }
                Some(Inst::Assert(a)) if holds(*a, text.as_bytes(), at) => stack.push(pc + 1),
                Some(Inst::Assert(_)) => {}
                Some(_) => list.list.push((pc, start)),
                None => {}
            }
        }
    }
}

/// Whether an assertion holds at byte `at`; word characters are ASCII.
fn holds(a: Assert, text: &[u8], at: usize) -> bool {
    let word = |i: Option<usize>| i.and_then(|i| text.get(i)).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
    let before = word(at.checked_sub(1));
    let after = word(Some(at));
    match a {
        Assert::Start => at == 0,
        Assert::End => at == text.len(),
        Assert::Word => before != after,
        Assert::NotWord => before == after,
        Assert::WordStart => !before && after,
        Assert::WordEnd => before && !after,
    }
}

/// The threads at one position, in priority order (leftmost start first),
/// and which instructions they already reached.
struct Threads {
    list: Vec<(u32, usize)>,
    seen: Vec<bool>,
}

impl Threads {
    fn new(n: usize) -> Threads {
        Threads { list: Vec::new(), seen: vec![false; n] }
    }

    /// Marks `pc` as reached; false if it already was.
    fn mark(&mut self, pc: u32) -> bool {
        match self.seen.get_mut(pc as usize) {
            Some(s) if !*s => {
                *s = true;
                true
            }
            _ => false,
        }
    }

    fn clear(&mut self) {
        self.list.clear();
        self.seen.iter_mut().for_each(|s| *s = false);
    }
}
