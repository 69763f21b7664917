//! Gold JSONL files and scoring, exactly as `docs/annotation.md` defines them.
//!
//! Mention scores are micro precision, recall and F1 over exact
//! `(start, end, label)` matches in char offsets, for the labels the gold
//! file annotates (or a chosen subset); predicted labels outside that set are
//! ignored. On matched `MONEY` spans whose gold carries them, `value` and
//! `currency` are scored too.
//!
//! ```
//! use quidam::eval::{Evaluation, GoldDocument};
//! let gold: GoldDocument = serde_json::from_str(
//!     r#"{"text": "Amende : 5 €.", "spans": [{"start": 9, "end": 12, "label": "MONEY", "value": 5, "currency": "EUR"}]}"#,
//! ).unwrap();
//! let doc = quidam::Pipeline::default().annotate(&gold.text);
//! let mut eval = Evaluation::new(vec!["MONEY".to_string()]);
//! eval.add(&gold.spans, &quidam::eval::predictions(&doc));
//! assert_eq!(eval.micro().f1(), 1.0);
//! assert_eq!(eval.money_values().value_correct, 1);
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::BufRead;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize};

use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::types::CharSpan;

/// One document of a gold file.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct GoldDocument {
    /// The text.
    pub text: String,
    /// The annotated spans.
    pub spans: Vec<GoldSpan>,
    /// Where the text comes from.
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub meta: serde_json::Value,
}

/// One annotated span, in char offsets.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
pub struct GoldSpan {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// `PER`, `ORG`, `LOC`, `MISC`, `MONEY` or `SITE`.
    pub label: String,
    /// Document-level entity id (news gold).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `MONEY` value: `Some(Null)` for a vague amount, `None` when absent.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<serde_json::Value>,
    /// `MONEY` currency: `Some(Null)` when the text gives none, `None` when absent.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency: Option<serde_json::Value>,
    /// Wikidata QID or `NIL` (linking data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kb_id: Option<String>,
}

impl GoldSpan {
    /// The span as a [`CharSpan`] (`None` for a label quidam does not know).
    pub fn char_span(&self) -> Option<CharSpan> {
        Some(CharSpan::new(
            self.start..self.end,
            self.label.parse().ok()?,
        ))
    }
}

/// Keeps an explicit JSON `null` as `Some(Null)`, unlike `Option`'s default.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(d).map(Some)
}

/// Reads a gold JSONL file: one [`GoldDocument`] a line, blank lines skipped.
/// A malformed line, or a span outside its text, is an error naming the line.
pub fn read_gold(reader: impl BufRead) -> Result<Vec<GoldDocument>, Error> {
    let mut docs = Vec::new();
    crate::util::for_each_line(reader, "gold", |n, doc: GoldDocument| {
        let chars = doc.text.chars().count();
        if let Some(s) = doc.spans.iter().find(|s| s.start >= s.end || s.end > chars) {
            return Err(Error::new(
                ErrorKind::Format,
                format!(
                    "gold line {n}: span {}..{} outside its {chars}-char text",
                    s.start, s.end
                ),
            ));
        }
        docs.push(doc);
        Ok(())
    })?;
    Ok(docs)
}

/// A document's entities as gold-format spans (char offsets), with `value`
/// and `currency` for `MONEY`.
pub fn predictions(doc: &Document<'_>) -> Vec<GoldSpan> {
    doc.mentions()
        .iter()
        .map(|e| {
            let money = e.money();
            GoldSpan {
                start: e.span().char_start,
                end: e.span().char_end,
                label: e.label().as_str().to_owned(),
                value: money.map(|m| m.value.map_or(serde_json::Value::Null, decimal_to_json)),
                currency: money.map(|m| {
                    m.currency
                        .map_or(serde_json::Value::Null, |c| c.as_str().into())
                }),
                cluster: e.entity().map(|id| id.to_string()),
                kb_id: doc
                    .entity_of(e)
                    .and_then(|entity| entity.kb_id)
                    .map(|id| id.to_string()),
            }
        })
        .collect()
}

