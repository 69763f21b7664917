//! Converts a checkpoint's weights, exported by `scripts/export_checkpoint.py`
//! as `weights.npz`, into the `rust_model.ot` that the transformer backend
//! loads (feature `transformer`).
//!
//! ```text
//! python scripts/export_checkpoint.py path/to/hf-checkpoint my-model
//! cargo run --release --features transformer --example convert_checkpoint -- my-model
//! ```

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir: PathBuf = std::env::args()
        .nth(1)
        .ok_or("usage: convert_checkpoint MODEL_DIR")?
        .into();
    quidam::transformer::convert_npz(&dir.join("weights.npz"), &dir.join("rust_model.ot"))?;
    let tagger = quidam::transformer::TransformerTagger::load(
        quidam::transformer::TransformerConfig::new(&dir),
    )?;
    println!("{} loads: {tagger:?}", dir.display());
    Ok(())
}
