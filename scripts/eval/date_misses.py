#!/usr/bin/env python3
"""Lists the publication-date misses of the HTML reader on htmldate_eval, with where on the page
the gold date stands.

For every page whose extracted day differs from the gold day it prints the URL, the gold date, our
date, and up to --contexts places in the raw HTML where the gold day is written (ISO, 28.10.2025,
10/28/2025, "28 October 2025", "October 28, 2025", 20251028 …), each with the markup around it, and
the same for our date. It also prints accuracy on the even and odd halves of the manifest (line
order, 0-based), so a change that only helps one half shows up.

  python3 scripts/eval/date_misses.py --driver build-exdates/bench/extract_html_driver
      [--shared ../shared] [--save run.json] [--compare old_run.json] [--contexts 4] [--quiet]

--save writes {path: our date} for every page; --compare prints the pages whose outcome changed
against such a file (gained / lost / still wrong with another date). Standard library only.
"""

import argparse
import gzip
import json
import os
import re
import sys

from extraction import run_driver  # the sibling script; same driver protocol

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december"]
MONTHS_DE = ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
             "oktober", "november", "dezember"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre"]
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre"]
MONTHS_IT = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
             "settembre", "ottobre", "novembre", "dicembre"]


def day_patterns(iso):
    """Regexes that find the day `iso` (YYYY-MM-DD) written the usual ways."""
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    yy = f"{y % 100:02d}"
    pats = [
        rf"{y}-0?{m}-0?{d}(?!\d)", rf"{y}/0?{m}/0?{d}(?!\d)", rf"{y}{m:02d}{d:02d}(?!\d)",
        rf"(?<!\d)0?{d}\.\s?0?{m}\.\s?(?:{y}|{yy})(?!\d)",
        rf"(?<!\d)0?{d}[/-]0?{m}[/-](?:{y}|{yy})(?!\d)", rf"(?<!\d)0?{m}[/-]0?{d}[/-](?:{y}|{yy})(?!\d)",
    ]
    for names in (MONTHS_EN, MONTHS_DE, MONTHS_FR, MONTHS_ES, MONTHS_IT):
        full = names[m - 1]
        short = full[:3]
        pats.append(rf"(?<!\d)0?{d}(?:st|nd|rd|th|er)?\.?\s*(?:de\s+)?(?:{full}|{short}\.?),?\s*(?:de\s+)?{y}")
        pats.append(rf"(?:{full}|{short}\.?)\s*0?{d}(?:st|nd|rd|th)?,?\s*{y}")
    return re.compile("|".join(pats), re.IGNORECASE)


def contexts(html, iso, limit, width=110):
    if not isinstance(iso, str) or len(iso) < 10:  # five gold dates are NaN (no date)
        return []
    out = []
    for mt in day_patterns(iso[:10]).finditer(html):
        a, b = max(0, mt.start() - width), min(len(html), mt.end() + 40)
        snippet = re.sub(r"\s+", " ", html[a:b])
        out.append(f"@{mt.start()}: …{snippet}…")
        if len(out) >= limit:
            break
    return out


def read_manifest(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--driver", required=True)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--save")
    ap.add_argument("--compare")
    ap.add_argument("--contexts", type=int, default=4)
    ap.add_argument("--quiet", action="store_true", help="scores and --compare only, no per-page list")
    args = ap.parse_args()

    base = os.path.join(args.shared, "eval/extraction/htmldate_eval")
    rows = read_manifest(os.path.join(base, "manifest.jsonl"))
    paths = [os.path.normpath(os.path.join(base, r["path"])) for r in rows]
    results = run_driver(args.driver, list(zip(paths, [r["url"] for r in rows])))
    got = {r["path"]: (res.get("date") or "")[:10] for r, res in zip(rows, results)}

    halves = [[0, 0], [0, 0]]
    for i, r in enumerate(rows):
        halves[i % 2][0] += got[r["path"]] == r["date"]
        halves[i % 2][1] += 1
    tp = sum(h[0] for h in halves)
    fn = sum(1 for r in rows if not got[r["path"]])
    print(f"htmldate_eval accuracy {tp / len(rows):.3f} (TP {tp} FP {len(rows) - tp - fn} FN {fn}); "
          f"even {halves[0][0] / halves[0][1]:.3f}, odd {halves[1][0] / halves[1][1]:.3f}")

    if args.save:
        with open(args.save, "w", encoding="utf-8") as f:
            json.dump(got, f, indent=0)
    if args.compare:
        with open(args.compare, encoding="utf-8") as f:
            old = json.load(f)
        for r in rows:
            o, n = old.get(r["path"], ""), got[r["path"]]
            if o == n:
                continue
            tag = "GAINED" if n == r["date"] else "LOST" if o == r["date"] else "CHANGED"
            print(f"{tag:8} {r['path']}  gold {r['date']}  was {o or '-'}  now {n or '-'}")
    if args.quiet:
        return
    for r, path in zip(rows, paths):
        ours = got[r["path"]]
        if ours == r["date"]:
            continue
        with gzip.open(path, "rb") as f:
            html = f.read().decode("utf-8", errors="replace")
        print(f"\n=== {r['path']}  {r['url']}\n    gold {r['date']}  ours {ours or '-'}")
        for c in contexts(html, r["date"], args.contexts):
            print("    gold " + c)
        for c in contexts(html, ours, 2):
            print("    ours " + c)


if __name__ == "__main__":
    main()
