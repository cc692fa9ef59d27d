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
    /// Ended by `&`: run as a background job, whose text (the tokens as
    /// typed, for `jobs`) is here.
    pub background: Option<String>,
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
    /// `if LIST; then LIST; [elif LIST; then LIST;]… [else LIST;] fi`.
    If(IfCommand, Vec<Redirect>),
    /// `while LIST; do LIST; done` and `until …`.
    While(WhileLoop, Vec<Redirect>),
    /// `case WORD in PATTERN|PATTERN) LIST;; … esac`.
    Case(CaseCommand, Vec<Redirect>),
    /// `[[ EXPRESSION ]]`.
    Cond(CondExpr, usize, Vec<Redirect>),
    /// `NAME() COMMAND` or `function NAME COMMAND`: defines a function.
    Function(FunctionDef),
}

/// `if … fi`: the conditions and bodies in order, then the `else` body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IfCommand {
    /// `(condition, body)` for the `if` and each `elif`.
    pub branches: Vec<(Script, Script)>,
    pub otherwise: Option<Script>,
}

/// `while COND; do BODY; done`, or `until` when `until` is set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhileLoop {
    pub until: bool,
    pub cond: Script,
    pub body: Script,
}

/// `case WORD in … esac`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseCommand {
    pub word: Word,
    pub arms: Vec<CaseArm>,
}

/// How a case arm ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseEnd {
    /// `;;` (or `esac`): stop.
    Break,
    /// `;&`: run the next arm's body too.
    FallThrough,
    /// `;;&`: go on testing the next patterns.
    Continue,
}

/// `PATTERN|PATTERN) LIST ;;`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseArm {
    pub patterns: Vec<Word>,
    pub body: Script,
    pub end: CaseEnd,
}

/// A `[[ … ]]` expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CondExpr {
    /// `-z WORD`, `-n WORD`, `-f WORD`, …
    Unary(String, Word),
    /// `WORD OP WORD`; for `==`/`!=`/`=` the right side is a pattern.
    Binary(Word, String, Word),
    /// A lone word: true when not empty.
    Word(Word),
    Not(Box<CondExpr>),
    And(Box<CondExpr>, Box<CondExpr>),
    Or(Box<CondExpr>, Box<CondExpr>),
}

/// A function definition: its name and body (a compound command).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionDef {
    pub name: String,
    pub body: std::sync::Arc<Command>,
}

/// `A=1 B=2 argv0 argv1 … >redirections`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SimpleCommand {
    /// The source line the command starts on (for `bash -c`'s messages).
    pub line: usize,
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
    /// `N>WORD`
    Output,
    /// `N>>WORD`: written after what the file holds.
    Append,
    /// `N>&WORD` / `N<&WORD`: duplicate another descriptor.
    Dup,
    /// `&>WORD` / `&>>WORD`: stdout and stderr both.
    Both,
    /// `<<WORD` / `<<-WORD`: the target is the body (expanded unless the
    /// delimiter was quoted). With bash's warning when the input ended
    /// before the delimiter.
    HereDoc(Option<String>),
    /// `<<<WORD`: stdin reads the expanded word and a newline.
    HereString,
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
    /// The word as typed, kept when brace expansion may apply to it (it
    /// works on the text, before any other expansion).
    pub braces: Option<String>,
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
        Word { parts: vec![WordPart::Literal(text.to_string())], braces: None }
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
