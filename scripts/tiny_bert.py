"""Writes a tiny BERT token-classification checkpoint with random weights
(seeded), and the logits PyTorch gives on a few French sentences, for the
`transformer` feature's tests.

    python scripts/tiny_bert.py OUT_DIR [SCHEME]

SCHEME is `bio` (default), `io`, `bioes` or `bare`. OUT_DIR gets
`config.json` (with `id2label`), `vocab.txt`, `weights.npz` (the state dict,
which the test converts to `rust_model.ot` with tch), `expected.json`
(sentence, sub-token ids and logits), and `hf/`, the same model saved as a
Hugging Face checkpoint (for `scripts/export_checkpoint.py`).
"""

import json
import os
import sys

import numpy as np
import torch
from transformers import BertConfig, BertForTokenClassification, BertTokenizer

SENTENCES = [
    "Solange Drouin dirige l'ADISQ à Montréal.",
    "Kim Dotcom, de son vrai nom Kim Schmitz, a fondé Megaupload.",
    "Le tribunal correctionnel de Rennes a condamné T411 à 150 000 € d'amende.",
    "😀 Émile Zola écrivait à Paris en 1898 !",
]

SCHEMES = {
    "bio": ["O"] + [f"{p}-{t}" for t in ("PER", "ORG", "LOC", "MISC") for p in "BI"],
    "io": ["O"] + [f"I-{t}" for t in ("PER", "ORG", "LOC", "MISC")],
    "bioes": ["O"] + [f"{p}-{t}" for t in ("PER", "ORG", "LOC", "MISC") for p in "BIES"],
    "bare": ["O", "PER", "ORG", "LOC", "MISC"],
}


def main():
    out = sys.argv[1]
    scheme = sys.argv[2] if len(sys.argv) > 2 else "bio"
    os.makedirs(out, exist_ok=True)
    words = set()
    chars = set()
    for s in SENTENCES:
        for w in s.lower().replace("'", " ' ").split():
            words.add(w.strip(".,!"))
            chars.update(w)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    vocab += sorted(w for w in words if len(w) > 3)[::2]  # some whole words, so that others split
    vocab += sorted(chars) + ["##" + c for c in sorted(chars)]
    vocab = list(dict.fromkeys(vocab))
    with open(os.path.join(out, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocab) + "\n")

    labels = SCHEMES[scheme]
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=37,
        max_position_embeddings=128,
        id2label={i: l for i, l in enumerate(labels)},
        label2id={l: i for i, l in enumerate(labels)},
    )
    model = BertForTokenClassification(config).eval()
    # Random weights give near-uniform logits; widen the classifier so that
    # tags differ clearly.
    with torch.no_grad():
        model.classifier.weight.mul_(20.0)
    config_dict = config.to_dict()
    config_dict["do_lower_case"] = True
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config_dict, f, indent=1)
    np.savez(
        os.path.join(out, "weights.npz"),
        **{k: v.numpy() for k, v in model.state_dict().items()},
    )

    tokenizer = BertTokenizer(os.path.join(out, "vocab.txt"), do_lower_case=True, strip_accents=False)
    # The same model as a Hugging Face checkpoint, for export_checkpoint.py.
    model.save_pretrained(os.path.join(out, "hf"))
    tokenizer.save_pretrained(os.path.join(out, "hf"))
    expected = []
    for s in SENTENCES:
        enc = tokenizer(s, return_tensors="pt")
        with torch.no_grad():
            logits = model(**enc).logits[0]
        expected.append({
            "text": s,
            "ids": enc["input_ids"][0].tolist(),
            "logits": logits.tolist(),
        })
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump({"labels": labels, "sentences": expected}, f)


if __name__ == "__main__":
    main()
