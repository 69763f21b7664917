//! A structural check of an `fst` map read from a file that cannot be
//! trusted, so that no lookup in it can panic, overflow or run away.
//!
//! `fst` 0.4 decodes its nodes without bounds checks of its own (a crafted
//! map makes it index out of its bytes, or add outputs past `u64::MAX`) and
//! checks only a checksum that a crafted file recomputes. This module walks
//! every node reachable from the root once, decoding it as `fst` 0.4's
//! format 3 (`fst::raw::node`) lays it out, with checked arithmetic:
//!
//! - every byte a node's decoding reads lies inside the map, after its
//!   16-byte header, and the root is where the footer says;
//! - pack sizes are 1 to 8 bytes (0 for absent outputs), so `fst`'s integer
//!   reads never assert;
//! - every transition points to a lower address (the map is a DAG) and the
//!   byte index of a node with over 32 transitions agrees with its inputs;
//! - every output is at most [`MAX_OUTPUT`] and no key is longer than the
//!   caller's limit, so no sum of outputs along a key overflows;
//! - every node leads to a key, so enumerating the keys does work
//!   proportional to their number and length.
//!
//! Keys and values are then read by the caller through `fst`'s own stream.

/// `fst`'s format version that this check understands (what `fst` 0.4
/// writes).
const FORMAT_VERSION: u64 = 3;
/// Version and type, before the first node.
const HEADER: usize = 16;
/// Key count, root address and checksum, after the last node.
const FOOTER: usize = 20;
/// The address of the empty final node, which is not stored.
const EMPTY: usize = 0;
/// Nodes with more transitions than this carry a 256-byte input index.
const INDEX_THRESHOLD: usize = 32;
/// The largest output a transition or a final node may carry: with keys of
/// at most `u16::MAX` bytes no sum of outputs reaches `u64::MAX`.
pub(crate) const MAX_OUTPUT: u64 = 1 << 48;

/// The little-endian unsigned integer of `n` bytes at `at`.
fn uint(bytes: &[u8], at: usize, n: usize) -> Option<u64> {
    let slice = bytes.get(at..at.checked_add(n)?)?;
    Some(slice.iter().rev().fold(0u64, |v, &b| v << 8 | u64::from(b)))
}

/// Splits a pack-size byte into (transition size, output size), checking
/// that `fst` can read them: transitions 1 to 8 bytes when there are any,
/// outputs 0 to 8 bytes.
fn pack_sizes(byte: u8, has_transitions: bool) -> Result<(usize, usize), &'static str> {
    let (tsize, osize) = (usize::from(byte >> 4), usize::from(byte & 0x0f));
    if tsize > 8 || osize > 8 || (has_transitions && tsize == 0) {
        return Err("bad pack size");
    }
    Ok((tsize, osize))
}

/// The target of a transition stored as a delta below the node's lowest
/// byte `end` (0 stands for the empty final node).
fn target(bytes: &[u8], at: usize, tsize: usize, end: usize) -> Result<usize, &'static str> {
    let delta = uint(bytes, at, tsize).ok_or("transition out of bounds")?;
    if delta == 0 {
        return Ok(EMPTY);
    }
    usize::try_from(delta)
        .ok()
        .and_then(|d| end.checked_sub(d))
        .ok_or("transition out of bounds")
}

/// An output, checked against [`MAX_OUTPUT`].
fn output(bytes: &[u8], at: usize, osize: usize) -> Result<u64, &'static str> {
    if osize == 0 {
        return Ok(0);
    }
    let value = uint(bytes, at, osize).ok_or("output out of bounds")?;
    if value > MAX_OUTPUT {
        return Err("output too large");
    }
    Ok(value)
}

