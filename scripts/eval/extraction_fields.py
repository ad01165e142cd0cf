#!/usr/bin/env python3
"""Scores the structure fields of the article reader against fundus_testdata.

Gold: ../shared/eval/extraction/fundus_testdata (fundus's per-site parser fixtures; see its README).
Fields and how they are compared (each only on pages whose gold has a value):

  title        exact (white space collapsed) | normalised (case-folded, \\w+ tokens only)
  lead         gold body.summary joined by " " vs Article.lead; exact | normalised;
               plus the mean token F1 ("soft")
  subheadings  gold section headlines (in order) vs Article.subheadings; exact = same list,
               normalised = same list of normalised strings; plus micro P/R/F1 of the
               normalised headings as multisets
  captions     gold image captions (non-empty) vs Article.images[].caption as sets; exact = the
               sets are equal, normalised = equal after normalisation; plus micro P/R/F1
  credits      for each gold image with a caption and photo credit (image.authors), the
               predicted image with the same normalised caption; exact = credit equals the gold
               authors joined by "/", " / " or ", "; normalised = same set of \\w+ tokens
  authors      gold authors vs Article.author; exact = joined by ", "; normalised = the same
               set of names (split on , ; & "und" "and" "/"), case-folded
  date         gold publishing_date vs Article.date; "exact" column = same day (YYYY-MM-DD);
               "normalised" column = same time to the second (same instant when both carry a
               zone, same wall-clock time when one has none; a date without a time only matches
               a gold date without a time)

The extractor: either the batch driver of the HTML reader (--driver, "path<TAB>url" lines in, one
JSON article per line out) or one process per page (--cmd, default
"build/pressekarte extract --format html --url {url} {file}", the page ungzipped to a temp file).

Usage:
  python3 scripts/eval/extraction_fields.py [--driver build-exhtml/bench/extract_html_driver]
      [--cmd "build/pressekarte extract --format html --url {url} {file}"]
      [--shared ../shared] [--country de] [--limit N] [--details FILE]
Standard library only.
"""
import argparse
import collections
import datetime
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
NAME_SPLIT = re.compile(r"\s*(?:,|;|&|/|\bund\b|\band\b)\s*")


def ws(s):
    return WS.sub(" ", s or "").strip()


def norm(s):
    return " ".join(TOKEN.findall((s or "").casefold()))


