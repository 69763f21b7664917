//! Builds the tagger's lexicon: `models/clusters.bin` and `models/gazetteer.fst`.
//!
//! Run through `scripts/build_lexicon.sh`, which first writes the cluster
//! table with `scripts/build_clusters.py`:
//!
//! ```text
//! cargo run --release --features train --example build_lexicon -- \
//!     --clusters target/lexicon/clusters.tsv \
//!     --countries ../shared/data/kb/countries-naturalearth.tsv \
//!     --cities ../shared/data/kb/cities-geonames15000.tsv \
//!     --news ../shared/data/news/orangesum.jsonl.gz --out models
//! ```

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use clap::Parser;
use quidam::tag::LexiconBuilder;
use quidam::{Label, NameRule, Pipeline};

/// Builds the word-cluster and gazetteer maps of the tagger's lexicon.
#[derive(Parser)]
struct Args {
    /// Cluster table from scripts/build_clusters.py: word, row, c1024, c256, c64.
    #[arg(long)]
    clusters: PathBuf,
    /// Natural Earth countries (TSV with NAME_FR, FORMAL_FR, NAME, NAME_LONG).
    #[arg(long)]
    countries: PathBuf,
    /// GeoNames cities (TSV with name, population, alternatenames).
    #[arg(long)]
    cities: PathBuf,
    /// French news (JSONL, optionally gzipped) to collect site names from domains.
    #[arg(long)]
    news: PathBuf,
    /// How many news articles to read for site names.
    #[arg(long, default_value_t = 20_000)]
    news_articles: usize,
    /// A domain's first label becomes a site name when seen in this many articles.
    #[arg(long, default_value_t = 2)]
    min_articles: usize,
    /// Output folder.
    #[arg(long, default_value = "models")]
    out: PathBuf,
}

/// A TSV file: its header and its rows.
type Table = (Vec<String>, Vec<Vec<String>>);

fn tsv(path: &PathBuf) -> Result<Table, Box<dyn std::error::Error>> {
    let mut lines = BufReader::new(File::open(path)?).lines();
    let header = lines.next().ok_or("empty TSV")??;
    let header = header.split('\t').map(str::to_owned).collect();
    let rows = lines
        .map(|l| Ok(l?.split('\t').map(str::to_owned).collect()))
        .collect::<Result<_, std::io::Error>>()?;
    Ok((header, rows))
}

fn column(header: &[String], name: &str) -> Result<usize, String> {
    header
        .iter()
        .position(|h| h == name)
        .ok_or_else(|| format!("no column {name}"))
}

/// A city alternate name worth matching: Latin script, capitalised, not a code.
fn plausible_city_name(name: &str) -> bool {
    let mut chars = name.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let has_lower = name.chars().any(char::is_lowercase);
    let latin = name
        .chars()
        .all(|c| c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c));
    first_upper && has_lower && latin && name.chars().count() >= 3
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let mut builder = LexiconBuilder::new();

    let mut words = 0;
    for line in BufReader::new(File::open(&args.clusters)?).lines() {
        let line = line?;
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 5 {
            return Err(format!("bad cluster line: {line:?}").into());
        }
        let ids = [fields[1], fields[2], fields[3], fields[4]].map(|f| f.parse::<u32>());
        let [a, b, c, d] = ids;
        builder.add_word(fields[0], [a?, b?, c?, d?])?;
        words += 1;
    }
    eprintln!("{words} words with clusters");

    let (header, rows) = tsv(&args.countries)?;
    let names: Vec<usize> = ["NAME_FR", "FORMAL_FR", "NAME", "NAME_LONG"]
        .iter()
        .map(|c| column(&header, c))
        .collect::<Result<_, _>>()?;
    for row in &rows {
        for &c in &names {
            if let Some(name) = row.get(c).filter(|n| !n.is_empty()) {
                builder.add_country(name);
            }
        }
    }
    eprintln!("{} countries", rows.len());

    let (header, rows) = tsv(&args.cities)?;
    let (name, population, alternates) = (
        column(&header, "name")?,
        column(&header, "population")?,
        column(&header, "alternatenames")?,
    );
    for row in &rows {
        let big = row[population].parse::<u64>().unwrap_or(0) >= 200_000;
        builder.add_city(&row[name], big);
        for alt in row[alternates]
            .split('|')
            .filter(|a| plausible_city_name(a))
        {
            builder.add_city(alt, big);
        }
    }
    eprintln!("{} cities", rows.len());

    // Site names: first labels of the registrable domains in the news.
    let reader: Box<dyn BufRead> = if args.news.extension().is_some_and(|e| e == "gz") {
        Box::new(BufReader::new(flate2::read::GzDecoder::new(File::open(
            &args.news,
        )?)))
    } else {
        Box::new(BufReader::new(File::open(&args.news)?))
    };
    // The URLs and domains alone: no tagger and no name rule relabels them.
    let pipeline = NameRule::ALL
        .into_iter()
        .fold(Pipeline::builder(), |b, rule| b.without_rule(rule))
        .money(false)
        .tagger(false)
        .build()?;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for line in reader.lines().take(args.news_articles) {
        let value: serde_json::Value = serde_json::from_str(&line?)?;
        let text = value["text"].as_str().unwrap_or_default();
        let mut labels: Vec<String> = pipeline
            .annotate(text)
            .mentions()
            .iter()
            .filter(|e| e.label() == Label::Site)
            .filter_map(|e| e.site()?.domain.clone())
            .filter_map(|d| Some(d.split('.').next()?.to_owned()))
            .filter(|l| l.chars().count() >= 3)
            .collect();
        labels.sort();
        labels.dedup();
        for label in labels {
            *seen.entry(label).or_default() += 1;
        }
    }
    let mut sites: Vec<_> = seen
        .into_iter()
        .filter(|(_, n)| *n >= args.min_articles)
        .collect();
    sites.sort();
    for (site, _) in &sites {
        builder.add_site_name(site);
    }
    eprintln!("{} site names", sites.len());

    let (clusters, gazetteer) = builder.finish()?;
    std::fs::create_dir_all(&args.out)?;
    std::fs::write(args.out.join("clusters.bin"), &clusters)?;
    std::fs::write(args.out.join("gazetteer.fst"), &gazetteer)?;
    eprintln!(
        "wrote {} ({} bytes) and {} ({} bytes)",
        args.out.join("clusters.bin").display(),
        clusters.len(),
        args.out.join("gazetteer.fst").display(),
        gazetteer.len()
    );
    Ok(())
}
