#!/usr/bin/python3
"""End-to-end tests of the eventmill command line.

Usage: cli_test.py PATH_TO_EVENTMILL REPO_ROOT

The seed articles are read from ../shared/seeds beside the repository. Without them the
seed tests are skipped with a message, except under CI (CI=true), where they must exist.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

EVENTMILL = Path(sys.argv[1]).resolve()
ROOT = Path(sys.argv[2]).resolve()
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
IN_CI = os.environ.get("CI") == "true"

CONTRACT = {
    "doc": str, "sentence_index": int, "sentence": str, "span": list, "cameo": str, "root": str, "label": str,
    "goldstein": float, "quad_class": int,
}


def run(*args, stdin=None):
    return subprocess.run([str(EVENTMILL), *map(str, args)], input=stdin, capture_output=True, timeout=120)


def events_of(stdout):
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines()]


class ContractMixin:
    def check_contract(self, event, text_of_doc=None):
        for field, kind in CONTRACT.items():
            self.assertIsInstance(event[field], kind, field)
        self.assertIn("doc_date", event)
        self.assertIn(event["date_precision"], (None, "day", "week", "month", "year"))
        self.assertIn(event["date_origin"], ("none", "text", "document"))
        self.assertEqual(event["cameo"][:2], event["root"])
        self.assertIn(event["quad_class"], (1, 2, 3, 4))
        self.assertGreaterEqual(event["goldstein"], -10)
        self.assertLessEqual(event["goldstein"], 10)
        for side in ("source", "target"):
            actor = event[side]
            if actor is None:
                continue
            for key in ("code", "country", "org", "name", "text"):
                self.assertIn(key, actor)
            if actor["country"] is not None:
                self.assertRegex(actor["country"], r"^[A-Z]{3}$")
        self.assertIsNotNone(event["source"])
        if event["plover"] is not None:
            self.assertIn("type", event["plover"])
            self.assertIn("mode", event["plover"])
        if text_of_doc is not None:
            begin, end = event["span"]
            self.assertEqual(text_of_doc.encode("utf-8")[begin:end].decode("utf-8"), event["sentence"])


class CommandLineTest(unittest.TestCase, ContractMixin):
    def test_version_and_help(self):
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout.decode(), r"^eventmill \d+\.\d+\.\d+")
        self.assertEqual(run("--help").returncode, 0)
        r = run("code", "--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn(b"--format", r.stdout)

    def test_usage_errors_exit_2(self):
        for args in (["frobnicate"], ["code"], ["code", "--format", "xml", "x"], ["code", "--date", "2021-02-30", "x"],
                     ["code", "--bogus", "x"], []):
            r = run(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertTrue(r.stderr, args)

    def test_examples_follow_the_contract(self):
        r = run("code", ROOT / "examples")
        self.assertEqual(r.returncode, 0, r.stderr)
        events = events_of(r.stdout)
        self.assertGreater(len(events), 5)
        texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "examples").glob("*.txt")}
        for e in events:
            self.check_contract(e, texts.get(e["doc"]))
        docs = {e["doc"] for e in events}
        self.assertIn("wire-001", docs)  # JSONL ids
        self.assertIn("2024-03-ministers-call", docs)  # file names
        # Nothing from the headline list or the appeal.
        for e in events:
            self.assertNotIn("Estonia", e["sentence"])
            self.assertNotIn("Latvia", e["sentence"])
            self.assertNotIn("Subscribe", e["sentence"])

    def test_tsv_has_a_header_and_equal_columns(self):
        r = run("code", "--format", "tsv", ROOT / "examples")
        self.assertEqual(r.returncode, 0)
        lines = r.stdout.decode().splitlines()
        header = lines[0].split("\t")
        self.assertEqual(header[0], "doc")
        self.assertIn("cameo", header)
        self.assertGreater(len(lines), 5)
        for line in lines[1:]:
            self.assertEqual(len(line.split("\t")), len(header))

    def test_standard_input_text_and_jsonl(self):
        r = run("code", "--date", "2020-05-05", "-", stdin=b"Norway accused Sweden of spying.")
        self.assertEqual(r.returncode, 0, r.stderr)
        [event] = events_of(r.stdout)
        self.assertEqual(event["doc"], "stdin")
        self.assertEqual(event["doc_date"], "2020-05-05")
        self.assertEqual(event["source"]["code"], "NOR")
        r = run("code", "-", stdin=b'{"id": "j1", "date": "2020-01-01", "text": "Chile praised Peru."}\n')
        self.assertEqual(r.returncode, 0, r.stderr)
        [event] = events_of(r.stdout)
        self.assertEqual((event["doc"], event["cameo"], event["date"]), ("j1", "051", "2020-01-01"))

    def test_bad_inputs_are_named_and_the_rest_is_coded(self):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            (tmp / "good.txt").write_text("date 2021-01-05 Kenya hosted Uganda for talks.", encoding="utf-8")
            (tmp / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
            (tmp / "latin1.txt").write_bytes("Caf\xe9 talks in Paris".encode("latin-1"))
            (tmp / "empty.txt").write_bytes(b"")
            (tmp / "bad.jsonl").write_text('{"id": "ok", "text": "Mali accused Niger of raids."}\n{"id": 3, "text": 4}\n'
                                           'not json\n', encoding="utf-8")
            r = run("code", tmp, tmp / "no-such-dir")
            self.assertEqual(r.returncode, 1)
            stderr = r.stderr.decode()
            for name in ("binary.txt", "latin1.txt", "empty.txt", "bad.jsonl:2", "bad.jsonl:3", "no-such-dir"):
                self.assertIn(name, stderr)
            self.assertIn("binary", stderr)
            self.assertIn("UTF-8", stderr)
            self.assertIn("empty", stderr)
            docs = {e["doc"] for e in events_of(r.stdout)}
            self.assertEqual(docs, {"good", "ok"})

    def test_parse_writes_valid_conllu(self):
        r = run("parse", ROOT / "examples")
        self.assertEqual(r.returncode, 0, r.stderr)
        sentences = r.stdout.decode("utf-8").strip().split("\n\n")
        self.assertGreater(len(sentences), 5)
        for block in sentences:
            lines = block.split("\n")
            comments = [l for l in lines if l.startswith("#")]
            rows = [l.split("\t") for l in lines if not l.startswith("#")]
            self.assertTrue(any(c.startswith("# sent_id = ") for c in comments), block)
            self.assertTrue(any(c.startswith("# text = ") for c in comments), block)
            self.assertTrue(rows)
            for i, row in enumerate(rows, 1):
                self.assertEqual(len(row), 10, row)
                self.assertEqual(int(row[0]), i)
                self.assertNotIn(" ", row[1])
                self.assertTrue(row[1] and row[2] and row[3] and row[7], row)
                head = int(row[6])
                self.assertTrue(0 <= head <= len(rows), row)
                self.assertEqual(head == 0, row[7] == "root", row)
            self.assertEqual(sum(1 for row in rows if row[6] == "0"), 1, block)
            # Every word reaches the root: no cycles.
            heads = {int(row[0]): int(row[6]) for row in rows}
            for start in heads:
                seen, node = set(), start
                while node != 0:
                    self.assertNotIn(node, seen, block)
                    seen.add(node)
                    node = heads[node]

    def test_parse_jsonl_has_spans_into_the_text(self):
        text = "Norway accused Sweden of spying. The talks ended."
        r = run("parse", "--format", "jsonl", "-", stdin=text.encode())
        self.assertEqual(r.returncode, 0, r.stderr)
        sentences = events_of(r.stdout)
        self.assertEqual(len(sentences), 2)
        for s in sentences:
            for t in s["tokens"]:
                self.assertEqual(text.encode()[t["span"][0]:t["span"][1]].decode(), t["form"])
        verbs = [t for t in sentences[0]["tokens"] if t["form"] == "accused"]
        self.assertEqual(verbs[0]["upos"], "VERB")
        self.assertEqual(verbs[0]["lemma"], "accuse")
        # The actors each sentence names, resolved, with spans into the text.
        actors = sentences[0]["actors"]
        self.assertEqual([(a["code"], a["text"]) for a in actors], [("NOR", "Norway"), ("SWE", "Sweden")])
        for a in actors:
            self.assertEqual(text.encode()[a["span"][0]:a["span"][1]].decode(), a["text"])
        self.assertEqual(sentences[1]["actors"], [])

    def test_data_dir_replaces_built_in_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "lexicon").mkdir()
            (Path(tmp) / "lexicon" / "events.txt").write_text("# eventmill-lexicon\t1\nverb\tscold\t111\n")
            r = run("code", "--data-dir", tmp, "-", stdin=b"Norway scolded Sweden. Chile praised Peru.")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual([e["cameo"] for e in events_of(r.stdout)], ["111"])
            (Path(tmp) / "lexicon" / "events.txt").write_text("# eventmill-lexicon\t1\nverb\tscold\t999\n")
            r = run("code", "--data-dir", tmp, "-", stdin=b"Norway scolded Sweden.")
            self.assertEqual(r.returncode, 3)
            self.assertIn(b"lexicon line 2", r.stderr)

    def test_check_scores_an_edited_lexicon_with_data_dir(self):
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "lexicon").mkdir()
            (Path(tmp) / "lexicon" / "events.txt").write_text("# eventmill-lexicon\t1\nverb\tscold\t111\n")
            (Path(tmp) / "gold.csv").write_text("code,label,example\n111,Criticize,Norway scolded Sweden.\n"
                                                "051,Praise,Chile praised Peru.\n")
            r = run("check", "cameo", str(Path(tmp) / "gold.csv"), "--data-dir", tmp)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(r.stdout.decode().rstrip().endswith("passed 1 of 2 records"), r.stdout)

    def test_codes_with_a_users_tabari_dictionaries(self):
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            # Q.. codes are user-assigned in ISO 3166: no country.
            (d / "my.actors").write_text("NORLAND [QNL]\nSUDRIA [QSU] ; a comment\nPERU [PERGOV]\n")
            (d / "my.agents").write_text("POLICE_ [~COP]\n")
            (d / "my.verbs").write_text("ACCUSE [112]\n- * OF_ SPYING [1125]\nSCOLD [999]\n")
            # TABARI codes no sentence under eight words unless the options say otherwise.
            (d / "my.options").write_text("SET: MINIMUM WORDS = 3\n")
            (d / "my.project").write_text("<actorsfile> my.actors\n<agentsfile> my.agents\n<verbsfile> my.verbs\n"
                                          "<optionsfile> my.options\n<textfile> none.text\n")
            text = b"Norland police accused Sudria of spying. Norland scolded Sudria. Russia accused Ukraine of shelling."
            r = run("code", "--tabari", d / "my.project", "-", stdin=text)
            self.assertEqual(r.returncode, 0, r.stderr)
            events = events_of(r.stdout)
            # 999 is no CAMEO code: not written. Russia and Ukraine are not in these dictionaries.
            self.assertEqual([(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in events],
                             [("QNLCOP", "1125", "QSU")])
            self.assertEqual(events[0]["source"]["text"], "Norland police")
            self.assertIsNone(events[0]["source"]["country"])
            # A code that opens with a country's ISO3 code fills the country.
            r = run("code", "--tabari", d / "my.project", "-", stdin=b"Peru accused Sudria of spying on its ports.")
            self.assertEqual([(e["source"]["code"], e["source"]["country"]) for e in events_of(r.stdout)],
                             [("PERGOV", "PER")])
            r = run("code", "--tabari", d / "my.project", "--tabari-on-top", "-", stdin=text)
            self.assertEqual(r.returncode, 0, r.stderr)
            pairs = [(e["source"]["code"], e["target"]["code"]) for e in events_of(r.stdout)]
            self.assertIn(("QNLCOP", "QSU"), pairs)
            self.assertIn(("RUS", "UKR"), pairs)
            r = run("code", "--tabari", d / "missing.project", "-", stdin=text)
            self.assertEqual(r.returncode, 3)
            self.assertIn(b"missing.project", r.stderr)
            r = run("code", "--tabari-on-top", "-", stdin=text)
            self.assertEqual(r.returncode, 2)

    def test_codes_with_a_users_petrarch_dictionaries(self):
        with tempfile.TemporaryDirectory() as tmp:
            # PETRARCH's layout: config/PETR_config.ini naming files in dictionaries/.
            d = Path(tmp)
            (d / "config").mkdir()
            (d / "dictionaries").mkdir()
            (d / "config" / "PETR_config.ini").write_text(
                "[Dictionaries]\nverbfile_name = my.verbs.txt\nactorfile_list = a.txt, b.txt\n"
                "agentfile_name = my.agents.txt\ndiscardfile_name = my.discards.txt\n[Options]\nrequire_dyad = True\n")
            (d / "dictionaries" / "my.verbs.txt").write_text(
                "<!-- verbs -->\n--- ACCUSE [112] ---\nACCUSE\n- * OF SPYING [1125]\n\n--- SCOLD [999] ---\nSCOLD\n")
            (d / "dictionaries" / "a.txt").write_text("NORLAND [QNL]\n")
            (d / "dictionaries" / "b.txt").write_text("SUDRIA [QSU]  # a comment\n")
            (d / "dictionaries" / "my.agents.txt").write_text("POLICE {} [~COP]\n")
            (d / "dictionaries" / "my.discards.txt").write_text("+CHESS MATCH\n")
            config = d / "config" / "PETR_config.ini"
            text = (b"Norland's police accused Sudria of spying. Norland scolded Sudria. "
                    b"Norland accused Sudria of cheating at the chess match.")
            r = run("code", "--petrarch", config, "-", stdin=text)
            self.assertEqual(r.returncode, 0, r.stderr)
            # 999 is no CAMEO code: not written; the discard phrase stops the third sentence.
            self.assertEqual([(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in events_of(r.stdout)],
                             [("QNLCOP", "1125", "QSU")])
            r = run("code", "--petrarch", config, "--petrarch-on-top", "-",
                    stdin=b"Norland accused Sudria of spying. Russia accused Ukraine of shelling.")
            pairs = [(e["source"]["code"], e["target"]["code"]) for e in events_of(r.stdout)]
            self.assertIn(("QNL", "QSU"), pairs)
            self.assertIn(("RUS", "UKR"), pairs)
            r = run("code", "--petrarch", d / "missing.ini", "-", stdin=text)
            self.assertEqual(r.returncode, 3)
            self.assertIn(b"missing.ini", r.stderr)
            r = run("code", "--petrarch", config, "--tabari", d / "x.project", "-", stdin=text)
            self.assertEqual(r.returncode, 2)


@unittest.skipUnless(SEEDS.is_dir() or IN_CI, f"{SEEDS} not found: seed tests skipped (they run in CI)")
class SeedTest(unittest.TestCase, ContractMixin):
    @classmethod
    def setUpClass(cls):
        if not SEEDS.is_dir():
            raise AssertionError(f"CI=true but {SEEDS} is missing")
        r = run("code", SEEDS)
        cls.returncode = r.returncode
        cls.events = events_of(r.stdout)
        cls.texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}

    def test_codes_real_events_in_the_contract(self):
        self.assertEqual(self.returncode, 0)
        self.assertGreaterEqual(len(self.events), 10)
        for e in self.events:
            self.check_contract(e, self.texts[e["doc"]])

    def test_codes_the_calls_between_defence_and_foreign_ministers(self):
        pairs = {(e["source"]["code"], e["cameo"][:2], e["target"]["code"] if e["target"] else None) for e in self.events}
        # Calls between named US, Ukrainian and Russian officials.
        self.assertIn(("USAMIL", "04", "RUSMIL"), pairs)
        self.assertIn(("USAGOV", "04", "UKRGOV"), pairs)
        self.assertIn(("UKRMIL", "04", "USAMIL"), pairs)

    def test_nothing_from_headline_lists_or_page_labels(self):
        for e in self.events:
            text = self.texts[e["doc"]]
            lines_before = text.encode("utf-8")[: e["span"][0]].decode("utf-8").splitlines()
            previous = [l.strip() for l in lines_before if l.strip()]
            in_list = previous and previous[-1].lower().startswith("read more")
            self.assertFalse(in_list, e["sentence"])
            self.assertFalse(e["sentence"].lstrip().startswith("- "), e["sentence"])
            self.assertNotIn("Advertisement", e["sentence"])

    def test_check_plover_scores_every_gold_record(self):
        gold = SHARED / "data/gold/plover_gsr/PLOVER_GSR_CAMEO.json"
        r = run("check", "plover", gold)
        self.assertEqual(r.returncode, 0, r.stderr)
        last = r.stdout.decode().strip().splitlines()[-1]
        passed, total = map(int, re.match(r"passed (\d+) of (\d+) records", last).groups())
        self.assertEqual(total, 322)
        self.assertGreater(passed, 0)
        # Precision first: what is coded is mostly right.
        coded_line = [l for l in r.stdout.decode().splitlines() if l.startswith("on coded records")][0]
        type_accuracy = float(re.search(r"type ([0-9.]+)", coded_line).group(1))
        self.assertGreaterEqual(type_accuracy, 0.8)

    def test_check_cameo_scores_every_codebook_example(self):
        r = run("check", "cameo", SHARED / "data/gold/cameo_codebook_examples/eventtypes.csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.decode().strip().splitlines()
        passed, total = map(int, re.match(r"passed (\d+) of (\d+) records", lines[-1]).groups())
        self.assertEqual(total, 282)
        coded_line = [l for l in lines if l.startswith("on coded records")][0]
        self.assertGreaterEqual(float(re.search(r"root ([0-9.]+)", coded_line).group(1)), 0.8)

    def test_check_tabari_runs_the_validation_records(self):
        r = run("check", "tabari", SHARED / "data/tabari/validation/Validate.project")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.decode().strip().splitlines()
        passed, total = map(int, re.match(r"passed (\d+) of (\d+) records", lines[-1]).groups())
        # The records before FINAL-01 that say what to code (options records aside).
        self.assertEqual(total, 443)
        # A floor just under the measured score: a regression fails here.
        self.assertGreaterEqual(passed, 405)
        self.assertTrue(any(l.startswith("FAIL ") for l in lines) or passed == total)

    def test_check_petrarch_codes_the_unit_test_records_from_their_text(self):
        petrarch = SHARED / "data/petrarch2"
        r = run("check", "petrarch", petrarch / "text/PETR.UnitTest.records.xml",
                "--dictionaries", petrarch / "dictionaries")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.decode().strip().splitlines()
        passed, total = map(int, re.match(r"passed (\d+) of (\d+) records", lines[-1]).groups())
        self.assertEqual(total, 283)  # every record before FINAL-RECORD
        self.assertGreaterEqual(passed, 220)  # a floor just under the measured score
        r = run("check", "petrarch", petrarch / "text/PETR.UnitTest.records.xml")
        self.assertEqual(r.returncode, 2)  # --dictionaries is needed

    def test_documents_without_a_date_give_undated_events(self):
        for e in self.events:
            if e["doc_date"] is None:
                # Only the text itself can date them ("in 2014"); nothing is invented.
                self.assertIn(e["date_origin"], ("none", "text"))
                if e["date_origin"] == "none":
                    self.assertIsNone(e["date"])
                    self.assertIn(e["date_precision"], (None, "none"))

    def test_events_take_the_day_the_text_gives(self):
        def dates(cameo, source, target):
            return {e["date"] for e in self.events if e["cameo"].startswith(cameo)
                    and (e["source"] or {}).get("name") == source and (e["target"] or {}).get("name") == target}
        # "on Wednesday" in a story of Thursday 2021-04-01.
        self.assertIn("2021-03-31", dates("04", "Dmytro Kuleba", "Antony Blinken"))
        # "since March 15 last year. Then Lloyd Austin talked to ... Sergei Shoigu", on a page
        # dated Friday, July 19, 2024.
        self.assertIn("2023-03-15", dates("04", "Lloyd Austin", "Sergei Shoigu"))
        for e in self.events:
            self.assertIn(e["date_origin"], ("none", "text", "document"))
            if e["date"] is not None:
                self.assertIn(e["date_precision"], ("day", "week", "month", "year"))

    def test_timex_prints_one_line_per_expression(self):
        r = run("timex", "--date", "2021-04-02", "-",
                stdin=b"The ministers spoke on Wednesday and will meet again next month.\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = [json.loads(l) for l in r.stdout.decode().splitlines()]
        self.assertEqual([(l["text"], l["type"], l["value"]) for l in lines],
                         [("Wednesday", "DATE", "2021-03-31"), ("next month", "DATE", "2021-05")])
        self.assertEqual(lines[0]["span"], [23, 32])

    def test_check_meantime_scores_time_expressions(self):
        r = run("check", "meantime", SHARED / "data/timex/meantime_en/intra-doc_annotation")
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout.decode()
        passed, total = map(int, re.search(r"passed (\d+) of (\d+) expressions", out.strip().splitlines()[-1]).groups())
        self.assertEqual(total, 370)
        f1 = float(re.search(r"detection relaxed\tprecision [\d.]+\trecall [\d.]+\tF1 ([\d.]+)", out).group(1))
        value = float(re.search(r"value accuracy ([\d.]+)", out).group(1))
        # Floors just under the measured scores (F1 0.910, value accuracy 0.883).
        self.assertGreaterEqual(f1, 0.90)
        self.assertGreaterEqual(value, 0.87)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
