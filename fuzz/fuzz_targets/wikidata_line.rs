//! `cargo fuzz run wikidata_line fuzz/seeds/wikidata_line`: any dump line
//! gives a record, nothing or an error, and any bytes as a whole dump give
//! import statistics that account for every line; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quidam::kb::{ClassMap, WikidataImporter};
use std::sync::LazyLock;

static IMPORTER: LazyLock<WikidataImporter> =
    LazyLock::new(|| WikidataImporter::new(ClassMap::builtin()).max_line_bytes(4096));

fuzz_target!(|data: &[u8]| {
    if let Ok(line) = std::str::from_utf8(data) {
        let _ = IMPORTER.record(line);
    }
    let mut out = Vec::new();
    let stats = IMPORTER.import(data, &mut out, |_| {}).expect("writing to memory");
    assert_eq!(stats.bytes, data.len() as u64);
    assert!(stats.kept <= stats.entities && stats.entities + stats.malformed <= stats.lines);
    assert_eq!(out.iter().filter(|&&b| b == b'\n').count() as u64, stats.kept);
});
