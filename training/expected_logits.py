#!/usr/bin/env python3
"""Writes DIR/expected.json: the logits PyTorch gives, through Hugging Face's
BertForTokenClassification, for a model saved by `finetune_teacher.py
--save DIR`, on a few French sentences. `tests/transformer.rs` checks that
quidam's backend gives the same (set QUIDAM_EXTRA_MODELS=DIR).

    python training/expected_logits.py DIR
"""

import json
import os
import sys

import numpy as np
import torch
from safetensors.numpy import load_file
from tokenizers import Tokenizer
from transformers import BertConfig, BertForTokenClassification

SENTENCES = [
    "Solange Drouin dirige l'ADISQ à Montréal.",
    "Kim Dotcom, de son vrai nom Kim Schmitz, a fondé Megaupload.",
    "Le tribunal correctionnel de Rennes a condamné T411 à 150 000 € d'amende.",
    "😀 Émile Zola écrivait à Paris en 1898 !",
]


def main():
    out = sys.argv[1]
    config = json.load(open(os.path.join(out, "config.json")))
    model = BertForTokenClassification(BertConfig(**config)).eval()
    weights = load_file(os.path.join(out, "model.safetensors"))
    state = {k: torch.from_numpy(v.astype(np.float32)) for k, v in weights.items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    assert not [m for m in missing if "position_ids" not in m] and not unexpected, (missing, unexpected)
    tok = Tokenizer.from_file(os.path.join(out, "tokenizer.json"))
    expected = []
    for s in SENTENCES:
        ids = tok.encode(s).ids
        with torch.no_grad():
            logits = model(input_ids=torch.tensor([ids])).logits[0]
        expected.append({"text": s, "ids": ids, "logits": logits.tolist()})
    labels = [config["id2label"][str(i)] for i in range(len(config["id2label"]))]
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump({"labels": labels, "sentences": expected}, f)


if __name__ == "__main__":
    main()