/// A decimal as a JSON number: an integer when it is one, else the nearest
/// `f64` (exact for the up to 15 significant digits that amounts in text
/// have), or a string when neither fits.
pub fn decimal_to_json(d: Decimal) -> serde_json::Value {
    crate::util::decimal_to_json(d)
}

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Counts {
    /// Predicted spans that match a gold span.
    pub tp: usize,
    /// Predicted spans that match none.
    pub fp: usize,
    /// Gold spans that no prediction matches.
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp), or 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn), or 0 when there is no gold span.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// The number of gold spans.
    pub fn support(&self) -> usize {
        self.tp + self.fn_
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// How well `MONEY` values were normalised on matched spans.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MoneyValueCounts {
    /// Matched `MONEY` spans whose gold has a `value` or `currency`.
    pub matched: usize,
    /// Of those, how many have the gold value (both vague counts as right).
    pub value_correct: usize,
    /// Of those, how many have the gold currency (both absent counts as right).
    pub currency_correct: usize,
}

/// Accumulates scores over documents.
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    labels: BTreeMap<String, Counts>,
    money: MoneyValueCounts,
}

impl Evaluation {
    /// An evaluation of the given labels.
    pub fn new(labels: impl IntoIterator<Item = String>) -> Evaluation {
        Evaluation {
            labels: labels.into_iter().map(|l| (l, Counts::default())).collect(),
            ..Evaluation::default()
        }
    }

    /// The labels that appear in any of `docs`, sorted.
    pub fn labels_of(docs: &[GoldDocument]) -> Vec<String> {
        let set: BTreeSet<&str> = docs
            .iter()
            .flat_map(|d| d.spans.iter().map(|s| s.label.as_str()))
            .collect();
        set.into_iter().map(str::to_owned).collect()
    }

    /// Scores one document's predictions against its gold spans.
    pub fn add(&mut self, gold: &[GoldSpan], predicted: &[GoldSpan]) {
        let key = |s: &GoldSpan| (s.start, s.end, s.label.clone());
        let scored = |s: &&GoldSpan| self.labels.contains_key(&s.label);
        let gold: HashMap<_, &GoldSpan> = gold.iter().filter(scored).map(|s| (key(s), s)).collect();
        let predicted: HashMap<_, &GoldSpan> = predicted
            .iter()
            .filter(scored)
            .map(|s| (key(s), s))
            .collect();
        for (k, p) in &predicted {
            let counts = self.labels.get_mut(&k.2).expect("filtered on known labels");
            match gold.get(k) {
                Some(g) => {
                    counts.tp += 1;
                    if g.label == "MONEY" && (g.value.is_some() || g.currency.is_some()) {
                        self.money.matched += 1;
                        let value =
                            |s: &GoldSpan| s.value.as_ref().and_then(crate::util::json_to_decimal);
                        self.money.value_correct += usize::from(value(g) == value(p));
                        let currency = |s: &GoldSpan| s.currency.clone().filter(|c| !c.is_null());
                        self.money.currency_correct += usize::from(currency(g) == currency(p));
                    }
                }
                None => counts.fp += 1,
            }
        }
        for k in gold.keys() {
            if !predicted.contains_key(k) {
                self.labels
                    .get_mut(&k.2)
                    .expect("filtered on known labels")
                    .fn_ += 1;
            }
        }
    }

    /// Counts per label.
    pub fn per_label(&self) -> &BTreeMap<String, Counts> {
        &self.labels
    }

    /// Counts summed over labels.
    pub fn micro(&self) -> Counts {
        self.labels.values().fold(Counts::default(), |a, c| Counts {
            tp: a.tp + c.tp,
            fp: a.fp + c.fp,
            fn_: a.fn_ + c.fn_,
        })
    }

    /// `MONEY` normalisation on matched spans.
    pub fn money_values(&self) -> MoneyValueCounts {
        self.money
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: &str) -> GoldSpan {
        GoldSpan {
            start,
            end,
            label: label.to_owned(),
            ..GoldSpan::default()
        }
    }

