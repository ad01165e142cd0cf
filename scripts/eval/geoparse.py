#!/usr/bin/env python3
"""Geoparser evaluation against the gold corpora in ../shared/eval (python3 stdlib only).

Runs a command that speaks the JSONL interface ({"id","text"[,"spans"]} in, {"id","places","focus"}
out) once per corpus and reports, end to end: recognition P/R/F1 (exact and overlapping spans),
accuracy within 10/50/161 km, median error, AUC of the log error curve; resolution-only accuracy
given gold spans; and for the German set focus@10km and place P/R/F1@10km.

  python3 scripts/eval/geoparse.py [--cmd "build/pressekarte geoparse --jsonl"] [--shared ../shared]
                                   [--corpora lgl,geovirus,trnews,hipe,de] [--split all|even|odd]
                                   [--limit N] [--markdown] [--no-resolve-only]

Split: documents are numbered in file order; --split even/odd keeps only those with an even/odd
number (tune on even, report odd). Gold coordinates of LGL and GeoVirus are corrected with
wikidata-patches when the corpus coordinate matches a patch row.
"""
import argparse
import json
import math
import os
import shlex
import statistics
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET


def haversine(lat1, lon1, lat2, lon2):
    r = math.pi / 180
    a = (math.sin((lat2 - lat1) * r / 2) ** 2 +
         math.cos(lat1 * r) * math.cos(lat2 * r) * math.sin((lon2 - lon1) * r / 2) ** 2)
    return 6371.0 * 2 * math.atan2(math.sqrt(a), math.sqrt(max(0.0, 1 - a)))


# ---------------------------------------------------------------- corpora

def load_patches(path):
    patches = {}
    if not os.path.exists(path):
        return patches
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = [p.strip() for p in line.rstrip("\n").split("\t")]
            if len(parts) < 3:
                continue
            try:
                a = [float(x) for x in parts[1].split(",")]
                b = [float(x) for x in parts[2].split(",")]
            except ValueError:
                continue
            patches[(parts[0], round(a[0], 3), round(a[1], 3))] = (b[0], b[1])
    return patches


def patched(patches, name, lat, lon):
    return patches.get((name, round(lat, 3), round(lon, 3)), (lat, lon))


def load_lgl_like(path, patches, fix_offsets):
    docs = []
    root = ET.parse(path).getroot()
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            phrase = t.findtext("phrase") or ""
            if fix_offsets and text[s:e] != phrase:
                found = -1
                for d in range(0, 6):
                    for cand in (s - d, s + d):
                        if 0 <= cand and text[cand:cand + len(phrase)] == phrase:
                            found = cand
                            break
                    if found >= 0:
                        break
                if found < 0:
                    continue
                s, e = found, found + len(phrase)
            g = t.find("gaztag")
            lat = lon = None
            gname = g.findtext("name") if g is not None else None
            fcode = g.findtext("fcode") if g is not None else None
            if g is not None and g.findtext("lat"):
                lat, lon = float(g.findtext("lat")), float(g.findtext("lon"))
                lat, lon = patched(patches, phrase, lat, lon)
            gold.append({"s": s, "e": e, "surface": phrase, "lat": lat, "lon": lon, "name": gname,
                         "area": bool(fcode) and (fcode.startswith("PCL") or fcode in ("ADM1", "CONT"))})
        docs.append({"id": art.get("docid") or str(len(docs)), "text": text, "gold": gold})
    return docs


def load_geovirus(path, patches):
    docs = []
    root = ET.parse(path).getroot()
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        gold = []
        for loc in art.iter("location"):
            name = loc.findtext("name") or ""
            s, e = int(loc.findtext("start")) - 1, int(loc.findtext("end")) - 1
            lat, lon = float(loc.findtext("lat")), float(loc.findtext("lon"))
            lat, lon = patched(patches, name, lat, lon)
            page = urllib.parse.unquote((loc.findtext("page") or "").rsplit("/", 1)[-1]).replace("_", " ")
            gold.append({"s": s, "e": e, "surface": name, "lat": lat, "lon": lon, "name": page, "area": None})
        docs.append({"id": "gv-%d" % i, "text": text, "gold": gold})
    return docs


