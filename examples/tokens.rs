//! Prints the tokens and sentences of standard input, one token a line.
//!
//! ```text
//! echo "L'ADISQ réclame 150 000 €.Alors" | cargo run --example tokens
//! ```

use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let tokens = quidam::text::tokenize(&text);
    for (n, sentence) in quidam::text::split_sentences(&text, &tokens)
        .into_iter()
        .enumerate()
    {
        for token in &tokens[sentence] {
            println!(
                "{n}\t{:?}\t{:?}\t{}..{}",
                token.text, token.kind, token.span.char_start, token.span.char_end
            );
        }
    }
    Ok(())
}
