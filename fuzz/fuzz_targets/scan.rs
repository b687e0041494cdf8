//! Any text given to `privacy::scan::scan` must give findings that keep the scanner's
//! promises, never a panic: each finding lies inside the text on char boundaries and is
//! not empty, and the findings come in order without overlapping. The name matcher that
//! pseudonymisation uses keeps the same promises.
#![no_main]

use std::ops::Range;

use libfuzzer_sys::fuzz_target;
use swan_casus::privacy::names::{find_names, replace_names};
use swan_casus::privacy::scan::scan;

/// Registered names with diacritics, a ligature and several words. The first line of the
/// input is registered as well, so the fuzzer varies the names too.
const NAMES: [&str; 3] = ["Zoë de Vries", "Jan", "Ĳsbrand"];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let first_line = text.lines().next().unwrap_or("");
    let names = [NAMES[0], NAMES[1], NAMES[2], first_line];

    let findings = scan(text, &names);
    let ranges: Vec<Range<usize>> = findings.iter().map(|f| f.start..f.end).collect();
    check_ranges(text, &ranges, "finding");
    for f in &findings {
        let _ = f.text(text);
    }

    let matches: Vec<Range<usize>> = find_names(text, &names)
        .into_iter()
        .map(|(range, _)| range)
        .collect();
    check_ranges(text, &matches, "name");
    let pairs: Vec<(&str, &str)> = names.iter().map(|n| (*n, "X")).collect();
    let _ = replace_names(text, &pairs);
});

/// Not empty, inside `text`, on char boundaries, in order, not overlapping.
fn check_ranges(text: &str, ranges: &[Range<usize>], what: &str) {
    for r in ranges {
        assert!(
            r.start < r.end && r.end <= text.len(),
            "{what} {r:?} outside the text or empty"
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{what} {r:?} not on char boundaries"
        );
    }
    for pair in ranges.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{what}s out of order or overlapping: {pair:?}"
        );
    }
}
