#!/usr/bin/env python3
"""Evaluates story clustering (docs/accuracy/stories.md).

  python3 scripts/eval/stories.py [--build build-stories] [--shared ../shared]

1. The sample corpus (samples/manifest.jsonl, gold = "story"): the StoryIndex clusters the 159
   articles in date order, text only and with the gold focus place ("oracle place", an upper bound
   for the place signal). Reports pair precision/recall/F1 and B-cubed P/R/F1.
2. The German pairs (de-de) of ../shared/eval/stories/*.csv.gz (SemEval-2022 task 8 samples,
   Overall 1 = very similar … 4 = dissimilar; duplicate pair ids counted once): ROC AUC of each
   similarity against Overall ≤ 1.5 (same story) vs ≥ 3.5 (different), and how the decisions
   agree with those two groups.
Needs the driver: cmake --build BUILD --target stories_eval_driver
"""
import argparse
import csv
import gzip
import io
import itertools
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def run(cmd, stdin=None):
    r = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} failed: {r.stderr[-2000:]}")
    return [json.loads(l) for l in r.stdout.splitlines() if l.strip()]


def cluster_scores(gold, pred):
    files = sorted(gold)
    tp = fp = fn = 0
    for a, b in itertools.combinations(files, 2):
        g, p = gold[a] == gold[b], pred[a] == pred[b]
        tp += g and p
        fp += p and not g
        fn += g and not p
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    by_g, by_p = {}, {}
    for f in files:
        by_g.setdefault(gold[f], set()).add(f)
        by_p.setdefault(pred[f], set()).add(f)
    bp = sum(len(by_g[gold[f]] & by_p[pred[f]]) / len(by_p[pred[f]]) for f in files) / len(files)
    br = sum(len(by_g[gold[f]] & by_p[pred[f]]) / len(by_g[gold[f]]) for f in files) / len(files)
    f1 = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0
    return {"pairs_gold": tp + fn, "pairs_pred": tp + fp, "pair_precision": prec, "pair_recall": rec,
            "pair_f1": f1(prec, rec), "bcubed_precision": bp, "bcubed_recall": br, "bcubed_f1": f1(bp, br)}


def auc(pos, neg):
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def semeval_pairs(shared):
    seen, rows = set(), []
    for name in ("training_set.csv.gz", "testing_set.csv.gz"):
        path = shared / "eval" / "stories" / name
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            for r in csv.DictReader(f):
                if r["lang1"] != "de" or r["lang2"] != "de" or r["pair_id"] in seen:
                    continue
                seen.add(r["pair_id"])
                rows.append(r)
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=str(ROOT / "build-stories"))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--json", action="store_true", help="print the numbers as one JSON object")
    args = ap.parse_args()
    driver = pathlib.Path(args.build) / "bench" / "stories_eval_driver"
    report = {}

    manifest = [json.loads(l) for l in open(ROOT / "samples" / "manifest.jsonl", encoding="utf-8")]
    gold = {m["file"]: m["story"] for m in manifest}
    for mode in ("none", "oracle"):
        out = run([driver, "corpus", ROOT / "samples" / "manifest.jsonl", "--place", mode])
        pred = {o["file"]: o["story"] for o in out}
        s = cluster_scores(gold, pred)
        wire = {f: g for f, g in gold.items() if g.startswith("w-")}
        s["wire_reprint_pair_recall"] = cluster_scores(wire, {f: pred[f] for f in wire})["pair_recall"]
        report[f"corpus_place_{mode}"] = s

    rows = semeval_pairs(pathlib.Path(args.shared))
    pairs = [{"id": i, "text1": r["text1"], "text2": r["text2"]} for i, r in enumerate(rows)]
    sims = run([driver, "pairs"], "\n".join(json.dumps(p, ensure_ascii=False) for p in pairs))
    overall = {i: float(r["Overall"]) for i, r in enumerate(rows)}
    pos = [s for s in sims if overall[s["id"]] <= 1.5]
    neg = [s for s in sims if overall[s["id"]] >= 3.5]
    sem = {"de_pairs": len(rows), "positive_overall_le_1.5": len(pos), "negative_overall_ge_3.5": len(neg)}
    for key in ("shingle_containment", "shingle_jaccard", "word_jaccard"):
        sem[f"auc_{key}"] = auc([s[key] for s in pos], [s[key] for s in neg])
    sem["reprint_decision_on_positives"] = sum(s["reprint"] for s in pos) / max(1, len(pos))
    sem["reprint_decision_on_negatives"] = sum(s["reprint"] for s in neg) / max(1, len(neg))
    for t in (0.10, 0.15, 0.20):
        sem[f"word_jaccard_ge_{t:.2f}_on_positives"] = sum(s["word_jaccard"] >= t for s in pos) / max(1, len(pos))
        sem[f"word_jaccard_ge_{t:.2f}_on_negatives"] = sum(s["word_jaccard"] >= t for s in neg) / max(1, len(neg))
    report["semeval_de"] = sem

    if args.json:
        print(json.dumps(report, indent=2))
        return
    for name, vals in report.items():
        print(f"## {name}")
        for k, v in vals.items():
            print(f"  {k:40s} {v:.3f}" if isinstance(v, float) else f"  {k:40s} {v}")


if __name__ == "__main__":
    main()
