#!/usr/bin/python3
"""Guards the shipped models' accuracy: scores them on UD English EWT dev (raw text and gold
tokens) and fails when a score falls below its floor.

Usage: check_accuracy.py EVENTMILL_TRAIN REPO_ROOT

The floors sit just under the recorded scores (docs/ACCURACY.md), so a change that makes
the tagger or parser worse fails CI. Skips when ../shared is absent, except under CI=true.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

FLOORS = {
    "raw text": {"words": 98.8, "sentences": 90.0, "UPOS": 94.1, "UFeats": 90.9, "UAS": 82.8, "LAS": 79.6,
                 "lemma": 95.9},
    "gold tokens": {"UPOS": 94.8, "UFeats": 91.6, "UAS": 84.8, "LAS": 81.5, "lemma": 96.6},
}

train, root = Path(sys.argv[1]), Path(sys.argv[2])
dev = root.parent / "shared/data/ud/EWT/en_ewt-ud-dev.conllu"
if not dev.exists():
    if os.environ.get("CI") == "true":
        sys.exit(f"check_accuracy: {dev} is missing under CI")
    print(f"check_accuracy: {dev} not found; skipped (runs in CI)")
    sys.exit(0)
out = subprocess.run([str(train), "evaluate", str(root / "data/models/en_ewt.sentences"),
                      str(root / "data/models/en_ewt.tagger"),
                      str(root / "data/models/en_ewt.parser"), str(dev)],
                     capture_output=True, text=True, check=True).stdout
print(out)
failed = 0
for block in re.split(r"\n(?=\S)", out.strip()):
    title = block.split(":")[0]
    scores = dict((k, float(v)) for k, v in re.findall(r"(\w+) (\d+\.\d+)", block))
    for metric, floor in FLOORS.get(title, {}).items():
        if scores.get(metric, 0.0) < floor:
            print(f"FAIL {title} {metric} {scores.get(metric)} < floor {floor}")
            failed += 1
checked = sum(len(v) for v in FLOORS.values())
print(f"{checked - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
