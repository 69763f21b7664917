//! `cargo fuzz run knowledge_base corpus/knowledge_base`, seeded with
//! `tests/fixtures/kb.bin`: any bytes, with the checksum written anew so
//! that the fuzzer reaches past it, give
//! an error at load or a knowledge base whose lookups answer consistently;
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quidam::kb::KnowledgeBase;

/// The envelope of a model file: magic, format version, checksum, length.
const HEADER: usize = 24;

fuzz_target!(|data: &[u8]| {
    let mut bytes = data.to_vec();
    if bytes.len() >= HEADER {
        let crc = crc32fast::hash(&bytes[HEADER..]);
        bytes[12..16].copy_from_slice(&crc.to_le_bytes());
    }
    let Ok(kb) = KnowledgeBase::from_bytes(bytes) else { return };
    for name in ["Paris", "Lutèce", "Reinach", "Vienne", "Wien", "Société générale", "Parisse"] {
        let mut found: Vec<_> = kb.candidates(name).collect();
        for (_, candidates) in kb.fuzzy_candidates(name) {
            found.extend(candidates);
        }
        for c in found {
            let entity = kb.get(c.entity.id()).expect("a candidate's id is found");
            assert_eq!(entity.name(), c.entity.name());
            let _ = (entity.description(), entity.label(), entity.popularity());
        }
    }
});
