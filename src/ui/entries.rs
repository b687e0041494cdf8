//! One note or option as a card: its text, who contributed it, its tags, and the buttons
//! to move or delete it.

use egui::RichText;

use super::{Command, move_buttons_ui, widgets};
use crate::i18n::{Language, tr, tr_args};
use crate::method::Method;
use crate::model::{Case, CaseEdit, Entry, ItemId, Participant, TagKind, TextField};

/// Everything a card needs to know besides the entry itself.
pub struct CardContext<'a> {
    pub language: Language,
    pub method: &'a Method,
    pub participants: &'a [Participant],
    /// How screen readers and tests name this item: "Notitie 2, niveau 1".
    pub name: String,
}

/// Which note is being edited or shows its controls, kept between frames.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CardFocus {
    /// The note whose text is open for editing.
    pub editing: Option<ItemId>,
    /// The note under the pointer or holding the keyboard focus (in its text or one of
    /// its controls), whose controls are shown.
    pub active: Option<ItemId>,
}

/// A note or option as one compact card: its text, then one line of small chips (tags,
/// signal, contributor). The controls (contributor, tags, signal, move, delete) show on
/// hover or keyboard focus, and always in the context menu. Clicking the text, or Enter
/// on it, opens it for editing.
pub fn entry_card_ui(
    ui: &mut egui::Ui,
    cx: &CardContext<'_>,
    case: &Case,
    id: ItemId,
    entry: &Entry,
    focus: &mut CardFocus,
    commands: &mut Vec<Command>,
) {
    let language = cx.language;
    let was_active = focus.active == Some(id) || focus.editing == Some(id);
    let mut holds_focus = false;
    let frame = super::style::card_frame(ui)
        .inner_margin(egui::Margin::symmetric(8, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if focus.editing == Some(id) {
                let response =
                    widgets::edit_text(ui, case, TextField::EntryText(id), commands, |text| {
                        egui::TextEdit::multiline(text)
                            .desired_rows(1)
                            .desired_width(f32::INFINITY)
                            .hint_text(tr(language, "entry.text_hint"))
                    })
                    .accessible_name(cx.name.clone());
                if !response.has_focus() && !response.gained_focus() {
                    response.request_focus();
                }
                if response.lost_focus() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    focus.editing = None;
                }
                holds_focus |= response.has_focus();
            } else {
                let (response, activated) = text_button_ui(ui, cx, entry);
                if activated {
                    focus.editing = Some(id);
                }
                holds_focus |= response.has_focus();
                response.context_menu(|ui| {
                    controls_ui(ui, cx, id, entry, commands, true);
                });
            }
            // A plain note is one line: the chip line only when it has something to show.
            let has_chips = !entry.conditions.is_empty()
                || !entry.factors.is_empty()
                || entry.signal.is_some()
                || entry.contributor.is_some();
            if has_chips || was_active {
                ui.horizontal_wrapped(|ui| {
                    ui.spacing_mut().item_spacing.x = 4.0;
                    tag_chips_inline_ui(ui, cx, entry);
                    if was_active {
                        holds_focus |= controls_ui(ui, cx, id, entry, commands, false);
                    }
                });
            }
        });
    let hovered = ui.rect_contains_pointer(frame.response.rect);
    // A menu of this card (contributor, tags) stays usable while the pointer is in it.
    let menu_open = was_active && ui.ctx().any_popup_open();
    if hovered || holds_focus || menu_open {
        focus.active = Some(id);
    } else if focus.active == Some(id) {
        focus.active = None;
    }
    if was_active != (focus.active == Some(id)) {
        // Show or hide the controls now, not at the next event.
        ui.ctx().request_repaint();
    }
}