/// Decodes the node whose last byte is at `addr`, as `fst::raw::node` does:
/// whether it is final, with the addresses its transitions go to put in
/// `targets`.
fn decode(bytes: &[u8], addr: usize, targets: &mut Vec<usize>) -> Result<bool, &'static str> {
    targets.clear();
    if addr == EMPTY {
        return Ok(true);
    }
    let oob = "node out of bounds";
    let at = |i: usize| bytes.get(i).copied().ok_or(oob);
    let sub = |a: usize, b: usize| a.checked_sub(b).ok_or(oob);
    let state = at(addr)?;
    // A state byte's low six bits name a common input (no input byte
    // stored) or are 0 (one input byte before the state byte).
    let input_len = usize::from(state & 0x3f == 0);
    let (is_final, end) = match state >> 6 {
        // One transition, to the node written just before this one.
        0b11 => {
            let end = sub(addr, input_len)?;
            targets.push(sub(end, 1)?);
            (false, end)
        }
        // One transition with an address and maybe an output.
        0b10 => {
            let sizes_at = sub(addr, input_len + 1)?;
            let (tsize, osize) = pack_sizes(at(sizes_at)?, true)?;
            let trans_at = sub(sizes_at, tsize)?;
            let end = sub(trans_at, osize)?;
            output(bytes, end, osize)?;
            targets.push(target(bytes, trans_at, tsize, end)?);
            (false, end)
        }
        // Any number of transitions.
        _ => {
            let is_final = state & 0x40 != 0;
            let (ntrans, ntrans_len) = match state & 0x3f {
                0 => match at(sub(addr, 1)?)? {
                    1 => (256, 1),
                    n => (usize::from(n), 1),
                },
                n => (usize::from(n), 0),
            };
            let sizes_at = sub(addr, ntrans_len + 1)?;
            let (tsize, osize) = pack_sizes(at(sizes_at)?, ntrans > 0)?;
            let index = if ntrans > INDEX_THRESHOLD { 256 } else { 0 };
            let inputs_end = sub(sizes_at, index)?;
            let inputs_at = sub(inputs_end, ntrans)?;
            let trans_at = sub(inputs_at, ntrans * tsize)?;
            let outputs_at = sub(trans_at, ntrans * osize)?;
            let end = sub(outputs_at, if is_final { osize } else { 0 })?;
            if is_final {
                output(bytes, end, osize)?;
            }
            // Transition i: input at inputs_end - 1 - i, address and output
            // just below the inputs and the addresses, in the same order.
            let input = |i: usize| at(inputs_end - 1 - i);
            for i in 0..ntrans {
                if i > 0 && input(i)? <= input(i - 1)? {
                    return Err("transitions out of order");
                }
                output(bytes, trans_at - (i + 1) * osize, osize)?;
                targets.push(target(bytes, inputs_at - (i + 1) * tsize, tsize, end)?);
            }
            if index > 0 {
                for b in 0..=255u8 {
                    let i = usize::from(at(inputs_end + usize::from(b))?);
                    if i < ntrans && input(i)? != b {
                        return Err("bad transition index");
                    }
                }
                for i in 0..ntrans {
                    if usize::from(at(inputs_end + usize::from(input(i)?))?) != i {
                        return Err("bad transition index");
                    }
                }
            }
            (is_final, end)
        }
    };
    if end < HEADER {
        return Err(oob);
    }
    Ok(is_final)
}

