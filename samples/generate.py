#!/usr/bin/env python3
"""Bookkeeping only: turns the hand-written items in samples/src/*.items into the sample corpus.

The prose lives in samples/src/*.items (authored for this project, fictional events in real
towns). This script only lays it out in the crawl-text format, writes the RSS file and the
manifest (gold focus place and story key per file). Run from anywhere:

    python3 samples/generate.py

Item syntax (one block per document, see samples/README.md):
    === id=… date=YYYY-MM-DD site=<site key> place=<place key> [story=<key>] [rss=1|geo]
    === wire=<key> place=<place key>        a wire text that reprints refer to (not written itself)
    === id=… date=… site=… from=<wire key> [keep=0,1,3] [rss=…]   a reprint of that wire text
    C: caption | Bild: Credit     (before T: the caption block at the page top, like the seed page)
    T: title   L: lead   D: dateline line ("Fulda.")   H: subheading   P: paragraph
    P^: (reprints) paragraph put before the wire body    A: agency tag at the end ("(dpa)")
"""
import json
import pathlib
import re
import shlex
import sys
from email.utils import format_datetime
from datetime import datetime, timezone
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent

SITES = {
    "osthessen": "Osthessen Kurier – Nachrichten aus der Region",
    "rhoen": "Rhön-Bote | Lokales aus Fulda, Neuhof und der Rhön",
    "nordhessen": "Nordhessen Echo – Kassel und Umgebung",
    "lahn": "Lahn-Dill Depesche",
    "mainufer": "Mainufer Blatt – Frankfurt und Rhein-Main",
    "saale": "Saale-Spiegel – Nachrichten aus Halle und dem Saalekreis",
    "boerde": "Elbe-Börde Nachrichten",
    "oderland": "Oderland Echo – Frankfurt (Oder) und Ostbrandenburg",
    "havel": "Havelblick Potsdam",
    "ruhr": "Ruhrblick – Nachrichten für Essen und das Revier",
    "westfalen": "Westfälischer Tagesbote",
    "rheinland": "Rheinische Abendpost",
    "dreiland": "Dreiländereck Anzeiger – Weil am Rhein, Lörrach, Basel",
    "neckar": "Neckar-Alb Kurier",
    "om": "Oldenburger Münsterland heute",
    "leineweser": "Leine-Weser Post",
    "isar": "Isar-Abendblatt",
    "franken": "Frankenspiegel – Nachrichten aus Franken",
    "donauwald": "Donau-Wald Bote",
    "spree": "Spree-Kurier – Berlin lokal",
    "alster": "Alster Anzeiger – Hamburg aktuell",
    "weserkante": "Weserkante – Bremen und Bremerhaven",
    "foerde": "Förde-Nachrichten",
    "ostseewelle": "Ostseewelle Nachrichten",
    "seenblatt": "Mecklenburger Seenblatt",
    "elbflorenz": "Elbflorenz aktuell",
    "pleisse": "Pleiße-Post Leipzig",
    "neisse": "Neiße-Grenzblatt",
    "ilmgera": "Ilm-Gera Nachrichten",
    "rennsteig": "Rennsteig Kompass",
    "rheinmosel": "Rhein-Mosel Blatt",
    "pfalz": "Pfalz-Echo",
    "saar": "Saarblick – Nachrichten von der Saar",
    "depesche": "Deutschland Depesche – Nachrichten aus aller Welt",
}

