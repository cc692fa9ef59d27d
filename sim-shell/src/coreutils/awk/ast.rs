//! The parsed form of an awk program.

use super::lexer::Builtin;
use super::map::Map;

/// A whole program.
#[derive(Clone, Debug, Default)]
pub struct Program {
    pub begin: Vec<Vec<Stmt>>,
    pub rules: Vec<Rule>,
    pub end: Vec<Vec<Stmt>>,
    pub functions: Map<Function>,
}

/// `pattern { action }`; a missing action prints the record.
#[derive(Clone, Debug)]
pub struct Rule {
    pub pattern: Pattern,
    pub action: Option<Vec<Stmt>>,
}

#[derive(Clone, Debug)]
pub enum Pattern {
    /// No pattern: every record.
    All,
    Expr(Expr),
    /// `start, stop`: from a record matching start through one matching stop.
    Range(Expr, Expr),
}

/// `function name(params) { body }`.
#[derive(Clone, Debug)]
pub struct Function {
    pub params: Vec<String>,
    pub body: Vec<Stmt>,
}

/// Where `print` and `printf` write.
#[derive(Clone, Debug)]
pub enum Dest {
    Stdout,
    /// `> expr` or `>> expr`.
    File(Expr),
    /// `| expr`.
    Pipe(Expr),
}

#[derive(Clone, Debug)]
pub enum Stmt {
    Expr(Expr),
    Print(Vec<Expr>, Dest),
    Printf(Vec<Expr>, Dest),
    If(Expr, Box<Stmt>, Option<Box<Stmt>>),
    Do(Box<Stmt>, Expr),
    /// `for (init; cond; step) body`; `while (cond) body` too.
    For(Option<Expr>, Option<Expr>, Option<Expr>, Box<Stmt>),
    /// `for (key in array)`.
    ForIn(String, String, Box<Stmt>),
    Block(Vec<Stmt>),
    Next,
    /// `nextfile`: the rest of the current input file is skipped.
    Nextfile,
    Exit(Option<Expr>),
    Break,
    Continue,
    Return(Option<Expr>),
    /// `delete a[k]` or `delete a`.
    Delete(String, Option<Vec<Expr>>),
}

/// Something that can be assigned to.
#[derive(Clone, Debug)]
pub enum LValue {
    Var(String),
    Field(Box<Expr>),
    Index(String, Vec<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

#[derive(Clone, Debug)]
pub enum Expr {
    Num(f64),
    Str(String),
    /// A bare `/re/`: matches against `$0`.
    Regex(String),
    LValue(LValue),
    /// `lv = e` or `lv op= e`.
    Assign(Option<BinOp>, LValue, Box<Expr>),
    /// `++lv`, `lv--`, …: delta and whether the new value is the result.
    Incr(LValue, f64, bool),
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `a || b` when the flag is set, else `a && b`.
    Logical(bool, Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    Plus(Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    /// `e ~ re` (or `!~` when the flag is set).
    Match(bool, Box<Expr>, Box<Expr>),
    Concat(Box<Expr>, Box<Expr>),
    /// `(k1, k2) in array`.
    In(Vec<Expr>, String),
    Call(Builtin, Vec<Expr>),
    UserCall(String, Vec<Expr>),
    /// `getline [lvalue]` from the main input.
    Getline(Option<LValue>),
    /// `getline [lvalue] < file`.
    GetlineFrom(Option<LValue>, Box<Expr>),
    /// `(a, b)` as printed by `print (a, b)`; only valid there.
    Group(Vec<Expr>),
}
