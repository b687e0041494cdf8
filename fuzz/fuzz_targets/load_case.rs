//! Any text given to `case_from_str` must come back as `Ok` or `Err`, never a panic, and
//! a case that loads must survive save and load unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use swan_casus::storage::{case_from_str, case_to_string};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(case) = case_from_str(source) else {
        return;
    };
    let saved = match case_to_string(&case) {
        Ok(text) => text,
        Err(e) => panic!("a loaded case cannot be saved: {e}\ncase: {case:#?}"),
    };
    match case_from_str(&saved) {
        Ok(again) => assert_eq!(
            case, again,
            "the case changed in save and load\nsaved text:\n{saved}"
        ),
        Err(e) => panic!("a saved case does not load again: {e}\nsaved text:\n{saved}"),
    }
});