# name shown in the manifest, latitude, longitude, Land (or country for foreign datelines)
PLACES = {
    "Fulda": ("Fulda", 50.55, 9.68, "Hessen"),
    "Neuhof": ("Neuhof (Landkreis Fulda)", 50.45, 9.62, "Hessen"),
    "Bad Hersfeld": ("Bad Hersfeld", 50.87, 9.71, "Hessen"),
    "Kassel": ("Kassel", 51.32, 9.50, "Hessen"),
    "Marburg": ("Marburg", 50.81, 8.77, "Hessen"),
    "Gießen": ("Gießen", 50.58, 8.68, "Hessen"),
    "Frankfurt am Main": ("Frankfurt am Main", 50.11, 8.68, "Hessen"),
    "Darmstadt": ("Darmstadt", 49.87, 8.65, "Hessen"),
    "Hünfeld": ("Hünfeld", 50.67, 9.77, "Hessen"),
    "Halle (Saale)": ("Halle (Saale)", 51.48, 11.97, "Sachsen-Anhalt"),
    "Magdeburg": ("Magdeburg", 52.13, 11.63, "Sachsen-Anhalt"),
    "Wernigerode": ("Wernigerode", 51.83, 10.79, "Sachsen-Anhalt"),
    "Dessau-Roßlau": ("Dessau-Roßlau", 51.83, 12.24, "Sachsen-Anhalt"),
    "Stendal": ("Stendal", 52.61, 11.86, "Sachsen-Anhalt"),
    "Quedlinburg": ("Quedlinburg", 51.79, 11.15, "Sachsen-Anhalt"),
    "Frankfurt (Oder)": ("Frankfurt (Oder)", 52.34, 14.55, "Brandenburg"),
    "Potsdam": ("Potsdam", 52.40, 13.06, "Brandenburg"),
    "Cottbus": ("Cottbus", 51.76, 14.33, "Brandenburg"),
    "Eberswalde": ("Eberswalde", 52.83, 13.82, "Brandenburg"),
    "Neuruppin": ("Neuruppin", 52.93, 12.80, "Brandenburg"),
    "Brandenburg an der Havel": ("Brandenburg an der Havel", 52.41, 12.53, "Brandenburg"),
    "Essen": ("Essen", 51.46, 7.01, "Nordrhein-Westfalen"),
    "Köln": ("Köln", 50.94, 6.96, "Nordrhein-Westfalen"),
    "Münster": ("Münster", 51.96, 7.63, "Nordrhein-Westfalen"),
    "Bielefeld": ("Bielefeld", 52.02, 8.53, "Nordrhein-Westfalen"),
    "Halle (Westf.)": ("Halle (Westf.)", 52.06, 8.36, "Nordrhein-Westfalen"),
    "Paderborn": ("Paderborn", 51.72, 8.75, "Nordrhein-Westfalen"),
    "Aachen": ("Aachen", 50.78, 6.08, "Nordrhein-Westfalen"),
    "Siegen": ("Siegen", 50.87, 8.02, "Nordrhein-Westfalen"),
    "Dortmund": ("Dortmund", 51.51, 7.47, "Nordrhein-Westfalen"),
    "Weil am Rhein": ("Weil am Rhein", 47.59, 7.62, "Baden-Württemberg"),
    "Freiburg": ("Freiburg im Breisgau", 47.99, 7.85, "Baden-Württemberg"),
    "Stuttgart": ("Stuttgart", 48.78, 9.18, "Baden-Württemberg"),
    "Konstanz": ("Konstanz", 47.66, 9.18, "Baden-Württemberg"),
    "Ulm": ("Ulm", 48.40, 9.99, "Baden-Württemberg"),
    "Heidelberg": ("Heidelberg", 49.41, 8.69, "Baden-Württemberg"),
    "Tübingen": ("Tübingen", 48.52, 9.06, "Baden-Württemberg"),
    "Lörrach": ("Lörrach", 47.62, 7.66, "Baden-Württemberg"),
    "Vechta": ("Vechta", 52.73, 8.29, "Niedersachsen"),
    "Lohne": ("Lohne (Oldenburg)", 52.67, 8.24, "Niedersachsen"),
    "Oldenburg": ("Oldenburg", 53.14, 8.21, "Niedersachsen"),
    "Osnabrück": ("Osnabrück", 52.27, 8.05, "Niedersachsen"),
    "Göttingen": ("Göttingen", 51.53, 9.93, "Niedersachsen"),
    "Lüneburg": ("Lüneburg", 53.25, 10.41, "Niedersachsen"),
    "Celle": ("Celle", 52.62, 10.08, "Niedersachsen"),
    "Emden": ("Emden", 53.37, 7.21, "Niedersachsen"),
    "Hannover": ("Hannover", 52.37, 9.73, "Niedersachsen"),
    "München": ("München", 48.14, 11.58, "Bayern"),
    "Nürnberg": ("Nürnberg", 49.45, 11.08, "Bayern"),
    "Regensburg": ("Regensburg", 49.01, 12.10, "Bayern"),
    "Hof": ("Hof", 50.31, 11.91, "Bayern"),
    "Passau": ("Passau", 48.57, 13.43, "Bayern"),
    "Würzburg": ("Würzburg", 49.79, 9.93, "Bayern"),
    "Augsburg": ("Augsburg", 48.37, 10.90, "Bayern"),
    "Bamberg": ("Bamberg", 49.89, 10.89, "Bayern"),
    "Weiden": ("Weiden in der Oberpfalz", 49.68, 12.16, "Bayern"),
    "Berlin": ("Berlin", 52.52, 13.40, "Berlin"),
    "Spandau": ("Berlin-Spandau", 52.54, 13.20, "Berlin"),
    "Köpenick": ("Berlin-Köpenick", 52.45, 13.58, "Berlin"),
    "Neukölln": ("Berlin-Neukölln", 52.48, 13.44, "Berlin"),
    "Hamburg": ("Hamburg", 53.55, 9.99, "Hamburg"),
    "Harburg": ("Hamburg-Harburg", 53.46, 9.98, "Hamburg"),
    "Altona": ("Hamburg-Altona", 53.55, 9.94, "Hamburg"),
    "Bremen": ("Bremen", 53.08, 8.80, "Bremen"),
    "Bremerhaven": ("Bremerhaven", 53.55, 8.58, "Bremen"),
    "Kiel": ("Kiel", 54.32, 10.13, "Schleswig-Holstein"),
    "Lübeck": ("Lübeck", 53.87, 10.69, "Schleswig-Holstein"),
    "Flensburg": ("Flensburg", 54.78, 9.44, "Schleswig-Holstein"),
    "Husum": ("Husum", 54.48, 9.05, "Schleswig-Holstein"),
    "Neumünster": ("Neumünster", 54.07, 9.98, "Schleswig-Holstein"),
    "Rostock": ("Rostock", 54.09, 12.14, "Mecklenburg-Vorpommern"),
    "Schwerin": ("Schwerin", 53.63, 11.41, "Mecklenburg-Vorpommern"),
    "Greifswald": ("Greifswald", 54.10, 13.38, "Mecklenburg-Vorpommern"),
    "Stralsund": ("Stralsund", 54.31, 13.09, "Mecklenburg-Vorpommern"),
    "Neubrandenburg": ("Neubrandenburg", 53.56, 13.26, "Mecklenburg-Vorpommern"),
    "Wismar": ("Wismar", 53.89, 11.46, "Mecklenburg-Vorpommern"),
    "Bergen auf Rügen": ("Bergen auf Rügen", 54.42, 13.43, "Mecklenburg-Vorpommern"),
    "Leipzig": ("Leipzig", 51.34, 12.37, "Sachsen"),
    "Dresden": ("Dresden", 51.05, 13.74, "Sachsen"),
    "Görlitz": ("Görlitz", 51.15, 14.99, "Sachsen"),
    "Chemnitz": ("Chemnitz", 50.83, 12.92, "Sachsen"),
    "Plauen": ("Plauen", 50.50, 12.14, "Sachsen"),
    "Bautzen": ("Bautzen", 51.18, 14.42, "Sachsen"),
    "Erfurt": ("Erfurt", 50.98, 11.03, "Thüringen"),
    "Jena": ("Jena", 50.93, 11.59, "Thüringen"),
    "Weimar": ("Weimar", 50.98, 11.33, "Thüringen"),
    "Gotha": ("Gotha", 50.95, 10.70, "Thüringen"),
    "Suhl": ("Suhl", 50.61, 10.69, "Thüringen"),
    "Mühlhausen": ("Mühlhausen/Thüringen", 51.21, 10.45, "Thüringen"),
    "Mainz": ("Mainz", 50.00, 8.27, "Rheinland-Pfalz"),
    "Trier": ("Trier", 49.75, 6.64, "Rheinland-Pfalz"),
    "Koblenz": ("Koblenz", 50.36, 7.59, "Rheinland-Pfalz"),
    "Kaiserslautern": ("Kaiserslautern", 49.44, 7.77, "Rheinland-Pfalz"),
    "Landau": ("Landau in der Pfalz", 49.20, 8.12, "Rheinland-Pfalz"),
    "Neustadt an der Weinstraße": ("Neustadt an der Weinstraße", 49.35, 8.14, "Rheinland-Pfalz"),
    "Speyer": ("Speyer", 49.32, 8.43, "Rheinland-Pfalz"),
    "Saarbrücken": ("Saarbrücken", 49.23, 7.00, "Saarland"),
    "Homburg": ("Homburg (Saar)", 49.33, 7.34, "Saarland"),
    "Neunkirchen": ("Neunkirchen (Saar)", 49.35, 7.18, "Saarland"),
    "Merzig": ("Merzig", 49.44, 6.64, "Saarland"),
    "St. Wendel": ("St. Wendel", 49.47, 7.17, "Saarland"),
    "Saarlouis": ("Saarlouis", 49.31, 6.75, "Saarland"),
    "Wien": ("Wien", 48.21, 16.37, "Österreich"),
    "Zürich": ("Zürich", 47.37, 8.54, "Schweiz"),
    "Paris": ("Paris", 48.86, 2.35, "Frankreich"),
    "Brüssel": ("Brüssel", 50.85, 4.35, "Belgien"),
    "Washington": ("Washington, D.C.", 38.90, -77.04, "USA"),
    "Tokio": ("Tokio", 35.69, 139.69, "Japan"),
    "Straßburg": ("Straßburg", 48.58, 7.75, "Frankreich"),
    "Prag": ("Prag", 50.09, 14.42, "Tschechien"),
}

