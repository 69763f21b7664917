//! Training the tagger: an averaged structured perceptron (feature `train`).
//!
//! ```no_run
//! use quidam::tag::{train::Trainer, Lexicon};
//! use quidam::{CharSpan, Label};
//! # fn main() -> Result<(), quidam::Error> {
//! let mut trainer = Trainer::new(Lexicon::embedded(), 20);
//! let text = "Kim Dotcom a fondé Megaupload.";
//! trainer.add_document(text, &[CharSpan::new(0..10, Label::Per), CharSpan::new(19..29, Label::Site)]);
//! let mut rng = fastrand::Rng::with_seed(7);
//! for _ in 0..5 {
//!     trainer.epoch(&mut rng);
//! }
//! let tagger = trainer.tagger();
//! tagger.write(std::fs::File::create("tagger.bin")?)?;
//! # Ok(()) }
//! ```

use super::features::{extract, Scratch, FEATURES};
use super::{tag, viterbi, Lexicon, Position, Tagger, END, LABELS, START, TAGS, TRANSITIONS};
use crate::recognize::{find_rules, MoneyRecognizer};
use crate::text::{split_sentences, tokenize};
use crate::types::CharSpan;

/// One training sentence: its feature ids and gold tags.
struct Sentence {
    features: Vec<u32>,
    tags: Vec<u8>,
}

/// How well a document's gold spans fit quidam's tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Alignment {
    /// Sentences kept for training.
    pub sentences: usize,
    /// Gold spans that start and end on token boundaries within one sentence.
    pub spans: usize,
    /// Gold spans that do not (their sentences are left out).
    pub misaligned: usize,
}

impl std::ops::AddAssign for Alignment {
    fn add_assign(&mut self, o: Alignment) {
        self.sentences += o.sentences;
        self.spans += o.spans;
        self.misaligned += o.misaligned;
    }
}

/// Collects training sentences and runs perceptron epochs over them.
pub struct Trainer {
    lexicon: Lexicon,
    bits: u32,
    money: MoneyRecognizer,
    sentences: Vec<Sentence>,
    weights: Vec<i32>,
    weight_sums: Vec<i64>,
    transitions: Box<[i32; TRANSITIONS]>,
    transition_sums: Vec<i64>,
    step: i64,
    /// The sums of the averaged weights and transitions of the finished
    /// runs ([`Trainer::finish_run`]), and how many there are.
    finished: Option<(Vec<f64>, Vec<f64>, usize)>,
    scratch: Scratch,
}

impl Trainer {
    /// A trainer with a weight table of `2^bits` rows (at most 24).
    pub fn new(lexicon: Lexicon, bits: u32) -> Trainer {
        let bits = bits.clamp(8, u32::from(super::MAX_BITS));
        let rows = 1usize << bits;
        Trainer {
            lexicon,
            bits,
            money: MoneyRecognizer::new(),
            sentences: Vec::new(),
            weights: vec![0; rows * TAGS],
            weight_sums: vec![0; rows * TAGS],
            transitions: Box::new([0; TRANSITIONS]),
            transition_sums: vec![0; TRANSITIONS],
            step: 1,
            finished: None,
            scratch: Scratch::default(),
        }
    }