def load_hipe(folder):
    """Documents of all HIPE German files rebuilt as text with LOC spans (recognition only)."""
    docs = []
    for fn in sorted(os.listdir(folder)):
        if not fn.endswith(".tsv"):
            continue
        cur = None
        with open(os.path.join(folder, fn), encoding="utf-8") as f:
            parts, gold, ent, space_after = [], [], None, True
            pos = 0

            def flush():
                nonlocal parts, gold, ent, pos
                if ent is not None:
                    gold.append(ent)
                if cur is not None and parts:
                    docs.append({"id": cur, "text": "".join(parts), "gold": [
                        {"s": a, "e": b, "surface": "", "lat": None, "lon": None} for a, b in gold]})
                parts, gold, ent, pos = [], [], None, 0

            for line in f:
                line = line.rstrip("\n")
                if line.startswith("# hipe2022:document_id"):
                    flush()
                    cur = fn + ":" + line.split("=", 1)[1].strip()
                    continue
                if not line or line.startswith("#") or line.startswith("TOKEN\t"):
                    continue
                cols = line.split("\t")
                if len(cols) < 10:
                    continue
                tok, tag, misc = cols[0], cols[1], cols[9]
                if parts and space_after:
                    parts.append(" ")
                    pos += 1
                if "EndOfLine" in misc and tok.endswith("¬"):
                    pass
                s = pos
                parts.append(tok)
                pos += len(tok)
                space_after = "NoSpaceAfter" not in misc
                if "EndOfLine" in misc or "EndOfSentence" in misc:
                    if "EndOfLine" in misc:
                        parts.append("\n")
                        pos += 1
                        space_after = False
                t = tag.lower()
                if t == "b-loc":
                    if ent is not None:
                        gold.append(ent)
                    ent = (s, pos)
                elif t == "i-loc" and ent is not None:
                    ent = (ent[0], s + len(tok))
                else:
                    if ent is not None:
                        gold.append(ent)
                        ent = None
            flush()
    return docs


def load_de(path):
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            gold, in_name = [], []
            for p in d["places"]:
                inn = {tuple(x) for x in p.get("in_name_offsets", [])}
                for s, e in p["offsets"]:
                    gold.append({"s": s, "e": e, "surface": p["surface"], "lat": p["lat"], "lon": p["lon"],
                                 "in_name": (s, e) in inn})
            foci = [d["focus"]] + d.get("focus_alternatives", []) if d.get("focus") else []
            docs.append({"id": d["id"], "text": d["text"], "gold": gold, "foci": foci})
    return docs


# ---------------------------------------------------------------- running the geoparser

def run(cmd, docs, spans=False, language=""):
    lines = []
    for d in docs:
        o = {"id": d["id"], "text": d["text"]}
        if language:
            o["language"] = language
        if spans:
            o["spans"] = [[g["s"], g["e"]] for g in d["gold"]]
        lines.append(json.dumps(o, ensure_ascii=False))
    p = subprocess.run(shlex.split(cmd), input="\n".join(lines) + "\n", capture_output=True,
                       text=True, encoding="utf-8")
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        raise SystemExit("geoparse command failed: %s" % cmd)
    out = {}
    for line in p.stdout.splitlines():
        if line.strip():
            o = json.loads(line)
            out[str(o.get("id"))] = o
    return out


def pred_places(o):
    return [p for p in (o or {}).get("places", []) if p.get("field", "text") in ("text", None, "")]


# ---------------------------------------------------------------- scores

def prf(tp_p, n_pred, tp_r, n_gold):
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def auc(errors):
    """Area under the curve of log(1+error km)/log(20039), normalised to [0,1] (lower is better)."""
    if not errors:
        return float("nan")
    mx = math.log(20039 + 1)
    return sum(math.log(1 + min(e, 20039)) / mx for e in errors) / len(errors)


