//! Time to a first result: `Pipeline::default()` (the embedded tagger,
//! lexicon and starter knowledge base, read once per process) and one
//! short annotation. Run it as a fresh process each time:
//!
//! ```sh
//! cargo build --release --example startup && taskset -c 1 ./target/release/examples/startup
//! ```

use std::time::Instant;

fn main() {
    let started = Instant::now();
    let pipeline = quidam::Pipeline::default();
    let found = pipeline
        .annotate("Kim Dotcom a fondé Megaupload, fermé en 2012 par le FBI.")
        .mentions()
        .len();
    println!(
        "Pipeline::default() and a first annotation ({found} entities): {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
}