/// Checks the `fst` map in `bytes` as the module doc says, with keys of at
/// most `max_key_len` bytes (at most `u16::MAX`).
pub(crate) fn check(bytes: &[u8], max_key_len: usize) -> Result<(), &'static str> {
    debug_assert!(max_key_len <= usize::from(u16::MAX));
    if bytes.len() < HEADER + FOOTER {
        return Err("truncated");
    }
    if uint(bytes, 0, 8) != Some(FORMAT_VERSION) {
        return Err("unknown format version");
    }
    let footer = bytes.len() - FOOTER;
    let root = uint(bytes, footer + 8, 8)
        .and_then(|r| usize::try_from(r).ok())
        .ok_or("bad root address")?;
    let root_ok = if root == EMPTY {
        bytes.len() == HEADER + FOOTER
    } else {
        root.checked_add(1) == Some(footer)
    };
    if !root_ok {
        return Err("bad root address");
    }

    // Every node reachable from the root, decoded once.
    let mut seen = vec![0u64; bytes.len().div_ceil(64)];
    let mut mark = |addr: usize| {
        let (word, bit) = (addr / 64, 1u64 << (addr % 64));
        let new = seen[word] & bit == 0;
        seen[word] |= bit;
        new
    };
    mark(root);
    let mut stack = vec![root];
    let mut reachable = Vec::new();
    let mut targets = Vec::new();
    while let Some(addr) = stack.pop() {
        decode(bytes, addr, &mut targets)?;
        for &t in &targets {
            if t >= addr && addr != EMPTY {
                return Err("transition does not point down");
            }
            if mark(t) {
                stack.push(t);
            }
        }
        reachable.push(addr);
    }

    // Children lie below their parents: in address order, each node's
    // longest key below it and whether it leads to a key are known from its
    // children's.
    reachable.sort_unstable();
    let mut longest: Vec<u16> = Vec::with_capacity(reachable.len());
    for &addr in &reachable {
        let is_final = decode(bytes, addr, &mut targets)?;
        let mut depth = is_final.then_some(0);
        for &t in &targets {
            let child = reachable
                .binary_search(&t)
                .map_err(|_| "unreachable node")?;
            let below = usize::from(longest[child]);
            depth = Some(depth.unwrap_or(0).max(below + 1));
        }
        match depth {
            Some(d) if d <= max_key_len => longest.push(d as u16),
            Some(_) => return Err("key too long"),
            // The root of an empty map.
            None if addr == root => longest.push(0),
            None => return Err("a node leads to no key"),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{Automaton, IntoStreamer, Map, MapBuilder, Streamer};

    fn map(keys: &[(&str, u64)]) -> Vec<u8> {
        let mut keys = keys.to_vec();
        keys.sort();
        let mut builder = MapBuilder::memory();
        for (k, v) in keys {
            builder.insert(k, v).unwrap();
        }
        builder.into_inner().unwrap()
    }

    #[test]
    fn maps_that_fst_writes_pass() {
        let dense: Vec<String> = (0..=255u8).map(|b| format!("x{}", b as char)).collect();
        let dense: Vec<(&str, u64)> = dense.iter().map(|k| (k.as_str(), 7)).collect();
        let long = "a".repeat(300);
        let cases: Vec<Vec<(&str, u64)>> = vec![
            vec![],
            vec![("", 0)],
            vec![("paris", 1 << 16 | 1)],
            vec![("paris", 1), ("parme", 2), ("pau", 0), ("lyon", MAX_OUTPUT)],
            dense,
            vec![(long.as_str(), 3)],
        ];
        for keys in cases {
            let bytes = map(&keys);
            assert_eq!(check(&bytes, 512), Ok(()), "{keys:?}");
        }
        assert_eq!(check(&map(&[(long.as_str(), 3)]), 299), Err("key too long"));
        assert_eq!(
            check(&map(&[("lyon", MAX_OUTPUT + 1)]), 16),
            Err("output too large")
        );
    }

    /// Every single-byte change of a small map and every truncation either
    /// fails the check or leaves a map whose keys can all be read and looked
    /// up without a panic.
    #[test]
    fn no_change_of_one_byte_gets_past_the_check_into_a_panic() {
        let keys: Vec<String> = (0..60).map(|i| format!("nom{}{}", i % 7, i * 37)).collect();
        let mut pairs: Vec<(&str, u64)> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i as u64 * 3))
            .collect();
        pairs.push(("", 5));
        let bytes = map(&pairs);
        let mut passed = 0;
        for i in 0..bytes.len() {
            for v in [0u8, 1, 0x3f, 0x40, 0x7f, 0x80, 0xc0, 0xff, bytes[i] ^ 1] {
                let mut b = bytes.clone();
                b[i] = v;
                if check(&b, 64).is_err() {
                    continue;
                }
                passed += 1;
                let map = Map::new(b).unwrap();
                let mut stream = map.stream();
                let mut found = Vec::new();
                while let Some((k, v)) = stream.next() {
                    found.push((k.to_vec(), v));
                }
                for (k, v) in found {
                    assert_eq!(map.get(&k), Some(v));
                }
                for (k, _) in &pairs {
                    let _ = map.get(k);
                }
                let mut search = map
                    .search(fst::automaton::Str::new("nom").starts_with())
                    .into_stream();
                while search.next().is_some() {}
            }
        }
        assert!(passed > 0);
        for n in 0..bytes.len() {
            assert!(check(&bytes[..n], 64).is_err());
        }
    }
}