def norm(s):
    return " ".join((s or "").lower().replace(".", "").split())


def error_km(g, p, area_aware):
    """Distance from gold to prediction. With area_aware, a predicted country/state/continent
    (placed at its capital by design) counts as exact when it names the gold referent."""
    if area_aware and p.get("kind") in ("country", "admin1", "continent") and g.get("area") is not False:
        names = {norm(p.get("name")), norm(p.get("surface"))}
        if norm(g.get("name")) in names or (g.get("area") and norm(g.get("surface")) in names):
            return 0.0
    return haversine(g["lat"], g["lon"], p["lat"], p["lon"])


def score_english(docs, out, area_aware=False):
    n_gold = n_pred = 0
    tp_exact_p = tp_exact_r = tp_ov_p = tp_ov_r = 0
    errors = []  # per gold toponym with coordinates: error km of the overlapping prediction, or inf
    for d in docs:
        preds = pred_places(out.get(str(d["id"])))
        gold = d["gold"]
        n_gold += len(gold)
        n_pred += len(preds)
        gspans = {(g["s"], g["e"]) for g in gold}
        for p in preds:
            if (p["start"], p["end"]) in gspans:
                tp_exact_p += 1
            if any(p["start"] < g["e"] and g["s"] < p["end"] for g in gold):
                tp_ov_p += 1
        for g in gold:
            exact = [p for p in preds if (p["start"], p["end"]) == (g["s"], g["e"])]
            ov = exact or [p for p in preds if p["start"] < g["e"] and g["s"] < p["end"]]
            tp_exact_r += bool(exact)
            tp_ov_r += bool(ov)
            if g["lat"] is None:
                continue
            if ov:
                errors.append(error_km(g, ov[0], area_aware))
            else:
                errors.append(float("inf"))
    pe, re_, fe = prf(tp_exact_p, n_pred, tp_exact_r, n_gold)
    po, ro, fo = prf(tp_ov_p, n_pred, tp_ov_r, n_gold)
    found = [e for e in errors if e != float("inf")]
    n = len(errors)
    return {
        "docs": len(docs), "gold": n_gold, "pred": n_pred,
        "P": pe, "R": re_, "F1": fe, "P_ov": po, "R_ov": ro, "F1_ov": fo,
        "acc10": sum(e <= 10 for e in errors) / n if n else 0,
        "acc50": sum(e <= 50 for e in errors) / n if n else 0,
        "acc161": sum(e <= 161 for e in errors) / n if n else 0,
        "acc161_found": sum(e <= 161 for e in found) / len(found) if found else 0,
        "median_km": statistics.median(found) if found else float("nan"),
        "auc": auc(found),
    }


def score_resolution(docs, out, area_aware=False):
    errors = []
    for d in docs:
        preds = pred_places(out.get(str(d["id"])))
        for g in d["gold"]:
            if g["lat"] is None:
                continue
            ov = [p for p in preds if (p["start"], p["end"]) == (g["s"], g["e"])]
            errors.append(error_km(g, ov[0], area_aware) if ov else float("inf"))
    n = len(errors)
    found = [e for e in errors if e != float("inf")]
    return {"n": n, "acc161": sum(e <= 161 for e in errors) / n if n else 0,
            "acc50": sum(e <= 50 for e in errors) / n if n else 0,
            "median_km": statistics.median(found) if found else float("nan"), "auc": auc(found),
            "unresolved": n - len(found)}


