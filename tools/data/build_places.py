#!/usr/bin/python3
"""Writes data/actors/places.tsv: the towns, cities and first-level regions a news text names
where something happens ("shelled Juba", "demonstrated in Kirkuk", "the government of Sindh
province"), each with the country it lies in.

Input (read from ../shared at build time, never copied): the GeoNames dumps cities15000.txt
(places of more than 15,000 people, and capitals), admin1Codes.tsv and countryInfo.txt,
under CC BY 4.0 (attribution in NOTICE.md). Only facts are carried over: names, countries,
populations, coordinates. The English-EWT treebank and its Universal NER layer (CC BY-SA
4.0) are read only to tell which names English uses for other things.

Rules:
  - a place is named by its GeoNames name and its ASCII spelling, without the apostrophes
    transliteration puts at its ends ("Samarra'": Samarra); a city of 100,000 people or
    more also by its other Latin-letter names ("Geneva" for Genève, "Esfahan"), since news
    spells large cities many ways;
  - a name that English also writes as a lower-case word ("Split", "Mobile", "Reading"),
    as a person's first name or surname in the treebank ("Florence"), or that the NER
    layer marks as something other than a place more often than as a place ("March", a
    town in England and a month), is left out: a gazetteer is no help where a name is
    more often something else;
  - a name several countries share keeps them all, the most populous first, and says
    whether that one dominates (five times the people of any other, and 100,000 people
    when another country has a region of that name); eventmill takes a dominating place, or
    else the one whose country the document names;
  - names the actor dictionary has for countries, peoples, organisations and people are
    left to it; its capitals and places stay here too, so that a capital's name a document
    places in another country ("Tripoli" in a story about Lebanon) is that country's.

Usage: tools/data/build_places.py [SHARED_DIR] > data/actors/places.tsv
"""
import collections
import hashlib
import re
import sys
from pathlib import Path

shared = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared")
geonames = shared / "data/geo/geonames"
cities_file = geonames / "cities15000.txt"
admin1_file = geonames / "admin1Codes.tsv"
country_file = geonames / "countryInfo.txt"
ewt_file = shared / "data/ud/EWT/en_ewt-ud-train.conllu"
uner_file = shared / "data/uner/EWT/en_ewt-ud-train.PRELIMINARY-2022-12-02.iob2"
repo = Path(__file__).resolve().parents[2]

ALTERNATE_NAMES_FROM = 100_000  # population from which alternate names are kept
DOMINANCE = 5                   # a place dominates a shared name at five times the people
REGION_DOMINANCE = 100_000      # a city that dominates a region's name of another country
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'\- ]*[a-z]$")