    #[test]
    fn exact_matches_only() {
        let gold = [
            span(0, 4, "PER"),
            span(10, 14, "ORG"),
            span(20, 25, "MONEY"),
        ];
        let pred = [span(0, 4, "PER"), span(10, 15, "ORG"), span(30, 35, "SITE")];
        let mut eval = Evaluation::new(["PER", "ORG", "MONEY"].map(String::from));
        eval.add(&gold, &pred);
        let micro = eval.micro();
        assert_eq!(
            (micro.tp, micro.fp, micro.fn_),
            (1, 1, 2),
            "SITE is not scored"
        );
        assert_eq!(
            eval.per_label()["ORG"],
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert!((micro.f1() - 2.0 / 5.0).abs() < 1e-12);
    }

    #[test]
    fn money_values_compare_exactly() {
        let line = r#"{"text": "0123456789", "spans": [
            {"start": 0, "end": 2, "label": "MONEY", "value": 84930.3, "currency": "EUR"},
            {"start": 3, "end": 5, "label": "MONEY", "value": null, "currency": "USD"},
            {"start": 6, "end": 8, "label": "MONEY", "value": 489000000, "currency": null}]}"#
            .replace('\n', " ");
        let gold = read_gold(line.as_bytes()).unwrap().remove(0);
        assert_eq!(gold.spans[1].value, Some(serde_json::Value::Null));
        let mut pred = gold.spans.clone();
        pred[0].value = Some(decimal_to_json("84930.30".parse().unwrap()));
        pred[2].currency = Some("EUR".into());
        let mut eval = Evaluation::new(["MONEY".to_owned()]);
        eval.add(&gold.spans, &pred);
        assert_eq!(
            eval.money_values(),
            MoneyValueCounts {
                matched: 3,
                value_correct: 3,
                currency_correct: 2
            }
        );
    }

    #[test]
    fn decimals_become_json_numbers() {
        let cases = [
            ("150000", "150000"),
            ("84930.30", "84930.3"),
            ("0.4", "0.4"),
            ("500000000000", "500000000000"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                decimal_to_json(input.parse().unwrap()).to_string(),
                expected,
                "{input}"
            );
        }
    }

    #[test]
    fn malformed_gold_is_an_error() {
        struct Case {
            name: &'static str,
            input: &'static str,
        }
        let cases = [
            Case {
                name: "not json",
                input: "{oops",
            },
            Case {
                name: "missing spans",
                input: r#"{"text": "abc"}"#,
            },
            Case {
                name: "span past the end",
                input: r#"{"text": "abc", "spans": [{"start": 1, "end": 9, "label": "PER"}]}"#,
            },
            Case {
                name: "empty span",
                input: r#"{"text": "abc", "spans": [{"start": 1, "end": 1, "label": "PER"}]}"#,
            },
        ];
        for case in cases {
            let err = read_gold(case.input.as_bytes()).unwrap_err();
            assert_eq!(err.kind(), &ErrorKind::Format, "{}", case.name);
            assert!(err.to_string().contains("line 1"), "{}: {err}", case.name);
        }
    }
}

/// How well predicted document entities (`cluster` ids) match gold ones, on
/// the mentions whose spans both sides share (labels aside): pairwise and
/// B-cubed precision and recall, summed over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct ClusterScores {
    /// Mentions present, with a cluster, in both gold and prediction.
    pub mentions: usize,
    /// Pairs of such mentions together in both.
    pub pairs_both: usize,
    /// Pairs together in the prediction.
    pub pairs_predicted: usize,
    /// Pairs together in the gold.
    pub pairs_gold: usize,
    /// Sum over mentions of their B-cubed precision.
    pub b3_precision_sum: f64,
    /// Sum over mentions of their B-cubed recall.
    pub b3_recall_sum: f64,
}

