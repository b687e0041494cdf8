//! The look: larger text than egui's default, so the back of a meeting room can read it.

use egui::{FontId, TextStyle};

pub fn apply(ctx: &egui::Context) {
    // Light by default: it reads better on a projector in a lit room.
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::proportional(26.0)),
            (TextStyle::Body, FontId::proportional(16.0)),
            (TextStyle::Button, FontId::proportional(16.0)),
            (TextStyle::Monospace, FontId::monospace(15.0)),
            (TextStyle::Small, FontId::proportional(13.5)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = 26.0;
    });
    // Darker text than egui's default grey: contrast matters on a washed-out projector.
    ctx.style_mut_of(egui::Theme::Light, |style| {
        let visuals = &mut style.visuals;
        visuals.widgets.noninteractive.fg_stroke.color = egui::Color32::from_gray(25);
        visuals.widgets.inactive.fg_stroke.color = egui::Color32::from_gray(20);
        visuals.weak_text_color = Some(egui::Color32::from_gray(85));
        // An outline on controls at rest: egui's light theme draws radio buttons, tick
        // boxes and text fields in a grey that vanishes on a projector.
        visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, egui::Color32::from_gray(140));
    });
}

/// Colours that mark a decision, readable in light and dark mode.
pub fn chosen_color(visuals: &egui::Visuals) -> egui::Color32 {
    if visuals.dark_mode {
        egui::Color32::from_rgb(110, 200, 120)
    } else {
        egui::Color32::from_rgb(20, 120, 40)
    }
}

pub fn rejected_color(visuals: &egui::Visuals) -> egui::Color32 {
    if visuals.dark_mode {
        egui::Color32::from_rgb(230, 130, 110)
    } else {
        egui::Color32::from_rgb(170, 50, 30)
    }
}

/// The background of one level's area, a little apart from the page.
pub fn level_frame(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .inner_margin(egui::Margin::same(10))
        .corner_radius(6.0)
}

/// A soft warning box: what the plan lacks, cases past their retention date.
pub fn warning_frame(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::new()
        .fill(ui.visuals().warn_fg_color.gamma_multiply(0.12))
        .corner_radius(6.0)
        .inner_margin(10.0)
}

/// The frame of one note or option.
pub fn card_frame(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .inner_margin(egui::Margin::same(8))
        .corner_radius(4.0)
}
