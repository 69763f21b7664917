"""Exports a local Hugging Face BERT token-classification checkpoint into
the files quidam's transformer backend reads: `config.json` (with
`id2label` and `do_lower_case`), `vocab.txt` and `weights.npz` (the state
dict; `examples/convert_checkpoint.rs` turns it into `rust_model.ot`).

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


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    model = AutoModelForTokenClassification.from_pretrained(src, local_files_only=True).eval()
    if model.config.model_type != "bert":
        sys.exit(f"{src}: model type {model.config.model_type}; the backend runs BERT for now")
    tokenizer = AutoTokenizer.from_pretrained(src, local_files_only=True)
    config = model.config.to_dict()
    config["do_lower_case"] = bool(getattr(tokenizer, "do_lower_case", False))
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config, f, indent=1)
    tokenizer.save_vocabulary(out)
    np.savez(
        os.path.join(out, "weights.npz"),
        **{k: v.detach().cpu().numpy() for k, v in model.state_dict().items()},
    )
    print(f"wrote {out}: config.json, vocab.txt, weights.npz ({len(config['id2label'])} labels)")


if __name__ == "__main__":
    main()
