//! The follow-up meeting, weeks later: each chosen intervention as it was agreed (read
//! only) beside what became of it, the decision to continue, adjust or stop, and what is
//! going on now, with the first meeting's notes beside the new ones. A step of its own
//! after the closing, one per follow-up held.

use egui::{Key, RichText};

use super::plan::{self, Form};
use super::{Action, CaseView, Command, widgets};
use crate::dates::format_date;
use crate::export::follow_up::{owners, verdict_key};
use crate::export::plan::{level_name, status_key};
use crate::i18n::{Language, tr, tr_args};
use crate::method::{Method, follow_up_title};
use crate::model::{
    Case, CaseEdit, DateField, FollowUp, InterventionOption, ItemId, Level, PlanStatus, Session,
    Stage, TextField, Verdict,
};

/// Below this width the agreed plan and the evaluation stand under each other.
const SIDE_BY_SIDE: f32 = 760.0;

/// What every part of the screen shares.
struct Screen<'a> {
    language: Language,
    method: &'a Method,
    case: &'a Case,
    session: Session,
    follow_up: &'a FollowUp,
}

impl Screen<'_> {
    fn t(&self, key: &str) -> &'static str {
        tr(self.language, key)
    }

    fn date_text(&self, date: Option<chrono::NaiveDate>) -> String {
        date.map(format_date)
            .unwrap_or_else(|| self.t("follow_up.no_date").to_owned())
    }
}

/// The follow-up screen; `false` when the case has no follow-up with this number (the
/// caller shows the closing instead).
pub fn follow_up_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    case: &Case,
    view: &mut CaseView,
    session: Session,
    commands: &mut Vec<Command>,
) -> bool {
    let Some(follow_up) = case.follow_up(session) else {
        return false;
    };
    let screen = Screen {
        language,
        method,
        case,
        session,
        follow_up,
    };
    let heading = tr_args(
        language,
        "report.follow_up.heading",
        &[
            ("title", &follow_up_title(language, session)),
            ("date", &screen.date_text(follow_up.date)),
        ],
    );
    widgets::step_header_ui(
        ui,
        language,
        &heading,
        screen.t("follow_up.question"),
        screen.t("follow_up.assignment"),
        0,
    );
    ui.add_space(6.0);
    meeting_ui(ui, &screen, view, commands);
    ui.add_space(8.0);
    evaluations_ui(ui, &screen, commands);
    ui.add_space(8.0);
    now_ui(ui, &screen, view, commands);
    true
}

/// The day of the follow-up, the first meeting's day, and who is there.
fn meeting_ui(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    view: &mut CaseView,
    commands: &mut Vec<Command>,
) {
    let (language, case) = (screen.language, screen.case);
    ui.horizontal_wrapped(|ui| {
        ui.vertical(|ui| {
            let label = screen.t("follow_up.date");
            let field = DateField::FollowUpMeeting(screen.session);
            widgets::date_ui(
                ui,
                language,
                (label, label),
                field,
                case,
                &mut view.dates,
                commands,
            );
        });
        ui.add_space(16.0);
        ui.vertical(|ui| {
            ui.label(RichText::new(screen.t("follow_up.present")).strong());
            if case.participants.is_empty() {
                ui.label(RichText::new(screen.t("follow_up.no_participants")).weak());
            }
            ui.horizontal_wrapped(|ui| {
                for p in &case.participants {
                    let mut present = screen.follow_up.present.contains(&p.id);
                    let label = super::entries::participant_label(language, p);
                    let name = tr_args(language, "follow_up.present_of", &[("name", &label)]);
                    if ui
                        .checkbox(&mut present, label)
                        .accessible_name(name)
                        .changed()
                    {
                        commands.push(CaseEdit::TogglePresent(screen.session, p.id).into());
                    }
                }
            });
        });
    });
    let first = tr_args(
        language,
        "follow_up.first_meeting",
        &[("date", &screen.date_text(case.meeting_date))],
    );
    ui.label(RichText::new(first).weak());
}

