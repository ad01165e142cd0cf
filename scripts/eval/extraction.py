#!/usr/bin/env python3
"""Evaluates the HTML reader against the gold sets in ../shared/eval/extraction/.

Suites (metrics exactly as in ../shared/eval/extraction/README.md):
  trafilatura  body text P/R/F1 with the with/without snippet protocol (micro), plus title and
               author exact-match rates (white space normalised) where the gold has a value.
  aeb          scrapinghub article-extraction-benchmark: 4-gram shingle P/R (macro) and F1.
  htmldate     publication date accuracy (exact day), P/R/F1 as upstream.
  validate-aeb scores the published reference outputs with our AEB scorer (must reproduce
               trafilatura 0.958, readability_js 0.947, newspaper 0.949, html-text 0.665).

The extractor runs once per suite: the driver (build-*/bench/extract_html_driver) reads
"path<TAB>url" lines and prints one JSON article per line. With --cmd, the lead's CLI is used
instead, one process per page: --cmd "build/src/cli/pressekarte extract --format html".

Usage:
  python3 scripts/eval/extraction.py [--suite all|trafilatura|aeb|htmldate|validate-aeb]
      [--driver build-exhtml/bench/extract_html_driver] [--shared ../shared]
      [--field body_in_order|text] [--limit N] [--errors FILE]
Standard library only.
"""
import argparse
import collections
import gzip
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WS = re.compile(r"\s+")
TOKEN = re.compile(r"\w+", re.UNICODE)


def norm_ws(s):
    if isinstance(s, list):  # a few gold authors are lists
        s = ", ".join(x for x in s if isinstance(x, str))
    return WS.sub(" ", s or "").strip()


# ---------------------------------------------------------------- running the extractor

def run_driver(driver, items):
    """items: list of (path, url). Returns a list of dicts (same order)."""
    data = "".join(f"{p}\t{u}\n" for p, u in items)
    proc = subprocess.run([driver], input=data.encode(), stdout=subprocess.PIPE, check=True)
    out = [json.loads(l) for l in proc.stdout.decode().splitlines() if l.strip()]
    if len(out) != len(items):
        sys.exit(f"driver returned {len(out)} results for {len(items)} inputs")
    return out


def run_cli(cmd, items):
    out = []
    for path, url in items:
        with gzip.open(path, "rb") as f:
            raw = f.read()
        with tempfile.NamedTemporaryFile(suffix=".html", delete=False) as tmp:
            tmp.write(raw)
        try:
            args = shlex.split(cmd) + ["--url", url, tmp.name]
            p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            lines = [l for l in p.stdout.decode(errors="replace").splitlines() if l.strip()]
            out.append(json.loads(lines[0]) if lines else {"error": p.stderr.decode(errors="replace")})
        finally:
            os.unlink(tmp.name)
    return out


def extract(args, items):
    if args.cmd:
        return run_cli(args.cmd, items)
    return run_driver(args.driver, items)


def body_of(result, field):
    if "error" in result:
        return ""
    if field == "body_in_order" and "body_in_order" in result:
        return result["body_in_order"]
    return result.get("text", "")


def read_manifest(path, limit):
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    return rows[:limit] if limit else rows


# ---------------------------------------------------------------- trafilatura_eval

def eval_trafilatura(args):
    base = os.path.join(args.shared, "eval/extraction/trafilatura_eval")
    rows = read_manifest(os.path.join(base, "manifest.jsonl"), args.limit)
    results = extract(args, [(os.path.join(base, r["path"]), r["url"]) for r in rows])
    tp = fp = fn = tn = 0
    title_ok = title_n = author_ok = author_n = 0
    errors = []
    for r, res in zip(rows, results):
        text = norm_ws(body_of(res, args.field))
        missed, leaked = [], []
        for s in r.get("with") or []:
            if norm_ws(s) in text:
                tp += 1
            else:
                fn += 1
                missed.append(s)
        for s in r.get("without") or []:
            if norm_ws(s) in text:
                fp += 1
                leaked.append(s)
            else:
                tn += 1
        if r.get("title"):
            title_n += 1
            title_ok += norm_ws(res.get("title")) == norm_ws(r["title"])
        if r.get("author"):
            author_n += 1
            author_ok += norm_ws(res.get("author")) == norm_ws(r["author"])
        if missed or leaked:
            errors.append({"path": r["path"], "missed": missed, "leaked": leaked})
    p = tp / max(1, tp + fp)
    rec = tp / max(1, tp + fn)
    f1 = 2 * tp / max(1, 2 * tp + fp + fn)
    acc = (tp + tn) / max(1, tp + fp + fn + tn)
    print(f"trafilatura_eval: docs={len(rows)} TP={tp} FP={fp} FN={fn} TN={tn}")
    print(f"  precision={p:.3f} recall={rec:.3f} accuracy={acc:.3f} F1={f1:.3f}  (trafilatura 2.2.0: 0.924)")
    print(f"  title exact={title_ok}/{title_n}={title_ok / max(1, title_n):.3f}  "
          f"author exact={author_ok}/{author_n}={author_ok / max(1, author_n):.3f}")
    return errors


# ---------------------------------------------------------------- scrapinghub AEB

def shingles(text, n=4):
    toks = TOKEN.findall(text or "")
    return collections.Counter(tuple(toks[i:i + n]) for i in range(max(0, len(toks) - n + 1))), toks


