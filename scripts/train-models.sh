#!/usr/bin/env bash
# Retrains eventmill's sentence splitter, tagger and parser on UD English EWT train (in
# ../shared), with word clusters from EWT train and the Wikinews and Wikipedia current-events
# text, and scores them on dev and test, raw text and gold tokens. Writes
# data/models/en_ewt.{sentences,tagger,parser}; takes about ten minutes on two cores.
# See docs/ACCURACY.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ewt=${EWT_DIR:-../shared/data/ud/EWT}
news=${NEWS_DIR:-../shared/data/news}
[ -f "$ewt/en_ewt-ud-train.conllu" ] || { echo "train-models: $ewt/en_ewt-ud-train.conllu not found" >&2; exit 1; }
[ -d "$news" ] || { echo "train-models: $news not found" >&2; exit 1; }

./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target eventmill_train
# The word clusters are an intermediate: each model stores the table it was trained with.
./build/eventmill-train clusters build/en_news.clusters "$ewt/en_ewt-ud-train.conllu" \
  "$news/wikinews_2019_2020/wikinews_2019.csv" "$news/wikinews_2019_2020/wikinews_2020.csv" \
  "$news/wikipedia_current_events_2025_2026/daily"
./build/eventmill-train sentences "$ewt/en_ewt-ud-train.conllu" data/models/en_ewt.sentences
./build/eventmill-train tagger "$ewt/en_ewt-ud-train.conllu" data/models/en_ewt.tagger build/en_news.clusters
./build/eventmill-train parser "$ewt/en_ewt-ud-train.conllu" data/models/en_ewt.parser build/en_news.clusters
for split in dev test; do
  ./build/eventmill-train evaluate data/models/en_ewt.sentences data/models/en_ewt.tagger data/models/en_ewt.parser \
    "$ewt/en_ewt-ud-$split.conllu"
done