HEADER = re.compile(r"^===\s+(.*)$")
FIELD = re.compile(r"^(C|T|L|D|H|P\^|P|A):\s?(.*)$")


def parse(path):
    blocks, cur = [], None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        m = HEADER.match(line)
        if m:
            attrs = dict(kv.split("=", 1) for kv in shlex.split(m.group(1)))
            cur = {"attrs": attrs, "entries": [], "where": f"{path.name}:{n}"}
            blocks.append(cur)
            continue
        m = FIELD.match(line)
        if not m or cur is None:
            sys.exit(f"{path.name}:{n}: cannot read line: {line[:60]}")
        cur["entries"].append((m.group(1), m.group(2).strip()))
    return blocks


def field(entries, tag):
    vals = [v for t, v in entries if t == tag]
    return vals[0] if vals else None


def split_top(entries):
    """Leading caption entries form the caption block at the page top (like the seed page)."""
    i = 0
    while i < len(entries) and entries[i][0] == "C":
        i += 1
    return entries[:i], entries[i:]


def build(block, wires):
    a = block["attrs"]
    top, e = split_top(block["entries"])
    if "from" in a:
        base = wires[a["from"]]
        btop, be = split_top(base["entries"])
        body = [x for x in be if x[0] in ("P", "H", "C")]
        keep = a.get("keep")
        if keep:
            idx = {int(i) for i in keep.split(",")}
            body = [x for i, x in enumerate(body) if i in idx]
        pre = [("P", v) for t, v in e if t == "P^"]
        post = [x for x in e if x[0] in ("P", "H", "C")]
        doc = {
            "top": top,
            "title": field(e, "T") or field(be, "T"),
            "lead": field(e, "L") or field(be, "L"),
            "dateline": field(e, "D") if field(e, "D") is not None else field(be, "D"),
            "body": pre + body + post,
            "agency": field(e, "A") if field(e, "A") is not None else field(be, "A"),
        }
        place = a.get("place", base["attrs"]["place"])
        story = a.get("story", a["from"])
    else:
        doc = {
            "top": top,
            "title": field(e, "T"),
            "lead": field(e, "L"),
            "dateline": field(e, "D"),
            "body": [x for x in e if x[0] in ("P", "H", "C")],
            "agency": field(e, "A"),
        }
        place = a["place"]
        story = a.get("story", a["id"])
    if not doc["title"] or not doc["lead"]:
        sys.exit(f"{block['where']}: title or lead missing")
    return doc, place, story