/// The note's text as a focusable, clickable label, named for screen readers. Returns
/// it, and whether it was clicked or Enter was pressed on it.
fn text_button_ui(
    ui: &mut egui::Ui,
    cx: &CardContext<'_>,
    entry: &Entry,
) -> (egui::Response, bool) {
    let text = if entry.text.trim().is_empty() {
        RichText::new(tr(cx.language, "entry.empty"))
            .weak()
            .italics()
    } else {
        RichText::new(&entry.text)
    };
    let response = ui
        .add(egui::Label::new(text).wrap().sense(egui::Sense::click()))
        .on_hover_cursor(egui::CursorIcon::Text);
    let name = format!("{}: {}", cx.name, entry.text);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    let activated = response.clicked()
        || (response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
    (response, activated)
}

/// Contributor, tags, signal, move and delete. Returns whether one of them has the
/// keyboard focus. In a context menu (`in_menu`) they stand one under the other.
fn controls_ui(
    ui: &mut egui::Ui,
    cx: &CardContext<'_>,
    id: ItemId,
    entry: &Entry,
    commands: &mut Vec<Command>,
    in_menu: bool,
) -> bool {
    let language = cx.language;
    let mut focused = false;
    let mut track = |r: egui::Response| focused |= r.has_focus();
    track(contributor_ui(ui, cx, id, entry.contributor, commands));
    track(tags_menu_ui(ui, cx, id, entry, commands));
    let mut signal = entry.signal.is_some();
    let signal_name = tr_args(language, "entry.signal_of", &[("what", &cx.name)]);
    let response = ui
        .checkbox(&mut signal, tr(language, "entry.signal"))
        .on_hover_text(tr(language, "signal.toggle_hint"))
        .accessible_name(signal_name);
    if response.changed() {
        commands.push(CaseEdit::ToggleSignal(id).into());
        if in_menu {
            ui.close();
        }
    }
    track(response);
    let make = |id, direction| CaseEdit::MoveItem(id, direction).into();
    let moving = move_buttons_ui(ui, language, id, &cx.name, make, commands);
    let delete = tr_args(language, "item.delete", &[("what", &cx.name)]);
    let response = widgets::icon_button(ui, "🗑", &delete);
    if response.clicked() {
        commands.push(if entry.text.trim().is_empty() {
            CaseEdit::DeleteItem(id).into()
        } else {
            Command::AskDeleteItem(id)
        });
    }
    track(response);
    focused || moving
}

/// The chips of a compact card: tags, a signal mark, who contributed it.
fn tag_chips_inline_ui(ui: &mut egui::Ui, cx: &CardContext<'_>, entry: &Entry) {
    tag_chips_row_ui(ui, cx.language, cx.method, entry, true);
    if entry.signal.is_some() {
        chip(
            ui,
            tr(cx.language, "entry.signal_chip"),
            egui::Color32::from_rgb(250, 222, 222),
        );
    }
    if let Some(p) = entry
        .contributor
        .and_then(|id| cx.participants.iter().find(|p| p.id == id))
    {
        let by = tr_args(
            cx.language,
            "entry.by",
            &[("name", &participant_label(cx.language, p))],
        );
        ui.label(RichText::new(by).weak().small());
    }
}

/// A read-only view of an entry: its text, contributor and tags.
pub fn entry_summary_ui(ui: &mut egui::Ui, cx: &CardContext<'_>, entry: &Entry) {
    let text = if entry.text.trim().is_empty() {
        RichText::new(tr(cx.language, "entry.empty"))
            .weak()
            .italics()
    } else {
        RichText::new(&entry.text).strong()
    };
    ui.add(egui::Label::new(text).wrap());
    if let Some(p) = entry
        .contributor
        .and_then(|id| cx.participants.iter().find(|p| p.id == id))
    {
        ui.label(
            RichText::new(tr_args(
                cx.language,
                "entry.by",
                &[("name", &participant_label(cx.language, p))],
            ))
            .weak()
            .small(),
        );
    }
    tag_chips_ui(ui, cx.language, cx.method, entry);
}

/// The tags as small coloured labels; conditions show the value they serve.
pub fn tag_chips_ui(ui: &mut egui::Ui, language: Language, method: &Method, entry: &Entry) {
    if entry.conditions.is_empty() && entry.factors.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        tag_chips_row_ui(ui, language, method, entry, false);
    });
}

/// The chips themselves, in a row the caller lays out.
/// `compact` (a note card) names a condition by its title alone, its value on hover.
fn tag_chips_row_ui(
    ui: &mut egui::Ui,
    language: Language,
    method: &Method,
    entry: &Entry,
    compact: bool,
) {
    {
        for key in &entry.conditions {
            let (text, hover) = match method.condition(key) {
                Some(c) if compact => (
                    c.title.get(language).to_owned(),
                    format!(
                        "{} · {}\n{}",
                        c.title.get(language),
                        c.value.get(language),
                        c.check_question.get(language)
                    ),
                ),
                Some(c) => (
                    format!("{} · {}", c.title.get(language), c.value.get(language)),
                    c.check_question.get(language).to_owned(),
                ),
                None => (key.clone(), tr(language, "entry.unknown_tag").to_owned()),
            };
            chip(ui, &text, egui::Color32::from_rgb(215, 232, 250)).on_hover_text(hover);
        }
        for key in &entry.factors {
            let (text, hover) = match method.factor(key) {
                Some(f) if compact => (
                    f.title.get(language).to_owned(),
                    f.description.get(language).to_owned(),
                ),
                Some(f) => (
                    tr_args(
                        language,
                        "entry.factor_chip",
                        &[("factor", f.title.get(language))],
                    ),
                    f.description.get(language).to_owned(),
                ),
                None => (key.clone(), tr(language, "entry.unknown_tag").to_owned()),
            };
            chip(ui, &text, egui::Color32::from_rgb(245, 228, 205)).on_hover_text(hover);
        }
    }
}