/// Every intervention agreed before, the agreement beside its evaluation.
fn evaluations_ui(ui: &mut egui::Ui, screen: &Screen<'_>, commands: &mut Vec<Command>) {
    let (language, case) = (screen.language, screen.case);
    ui.label(
        RichText::new(screen.t("follow_up.interventions"))
            .size(20.0)
            .strong(),
    );
    let agreed: Vec<&InterventionOption> = case.agreed_before(screen.session).collect();
    if agreed.is_empty() {
        ui.label(
            RichText::new(screen.t("follow_up.none_agreed"))
                .weak()
                .italics(),
        );
        return;
    }
    let mut numbers = [0usize; 3];
    for option in agreed {
        numbers[option.level.index()] += 1;
        let name = tr_args(
            language,
            "follow_up.intervention_name",
            &[
                ("number", &numbers[option.level.index()].to_string()),
                ("level", &option.level.number().to_string()),
            ],
        );
        super::style::card_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.push_id(("evaluation", option.id), |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(option.entry.text.trim()).size(18.0).strong());
                    ui.label(
                        RichText::new(level_name(screen.method, language, option.level)).weak(),
                    );
                });
                if ui.available_width() >= SIDE_BY_SIDE {
                    widgets::columns_ui(ui, 2, |i, ui| {
                        if i == 0 {
                            agreed_ui(ui, screen, option);
                        } else {
                            evaluation_ui(ui, screen, option, &name, commands);
                        }
                    });
                } else {
                    agreed_ui(ui, screen, option);
                    ui.add_space(6.0);
                    evaluation_ui(ui, screen, option, &name, commands);
                }
            });
        });
        ui.add_space(6.0);
    }
}

/// What the earlier meeting agreed, read only.
fn agreed_ui(ui: &mut egui::Ui, screen: &Screen<'_>, option: &InterventionOption) {
    let (language, case) = (screen.language, screen.case);
    let held = match option.session {
        0 => case.meeting_date,
        session => case.follow_up(session).and_then(|f| f.date),
    };
    let title = tr_args(
        language,
        "follow_up.agreed_on",
        &[("date", &screen.date_text(held))],
    );
    ui.label(
        RichText::new(title)
            .strong()
            .color(ui.visuals().weak_text_color()),
    );
    let plan = &option.plan;
    let rows = [
        ("plan.owner", owners(case, language, option)),
        ("plan.first_step", plan.first_step.trim().to_owned()),
        (
            "plan.deadline",
            plan.deadline.map(format_date).unwrap_or_default(),
        ),
        (
            "plan.justification",
            option.decision_reason.trim().to_owned(),
        ),
        (
            "plan.status",
            tr(language, status_key(plan.status)).to_owned(),
        ),
    ];
    for (key, value) in rows {
        let value = if value.is_empty() {
            "—".to_owned()
        } else {
            value
        };
        ui.horizontal_top(|ui| {
            ui.label(RichText::new(format!("{}:", tr(language, key))).strong());
            ui.add(egui::Label::new(value).wrap());
        });
    }
}

/// What happened, how far it got, and go on / adjust / stop with why.
fn evaluation_ui(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    option: &InterventionOption,
    name: &str,
    commands: &mut Vec<Command>,
) {
    let (language, case, session) = (screen.language, screen.case, screen.session);
    let evaluation = screen.follow_up.evaluation(option.id);
    let title = tr_args(
        language,
        "follow_up.evaluation_on",
        &[("date", &screen.date_text(screen.follow_up.date))],
    );
    ui.label(RichText::new(title).strong());
    let of = |key: &str| format!("{} — {name}", tr(language, key));
    text_ui(
        ui,
        case,
        TextField::EvaluationWhatHappened(session, option.id),
        ("follow_up.what_happened", "follow_up.what_happened_hint"),
        &of("follow_up.what_happened"),
        language,
        commands,
    );
    let status = evaluation.map_or(option.plan.status, |e| e.status);
    ui.label(RichText::new(tr(language, "follow_up.status")).strong());
    ui.horizontal_wrapped(|ui| {
        for choice in PlanStatus::ALL {
            let text = tr(language, status_key(choice));
            if ui
                .radio(status == choice, text)
                .accessible_name(format!("{text}: {}", of("follow_up.status")))
                .clicked()
                && status != choice
            {
                commands.push(CaseEdit::SetEvaluationStatus(session, option.id, choice).into());
            }
        }
    });
    let verdict = evaluation.map_or(Verdict::Undecided, |e| e.verdict);
    ui.label(RichText::new(tr(language, "follow_up.verdict")).strong());
    ui.horizontal_wrapped(|ui| {
        for choice in Verdict::ALL {
            let text = tr(language, verdict_key(choice));
            if ui
                .radio(verdict == choice, text)
                .accessible_name(format!("{text}: {}", of("follow_up.verdict")))
                .clicked()
                && verdict != choice
            {
                commands.push(CaseEdit::SetVerdict(session, option.id, choice).into());
            }
        }
    });
    text_ui(
        ui,
        case,
        TextField::EvaluationReason(session, option.id),
        ("follow_up.reason", "follow_up.reason_hint"),
        &of("follow_up.reason"),
        language,
        commands,
    );
}

/// A label and a two-line text field with its own accessible name.
fn text_ui(
    ui: &mut egui::Ui,
    case: &Case,
    field: TextField,
    (label, hint): (&str, &str),
    name: &str,
    language: Language,
    commands: &mut Vec<Command>,
) {
    ui.label(RichText::new(tr(language, label)).strong());
    widgets::edit_text(ui, case, field, commands, |text| {
        egui::TextEdit::multiline(text)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .hint_text(tr(language, hint))
    })
    .accessible_name(name);
}

