//! Any text given to `Method::from_ron` must come back as `Ok` or `Err`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use swan_casus::method::Method;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = std::str::from_utf8(data) {
        let _ = Method::from_ron(source);
    }
});