def aeb_prf(true_text, pred_text):
    t, ttoks = shingles(true_text)
    p, ptoks = shingles(pred_text)
    tp = sum(min(c, p[k]) for k, c in t.items())
    fp = sum(max(0, c - t[k]) for k, c in p.items())
    fn = sum(max(0, c - p[k]) for k, c in t.items())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    if fp == 0 and fn == 0:
        prec = rec = 1.0
    elif tp == 0:
        prec = rec = 0.0
    else:
        prec, rec = tp / (tp + fp), tp / (tp + fn)
    return prec, rec, ttoks == ptoks


def aeb_score(truth, pred):
    ps, rs, exact = [], [], 0
    for key, g in truth.items():
        pr, rc, eq = aeb_prf(g.get("articleBody", ""), (pred.get(key) or {}).get("articleBody", ""))
        ps.append(pr)
        rs.append(rc)
        exact += eq
    P = sum(ps) / len(ps)
    R = sum(rs) / len(rs)
    F = 2 * P * R / (P + R) if P + R else 0.0
    return P, R, F, exact / len(ps)


def load_aeb_truth(base):
    return json.load(open(os.path.join(base, "ground-truth.json"), encoding="utf-8"))


def validate_aeb(args):
    base = os.path.join(args.shared, "eval/extraction/scrapinghub_aeb")
    truth = load_aeb_truth(base)
    published = {"trafilatura": 0.958, "readability_js": 0.947, "newspaper": 0.949, "html-text": 0.665}
    for name, pub in published.items():
        d = json.load(open(os.path.join(base, "reference_outputs", name + ".json"), encoding="utf-8"))
        if "output" in d:
            d = d["output"]
        P, R, F, A = aeb_score(truth, d)
        print(f"validate-aeb {name:15s} P={P:.3f} R={R:.3f} F1={F:.3f} (published {pub}) acc={A:.3f}")
    return []


def eval_aeb(args):
    base = os.path.join(args.shared, "eval/extraction/scrapinghub_aeb")
    truth = load_aeb_truth(base)
    keys = list(truth)[: args.limit] if args.limit else list(truth)
    truth = {k: truth[k] for k in keys}
    results = extract(args, [(os.path.join(base, "html", k + ".html.gz"), truth[k].get("url", "")) for k in keys])
    pred = {k: {"articleBody": body_of(res, args.field)} for k, res in zip(keys, results)}
    P, R, F, A = aeb_score(truth, pred)
    print(f"scrapinghub_aeb: docs={len(keys)} precision={P:.3f} recall={R:.3f} F1={F:.3f} accuracy={A:.3f}"
          "  (trafilatura 0.958, readability.js 0.947)")
    errors = []
    for k in keys:
        pr, rc, _ = aeb_prf(truth[k]["articleBody"], pred[k]["articleBody"])
        if pr < 0.9 or rc < 0.9:
            errors.append({"id": k, "url": truth[k].get("url"), "P": round(pr, 3), "R": round(rc, 3)})
    return errors


# ---------------------------------------------------------------- htmldate

def eval_htmldate(args):
    base = os.path.join(args.shared, "eval/extraction/htmldate_eval")
    rows = read_manifest(os.path.join(base, "manifest.jsonl"), args.limit)
    results = extract(args, [(os.path.normpath(os.path.join(base, r["path"])), r["url"]) for r in rows])
    tp = fp = fn = 0
    errors = []
    for r, res in zip(rows, results):
        got = (res.get("date") or "")[:10]
        if not got:
            fn += 1
        elif got == r["date"]:
            tp += 1
        else:
            fp += 1
        if got != r["date"]:
            errors.append({"path": r["path"], "gold": r["date"], "got": got})
    n = len(rows)
    P = tp / max(1, tp + fp)
    R = tp / max(1, tp + fn)
    F = 2 * P * R / (P + R) if P + R else 0
    print(f"htmldate_eval: docs={n} TP={tp} FP={fp} FN={fn} accuracy={tp / max(1, n):.3f} "
          f"P={P:.3f} R={R:.3f} F1={F:.3f}  (htmldate: acc 0.903, F1 0.949)")
    return errors


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--suite", default="all",
                    choices=["all", "trafilatura", "aeb", "htmldate", "validate-aeb"])
    ap.add_argument("--driver", default=os.path.join(ROOT, "build-exhtml/bench/extract_html_driver"))
    ap.add_argument("--cmd", help="CLI command instead of the driver (gets --url URL FILE appended)")
    ap.add_argument("--shared", default=os.path.join(ROOT, "../shared"))
    ap.add_argument("--field", default="body_in_order", choices=["body_in_order", "text"],
                    help="body_in_order: lead+paragraphs+subheadings in page order; text: Article.text")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", help="write per-document misses as JSON to this file")
    args = ap.parse_args()
    suites = {"trafilatura": eval_trafilatura, "aeb": eval_aeb, "htmldate": eval_htmldate,
              "validate-aeb": validate_aeb}
    chosen = ["validate-aeb", "trafilatura", "aeb", "htmldate"] if args.suite == "all" else [args.suite]
    all_errors = {}
    for s in chosen:
        all_errors[s] = suites[s](args)
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as f:
            json.dump(all_errors, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
