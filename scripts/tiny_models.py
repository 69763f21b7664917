"""Writes tiny token-classification checkpoints with random weights (seeded)
for each architecture the `transformer` feature runs, and the logits
PyTorch gives on a few French sentences, for the feature's tests.

    python scripts/tiny_models.py OUT_ROOT

For each of bert, distilbert, roberta and xlm-roberta, OUT_ROOT/TYPE gets
`config.json` (with `id2label`), the vocabulary files of the model type
(`vocab.txt`; `vocab.json` and `merges.txt`; `sentencepiece.bpe.model`),
`weights.npz` (the state dict, which the tests convert to `rust_model.ot`
with tch) and `expected.json` (sentences, sub-token ids and logits);
OUT_ROOT/TYPE-json gets the same but `tokenizer.json` in place of the
vocabulary files; OUT_ROOT/TYPE/hf is the model saved as a Hugging Face
checkpoint (safetensors; the backend loads it as it is), and
OUT_ROOT/TYPE-export what `scripts/export_checkpoint.py`
makes of it (with the same `expected.json`). The tokenizers are trained on
the sentences themselves, so that words split into several pieces.
"""

import json
import os
import shutil
import sys
import tempfile

import numpy as np
import torch
import transformers as tf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_checkpoint import export  # noqa: E402

SENTENCES = [
    "Solange Drouin dirige l'ADISQ à Montréal.",
    "Kim Dotcom, de son vrai nom Kim Schmitz, a fondé Megaupload.",
    "Le tribunal correctionnel de Rennes a condamné T411 à 150 000 € d'amende.",
    "😀 Émile Zola écrivait à Paris en 1898 !",
]
LABELS = ["O"] + [f"{p}-{t}" for t in ("PER", "ORG", "LOC", "MISC") for p in "BI"]
SIZES = dict(hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=37)


def bert_tokenizer(out):
    words, chars = set(), set()
    for s in SENTENCES:
        for w in s.lower().replace("'", " ' ").split():
            words.add(w.strip(".,!"))
            chars.update(w)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    vocab += sorted(w for w in words if len(w) > 3)[::2]  # some whole words, so that others split
    vocab += sorted(chars) + ["##" + c for c in sorted(chars)]
    vocab = list(dict.fromkeys(vocab))
    path = os.path.join(out, "vocab.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(vocab) + "\n")
    slow = tf.BertTokenizer(path, do_lower_case=True, strip_accents=False)
    fast = tf.BertTokenizerFast(path, do_lower_case=True, strip_accents=False)
    return slow, fast, {"do_lower_case": True, "strip_accents": False}


def roberta_tokenizer(out):
    from tokenizers import ByteLevelBPETokenizer

    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(
        SENTENCES, vocab_size=400, min_frequency=1,  # byte alphabet included
        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
    )
    bpe.save_model(out)
    vocab, merges = os.path.join(out, "vocab.json"), os.path.join(out, "merges.txt")
    return tf.RobertaTokenizer(vocab, merges), tf.RobertaTokenizerFast(vocab, merges), {}


def xlmr_tokenizer(out):
    import sentencepiece as spm

    prefix = os.path.join(out, "sentencepiece.bpe")
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(SENTENCES * 4), model_prefix=prefix, vocab_size=120,
        model_type="unigram", character_coverage=1.0, hard_vocab_limit=False,
        minloglevel=2,
    )
    os.remove(prefix + ".vocab")
    path = prefix + ".model"
    return tf.XLMRobertaTokenizer(path), tf.XLMRobertaTokenizerFast(vocab_file=path), {}


ARCHITECTURES = {
    "bert": (bert_tokenizer, lambda v, c: tf.BertConfig(vocab_size=v, max_position_embeddings=128, **SIZES, **c),
             tf.BertForTokenClassification, "classifier"),
    "distilbert": (bert_tokenizer, lambda v, c: tf.DistilBertConfig(
        vocab_size=v, dim=32, n_layers=2, n_heads=2, hidden_dim=37, max_position_embeddings=128, **c),
        tf.DistilBertForTokenClassification, "classifier"),
    "roberta": (roberta_tokenizer, lambda v, c: tf.RobertaConfig(
        vocab_size=v, max_position_embeddings=130, pad_token_id=1, **SIZES, **c),
        tf.RobertaForTokenClassification, "classifier"),
    "xlm-roberta": (xlmr_tokenizer, lambda v, c: tf.XLMRobertaConfig(
        vocab_size=v, max_position_embeddings=130, pad_token_id=1, **SIZES, **c),
        tf.XLMRobertaForTokenClassification, "classifier"),
}


def write(out, model, config_dict, fast):
    """The files both tokenizer variants share, and the expected logits."""
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config_dict, f, indent=1)
    np.savez(os.path.join(out, "weights.npz"), **{k: v.numpy() for k, v in model.state_dict().items()})
    expected = []
    for s in SENTENCES:
        enc = fast(s, return_tensors="pt")
        enc.pop("token_type_ids", None)  # all zeros; DistilBERT takes none
        with torch.no_grad():
            logits = model(**enc).logits[0]
        expected.append({"text": s, "ids": enc["input_ids"][0].tolist(), "logits": logits.tolist()})
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump({"labels": LABELS, "sentences": expected}, f)


def main():
    root = sys.argv[1]
    for name, (make_tokenizer, make_config, model_class, head) in ARCHITECTURES.items():
        out = os.path.join(root, name)
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        slow, fast, extra = make_tokenizer(out)
        # The slow and fast tokenizers must agree, or the test means nothing.
        for s in SENTENCES:
            assert slow(s)["input_ids"] == fast(s)["input_ids"], (name, s)
        torch.manual_seed(0)
        config = make_config(len(fast), dict(
            id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)}))
        model = model_class(config).eval()
        # Random weights give near-uniform logits; widen the classifier so
        # that tags differ clearly.
        with torch.no_grad():
            getattr(model, head).weight.mul_(20.0)
        config_dict = {**config.to_dict(), **extra}
        write(out, model, config_dict, fast)
        # As a Hugging Face checkpoint, and exported from it.
        hf = os.path.join(out, "hf")
        model.save_pretrained(hf)
        fast.save_pretrained(hf)
        shutil.copy(os.path.join(out, "expected.json"), hf)
        export(hf, out + "-export")
        shutil.copy(os.path.join(out, "expected.json"), out + "-export")
        # The same model with tokenizer.json only.
        json_out = out + "-json"
        shutil.rmtree(json_out, ignore_errors=True)
        os.makedirs(json_out)
        with tempfile.TemporaryDirectory() as tmp:
            fast.save_pretrained(tmp)
            shutil.copy(os.path.join(tmp, "tokenizer.json"), json_out)
        write(json_out, model, config_dict, fast)
        print(f"{out}: {len(fast)} pieces")


if __name__ == "__main__":
    main()
