#!/usr/bin/python3
"""Writes data/actors/countries.tsv: one row per ISO 3166-1 country with the names, demonyms
and capital a news text uses for it.

Input (read from ../shared at build time, never copied): the mledoze/countries table
(ODbL 1.0, attribution in NOTICE.md). Only facts are carried over: codes, names, capitals,
demonyms. The output is a derived database under ODbL.

Rules:
  - a demonym shared by several entries goes to the one sovereign state among them
    ("American": USA, not the Northern Mariana Islands); when none or several are
    sovereign ("Congolese") it is dropped: it cannot name one;
  - an alternative spelling is kept when it is a name, not a code (three letters or more);
  - a demonym written as two joined by a comma ("Bosnian, Herzegovinian") gives both;
  - capitals whose name is also a common English word or first name are dropped, since
    "Victoria" or "Male" in a sentence rarely means the country's government.
Hand-made additions (the States, Kyiv/Kiev, the Kremlin, ...) live in data/actors/actors.tsv.

Usage: tools/data/build_countries.py [SHARED_DIR] > data/actors/countries.tsv
"""
import collections
import csv
import hashlib
import sys
from pathlib import Path

shared = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared")
table = shared / "data/geo/countries/countries_compact.tsv"
AMBIGUOUS_CAPITALS = {"Male", "Victoria", "Kingston", "Georgetown", "Praia", "Saint John's", "Castries",
                      "Palikir", "Basseterre", "Funafuti", "Roseau", "Hamilton", "Jamestown", "Stanley",
                      "Adamstown", "Avarua", "Alofi", "Kingstown", "Charlotte Amalie", "Road Town",
                      "The Valley", "Plymouth", "Cockburn Town", "Douglas", "Saint Helier",
                      "Saint Peter Port", "Flying Fish Cove", "West Island", "Kingston", "Philipsburg",
                      "Willemstad", "Oranjestad", "Nuuk", "Tórshavn", "Gibraltar", "Jerusalem",
                      "King Edward Point", "Port-aux-Français", "Mata-Utu", "Hagåtña", "Saipan",
                      "Pago Pago", "Longyearbyen", "Marigot", "Gustavia", "Mamoudzou", "Saint-Denis",
                      "Saint-Pierre", "Papeetē", "Nouméa", "Fakaofo", "Kingston", "Diego Garcia",
                      "El Aaiún", "Bern", "Valletta", "Apia", "Majuro", "Yaren"}

rows = list(csv.DictReader(table.open(encoding="utf-8"), delimiter="\t"))
owners = collections.defaultdict(list)
for row in rows:
    for d in {row["demonym_eng_m"], row["demonym_eng_f"]}:
        if d:
            owners[d].append(row)
demonym_owner = {}
for d, rs in owners.items():
    sovereign = [r for r in rs if r["independent"] == "True"]
    if len(rs) == 1:
        demonym_owner[d] = rs[0]["cca3"]
    elif len(sovereign) == 1:
        demonym_owner[d] = sovereign[0]["cca3"]

print("# eventmill-countries\t1")
print(f"# source-sha256\t{hashlib.sha256(table.read_bytes()).hexdigest()[:16]}")
print("# Built by tools/data/build_countries.py from the mledoze/countries table (ODbL 1.0).")
print("# Columns: iso3, names (|), demonyms (|), capitals (|). Names match with their capital letters.")
for row in sorted(rows, key=lambda r: r["cca3"]):
    names = [row["name_common"]]
    if row["name_official"] != row["name_common"]:
        names.append(row["name_official"])
    for alt in row["altSpellings"].split("|"):
        alt = alt.strip()
        if len(alt) >= 3 and alt not in names and not alt.isdigit():
            names.append(alt)
    # "Bosnian, Herzegovinian": a country of two parts has a demonym for each.
    demonyms = sorted({part.strip() for d in (row["demonym_eng_m"], row["demonym_eng_f"])
                       if demonym_owner.get(d) == row["cca3"] for part in d.split(",")})
    capitals = [c for c in row["capitals"].split("|") if c and c not in AMBIGUOUS_CAPITALS and c not in names]
    print("\t".join([row["cca3"], "|".join(names), "|".join(demonyms), "|".join(capitals)]))