def score_de(docs, out, include_in_name=True):
    n_focus = ok_focus = 0
    tp_r = n_gold = 0
    tp_p = n_pred = 0
    for d in docs:
        o = out.get(str(d["id"])) or {}
        preds = pred_places(o)
        gold = [g for g in d["gold"] if include_in_name or not g.get("in_name")]
        all_gold = d["gold"]
        n_gold += len(gold)
        for g in gold:
            if any(p["start"] < g["e"] and g["s"] < p["end"] and
                   haversine(g["lat"], g["lon"], p["lat"], p["lon"]) <= 10 for p in preds):
                tp_r += 1
        for p in preds:
            ov = [g for g in all_gold if p["start"] < g["e"] and g["s"] < p["end"]]
            if not include_in_name and ov and all(g.get("in_name") for g in ov):
                continue
            n_pred += 1
            if any(haversine(g["lat"], g["lon"], p["lat"], p["lon"]) <= 10 for g in ov):
                tp_p += 1
        if d["foci"]:
            n_focus += 1
            f = o.get("focus")
            if f and any(haversine(x["lat"], x["lon"], f["lat"], f["lon"]) <= 10 for x in d["foci"]):
                ok_focus += 1
    p, r, f1 = prf(tp_p, n_pred, tp_r, n_gold)
    return {"docs": len(docs), "gold": n_gold, "pred": n_pred, "focus10": ok_focus / n_focus if n_focus else 0,
            "P10": p, "R10": r, "F1_10": f1}


def score_recognition(docs, out):
    r = score_english([dict(d, gold=[dict(g, lat=None) for g in d["gold"]]) for d in docs], out)
    return r


# ---------------------------------------------------------------- main

def eval_samples(cmd, manifest, verbose):
    """Focus of the bundled sample corpus (ours, fictional): `cmd FILE` must print the CLI's
    geoparse JSON (one line with "focus" {lat, lon}); compared with the manifest's focus at 10 km."""
    base = os.path.dirname(manifest)
    rows = [json.loads(l) for l in open(manifest, encoding="utf-8") if l.strip()]
    hits = 0
    for r in rows:
        out = subprocess.run(shlex.split(cmd) + [os.path.join(base, r["file"])], capture_output=True,
                             text=True).stdout
        f = None
        for line in out.splitlines():
            if line.strip():
                f = json.loads(line).get("focus")
                break
        g = r["focus"]
        ok = bool(f) and f.get("lat") is not None and haversine(g["lat"], g["lon"], f["lat"], f["lon"]) <= 10
        hits += ok
        if not ok and verbose:
            print(f"  miss {r['file']}: gold {g['name']}, got {f and f.get('name')} ({f and f.get('surface')})")
    print(f"samples focus within 10 km: {hits}/{len(rows)} = {hits / max(len(rows), 1):.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", default="build/pressekarte geoparse --jsonl")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--corpora", default="lgl,geovirus,trnews,hipe,de")
    ap.add_argument("--split", default="all", choices=["all", "even", "odd"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--no-resolve-only", action="store_true")
    ap.add_argument("--dump", help="write the raw predictions of each corpus to DIR/<corpus>.jsonl")
    ap.add_argument("--samples-cmd", help="instead of the corpora: run CMD FILE per row of "
                    "samples/manifest.jsonl and score the focus (e.g. 'build/pressekarte geoparse')")
    ap.add_argument("--samples-manifest", default="samples/manifest.jsonl")
    a = ap.parse_args()
    if a.samples_cmd:
        eval_samples(a.samples_cmd, a.samples_manifest, True)
        return
    ev = os.path.join(a.shared, "eval", "geoparsing")
    corpora = a.corpora.split(",")

    def split(docs):
        if a.split != "all":
            docs = [d for i, d in enumerate(docs) if (i % 2 == 0) == (a.split == "even")]
        return docs[:a.limit] if a.limit else docs

    rows_en, rows_res, rows_de, rows_rec = [], [], [], []
    for c in corpora:
        if c == "lgl":
            docs = load_lgl_like(os.path.join(ev, "lgl", "lgl.xml"),
                                 load_patches(os.path.join(ev, "wikidata-patches", "lgl_patches.tsv")), False)
        elif c == "geovirus":
            docs = load_geovirus(os.path.join(ev, "geovirus", "GeoVirus.xml"),
                                 load_patches(os.path.join(ev, "wikidata-patches", "GeoVirus_patches.tsv")))
        elif c == "trnews":
            docs = load_lgl_like(os.path.join(ev, "tr-news", "TR-News.xml"), {}, True)
        elif c == "hipe":
            docs = split(load_hipe(os.path.join(ev, "hipe2022-de")))
            out = run(a.cmd, docs, language="de")
            rows_rec.append(("HIPE-2022 de (LOC)", score_recognition(docs, out)))
            continue
        elif c == "de":
            docs = split(load_de(os.path.join(a.shared, "eval", "geoparsing-de", "dev.jsonl")))
            out = run(a.cmd, docs, language="de")
            if a.dump:
                dump(a.dump, c, docs, out)
            rows_de.append(("geoparsing-de dev (all)", score_de(docs, out, True)))
            rows_de.append(("geoparsing-de dev (free mentions)", score_de(docs, out, False)))
            continue
        else:
            raise SystemExit("unknown corpus " + c)
        docs = split(docs)
        out = run(a.cmd, docs, language="en")
        if a.dump:
            dump(a.dump, c, docs, out)
        rows_en.append((c + " strict", score_english(docs, out)))
        rows_en.append((c + " area", score_english(docs, out, True)))
        if not a.no_resolve_only:
            out2 = run(a.cmd, docs, spans=True, language="en")
            rows_res.append((c + " strict", score_resolution(docs, out2)))
            rows_res.append((c + " area", score_resolution(docs, out2, True)))
    print_tables(rows_en, rows_res, rows_de, rows_rec, a.markdown, a.split)


def dump(folder, name, docs, out):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".jsonl"), "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d["id"], "text": d["text"], "gold": d["gold"],
                                "pred": out.get(str(d["id"]))}, ensure_ascii=False) + "\n")


