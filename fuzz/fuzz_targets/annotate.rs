//! `cargo fuzz run annotate`: any UTF-8 input annotates without panicking,
//! with sorted, non-overlapping spans on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static PIPELINE: LazyLock<quidam::Pipeline> = LazyLock::new(quidam::Pipeline::default);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let doc = PIPELINE.annotate(text);
    let mut end = 0;
    for e in doc.mentions() {
        let span = e.span();
        assert!(span.byte_start >= end && span.byte_start < span.byte_end);
        assert!(text.is_char_boundary(span.byte_start) && text.is_char_boundary(span.byte_end));
        assert_eq!(&text[span.bytes()], e.text());
        end = span.byte_end;
    }
});
