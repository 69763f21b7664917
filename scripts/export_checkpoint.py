"""Exports a local Hugging Face token-classification checkpoint (BERT,
DistilBERT, RoBERTa, XLM-RoBERTa or CamemBERT) into the files quidam's
transformer backend reads: `config.json` (with `id2label`, and
`do_lower_case` and `strip_accents` for BERT vocabularies), the tokenizer
(`tokenizer.json` when the checkpoint has a fast tokenizer, and the
vocabulary files of its type where it can write them) and `weights.npz` (the
state dict; `examples/convert_checkpoint.rs` turns it into `rust_model.ot`).

    python scripts/export_checkpoint.py SRC_DIR OUT_DIR

SRC_DIR is a folder saved by `save_pretrained` (config, weights, tokenizer);
nothing is downloaded. Needs torch and transformers
(`scripts/setup-libtorch.sh` installs both).
"""

import json
import os
import sys

import numpy as np
from transformers import AutoModelForTokenClassification, AutoTokenizer

TYPES = ("bert", "distilbert", "roberta", "xlm-roberta", "camembert")


def export(src, out):
    """Writes the backend's files for the checkpoint in `src` into `out`."""
    os.makedirs(out, exist_ok=True)
    model = AutoModelForTokenClassification.from_pretrained(src, local_files_only=True).eval()
    if model.config.model_type not in TYPES:
        raise SystemExit(f"{src}: model type {model.config.model_type}; the backend runs {', '.join(TYPES)}")
    tokenizer = AutoTokenizer.from_pretrained(src, local_files_only=True)
    config = model.config.to_dict()
    if model.config.model_type in ("bert", "distilbert"):
        config["do_lower_case"] = bool(getattr(tokenizer, "do_lower_case", False))
        # Hugging Face's BERT tokenizers strip accents when they lower-case,
        # unless told not to.
        strip = tokenizer.init_kwargs.get("strip_accents")
        config["strip_accents"] = config["do_lower_case"] if strip is None else bool(strip)
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config, f, indent=1)
    written = ["config.json"]
    if tokenizer.is_fast:
        tokenizer.backend_tokenizer.save(os.path.join(out, "tokenizer.json"))
        written.append("tokenizer.json")
    try:
        written += [os.path.basename(p) for p in tokenizer.save_vocabulary(out)]
    except (NotImplementedError, ValueError, OSError):
        pass  # a fast tokenizer without the files of its slow one
    if len(written) == 1:
        raise SystemExit(f"{src}: no tokenizer files could be written")
    np.savez(
        os.path.join(out, "weights.npz"),
        **{k: v.detach().cpu().numpy() for k, v in model.state_dict().items()},
    )
    written.append("weights.npz")
    return written


def main():
    src, out = sys.argv[1], sys.argv[2]
    written = export(src, out)
    print(f"wrote {out}: {', '.join(written)}")


if __name__ == "__main__":
    main()