/// Per level: the first meeting's notes, read only, beside what is new now.
fn now_ui(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    view: &mut CaseView,
    commands: &mut Vec<Command>,
) {
    ui.label(RichText::new(screen.t("follow_up.now")).size(20.0).strong());
    ui.label(RichText::new(screen.t("follow_up.now_hint")).weak());
    for level in Level::ALL {
        super::style::level_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.push_id(("follow_up_level", level.index()), |ui| {
                ui.label(
                    RichText::new(level_name(screen.method, screen.language, level))
                        .size(19.0)
                        .strong(),
                );
                if ui.available_width() >= SIDE_BY_SIDE {
                    widgets::columns_ui(ui, 2, |i, ui| {
                        if i == 0 {
                            first_notes_ui(ui, screen, level);
                        } else {
                            new_notes_ui(ui, screen, view, level, commands);
                        }
                    });
                } else {
                    first_notes_ui(ui, screen, level);
                    ui.add_space(6.0);
                    new_notes_ui(ui, screen, view, level, commands);
                }
                // Full width: a chosen option's plan needs the room.
                ui.add_space(6.0);
                new_options_ui(ui, screen, view, level, commands);
            });
        });
        ui.add_space(6.0);
    }
}

/// The notes the first meeting made on this level, in every phase, read only.
fn first_notes_ui(ui: &mut egui::Ui, screen: &Screen<'_>, level: Level) {
    let language = screen.language;
    ui.label(
        RichText::new(screen.t("follow_up.first_notes"))
            .strong()
            .color(ui.visuals().weak_text_color()),
    );
    let mut any = false;
    for phase in crate::model::Phase::ALL {
        for note in screen.case.notes_in(phase, level) {
            any = true;
            ui.horizontal_top(|ui| {
                ui.label(RichText::new(format!("{}.", phase.number())).weak())
                    .on_hover_text(screen.method.phase(phase).title.get(language));
                ui.add(egui::Label::new(note.entry.text.trim()).wrap());
            });
        }
    }
    if !any {
        ui.label(
            RichText::new(screen.t("follow_up.no_first_notes"))
                .weak()
                .italics(),
        );
    }
}

/// The notes of this follow-up on this level, and the field for the next one.
fn new_notes_ui(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    view: &mut CaseView,
    level: Level,
    commands: &mut Vec<Command>,
) {
    let (language, case, session) = (screen.language, screen.case, screen.session);
    ui.label(RichText::new(screen.t("follow_up.new_notes")).strong());
    let notes: Vec<_> = case.session_notes(session, level).collect();
    for (i, note) in notes.iter().enumerate() {
        let name = item_name(language, "follow_up.new_note_name", i + 1, level);
        ui.horizontal_top(|ui| {
            delete_button_ui(ui, language, note.id, &name, commands);
            ui.add(egui::Label::new(note.entry.text.trim()).wrap());
        });
    }
    if notes.is_empty() {
        ui.label(
            RichText::new(screen.t("follow_up.nothing_new"))
                .weak()
                .italics(),
        );
    }
    capture_ui(ui, screen, view, level, Capture::Note, commands);
}

/// The options raised at this follow-up on this level: decided and, when chosen,
/// planned as in the plan; and the field for the next one.
fn new_options_ui(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    view: &mut CaseView,
    level: Level,
    commands: &mut Vec<Command>,
) {
    let (language, case, session) = (screen.language, screen.case, screen.session);
    ui.label(RichText::new(screen.t("follow_up.new_options")).strong());
    let options: Vec<_> = case.session_options(session, level).collect();
    for (i, option) in options.into_iter().enumerate() {
        let name = item_name(language, "follow_up.new_option_name", i + 1, level);
        super::style::card_frame(ui).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.push_id(("new_option", option.id), |ui| {
                ui.horizontal_top(|ui| {
                    delete_button_ui(ui, language, option.id, &name, commands);
                    ui.add(
                        egui::Label::new(RichText::new(option.entry.text.trim()).strong()).wrap(),
                    );
                });
                super::phase::decision_buttons_ui(ui, language, &name, option, commands);
                if option.decision == crate::model::Decision::Chosen {
                    let form = Form {
                        language,
                        method: screen.method,
                        case,
                        name: &name,
                    };
                    plan::chosen_ui(ui, &form, option, &mut view.dates, commands);
                }
            });
        });
    }
    capture_ui(ui, screen, view, level, Capture::Option, commands);
}

fn item_name(language: Language, key: &str, number: usize, level: Level) -> String {
    tr_args(
        language,
        key,
        &[
            ("number", &number.to_string()),
            ("level", &level.number().to_string()),
        ],
    )
}