impl ClusterScores {
    /// Adds one document.
    pub fn add(&mut self, gold: &[GoldSpan], predicted: &[GoldSpan]) {
        let clusters = |spans: &[GoldSpan]| -> BTreeMap<(usize, usize), String> {
            spans
                .iter()
                .filter_map(|s| Some(((s.start, s.end), s.cluster.clone()?)))
                .collect()
        };
        let (g, p) = (clusters(gold), clusters(predicted));
        let shared: Vec<((usize, usize), &str, &str)> = g
            .iter()
            .filter_map(|(k, gc)| Some((*k, gc.as_str(), p.get(k)?.as_str())))
            .collect();
        for (i, &(_, g1, p1)) in shared.iter().enumerate() {
            let (mut same_both, mut same_gold, mut same_pred) = (0usize, 0usize, 0usize);
            for (j, &(_, g2, p2)) in shared.iter().enumerate() {
                let (sg, sp) = (g1 == g2, p1 == p2);
                same_gold += usize::from(sg);
                same_pred += usize::from(sp);
                same_both += usize::from(sg && sp);
                if j > i {
                    self.pairs_gold += usize::from(sg);
                    self.pairs_predicted += usize::from(sp);
                    self.pairs_both += usize::from(sg && sp);
                }
            }
            self.b3_precision_sum += same_both as f64 / same_pred as f64;
            self.b3_recall_sum += same_both as f64 / same_gold as f64;
            self.mentions += 1;
        }
    }

    /// Pairwise (precision, recall, F1).
    pub fn pairwise(&self) -> (f64, f64, f64) {
        prf(
            self.pairs_both as f64 / self.pairs_predicted.max(1) as f64,
            self.pairs_both as f64 / self.pairs_gold.max(1) as f64,
        )
    }

    /// B-cubed (precision, recall, F1).
    pub fn b_cubed(&self) -> (f64, f64, f64) {
        let n = self.mentions.max(1) as f64;
        prf(self.b3_precision_sum / n, self.b3_recall_sum / n)
    }
}

/// How well predicted `kb_id`s match gold ones, on the gold spans that carry
/// one (a predicted span with the same offsets and no `kb_id` counts as NIL).
///
/// `accuracy` is over the gold spans whose QID the knowledge base holds
/// (`in_kb`); NIL precision and recall compare predicted NIL with gold `NIL`
/// over all gold spans with a `kb_id`, so a NIL predicted for an entity that
/// Wikidata has but the knowledge base lacks counts against precision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LinkScores {
    /// Gold spans with a `kb_id`.
    pub spans: usize,
    /// Gold spans whose QID is in the knowledge base.
    pub in_kb: usize,
    /// Of those, predicted with that QID.
    pub in_kb_correct: usize,
    /// Gold spans with a QID (in the knowledge base or not) predicted right.
    pub correct: usize,
    /// Gold `NIL` spans.
    pub nil_gold: usize,
    /// Spans predicted NIL.
    pub nil_predicted: usize,
    /// Spans NIL in both.
    pub nil_both: usize,
}

impl LinkScores {
    /// Adds one document; `in_kb` says whether the knowledge base holds a
    /// QID.
    pub fn add(&mut self, gold: &[GoldSpan], predicted: &[GoldSpan], in_kb: impl Fn(&str) -> bool) {
        let found: BTreeMap<(usize, usize), &str> = predicted
            .iter()
            .map(|s| ((s.start, s.end), s.kb_id.as_deref().unwrap_or("NIL")))
            .collect();
        for g in gold {
            let Some(want) = g.kb_id.as_deref() else {
                continue;
            };
            let got = found.get(&(g.start, g.end)).copied().unwrap_or("NIL");
            self.spans += 1;
            let (gold_nil, predicted_nil) = (want == "NIL", got == "NIL");
            self.nil_gold += usize::from(gold_nil);
            self.nil_predicted += usize::from(predicted_nil);
            self.nil_both += usize::from(gold_nil && predicted_nil);
            if !gold_nil {
                self.correct += usize::from(got == want);
                if in_kb(want) {
                    self.in_kb += 1;
                    self.in_kb_correct += usize::from(got == want);
                }
            }
        }
    }

