//! The parsed form of a command line: what the parser builds and the
//! interpreter walks. Nothing here knows how it was spelled.

/// A list of and-or lists run one after another (`a; b`, `a & b`, newlines).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Script {
    pub items: Vec<AndOr>,
}

/// How two pipelines of an and-or list are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Connector {
    /// `&&`: run the right side only if the left succeeded.
    And,
    /// `||`: run the right side only if the left failed.
    Or,
}

/// `p1 && p2 || p3`: pipelines joined by short-circuit operators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AndOr {
    pub first: Pipeline,
    pub rest: Vec<(Connector, Pipeline)>,
}

/// `! a | b | c`: commands whose stdout feeds the next one's stdin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pipeline {
    /// A leading `!` inverts the exit status.
    pub negated: bool,
    pub commands: Vec<Command>,
}

/// One element of a pipeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Simple(SimpleCommand),
    /// `for NAME in WORDS; do BODY; done`, with redirections after `done`.
    For(ForLoop, Vec<Redirect>),
    /// `( LIST )`: runs in a copy of the environment.
    Subshell(Script, Vec<Redirect>),
    /// `{ LIST; }`: runs in the current environment.
    Group(Script, Vec<Redirect>),
}

/// `A=1 B=2 argv0 argv1 … >redirections`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SimpleCommand {
    pub assignments: Vec<Assignment>,
    pub words: Vec<Word>,
    pub redirects: Vec<Redirect>,
}

/// `NAME=value`; the value is expanded but never split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    pub name: String,
    pub value: Word,
}

/// `for NAME [in WORDS]; do BODY; done`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForLoop {
    /// The loop variable as written; checked when the loop runs, as bash does.
    pub var: String,
    /// `None` when there is no `in` (bash then iterates over `"$@"`).
    pub words: Option<Vec<Word>>,
    pub body: Script,
}

/// What a redirection does to a file descriptor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RedirectOp {
    /// `N<WORD`
    Input,
    /// `N>WORD` or `N>>WORD`
    Output,
    /// `N>&WORD` / `N<&WORD`: duplicate another descriptor.
    Dup,
    /// `&>WORD` / `&>>WORD`: stdout and stderr both.
    Both,
}

/// `2>/dev/null`, `2>&1`, `</dev/null`, …
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redirect {
    pub fd: u32,
    pub op: RedirectOp,
    pub target: Word,
}

/// A shell word before expansion: a sequence of differently quoted parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    pub parts: Vec<WordPart>,
}

/// One piece of a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordPart {
    /// Unquoted text (subject to tilde expansion at the start of a word).
    Literal(String),
    /// Text that was quoted (`'…'`, `\x`, `$'…'`): taken as is.
    Quoted(String),
    /// `"…"`: its expansions are not field-split.
    DoubleQuoted(Vec<WordPart>),
    /// `$NAME`, `${NAME}`, `$?`, …
    Param(Param),
    /// `$(LIST)` or `` `LIST` ``.
    CommandSubst(Script),
    /// `$((EXPR))`, kept as text and evaluated when expanded.
    Arith(String),
}

/// A parameter reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    /// A variable by name.
    Named(String),
    /// A special parameter: `?`, `$`, `#`, `0`‥`9`, `@`, `*`, `!`, `-`.
    Special(char),
    /// `${NAME:-word}` and friends are not supported: `${…}` whose inside
    /// is not a plain name; expanding it reports "bad substitution".
    Bad(String),
    /// `${#NAME}`: the length of a variable's value.
    Length(String),
}

impl Word {
    /// A word made of one unquoted literal.
    pub fn literal(text: &str) -> Word {
        Word { parts: vec![WordPart::Literal(text.to_string())] }
    }

    /// The word's text if it is a single unquoted literal (how reserved
    /// words such as `for` and `done` are recognised).
    pub fn as_plain(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [WordPart::Literal(s)] => Some(s),
            _ => None,
        }
    }
}
