//! Throughput and memory of the Wikidata dump importer on a generated dump.
//!
//! ```text
//! cargo bench --bench import_dump            # 1 GB dump
//! QUIDAM_DUMP_MB=200 cargo bench --bench import_dump
//! ```
//!
//! Writes a dump of about `QUIDAM_DUMP_MB` megabytes (default 1,000) to
//! `target/bench-data/` in the format of `latest-all.json` (one entity a
//! line: people, places, organisations, scholarly articles and classes, with
//! labels in many languages, claims with qualifiers and references,
//! sitelinks), then imports a tenth of it and all of it, each in a fresh
//! process on one thread, and prints entities/s, MB/s and peak resident
//! memory. Flat memory shows as the same peak for both.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use quidam::kb::{ClassMap, WikidataImporter};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn word(&mut self) -> String {
        const SYLLABLES: &[&str] = &[
            "ma", "ri", "on", "ber", "tin", "la", "du", "pré", "cha", "mon", "sel", "vé", "ro",
            "gan", "té", "lu", "ne", "bou", "qua", "zé",
        ];
        let n = 2 + self.below(3);
        let mut w: String = (0..n)
            .map(|_| SYLLABLES[self.below(SYLLABLES.len() as u64) as usize])
            .collect();
        if let Some(first) = w.get(..1) {
            let upper = first.to_uppercase();
            w.replace_range(..1, &upper);
        }
        w
    }
}

const LANGUAGES: &[&str] = &[
    "en", "de", "it", "es", "nl", "pt", "pl", "sv", "ca", "cs", "da", "fi", "hu", "nb", "ro", "ru",
    "sk", "sl", "tr", "uk", "eu", "gl", "ast", "oc", "br", "co", "ga", "lb", "sq", "id",
];

fn snak_item(out: &mut String, property: &str, item: u64) {
    let _ = write!(
        out,
        r#"{{"snaktype":"value","property":"{property}","hash":"{item:x}af","datavalue":{{"value":{{"entity-type":"item","numeric-id":{item},"id":"Q{item}"}},"type":"wikibase-entityid"}},"datatype":"wikibase-item"}}"#
    );
}

fn snak_string(out: &mut String, property: &str, value: &str, datatype: &str) {
    let _ = write!(
        out,
        r#"{{"snaktype":"value","property":"{property}","hash":"b1c2","datavalue":{{"value":"{value}","type":"string"}},"datatype":"{datatype}"}}"#
    );
}

