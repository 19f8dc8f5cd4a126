#!/usr/bin/env bash
# Retrains eventmill's tagger and parser on UD English EWT train (in ../shared) and scores
# them on dev and test, raw text and gold tokens. Writes data/models/en_ewt.{tagger,parser};
# takes about four minutes on two cores. See docs/ACCURACY.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ewt=${EWT_DIR:-../shared/data/ud/EWT}
[ -f "$ewt/en_ewt-ud-train.conllu" ] || { echo "train-models: $ewt/en_ewt-ud-train.conllu not found" >&2; exit 1; }

./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target eventmill_train
./build/eventmill-train tagger "$ewt/en_ewt-ud-train.conllu" data/models/en_ewt.tagger
./build/eventmill-train parser "$ewt/en_ewt-ud-train.conllu" data/models/en_ewt.parser
for split in dev test; do
  ./build/eventmill-train evaluate data/models/en_ewt.tagger data/models/en_ewt.parser "$ewt/en_ewt-ud-$split.conllu"
done