def caption_lines(text):
    cap, credit = [s.strip() for s in text.split("|", 1)]
    return [cap, f"{cap} {credit}"]


def render(date, site, doc):
    out = [f" date {date} {site}"]
    for _, c in doc["top"]:
        out += caption_lines(c) + caption_lines(c)
    out.append(doc["title"])
    out.append(doc["lead"])
    out.append("")
    if doc["dateline"]:
        out += [doc["dateline"], ""]
    body = list(doc["body"])
    for i, (t, v) in enumerate(body):
        last = i == len(body) - 1
        if t == "C":
            out += caption_lines(v) + [""]
        elif t == "H":
            out += [v, ""]
        else:
            tail = f" {doc['agency']}" if last and doc["agency"] else ""
            out += [v + tail, ""]
    if body and body[-1][0] != "P" and doc["agency"]:
        out += [doc["agency"], ""]
    return "\n".join(out).rstrip("\n") + "\n"


def words(doc):
    text = " ".join([doc["title"], doc["lead"]] + [v for t, v in doc["body"] if t == "P"])
    return len(text.split())


def main():
    blocks = []
    for p in sorted((ROOT / "src").glob("*.items")):
        blocks += parse(p)
    wires = {b["attrs"]["wire"]: b for b in blocks if "wire" in b["attrs"]}
    docs = [b for b in blocks if "id" in b["attrs"]]
    crawl = ROOT / "crawl"
    crawl.mkdir(exist_ok=True)
    for old in crawl.glob("*.txt"):
        old.unlink()
    manifest, rss, seen, problems = [], [], set(), []
    for b in docs:
        a = b["attrs"]
        if a["id"] in seen:
            problems.append(f"{b['where']}: duplicate id {a['id']}")
        seen.add(a["id"])
        if a["site"] not in SITES:
            problems.append(f"{b['where']}: unknown site {a['site']}")
            continue
        doc, place, story = build(b, wires)
        if place not in PLACES:
            problems.append(f"{b['where']}: unknown place {place}")
            continue
        n = words(doc)
        if not 60 <= n <= 200:
            problems.append(f"{b['where']}: {a['id']} has {n} words")
        name = f"{a['date']}-{a['id']}.txt"
        (crawl / name).write_text(render(a["date"], SITES[a["site"]], doc), encoding="utf-8")
        pname, lat, lon, land = PLACES[place]
        manifest.append({"file": f"crawl/{name}", "story": story,
                         "focus": {"name": pname, "lat": lat, "lon": lon},
                         "land": land, "date": a["date"], "site": SITES[a["site"]]})
        if "rss" in a:
            rss.append((a, doc, PLACES[place]))
    with open(ROOT / "manifest.jsonl", "w", encoding="utf-8") as f:
        for m in sorted(manifest, key=lambda m: m["file"]):
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    write_rss(rss)
    for p in problems:
        print("warning:", p, file=sys.stderr)
    lands = sorted({m["land"] for m in manifest})
    print(f"{len(manifest)} crawl files, {len(rss)} feed items, {len({m['story'] for m in manifest})} stories, "
          f"{len(lands)} Länder/countries: {', '.join(lands)}")
    return 1 if problems else 0


