//! A lesson's question ([`QuizDoc`]): choices as radio buttons; once the
//! learner picks the right one, why it is right. The answers are kept with
//! the lesson's progress ([`Answers`]), and "Start over" forgets them.

use crate::browser;
use crate::layout::digest;
use leptos::prelude::*;
use lesson_format::doc::QuizDoc;

/// The learner's answers in one lesson: (question's digest, choice).
#[derive(Clone, Copy)]
pub struct Answers {
    pub slug: &'static str,
    pub chosen: RwSignal<Vec<(u64, usize)>>,
}

fn key(slug: &str) -> String {
    format!("nslab.quiz.{slug}")
}

impl Answers {
    /// The answers this browser saved for lesson `slug`.
    pub fn load(slug: &'static str) -> Answers {
        let saved = browser::load(&key(slug)).unwrap_or_default();
        let chosen = saved
            .split(';')
            .filter_map(|pair| {
                let (q, c) = pair.split_once(':')?;
                Some((q.parse().ok()?, c.parse().ok()?))
            })
            .collect();
        Answers { slug, chosen: RwSignal::new(chosen) }
    }

    fn choose(&self, question: u64, choice: usize) {
        self.chosen.update(|all| {
            all.retain(|(q, _)| *q != question);
            all.push((question, choice));
        });
        let text: Vec<String> = self.chosen.with_untracked(|all| all.iter().map(|(q, c)| format!("{q}:{c}")).collect());
        browser::save(&key(self.slug), &text.join(";"));
    }

    /// Forgets every answer ("Start over").
    pub fn clear(&self) {
        self.chosen.set(Vec::new());
        browser::remove(&key(self.slug));
    }
}

/// Quiz text, plain: the backticks that mark code in the lesson's file
/// are left out (drawing the code spans cost the first load 0.5 KB).
fn text(s: &str) -> String {
    s.replace('`', "")
}

#[component]
pub fn Quiz(quiz: QuizDoc, answers: Answers) -> impl IntoView {
    let id = digest(&quiz.question);
    let name = format!("quiz-{id}");
    let chosen = move || answers.chosen.with(|all| all.iter().find(|(q, _)| *q == id).map(|(_, c)| *c));
    let right = quiz.answer;
    let choices = quiz
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            view! {
                <label class="choice">
                    <input type="radio" name=name.clone() prop:checked=move || chosen() == Some(i)
                        on:change=move |_| answers.choose(id, i) />
                    {text(c)}
                </label>
            }
        })
        .collect_view();
    // Both verdicts are drawn once and shown or hidden: a reactive child
    // (one or the other, or none) linked 4.5 KB of rebuilding into the first load.
    let is_right = move || chosen() == Some(right);
    let is_wrong = move || chosen().is_some_and(|c| c != right);
    view! {
        <fieldset class="quiz" data-testid="quiz">
            <legend>{text(&quiz.question)}</legend>
            {choices}
            <div role="status" data-testid="quiz-verdict">
                <p class="verdict right" hidden=move || !is_right()>"Right. " {text(&quiz.explain)}</p>
                <p class="verdict wrong" hidden=move || !is_wrong()>"Not this one: try another answer."</p>
            </div>
        </fieldset>
    }
}
