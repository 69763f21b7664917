//! The near-name search: an automaton over the alias map.

/// An automaton matching the keys within `edits` (at most [`MAX_EDITS`])
/// byte edits (insertions, deletions, substitutions) of `key`. Its state is
/// the band of the edit-distance table around the diagonal, computed as the
/// `fst` is walked: nothing is built up front, and a step costs a few byte
/// operations (`fst`'s own Levenshtein automaton builds a DFA per query,
/// which costs milliseconds for long names). Folded keys are mostly ASCII,
/// where bytes are chars.
pub(super) struct WithinEdits<'a> {
    key: &'a [u8],
    edits: u8,
    /// Whether the first byte must be right (two-edit searches: with it
    /// free, most of the index's short prefixes stay live).
    keep_first: bool,
}

pub(super) const MAX_EDITS: u8 = 2;
const BAND: usize = 2 * MAX_EDITS as usize + 1;

/// How many input bytes were read, and the distances between them and
/// `key[..j]` for `j` from `depth - MAX_EDITS` to `depth + MAX_EDITS`
/// (capped at `edits + 1`; out of range is `edits + 1`).
#[derive(Clone, Copy)]
pub(super) struct Band {
    depth: usize,
    cells: [u8; BAND],
}

impl<'a> WithinEdits<'a> {
    /// Matches the keys within `edits` byte edits of `key`, keeping the
    /// first byte when `edits` is [`MAX_EDITS`].
    pub(super) fn new(key: &'a [u8], edits: u8) -> WithinEdits<'a> {
        let edits = edits.min(MAX_EDITS);
        WithinEdits {
            key,
            edits,
            keep_first: edits == MAX_EDITS,
        }
    }

    /// `j` of band cell `t` at `depth`, if in the table.
    fn column(&self, depth: usize, t: usize) -> Option<usize> {
        (depth + t)
            .checked_sub(MAX_EDITS as usize)
            .filter(|&j| j <= self.key.len())
    }
}

impl fst::Automaton for WithinEdits<'_> {
    type State = Band;

    fn start(&self) -> Band {
        let dead = self.edits + 1;
        let mut cells = [dead; BAND];
        for (t, cell) in cells.iter_mut().enumerate() {
            if let Some(j) = self.column(0, t) {
                *cell = (j as u8).min(dead);
            }
        }
        Band { depth: 0, cells }
    }

    fn is_match(&self, band: &Band) -> bool {
        let t = (self.key.len() + MAX_EDITS as usize).checked_sub(band.depth);
        t.and_then(|t| band.cells.get(t))
            .is_some_and(|&d| d <= self.edits)
    }

    fn can_match(&self, band: &Band) -> bool {
        band.cells.iter().any(|&d| d <= self.edits)
    }

    fn accept(&self, band: &Band, byte: u8) -> Band {
        let dead = self.edits + 1;
        if band.depth == 0 && self.keep_first && self.key.first() != Some(&byte) {
            return Band {
                depth: 1,
                cells: [dead; BAND],
            };
        }
        let depth = band.depth + 1;
        let mut cells = [dead; BAND];
        for t in 0..BAND {
            let Some(j) = self.column(depth, t) else {
                continue;
            };
            if j == 0 {
                cells[t] = depth.min(usize::from(dead)) as u8;
                continue;
            }
            // D[depth-1][j-1] is old cell t, D[depth-1][j] old cell t+1,
            // D[depth][j-1] new cell t-1.
            let substitute = band.cells[t].saturating_add(u8::from(self.key[j - 1] != byte));
            let delete = band.cells.get(t + 1).map_or(dead, |d| d.saturating_add(1));
            let insert = if t > 0 {
                cells[t - 1].saturating_add(1)
            } else {
                dead
            };
            cells[t] = substitute.min(delete).min(insert).min(dead);
        }
        Band { depth, cells }
    }
}