def write_rss(items):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:georss="http://www.georss.org/georss" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/">',
           "<channel>",
           "<title>Pressekarte Beispielfeed – Regionale Nachrichten (fiktiv)</title>",
           "<link>https://pressekarte.example/</link>",
           "<description>Erfundene Regionalmeldungen aus allen Bundesländern, geschrieben als "
           "Beispielkorpus für Pressekarte.</description>",
           "<language>de-de</language>"]
    for a, doc, (pname, lat, lon, _) in sorted(items, key=lambda x: x[0]["date"], reverse=True):
        y, m, d = map(int, a["date"].split("-"))
        hour = 6 + (sum(map(ord, a["id"])) % 14)
        when = format_datetime(datetime(y, m, d, hour, 15, tzinfo=timezone.utc))
        paras = [v for t, v in doc["body"] if t == "P"]
        desc = doc["lead"] + ("\n\n" + paras[0] if paras else "")
        out += ["<item>",
                f"  <title>{escape(doc['title'])}</title>",
                f"  <link>https://{a['site']}.example/artikel/{a['id']}</link>",
                f"  <guid isPermaLink=\"false\">pressekarte-sample-{a['id']}</guid>",
                f"  <pubDate>{when}</pubDate>",
                f"  <dc:publisher>{escape(SITES[a['site']])}</dc:publisher>",
                f"  <description>{escape(desc)}</description>"]
        if a["rss"] == "geo":
            out.append(f"  <georss:point>{lat:.2f} {lon:.2f}</georss:point>")
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    (ROOT / "feeds").mkdir(exist_ok=True)
    (ROOT / "feeds" / "regional.rss").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
