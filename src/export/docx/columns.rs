//! The widths of a plan table's columns: the columns' proportions, but each column at
//! least as wide as its longest word, measured with the glyph widths of Liberation Sans
//! (metric-compatible with Arial, the document's font).

use std::sync::OnceLock;

use ttf_parser::Face;

use crate::export::{Table, fonts};

/// Left and right padding in the cells of a plan table, in twips: 1.5 mm.
pub(super) const CELL_PADDING: usize = 85;
/// Room for the measured width of a word to be a little short (kerning, rounding): 1 pt.
const WORD_SLACK: usize = 20;

/// The columns of `table` in twips, adding up to `total`, for text of `size` half-points
/// in its cells. One column for the widest row or header, whichever is wider.
pub(super) fn widths(table: &Table, total: usize, size: usize) -> Vec<usize> {
    widths_with_padding(table, total, size, CELL_PADDING)
}

/// `widths` for cells with `padding` twips on either side: the PDF's tables use the same
/// measure, so that no word there is broken either.
pub(crate) fn widths_with_padding(
    table: &Table,
    total: usize,
    size: usize,
    padding: usize,
) -> Vec<usize> {
    let count = table
        .rows
        .iter()
        .map(Vec::len)
        .chain([table.columns.len()])
        .max()
        .unwrap_or(0);
    let weights: Vec<usize> = (0..count)
        .map(|i| table.columns.get(i).map_or(1, |c| usize::from(c.width)))
        .collect();
    // Each column at least as wide as its longest word, so that a word such as
    // "welzijnsorganisatie" is not broken in the middle when its column is narrow.
    let needs: Vec<usize> = (0..count)
        .map(|i| {
            let title = table.columns.get(i).map(|c| (c.title.as_str(), true));
            let cells = table
                .rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|t| (t.as_str(), false));
            let longest = title
                .into_iter()
                .chain(cells)
                .map(|(text, bold)| longest_word(text, bold, size))
                .max()
                .unwrap_or(0);
            longest + 2 * padding + WORD_SLACK
        })
        .collect();
    fit(total, &weights, &needs)
}

/// `total` split in the proportions of `weights`, except that a part is never smaller than
/// its entry in `needs` while the others can give way: parts that need more get what they
/// need (up to two fifths of `total`), and the rest is shared by the others in their
/// proportions. When not all needs fit, plain proportions.
pub(super) fn fit(total: usize, weights: &[usize], needs: &[usize]) -> Vec<usize> {
    let needs: Vec<usize> = needs.iter().map(|&n| n.min(total * 2 / 5)).collect();
    let mut fixed = vec![false; weights.len()];
    loop {
        let taken: usize = (0..weights.len())
            .filter(|&i| fixed[i])
            .map(|i| needs[i])
            .sum();
        if taken > total {
            return share(total, weights);
        }
        let free: Vec<usize> = (0..weights.len()).filter(|&i| !fixed[i]).collect();
        let free_weights: Vec<usize> = free.iter().map(|&i| weights[i]).collect();
        let shared = if free.is_empty() {
            Vec::new()
        } else {
            share(total - taken, &free_weights)
        };
        let short: Vec<usize> = free
            .iter()
            .zip(&shared)
            .filter(|&(&i, &part)| part < needs[i])
            .map(|(&i, _)| i)
            .collect();
        if short.is_empty() {
            let mut parts = needs.clone();
            for (&i, &part) in free.iter().zip(&shared) {
                parts[i] = part;
            }
            // What is left when every part is fixed goes to the last one.
            let rest = total - parts.iter().sum::<usize>().min(total);
            if let Some(last) = parts.last_mut() {
                *last += rest;
            }
            return if parts.iter().sum::<usize>() == total {
                parts
            } else {
                share(total, weights)
            };
        }
        for i in short {
            fixed[i] = true;
        }
    }
}

/// `total` split in the proportions of `weights`, the parts adding up to `total`. Weights
/// that are all zero share equally.
pub(super) fn share(total: usize, weights: &[usize]) -> Vec<usize> {
    let sum: usize = weights.iter().sum();
    let weights: Vec<usize> = if sum == 0 {
        vec![1; weights.len()]
    } else {
        weights.to_vec()
    };
    let sum: usize = weights.iter().sum();
    let mut parts: Vec<usize> = weights.iter().map(|w| total * w / sum).collect();
    let rest = total - parts.iter().sum::<usize>();
    if let Some(last) = parts.last_mut() {
        *last += rest;
    }
    parts
}