iso3 = {}
for line in country_file.open(encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if line.startswith("#") or len(f) < 2:
        continue
    iso3[f[0]] = f[1]

# Words English writes in lower case, and words of people's names, in the treebank.
common_words, person_words = set(), set()
sentence = []


def read_names(tokens):
    heads = {t[0]: t for t in tokens}
    for t in tokens:
        if t[7] == "flat" and t[3] == "PROPN" and heads.get(t[6], [None] * 4)[3] == "PROPN":
            person_words.add(t[1].lower())
            person_words.add(heads[t[6]][1].lower())


for line in ewt_file.open(encoding="utf-8"):
    if not line.strip():
        read_names(sentence)
        sentence = []
        continue
    if line.startswith("#"):
        continue
    f = line.rstrip("\n").split("\t")
    if "-" in f[0] or "." in f[0]:
        continue
    sentence.append(f)
    if f[1][:1].islower():
        common_words.add(f[1])
read_names(sentence)

# Capitalised words and entity names the NER layer marks as places, and as anything else.
as_place, as_other = collections.Counter(), collections.Counter()
span, span_tag = [], None


def close_span():
    if span:
        (as_place if span_tag == "LOC" else as_other)[" ".join(span).lower()] += 1
    span.clear()


for line in uner_file.open(encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if line.startswith("#") or len(f) < 2:
        close_span()
        continue
    word, tag = f[1], f[2] if len(f) > 2 else "O"
    if tag.startswith("I-") and span:
        span.append(word)
        continue
    close_span()
    if tag.startswith("B-"):
        span.append(word)
        span_tag = tag[2:]
    elif word[:1].isupper():
        as_other[word.lower()] += 1
close_span()

# Names the actor dictionary already has.
# Names the actor dictionary has as countries, peoples, organisations and people. Capitals
# and other places stay in the gazetteer too, so that one a document places in another
# country ("Tripoli" in a story about Lebanon) can be told apart.
known = set()
for line in (repo / "data/actors/countries.tsv").open(encoding="utf-8"):
    if not line.startswith("#"):
        for field in line.rstrip("\n").split("\t")[1:3]:
            known.update(phrase.lower() for phrase in field.split("|"))
for line in (repo / "data/actors/actors.tsv").open(encoding="utf-8"):
    fields = line.rstrip("\n").split("\t")
    if not line.startswith("#") and len(fields) >= 3 and fields[0] not in ("place", "role"):
        known.update(phrase.lower() for phrase in fields[2].split("|"))


def usable(name):
    lower = name.lower()
    if not LATIN_NAME.match(name) or len(name) < 3 or lower in known:
        return False
    words = lower.replace("-", " ").split()
    if lower in common_words or (len(words) == 1 and lower in person_words):
        return False
    if as_other[lower] > as_place[lower]:
        return False
    return True


# name (lower case) -> country -> (population, spelling, latitude, longitude)
places = collections.defaultdict(dict)


def add(name, country, population, lat, lon):
    name = name.strip("'’ʼ ")
    if not usable(name):
        return
    best = places[name.lower()].get(country)
    if best is None or population > best[0]:
        places[name.lower()][country] = (population, name, lat, lon)


for line in cities_file.open(encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    country = iso3.get(f[8])
    if not country:
        continue
    population = int(f[14] or 0)
    names = [f[1], f[2]]
    if population >= ALTERNATE_NAMES_FROM:
        names += [n for n in f[3].split(",") if n and not n.isupper()]
    for name in dict.fromkeys(names):  # in order, once each: the main spelling first
        add(name, country, population, f[4], f[5])

# First-level regions: no population in the dump; a shared name dominates nowhere.
for line in admin1_file.open(encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if line.startswith("#") or len(f) < 4:
        continue
    code, name, ascii_name = f[0], f[1], f[2]
    country = iso3.get(code.split(".")[0])
    if not country:
        continue
    for n in dict.fromkeys([name, ascii_name]):
        if n.lower() not in places or country not in places[n.lower()]:
            add(n, country, 0, "", "")

print("# eventmill-places\t1")
digest = hashlib.sha256()
for path in (cities_file, admin1_file, country_file):
    digest.update(path.read_bytes())
print(f"# source-sha256\t{digest.hexdigest()[:16]}")
print("# Built by tools/data/build_places.py from GeoNames (CC BY 4.0): cities15000, admin1Codes, countryInfo.")
print("# Columns: name; countries (|, most populous first); 1 when the first dominates; population;")
print("# latitude; longitude (of the first); each country's population (|, as the countries; 0 for")
print("# a region). Names match with their capital letters.")
for lower in sorted(places):
    by_country = sorted(places[lower].items(), key=lambda kv: -kv[1][0])
    first_pop = by_country[0][1][0]
    others = [place[0] for _, place in by_country[1:]]
    # A region (no population in the dump) of another country needs a large city to yield.
    dominant = not others or (first_pop > 0 and first_pop >= DOMINANCE * max(others) and
                              (min(others) > 0 or first_pop >= REGION_DOMINANCE))
    population, spelling, lat, lon = by_country[0][1]
    countries = "|".join(c for c, _ in by_country)
    populations = "|".join(str(place[0]) for _, place in by_country)
    print(f"{spelling}\t{countries}\t{int(dominant)}\t{population}\t{lat}\t{lon}\t{populations}")