def print_tables(rows_en, rows_res, rows_de, rows_rec, md, split):
    def table(title, header, rows):
        if not rows:
            return
        print(("### " if md else "== ") + title + ("" if md else " =="))
        if md:
            print("| " + " | ".join(header) + " |")
            print("|" + "---|" * len(header))
        else:
            print("  ".join("%-12s" % h for h in header))
        for r in rows:
            cells = [("%.3f" % x if isinstance(x, float) else str(x)) for x in r]
            print(("| " + " | ".join(cells) + " |") if md else "  ".join("%-12s" % x for x in cells))
        print()

    f = lambda x: x
    table("End to end, English (split=%s)" % split,
          ["corpus", "docs", "gold", "pred", "P", "R", "F1", "P_ov", "R_ov", "F1_ov", "Acc@10", "Acc@50",
           "Acc@161", "Acc@161 found", "median km", "AUC"],
          [(n, r["docs"], r["gold"], r["pred"], r["P"], r["R"], r["F1"], r["P_ov"], r["R_ov"], r["F1_ov"],
            r["acc10"], r["acc50"], r["acc161"], r["acc161_found"], r["median_km"], r["auc"]) for n, r in rows_en])
    table("Resolution only, gold spans given (split=%s)" % split,
          ["corpus", "toponyms", "Acc@50", "Acc@161", "median km", "AUC", "unresolved"],
          [(n, r["n"], r["acc50"], r["acc161"], r["median_km"], r["auc"], r["unresolved"]) for n, r in rows_res])
    table("German regional news (split=%s)" % split,
          ["set", "docs", "gold", "pred", "focus@10km", "P@10km", "R@10km", "F1@10km"],
          [(n, r["docs"], r["gold"], r["pred"], r["focus10"], r["P10"], r["R10"], r["F1_10"]) for n, r in rows_de])
    table("Recognition only (split=%s)" % split,
          ["corpus", "docs", "gold", "pred", "P", "R", "F1", "P_ov", "R_ov", "F1_ov"],
          [(n, r["docs"], r["gold"], r["pred"], r["P"], r["R"], r["F1"], r["P_ov"], r["R_ov"], r["F1_ov"])
           for n, r in rows_rec])
    del f


if __name__ == "__main__":
    main()