/// The regular and the bold face, parsed once for the life of the program.
fn faces() -> &'static [Face<'static>; 2] {
    static FACES: OnceLock<[Face<'static>; 2]> = OnceLock::new();
    FACES.get_or_init(|| {
        [fonts::REGULAR, fonts::BOLD]
            .map(|data| Face::parse(data, 0).expect("the bundled Liberation Sans parses"))
    })
}

/// The width in twips of the longest unbreakable piece of `text` in Liberation Sans
/// (Arial's metrics) at `size` half-points: lines break at spaces and after hyphens,
/// dashes and slashes. A character the font lacks counts as wide as a digit.
pub(super) fn longest_word(text: &str, bold: bool, size: usize) -> usize {
    let face = &faces()[usize::from(bold)];
    let advance = |c: char| {
        [c, '0']
            .into_iter()
            .find_map(|c| face.glyph_index(c))
            .and_then(|glyph| face.glyph_hor_advance(glyph))
            .map_or(0, usize::from)
    };
    let mut longest = 0;
    let mut word = 0;
    for c in text.chars() {
        if c.is_whitespace() {
            word = 0;
            continue;
        }
        word += advance(c);
        longest = longest.max(word);
        if matches!(c, '-' | '/' | '\u{2013}' | '\u{2014}') {
            word = 0;
        }
    }
    // Twips: advance / units per em × size / 2 pt × 20.
    (longest * size * 10).div_ceil(usize::from(face.units_per_em()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Column;

    #[test]
    fn a_column_is_as_wide_as_its_longest_word_when_the_others_can_give_way() {
        // Proportional widths when every word fits.
        assert_eq!(fit(9000, &[1, 2], &[1000, 1000]), vec![3000, 6000]);
        // The narrow column takes what its word needs; the others share the rest.
        let parts = fit(9000, &[1, 1, 4], &[2000, 500, 500]);
        assert_eq!(parts[0], 2000);
        assert_eq!(parts.iter().sum::<usize>(), 9000);
        assert_eq!(parts[1] * 4, parts[2]);
        // A need is capped at two fifths of the whole; if the needs cannot all be met,
        // plain proportions.
        assert_eq!(fit(10000, &[1, 3], &[9000, 100]), vec![4000, 6000]);
        assert_eq!(
            fit(9000, &[1, 1, 1], &[3500, 3500, 3500]),
            vec![3000, 3000, 3000]
        );
    }

    #[test]
    fn words_are_measured_with_the_fonts_glyph_widths() {
        // "welzijnsorganisatie," in 9.5 pt Arial is about 82 pt wide.
        let width = longest_word("door welzijnsorganisatie, met Noor", false, 19);
        assert!((1600..1700).contains(&width), "{width}");
        assert!(longest_word("Wmo-consultant", false, 19) < width);
        assert!(longest_word("Deadline", true, 19) > longest_word("Deadline", false, 19));
        // Arial's widths: "m" is 833/1000 em, "i" 222/1000; at 10 pt, 20 twips a point.
        assert_eq!(longest_word("m", false, 20), 167);
        assert_eq!(longest_word("i", false, 20), 45);
        // Accented letters as wide as their base letters; a break after a dash.
        assert_eq!(
            longest_word("coördinatie", false, 20),
            longest_word("coordinatie", false, 20)
        );
        assert_eq!(
            longest_word("cliënt–gezin", false, 20),
            longest_word("cliënt–", false, 20)
        );
        assert_eq!(longest_word(" \n ", false, 20), 0);
    }

    #[test]
    fn shares_add_up_to_the_whole() {
        assert_eq!(share(100, &[1, 1, 1]), vec![33, 33, 34]);
        assert_eq!(share(10, &[0, 0]), vec![5, 5]);
        assert_eq!(share(9638, &[3, 0, 7]).iter().sum::<usize>(), 9638);
    }

    #[test]
    fn a_long_word_widens_its_narrow_column() {
        let column = |title: &str, width| Column {
            title: title.into(),
            width,
        };
        let table = Table {
            columns: vec![column("Wie", 1), column("Wat", 6)],
            rows: vec![vec!["welzijnsorganisatie".into(), "kort".into()]],
        };
        let widths = widths(&table, 9000, 19);
        assert_eq!(widths.iter().sum::<usize>(), 9000);
        assert!(widths[0] > 9000 / 7, "{widths:?}");
        assert!(widths[0] >= longest_word("welzijnsorganisatie", false, 19) + 2 * CELL_PADDING);
    }
}