/// A small coloured label. Measured before it is placed, so a wrapping row moves a whole
/// chip to the next line instead of squeezing its text.
fn chip(ui: &mut egui::Ui, text: &str, fill: egui::Color32) -> egui::Response {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let padding = egui::vec2(7.0, 2.0);
    let color = egui::Color32::from_gray(30);
    let mut galley = ui
        .painter()
        .layout_no_wrap(text.to_owned(), font.clone(), color);
    // A chip wider than a whole row (a long title in a narrow column) wraps its text.
    let row_width = ui.max_rect().width().max(40.0);
    if galley.size().x + 2.0 * padding.x > row_width {
        galley = ui
            .painter()
            .layout(text.to_owned(), font, color, row_width - 2.0 * padding.x);
    }
    let size = galley.size() + 2.0 * padding;
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 8.0, fill);
        painter.galley(rect.min + padding, galley, color);
    }
    let label = text.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    response
}

fn contributor_ui(
    ui: &mut egui::Ui,
    cx: &CardContext<'_>,
    id: ItemId,
    contributor: Option<ItemId>,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let language = cx.language;
    let current = contributor
        .and_then(|c| cx.participants.iter().find(|p| p.id == c))
        .map(|p| participant_label(language, p))
        .unwrap_or_else(|| tr(language, "entry.no_contributor").to_owned());
    let name = tr_args(language, "entry.contributor_of", &[("what", &cx.name)]);
    let combo = egui::ComboBox::from_id_salt(("contributor", id))
        .selected_text(current)
        .width(130.0)
        .truncate()
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(contributor.is_none(), tr(language, "entry.no_contributor"))
                .clicked()
            {
                commands.push(CaseEdit::SetContributor(id, None).into());
            }
            for p in cx.participants {
                let selected = contributor == Some(p.id);
                if ui
                    .selectable_label(selected, participant_label(language, p))
                    .clicked()
                    && !selected
                {
                    commands.push(CaseEdit::SetContributor(id, Some(p.id)).into());
                }
            }
        });
    combo
        .response
        .on_hover_text(tr(language, "entry.contributor_hint"))
        .accessible_name(name)
}

fn tags_menu_ui(
    ui: &mut egui::Ui,
    cx: &CardContext<'_>,
    id: ItemId,
    entry: &Entry,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let language = cx.language;
    let count = entry.conditions.len() + entry.factors.len();
    let label = if count == 0 {
        tr(language, "entry.tags").to_owned()
    } else {
        format!("{} ({count})", tr(language, "entry.tags"))
    };
    let name = tr_args(language, "entry.tags_of", &[("what", &cx.name)]);
    ui.menu_button(label, |ui| {
        ui.set_min_width(300.0);
        ui.label(RichText::new(tr(language, "reference.conditions")).strong());
        for condition in &cx.method.conditions {
            let mut on = entry.has_tag(TagKind::Condition, &condition.key);
            let text = format!(
                "{} ({})",
                condition.title.get(language),
                condition.value.get(language)
            );
            if ui
                .checkbox(&mut on, text)
                .on_hover_text(condition.check_question.get(language))
                .changed()
            {
                let key = condition.key.clone();
                commands.push(CaseEdit::ToggleTag(id, TagKind::Condition, key).into());
            }
        }
        ui.separator();
        ui.label(RichText::new(tr(language, "reference.factors")).strong());
        for factor in &cx.method.factors {
            let mut on = entry.has_tag(TagKind::Factor, &factor.key);
            if ui
                .checkbox(&mut on, factor.title.get(language))
                .on_hover_text(factor.description.get(language))
                .changed()
            {
                let key = factor.key.clone();
                commands.push(CaseEdit::ToggleTag(id, TagKind::Factor, key).into());
            }
        }
    })
    .response
    .on_hover_text(tr(language, "entry.tags_hint"))
    .accessible_name(name)
}

/// "Sanne (Wmo-consultant)", or the role when no name was given.
pub fn participant_label(language: Language, p: &Participant) -> String {
    let name = p.name.trim();
    let discipline = p.discipline.trim();
    match (name.is_empty(), discipline.is_empty()) {
        (false, false) => format!("{name} ({discipline})"),
        (false, true) => name.to_owned(),
        (true, false) => discipline.to_owned(),
        (true, true) => tr(language, "participants.unnamed").to_owned(),
    }
}

/// The first words of a note or option, for the delete confirmation.
pub fn item_preview(case: &Case, id: ItemId) -> String {
    let text = case
        .notes
        .iter()
        .find(|n| n.id == id)
        .map(|n| n.entry.text.as_str())
        .or_else(|| {
            case.options
                .iter()
                .find(|o| o.id == id)
                .map(|o| o.entry.text.as_str())
        })
        .unwrap_or("");
    let mut preview: String = text.chars().take(160).collect();
    if text.chars().count() > 160 {
        preview.push('…');
    }
    preview
}
