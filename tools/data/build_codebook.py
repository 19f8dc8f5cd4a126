#!/usr/bin/python3
"""Writes data/codebook/cameo.tsv, eventmill's event codebook, from two public fact tables.

Inputs (read from ../shared at build time, never copied):
  - the CAMEO event-type table (code, name, Goldstein score), and
  - the CAMEO->PLOVER conversion table (PLOVER event type and mode per CAMEO code).
Only facts are carried over: codes, short labels, Goldstein values, PLOVER type and mode.

CAMEO roots 01 (statements) and 02 (appeals) have no PLOVER type: PLOVER dropped them.
A CAMEO code the PLOVER table does not list inherits the mapping of its nearest listed
parent (four digits -> three digits -> root); such rows are marked "inherited".

Usage: tools/data/build_codebook.py [SHARED_DIR] > data/codebook/cameo.tsv
"""
import csv
import hashlib
import sys
from pathlib import Path

shared = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared")
cameo_csv = shared / "data/gold/cameo_codebook_examples/eventtypes.csv"
plover_txt = shared / "data/gold/plover_gsr/CAMEO2PLOVER-2021.txt"


def sentence_case(label: str) -> str:
    label = label.strip()
    if label.isupper():
        label = label.capitalize()
    return label


plover = {}
for line in plover_txt.read_text(encoding="utf-8").splitlines():
    if not line[:1].isdigit():
        continue
    code, _, rest = line.partition(":")
    fields = rest.split("#")[0].split(",")
    ptype = fields[0].strip()
    mode = fields[1].strip() if len(fields) > 1 else ""
    plover[code.strip()] = (ptype, mode)

rows = list(csv.DictReader(cameo_csv.open(encoding="utf-8")))
goldstein_of = {row["code"].strip(): row["goldstein"].strip() for row in rows}
# The table repeats one label for both precision-guided codes; 1952 is the remotely piloted one.
LABEL_FIXES = {"1952": "Employ remotely piloted aerial munitions"}
digest = hashlib.sha256(cameo_csv.read_bytes() + plover_txt.read_bytes()).hexdigest()[:16]
print("# eventmill-codebook\t1")
print(f"# source-sha256\t{digest}")
print("# CAMEO event codes with Goldstein score and PLOVER type/mode. Built by tools/data/build_codebook.py."
      "\n# Codes without a published Goldstein value take their parent's.")
print("# Columns: code, label, goldstein, plover_type, plover_mode, plover_origin (listed|inherited|none).")
print("# QuadClass and root are derived from the code: roots 01-05 verbal cooperation (1), 06-08 material")
print("# cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).")
for row in rows:
    code = row["code"].strip()
    label = LABEL_FIXES.get(code, sentence_case(row["name"]))
    # Later additions (cyber, location bombing, guided munitions) carry no Goldstein value:
    # they take their parent's, the closest published scale point.
    key = code
    while goldstein_of.get(key, "NA") in ("NA", "", "NULL"):
        key = key[:-1]
    goldstein = float(goldstein_of[key])
    if code[:2] in ("01", "02"):
        ptype, mode, origin = "", "", "none"
    else:
        origin = "listed"
        key = code
        while key not in plover or not plover[key][0]:
            origin = "inherited"
            key = key[:-1]
            if len(key) < 2:
                raise SystemExit(f"no PLOVER mapping for {code}")
        ptype, mode = plover[key]
        if origin == "inherited" and key != code:
            mode = ""  # a parent's mode describes the parent, not this code
    print(f"{code}\t{label}\t{goldstein:g}\t{ptype}\t{mode}\t{origin}")