fn delete_button_ui(
    ui: &mut egui::Ui,
    language: Language,
    id: ItemId,
    name: &str,
    commands: &mut Vec<Command>,
) {
    let label = tr_args(language, "follow_up.delete_of", &[("what", name)]);
    if widgets::icon_button(ui, "✖", &label).clicked() {
        commands.push(Command::AskDeleteItem(id));
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    Note,
    Option,
}

/// Type, Enter, type the next one: the field keeps the focus.
fn capture_ui(
    ui: &mut egui::Ui,
    screen: &Screen<'_>,
    view: &mut CaseView,
    level: Level,
    what: Capture,
    commands: &mut Vec<Command>,
) {
    let (language, session) = (screen.language, screen.session);
    let number = level.number().to_string();
    let (field_key, button_key, hint_key, slot) = match what {
        Capture::Note => (
            "follow_up.new_note",
            "follow_up.add_note",
            "level.new_hint",
            0,
        ),
        Capture::Option => (
            "follow_up.new_option",
            "follow_up.add_option",
            "follow_up.option_hint",
            3,
        ),
    };
    let field_name = tr_args(language, field_key, &[("level", &number)]);
    let button_name = tr_args(language, button_key, &[("level", &number)]);
    let draft = view
        .drafts
        .entry((Stage::FollowUp(session), slot + level.index()))
        .or_default();
    let mut add = false;
    ui.horizontal(|ui| {
        let button_text = tr(language, "level.add");
        // Leave exactly the button's width, so the row never widens the column.
        let button_width = super::phase::button_width(ui, button_text);
        let response = ui
            .add(
                egui::TextEdit::singleline(draft)
                    // A fixed id: the list above grows, and the focus must stay here.
                    .id_salt(("follow_up_capture", session, slot + level.index()))
                    .return_key(None)
                    .char_limit(widgets::MAX_TEXT_CHARS)
                    .hint_text(tr(language, hint_key))
                    .desired_width((ui.available_width() - button_width).max(60.0)),
            )
            .accessible_name(&field_name);
        if response.has_focus()
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Enter))
        {
            add = true;
        }
        if ui
            .button(button_text)
            .on_hover_text(&button_name)
            .accessible_name(&button_name)
            .clicked()
        {
            add = true;
        }
    });
    if add && !draft.trim().is_empty() {
        let text = std::mem::take(draft).trim().to_owned();
        commands.push(Command::Edit(match what {
            Capture::Note => CaseEdit::AddSessionNote {
                session,
                level,
                text,
            },
            Capture::Option => CaseEdit::AddSessionOption {
                session,
                level,
                text,
            },
        }));
    }
}

/// On the closing screen: start the follow-up weeks later, or open one held.
pub fn invitation_ui(
    ui: &mut egui::Ui,
    language: Language,
    case: &Case,
    commands: &mut Vec<Command>,
) {
    if case.chosen().next().is_none() && case.follow_ups.is_empty() {
        return;
    }
    let t = |key| tr(language, key);
    let today = chrono::Local::now().date_naive();
    let due = case
        .chosen()
        .filter_map(|o| o.plan.follow_up)
        .filter(|date| *date <= today)
        .min()
        .filter(|_| case.follow_ups.is_empty());
    let frame = match due {
        Some(_) => super::style::warning_frame(ui),
        None => super::style::level_frame(ui),
    };
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(t("follow_up.invite_title"))
                .size(19.0)
                .strong(),
        );
        ui.label(RichText::new(t("follow_up.invite_body")).weak());
        if let Some(date) = due {
            ui.label(
                RichText::new(tr_args(
                    language,
                    "follow_up.invite_due",
                    &[("date", &format_date(date))],
                ))
                .strong(),
            );
        }
        ui.horizontal_wrapped(|ui| {
            let start = egui::Button::new(RichText::new(t("action.follow_up_start")).size(18.0))
                .min_size(egui::vec2(200.0, 40.0));
            let hint = super::actions::hint(ui.ctx(), language, Action::StartFollowUp);
            if ui.add(start).on_hover_text(hint).clicked() {
                commands.push(Action::StartFollowUp.into());
            }
            for (session, follow_up) in (1..).zip(&case.follow_ups) {
                let date = follow_up
                    .date
                    .map(format_date)
                    .unwrap_or_else(|| t("follow_up.no_date").to_owned());
                let text = tr_args(
                    language,
                    "follow_up.open",
                    &[
                        ("title", &follow_up_title(language, session)),
                        ("date", &date),
                    ],
                );
                if ui.button(text).clicked() {
                    commands.push(Command::GoTo(Stage::FollowUp(session)));
                }
            }
        });
    });
    ui.add_space(8.0);
}