    /// Adds a document with its gold spans. Spans of labels the tagger does
    /// not predict (`MONEY`) are ignored. Sentences with a span that does not
    /// fit the tokens are left out.
    pub fn add_document(&mut self, text: &str, spans: &[CharSpan]) -> Alignment {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let marks = find_rules(text, &tokens, Some(&self.money), true).marks;
        let mut tags = vec![0u8; tokens.len()];
        let mut bad = vec![false; sentences.len()];
        let sentence_of = |token: usize| sentences.partition_point(|s| s.end <= token);
        let mut alignment = Alignment::default();
        for CharSpan { chars, label } in spans {
            let Some(l) = LABELS.iter().position(|x| x == label) else {
                continue;
            };
            let first = tokens.partition_point(|t| t.span.char_start < chars.start);
            let last = tokens.partition_point(|t| t.span.char_end < chars.end);
            let fits = first < tokens.len()
                && last < tokens.len()
                && first <= last
                && tokens[first].span.char_start == chars.start
                && tokens[last].span.char_end == chars.end
                && sentence_of(first) == sentence_of(last)
                && tags[first..=last].iter().all(|&t| t == 0);
            if !fits {
                alignment.misaligned += 1;
                if first < tokens.len() {
                    bad[sentence_of(first)] = true;
                }
                if last < tokens.len() {
                    bad[sentence_of(last)] = true;
                }
                continue;
            }
            alignment.spans += 1;
            if first == last {
                tags[first] = tag(l, Position::Unit) as u8;
            } else {
                tags[first] = tag(l, Position::Begin) as u8;
                for t in &mut tags[first + 1..last] {
                    *t = tag(l, Position::Inside) as u8;
                }
                tags[last] = tag(l, Position::Last) as u8;
            }
        }
        for (s, range) in sentences.iter().enumerate() {
            if bad[s] || range.is_empty() {
                continue;
            }
            extract(
                &self.lexicon,
                &tokens[range.clone()],
                &marks[range.clone()],
                self.bits,
                &mut self.scratch,
            );
            self.sentences.push(Sentence {
                features: self.scratch.features.clone(),
                tags: tags[range.clone()].to_vec(),
            });
            alignment.sentences += 1;
        }
        alignment
    }

    /// The number of training sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// Whether there is no training sentence.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// One pass over the training sentences in an order drawn from `rng`.
    /// Returns the number of tokens whose predicted tag was wrong.
    pub fn epoch(&mut self, rng: &mut fastrand::Rng) -> usize {
        let mut order: Vec<usize> = (0..self.sentences.len()).collect();
        rng.shuffle(&mut order);
        let mut errors = 0;
        let (mut emissions, mut back, mut predicted) = (Vec::new(), Vec::new(), Vec::new());
        for &s in &order {
            let sentence = &self.sentences[s];
            emissions.clear();
            for ids in sentence.features.chunks_exact(FEATURES) {
                let mut scores = [0i32; TAGS];
                for &f in ids {
                    let row = &self.weights[f as usize * TAGS..][..TAGS];
                    for (s, &w) in scores.iter_mut().zip(row) {
                        *s += w;
                    }
                }
                emissions.extend_from_slice(&scores);
            }
            viterbi(&emissions, &self.transitions, &mut back, &mut predicted);
            let gold = &sentence.tags;
            let step = self.step;
            let update = |table: &mut [i32], sums: &mut [i64], k: usize, d: i32| {
                table[k] += d;
                sums[k] += step * i64::from(d);
            };
            for (i, ids) in sentence.features.chunks_exact(FEATURES).enumerate() {
                let (g, p) = (gold[i] as usize, predicted[i]);
                if g == p {
                    continue;
                }
                errors += 1;
                for &f in ids {
                    let row = f as usize * TAGS;
                    update(&mut self.weights, &mut self.weight_sums, row + g, 1);
                    update(&mut self.weights, &mut self.weight_sums, row + p, -1);
                }
            }
            let n = gold.len();
            for i in 0..=n {
                let index = |tags: &dyn Fn(usize) -> usize| match i {
                    0 => START + tags(0),
                    i if i == n => END + tags(n - 1),
                    i => tags(i - 1) * TAGS + tags(i),
                };
                let g = index(&|k| gold[k] as usize);
                let p = index(&|k| predicted[k]);
                if g != p {
                    update(&mut self.transitions[..], &mut self.transition_sums, g, 1);
                    update(&mut self.transitions[..], &mut self.transition_sums, p, -1);
                }
            }
            self.step += 1;
        }
        errors
    }

    /// Ends the current run: its averaged model joins those that
    /// [`Trainer::tagger`] averages, and the next epoch starts a new run
    /// from zero weights over the same sentences (in the order of the
    /// `rng` it is given, another seed's). The model of several runs
    /// scores a sentence with the mean of their scores: the same size and
    /// speed as one run's, with less of the chance of one shuffling order.
    pub fn finish_run(&mut self) {
        let (weights, transitions) = self.run_average();
        match &mut self.finished {
            Some((w, t, n)) => {
                add_into(w, &weights);
                add_into(t, &transitions);
                *n += 1;
            }
            None => self.finished = Some((weights, transitions, 1)),
        }
        self.weights.fill(0);
        self.weight_sums.fill(0);
        self.transitions.fill(0);
        self.transition_sums.fill(0);
        self.step = 1;
    }