fn references(out: &mut String, rng: &mut Rng) {
    out.push_str(r#","references":["#);
    for r in 0..1 + rng.below(2) {
        if r > 0 {
            out.push(',');
        }
        out.push_str(r#"{"hash":"9a8b7c","snaks":{"P248":["#);
        snak_item(out, "P248", 1 + rng.below(60_000_000));
        out.push_str(r#"],"P813":[{"snaktype":"value","property":"P813","hash":"c3d4","datavalue":{"value":{"time":"+2024-03-01T00:00:00Z","timezone":0,"before":0,"after":0,"precision":11,"calendarmodel":"http://www.wikidata.org/entity/Q1985727"},"type":"time"},"datatype":"time"}]},"snaks-order":["P248","P813"]}"#);
    }
    out.push(']');
}

/// Claims: `items` statements with item values per property, plus string
/// and time statements.
fn claims(out: &mut String, rng: &mut Rng, id: u64, items: &[(&str, Vec<u64>)], strings: &[&str]) {
    out.push_str(r#""claims":{"#);
    let mut first = true;
    for (property, values) in items {
        if values.is_empty() {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        let _ = write!(out, r#""{property}":["#);
        for (k, &v) in values.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            out.push_str(r#"{"mainsnak":"#);
            snak_item(out, property, v);
            let _ = write!(
                out,
                r#","type":"statement","id":"Q{id}${k:08X}-1A2B-4C3D-8E9F-{v:012X}","rank":"normal""#
            );
            if rng.chance(50) {
                references(out, rng);
            }
            out.push('}');
        }
        out.push(']');
    }
    for property in strings {
        if !first {
            out.push(',');
        }
        first = false;
        let _ = write!(out, r#""{property}":[{{"mainsnak":"#);
        let value = format!("{:x}{:x}", rng.next(), rng.next());
        snak_string(out, property, &value, "external-id");
        let _ = write!(
            out,
            r#","type":"statement","id":"Q{id}$EXT-{property}","rank":"normal""#
        );
        references(out, rng);
        out.push_str("}]");
    }
    out.push('}');
}

fn texts(out: &mut String, key: &str, values: &[(&str, String)]) {
    let _ = write!(out, r#""{key}":{{"#);
    for (k, (lang, value)) in values.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        let _ = write!(out, r#""{lang}":{{"language":"{lang}","value":"{value}"}}"#);
    }
    out.push('}');
}

/// An entity's make-up: French label or not, label languages, class, item
/// claims, string claims, sitelinks.
type Shape = (
    bool,
    usize,
    u64,
    Vec<(&'static str, Vec<u64>)>,
    Vec<&'static str>,
    u64,
);

/// One entity line (without the trailing comma).
fn entity(rng: &mut Rng, id: u64) -> String {
    let mut out = String::with_capacity(8192);
    let kind = rng.below(100);
    let name = format!("{} {}", rng.word(), rng.word());
    // (French label?, label languages, class, item claims, string claims, sitelinks)
    let (french, languages, class, mut items, strings, sitelinks): Shape = match kind {
        0..=29 => (
            rng.chance(60),
            10 + rng.below(20) as usize,
            5,
            vec![
                ("P21", vec![6581097]),
                ("P27", vec![142]),
                ("P106", vec![82955, 1930187]),
                ("P19", vec![90]),
                ("P735", vec![rng.below(1_000_000)]),
                ("P734", vec![rng.below(1_000_000)]),
            ],
            vec!["P214", "P213", "P227", "P268", "P269"],
            rng.below(25),
        ),
        30..=49 => (
            rng.chance(80),
            15 + rng.below(15) as usize,
            [515, 484170, 532, 3957][rng.below(4) as usize],
            vec![
                ("P17", vec![142]),
                ("P131", vec![rng.below(1_000_000)]),
                ("P47", (0..4).map(|_| rng.below(1_000_000)).collect()),
            ],
            vec!["P1566", "P402", "P7471"],
            rng.below(40),
        ),
        50..=64 => (
            rng.chance(50),
            5 + rng.below(10) as usize,
            [783794, 4830453, 43229, 7278, 35127][rng.below(5) as usize],
            vec![
                ("P17", vec![142]),
                ("P159", vec![90]),
                ("P452", vec![rng.below(1_000_000)]),
            ],
            vec!["P856", "P1278", "P2002"],
            rng.below(10),
        ),
        65..=94 => (
            false,
            3,
            13442814,
            vec![
                ("P50", (0..3).map(|_| rng.below(60_000_000)).collect()),
                ("P2860", (0..25).map(|_| rng.below(60_000_000)).collect()),
                ("P921", vec![rng.below(1_000_000)]),
            ],
            vec!["P356", "P698", "P932"],
            0,
        ),
        _ => (
            rng.chance(50),
            8,
            16889133,
            vec![(
                "P279",
                vec![[43229, 515, 5, 35127, 2221906][rng.below(5) as usize]],
            )],
            vec![],
            rng.below(5),
        ),
    };
    items.insert(0, ("P31", vec![class]));
    let _ = write!(out, r#"{{"type":"item","id":"Q{id}","#);
    let mut labels: Vec<(&str, String)> = LANGUAGES[..languages.min(LANGUAGES.len())]
        .iter()
        .map(|&l| (l, name.clone()))
        .collect();
    if french {
        labels.push(("fr", name.clone()));
    }
    texts(&mut out, "labels", &labels);
    out.push(',');
    let mut descriptions: Vec<(&str, String)> =
        vec![("en", format!("entity number {id} of the benchmark"))];
    if french {
        descriptions.push(("fr", format!("entité {} de {}", rng.word(), rng.word())));
    }
    texts(&mut out, "descriptions", &descriptions);
    out.push_str(r#","aliases":"#);
    if french && rng.chance(40) {
        let _ = write!(
            out,
            r#"{{"fr":[{{"language":"fr","value":"{}"}}]}}"#,
            rng.word()
        );
    } else {
        out.push_str("[]");
    }
    out.push(',');
    claims(&mut out, rng, id, &items, &strings);
    out.push_str(r#","sitelinks":"#);
    if sitelinks == 0 {
        out.push_str("[]");
    } else {
        out.push('{');
        for k in 0..sitelinks as usize {
            if k > 0 {
                out.push(',');
            }
            let site = LANGUAGES[k % LANGUAGES.len()];
            let _ = write!(
                out,
                r#""{site}wiki{k}":{{"site":"{site}wiki","title":"{name}","badges":[]}}"#
            );
        }
        out.push('}');
    }
    let _ = write!(
        out,
        r#","pageid":{id},"ns":0,"title":"Q{id}","lastrevid":{},"modified":"2026-10-01T12:00:00Z"}}"#,
        rng.below(2_000_000_000)
    );
    out
}

fn generate(path: &Path, megabytes: u64) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp");
    let mut out = BufWriter::new(File::create(&tmp)?);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    out.write_all(b"[\n")?;
    let mut written = 2u64;
    let mut id = 1;
    while written < megabytes * 1_000_000 {
        let mut line = entity(&mut rng, id);
        line.push_str(",\n");
        // One malformed line in 10,000, as a truncated write would leave.
        if id % 10_000 == 0 {
            line.truncate(line.len() / 2);
            line.push('\n');
        }
        written += line.len() as u64;
        out.write_all(line.as_bytes())?;
        id += 1;
    }
    out.write_all(entity(&mut rng, id).as_bytes())?;
    out.write_all(b"\n]\n")?;
    out.flush()?;
    std::fs::rename(tmp, path)
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// In a child process: imports the first `limit` bytes of the dump.
fn import(path: &Path, limit: u64) {
    let reader = BufReader::with_capacity(1 << 20, File::open(path).expect("dump").take(limit));
    let out = BufWriter::new(File::create(path.with_extension("records.jsonl")).expect("records"));
    let started = Instant::now();
    let stats = WikidataImporter::new(ClassMap::builtin())
        .import(reader, out, |_| {})
        .expect("import");
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{:>7.1} MB: {} entities ({} kept, {} malformed) in {seconds:.2} s: {:.0} entities/s, {:.1} MB/s, peak RSS {:.1} MB",
        stats.bytes as f64 / 1e6,
        stats.entities,
        stats.kept,
        stats.malformed,
        stats.entities as f64 / seconds,
        stats.bytes as f64 / 1e6 / seconds,
        peak_rss_kb() as f64 / 1024.0
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--import") {
        import(
            Path::new(&args[i + 1]),
            args[i + 2].parse().expect("a byte limit"),
        );
        return;
    }
    // `cargo bench` passes `--bench`; anything else (a filter) is ignored.
    let megabytes: u64 = std::env::var("QUIDAM_DUMP_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("target/bench-data");
    let path = dir.join(format!("wikidata-{megabytes}mb.json"));
    if !path.exists() {
        let started = Instant::now();
        generate(&path, megabytes).expect("writing the dump");
        println!(
            "generated {} in {:.1} s",
            path.display(),
            started.elapsed().as_secs_f64()
        );
    }
    let size = std::fs::metadata(&path).expect("dump").len();
    let lines = BufReader::new(File::open(&path).expect("dump"))
        .lines()
        .count();
    println!(
        "dump: {:.1} MB, {lines} lines, {:.0} bytes a line",
        size as f64 / 1e6,
        size as f64 / lines as f64
    );
    let me = std::env::current_exe().expect("this benchmark's path");
    for limit in [size / 10, size] {
        let status = Command::new(&me)
            .args([
                "--import",
                path.to_str().expect("a UTF-8 path"),
                &limit.to_string(),
            ])
            .status()
            .expect("running the import");
        assert!(status.success());
    }
}