def token_f1(gold, pred):
    g = collections.Counter(TOKEN.findall(gold.casefold()))
    p = collections.Counter(TOKEN.findall(pred.casefold()))
    tp = sum((g & p).values())
    if tp == 0:
        return 0.0
    prec, rec = tp / sum(p.values()), tp / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def parse_instant(s):
    """(day, datetime to the second or None) from an ISO-like string; naive if no zone."""
    s = ws(s)
    if not s:
        return None, None
    day = s[:10]
    if not re.match(r"\d{4}-\d{2}-\d{2}$", day):
        return None, None
    if len(s) <= 10:
        return day, None
    try:
        dt = datetime.datetime.fromisoformat(s.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return day, None
    return day, dt.replace(microsecond=0)


def same_instant(gday, ginst, pday, pinst):
    """Same second when both carry a zone; same wall-clock time when either is naive; else same day."""
    if ginst is None or pinst is None:
        return ginst is None and pinst is None and gday == pday
    if (ginst.tzinfo is None) != (pinst.tzinfo is None):
        return ginst.replace(tzinfo=None) == pinst.replace(tzinfo=None)
    return ginst == pinst


# ---------------------------------------------------------------- running the extractor

def load_pages(shared, country, limit):
    base = os.path.join(shared, "eval", "extraction", "fundus_testdata")
    pages = []
    with open(os.path.join(base, "manifest.jsonl"), encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            if country and m["country"] != country:
                continue
            with open(os.path.join(base, m["expected"]), encoding="utf-8") as g:
                gold = json.load(g)[m["version"]]
            pages.append((os.path.join(base, m["html"]), m["url"], gold, m))
    return pages[:limit] if limit else pages


def run_driver(driver, pages):
    data = "".join(f"{p}\t{u}\n" for p, u, _, _ in pages)
    proc = subprocess.run([driver], input=data.encode(), stdout=subprocess.PIPE, check=True)
    out = [json.loads(l) for l in proc.stdout.decode("utf-8", "replace").splitlines() if l.strip()]
    if len(out) != len(pages):
        sys.exit(f"driver returned {len(out)} results for {len(pages)} pages")
    return out


def run_cmd(cmd, pages):
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for path, url, _, _ in pages:
            file = os.path.join(tmp, "page.html")
            with gzip.open(path, "rb") as f, open(file, "wb") as g:
                g.write(f.read())
            argv = [a.replace("{url}", url).replace("{file}", file) for a in shlex.split(cmd)]
            proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
            first = next((l for l in proc.stdout.decode("utf-8", "replace").splitlines() if l.strip()), "")
            try:
                out.append(json.loads(first))
            except json.JSONDecodeError:
                out.append({"error": proc.stderr.decode("utf-8", "replace")[-300:]})
    return out


# ---------------------------------------------------------------- scoring

class Field:
    def __init__(self):
        self.n = self.exact = self.normalised = 0
        self.soft = 0.0
        self.tp = self.fp = self.fn = 0

    def add(self, exact, normalised, soft=None):
        self.n += 1
        self.exact += bool(exact)
        self.normalised += bool(normalised)
        if soft is not None:
            self.soft += soft

    def add_sets(self, gold, pred):
        g, p = collections.Counter(gold), collections.Counter(pred)
        tp = sum((g & p).values())
        self.tp += tp
        self.fp += sum(p.values()) - tp
        self.fn += sum(g.values()) - tp

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_page(gold, pred, fields, detail):
    body = gold.get("body") or {}
    # title
    if ws(gold.get("title")):
        g, p = ws(gold["title"]), ws(pred.get("title"))
        fields["title"].add(g == p, norm(g) == norm(p))
        detail["title"] = [g, p]
    # lead
    summary = ws(" ".join(body.get("summary") or []))
    if summary:
        p = ws(pred.get("lead"))
        fields["lead"].add(summary == p, norm(summary) == norm(p), token_f1(summary, p))
        detail["lead"] = [summary[:120], p[:120]]
    # subheadings
    heads = [ws(h) for s in body.get("sections") or [] for h in s.get("headline") or [] if ws(h)]
    if heads:
        p = [ws(h) for h in pred.get("subheadings") or []]
        fields["subheadings"].add(heads == p, [norm(h) for h in heads] == [norm(h) for h in p])
        fields["subheadings"].add_sets([norm(h) for h in heads], [norm(h) for h in p])
        detail["subheadings"] = [heads, p]
    # captions and credits
    images = gold.get("images") or []
    gold_caps = [ws(im.get("caption")) for im in images if ws(im.get("caption"))]
    pred_images = pred.get("images") or []
    pred_caps = [ws(im.get("caption")) for im in pred_images if ws(im.get("caption"))]
    if gold_caps:
        fields["captions"].add(set(gold_caps) == set(pred_caps),
                               {norm(c) for c in gold_caps} == {norm(c) for c in pred_caps})
        fields["captions"].add_sets({norm(c) for c in gold_caps}, {norm(c) for c in pred_caps})
        detail["captions"] = [gold_caps, pred_caps]
    by_caption = {norm(im.get("caption")): ws(im.get("credit")) for im in pred_images}
    for im in images:
        authors = [ws(a) for a in im.get("authors") or [] if ws(a)]
        if not authors or not ws(im.get("caption")):
            continue
        credit = by_caption.get(norm(im.get("caption")), "")
        joins = {"/".join(authors), " / ".join(authors), ", ".join(authors)}
        fields["credits"].add(credit in joins, set(TOKEN.findall(credit.casefold())) ==
                              set(TOKEN.findall(" ".join(authors).casefold())))
        detail.setdefault("credits", []).append([authors, credit])
    # authors
    gold_authors = [ws(a) for a in gold.get("authors") or [] if ws(a)]
    if gold_authors:
        p = ws(pred.get("author"))
        names = {n.casefold() for n in NAME_SPLIT.split(p) if n.strip()}
        fields["authors"].add(p == ", ".join(gold_authors), names == {a.casefold() for a in gold_authors})
        detail["authors"] = [gold_authors, p]
    # date
    gday, ginst = parse_instant(gold.get("publishing_date"))
    if gday:
        pday, pinst = parse_instant(pred.get("date"))
        fields["date"].add(gday == pday, same_instant(gday, ginst, pday, pinst))
        detail["date"] = [gold.get("publishing_date"), pred.get("date")]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--driver", help="batch driver (path<TAB>url lines in, JSON lines out)")
    ap.add_argument("--cmd", default="build/pressekarte extract --format html --url {url} {file}")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--country", default="", help="only this country folder (e.g. de)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--details", help="write per-page gold/prediction pairs as JSON Lines")
    args = ap.parse_args()

    pages = load_pages(args.shared, args.country, args.limit)
    preds = run_driver(args.driver, pages) if args.driver else run_cmd(args.cmd, pages)
    names = ["title", "lead", "subheadings", "captions", "credits", "authors", "date"]
    groups = {"all": {n: Field() for n in names}, "de": {n: Field() for n in names}}
    errors = 0
    details = []
    for (path, url, gold, meta), pred in zip(pages, preds):
        if "error" in pred:
            errors += 1
        detail = {"html": meta["html"]}
        score_page(gold, pred, groups["all"], detail)
        if meta["country"] == "de":
            score_page(gold, pred, groups["de"], {})
        details.append(detail)
    if args.details:
        with open(args.details, "w", encoding="utf-8") as f:
            for d in details:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")

    print(f"fundus_testdata: {len(pages)} pages, {errors} extractor errors\n")
    for group, fields in groups.items():
        if not any(f.n for f in fields.values()):
            continue
        print(f"### {'all countries' if group == 'all' else 'German outlets (de/)'}\n")
        print("| field | pages with gold | exact | normalised | extra |")
        print("|---|---|---|---|---|")
        for n in names:
            f = fields[n]
            if not f.n:
                continue
            extra = ""
            if n == "lead":
                extra = f"mean token F1 {f.soft / f.n:.3f}"
            elif n in ("subheadings", "captions"):
                p, r, f1 = f.prf()
                extra = f"items P {p:.3f} R {r:.3f} F1 {f1:.3f}"
            print(f"| {n} | {f.n} | {f.exact / f.n:.3f} | {f.normalised / f.n:.3f} | {extra} |")
        print()


if __name__ == "__main__":
    main()