    /// The averaged weights and transitions of the current run.
    fn run_average(&self) -> (Vec<f64>, Vec<f64>) {
        let step = self.step as f64;
        let average = |(&w, &sum): (&i32, &i64)| f64::from(w) - sum as f64 / step;
        (
            self.weights
                .iter()
                .zip(&self.weight_sums)
                .map(average)
                .collect(),
            self.transitions
                .iter()
                .zip(&self.transition_sums)
                .map(average)
                .collect(),
        )
    }

    /// The averaged model so far (the mean of the finished runs' and the
    /// current run's, if it has begun), with weights rounded to 16 bits,
    /// then stored in 8 bits and a shift a row.
    pub fn tagger(&self) -> Tagger {
        let (mut weights, mut transitions) = self.run_average();
        let mut runs = usize::from(self.step > 1);
        if let Some((w, t, n)) = &self.finished {
            add_into(&mut weights, w);
            add_into(&mut transitions, t);
            runs += n;
        }
        let runs = runs.max(1) as f64;
        let max = weights.iter().map(|w| w.abs()).fold(1e-9, f64::max) / runs;
        let scale = f64::from(i16::MAX) / max;
        let scale_sum = scale / runs;
        Tagger {
            lexicon: self.lexicon.clone(),
            bits: self.bits,
            scale: scale as f32,
            transitions: Box::new(std::array::from_fn(|k| {
                (transitions[k] * scale_sum).round() as i32
            })),
            weights: weights
                .chunks_exact(TAGS)
                .map(|w| {
                    super::Row::quantise(std::array::from_fn(|t| (w[t] * scale_sum).round() as i32))
                })
                .collect(),
        }
    }
}

/// Adds `values` to `sums`, element by element.
fn add_into(sums: &mut [f64], values: &[f64]) {
    sums.iter_mut().zip(values).for_each(|(a, b)| *a += b);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Label;
    use crate::Pipeline;

    const TEXT: &str = "Kim Dotcom a fondé Megaupload. Le site Megaupload a fermé. \
                        Kim Dotcom vit à Auckland.";

    fn trainer() -> Trainer {
        let mut trainer = Trainer::new(Lexicon::embedded(), 12);
        let spans = [
            CharSpan::new(0..10, Label::Per),
            CharSpan::new(19..29, Label::Site),
            CharSpan::new(39..49, Label::Site),
            CharSpan::new(59..69, Label::Per),
            CharSpan::new(76..84, Label::Loc),
        ];
        trainer.add_document(TEXT, &spans);
        trainer
    }

    fn run(trainer: &mut Trainer, seed: u64) {
        let mut rng = fastrand::Rng::with_seed(seed);
        for _ in 0..4 {
            trainer.epoch(&mut rng);
        }
    }

    fn bytes(tagger: &Tagger) -> Vec<u8> {
        let mut out = Vec::new();
        tagger.write(&mut out).unwrap();
        out
    }

    #[test]
    fn two_runs_in_one_order_make_that_run_s_model() {
        let mut once = trainer();
        run(&mut once, 7);
        let mut twice = trainer();
        run(&mut twice, 7);
        twice.finish_run();
        run(&mut twice, 7);
        assert_eq!(bytes(&once.tagger()), bytes(&twice.tagger()));
        // A finished run alone is the model too.
        twice.finish_run();
        assert_eq!(bytes(&once.tagger()), bytes(&twice.tagger()));
    }

    #[test]
    fn the_mean_of_runs_in_other_orders_learns_the_names() {
        let mut trainer = trainer();
        for seed in 1..=3 {
            run(&mut trainer, seed);
            trainer.finish_run();
        }
        let pipeline = Pipeline::builder()
            .tagger_model(trainer.tagger())
            .build()
            .unwrap();
        let document = pipeline.annotate(TEXT);
        let found: Vec<(String, Label)> = document
            .mentions()
            .iter()
            .map(|m| (m.text.to_string(), m.label))
            .collect();
        assert!(
            found.contains(&("Kim Dotcom".into(), Label::Per)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Auckland".into(), Label::Loc)),
            "{found:?}"
        );
    }
}