    /// Accuracy on the gold spans whose QID the knowledge base holds.
    pub fn accuracy(&self) -> f64 {
        self.in_kb_correct as f64 / self.in_kb.max(1) as f64
    }

    /// NIL (precision, recall, F1).
    pub fn nil(&self) -> (f64, f64, f64) {
        prf(
            self.nil_both as f64 / self.nil_predicted.max(1) as f64,
            self.nil_both as f64 / self.nil_gold.max(1) as f64,
        )
    }
}

fn prf(p: f64, r: f64) -> (f64, f64, f64) {
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

#[cfg(test)]
mod link_tests {
    use super::*;

    fn span(start: usize, kb_id: Option<&str>) -> GoldSpan {
        GoldSpan {
            start,
            end: start + 1,
            label: "LOC".into(),
            kb_id: kb_id.map(Into::into),
            ..GoldSpan::default()
        }
    }

    #[test]
    fn link_scores_count_in_kb_accuracy_and_nil() {
        let gold = [
            span(0, Some("Q90")),  // in KB, right
            span(1, Some("Q142")), // in KB, wrong
            span(2, Some("Q7")),   // not in KB, predicted NIL
            span(3, Some("NIL")),  // NIL, predicted NIL
            span(4, Some("NIL")),  // NIL, linked
            span(5, None),         // no gold id: ignored
        ];
        let predicted = [
            span(0, Some("Q90")),
            span(1, Some("Q31")),
            span(2, None),
            span(3, None),
            span(4, Some("Q5")),
            span(5, Some("Q1")),
        ];
        let mut scores = LinkScores::default();
        scores.add(&gold, &predicted, |q| q == "Q90" || q == "Q142");
        assert_eq!(
            (scores.spans, scores.in_kb, scores.in_kb_correct),
            (5, 2, 1)
        );
        assert_eq!(scores.accuracy(), 0.5);
        assert_eq!(
            (scores.nil_gold, scores.nil_predicted, scores.nil_both),
            (2, 2, 1)
        );
        assert_eq!(scores.nil(), (0.5, 0.5, 0.5));
    }
}

#[cfg(test)]
mod cluster_tests {
    use super::*;

    fn spans(v: &[(usize, &str)]) -> Vec<GoldSpan> {
        v.iter()
            .map(|&(start, c)| GoldSpan {
                start,
                end: start + 1,
                label: "PER".into(),
                cluster: Some(c.into()),
                ..GoldSpan::default()
            })
            .collect()
    }

    #[test]
    fn cluster_scores_count_pairs_and_b_cubed() {
        // Gold: {0, 1, 2} {3}; predicted: {0, 1} {2, 3}.
        let gold = spans(&[(0, "a"), (1, "a"), (2, "a"), (3, "b")]);
        let predicted = spans(&[(0, "x"), (1, "x"), (2, "y"), (3, "y")]);
        let mut scores = ClusterScores::default();
        scores.add(&gold, &predicted);
        let (p, r, _) = scores.pairwise();
        assert_eq!(
            (scores.pairs_both, scores.pairs_predicted, scores.pairs_gold),
            (1, 2, 3)
        );
        assert!((p - 0.5).abs() < 1e-9 && (r - 1.0 / 3.0).abs() < 1e-9);
        let (bp, br, _) = scores.b_cubed();
        // B-cubed precision: (1 + 1 + 1/2 + 1/2) / 4; recall: (2/3 + 2/3 + 1/3 + 1) / 4.
        assert!((bp - 0.75).abs() < 1e-9);
        assert!((br - (2.0 / 3.0 + 2.0 / 3.0 + 1.0 / 3.0 + 1.0) / 4.0).abs() < 1e-9);
        let mut perfect = ClusterScores::default();
        perfect.add(&gold, &gold);
        assert_eq!(perfect.b_cubed().2, 1.0);
        assert_eq!(perfect.pairwise().2, 1.0);
    }
}
