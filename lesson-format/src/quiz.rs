//! A lesson's questions: a ```` ```quiz ```` block of the Markdown.
//!
//! ```text
//! Why does the ping answer with both ends of the cable down?
//! - The pair keeps the last packets and replays them
//! + The address is the namespace's own, so the packet goes over `lo`
//! > `ip route get` said `local 10.0.0.2 dev lo`: the cable is never used.
//! ```
//!
//! The question comes first (one or more lines), then the choices, each on
//! a line of its own starting `- ` (wrong) or `+ ` (right: exactly one),
//! then what the learner reads once they answered, on lines starting `> `.
//! Text only, nothing is markup: the page shows backticks left out.

use serde::{Deserialize, Serialize};

/// One question, as the page fetches it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizDoc {
    pub question: String,
    pub choices: Vec<String>,
    /// The right choice's place in `choices`.
    pub answer: usize,
    /// Why the right choice is right, shown once the learner answered.
    pub explain: String,
}

/// Reads a quiz block's text; an error names the line of the block
/// (0-based) it is about.
pub fn parse_quiz(text: &str) -> Result<QuizDoc, (usize, String)> {
    let mut quiz = QuizDoc::default();
    let mut question: Vec<&str> = Vec::new();
    let mut explain: Vec<&str> = Vec::new();
    let mut rights = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let choice = line.strip_prefix("- ").map(|c| (c, false)).or_else(|| line.strip_prefix("+ ").map(|c| (c, true)));
        if let Some((c, right)) = choice {
            if !explain.is_empty() {
                return Err((i, "a quiz's choices come before its explanation (`> ` lines)".into()));
            }
            if right {
                rights.push(i);
                quiz.answer = quiz.choices.len();
            }
            quiz.choices.push(c.trim().to_string());
        } else if let Some(e) = line.strip_prefix('>') {
            explain.push(e.trim());
        } else if quiz.choices.is_empty() {
            question.push(line);
        } else {
            return Err((i, format!("a quiz line after the question starts with `- `, `+ ` or `> `: `{line}`")));
        }
    }
    quiz.question = question.join(" ");
    quiz.explain = explain.join(" ");
    if quiz.question.is_empty() {
        return Err((0, "a quiz starts with its question".into()));
    }
    if quiz.choices.len() < 2 {
        return Err((0, "a quiz needs two or more choices (lines starting `- ` or `+ `)".into()));
    }
    match rights.as_slice() {
        [_] => {}
        [] => return Err((0, "a quiz needs its right choice, marked `+ `".into())),
        [_, second, ..] => return Err((*second, "a quiz has one right choice (`+ `), not several".into())),
    }
    if quiz.explain.is_empty() {
        return Err((0, "a quiz ends with why the right choice is right (lines starting `> `)".into()));
    }
    Ok(quiz)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quiz_has_a_question_choices_one_answer_and_why() {
        let q = parse_quiz("Why does it\nanswer?\n- Buffers\n+ It is `lo`\n- Luck\n> Local addresses\n> go over lo.\n")
            .unwrap();
        assert_eq!(q.question, "Why does it answer?");
        assert_eq!(q.choices, ["Buffers", "It is `lo`", "Luck"]);
        assert_eq!((q.answer, q.explain.as_str()), (1, "Local addresses go over lo."));
    }

    #[test]
    fn malformed_quizzes_say_what_and_where() {
        let err = |t: &str| parse_quiz(t).unwrap_err();
        assert_eq!(err("- a\n+ b\n> c").1, "a quiz starts with its question");
        assert!(err("Q?\n+ b\n> c").1.contains("two or more"));
        assert!(err("Q?\n- a\n- b\n> c").1.contains("right choice"));
        assert_eq!(err("Q?\n+ a\n+ b\n> c").0, 2);
        assert_eq!(err("Q?\n- a\n+ b\nstray\n> c").0, 3);
        assert_eq!(err("Q?\n- a\n> c\n+ b").0, 3);
        assert!(err("Q?\n- a\n+ b").1.contains("why"));
    }
}
