"""Tests of the claims corpus converter and the scorer's matching rule: python3 -m unittest scripts/test_claims.py"""
import doctest
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import claims  # noqa: E402
from claims import MarkupError, match_size, parse_markup, score_doc  # noqa: E402


def load_tests(loader, tests, ignore):
    tests.addTests(doctest.DocTestSuite(claims))
    return tests


class ConvertTest(unittest.TestCase):
    def test_basic_spans(self):
        text, cs = parse_markup("{S1:Officials} {C1:said} [1:two gunmen died].")
        self.assertEqual(text, "Officials said two gunmen died.")
        self.assertEqual(cs, [{"content": [[15, 30]], "cue": [10, 14], "source": [0, 9],
                               "source_text": "Officials", "quoted": False}])

    def test_trailing_attribution_and_code_points(self):
        text, cs = parse_markup("Café «fermé». [1:Prices rose], {S1:Mr Lê} {C1:said}.")
        self.assertEqual(text, "Café «fermé». Prices rose, Mr Lê said.")
        c = cs[0]
        self.assertEqual(text[slice(*c["content"][0])], "Prices rose")
        self.assertEqual(text[slice(*c["source"])], "Mr Lê")
        self.assertEqual(c["cue"], [33, 37])  # code points, not UTF-8 bytes

    def test_interrupted_content(self):
        text, cs = parse_markup("[1:The plan], {S1:Smith} {C1:said}, [1:will fail].")
        self.assertEqual(text, "The plan, Smith said, will fail.")
        self.assertEqual(cs[0]["content"], [[0, 8], [22, 31]])

    def test_no_source(self):
        text, cs = parse_markup("It was {C1:reported} that [1:the bridge had closed].")
        self.assertIsNone(cs[0]["source"])
        self.assertIsNone(cs[0]["source_text"])
        self.assertEqual(text[slice(*cs[0]["cue"])], "reported")

    def test_shared_source_and_cue(self):
        text, cs = parse_markup("{S1,2:The club} {C1:said} [1:the bid failed], {C2:insisting} [2:he stays].")
        self.assertEqual(text, "The club said the bid failed, insisting he stays.")
        self.assertEqual([c["source"] for c in cs], [[0, 8], [0, 8]])
        self.assertEqual([text[slice(*c["cue"])] for c in cs], ["said", "insisting"])

    def test_nested_claim(self):
        text, cs = parse_markup("{S1:The court} {C1:heard} that [1:{S2:Ann} {C2:told} him [2:rates rose]].")
        self.assertEqual(text, "The court heard that Ann told him rates rose.")
        self.assertEqual([text[slice(*c["content"][0])] for c in cs], ["Ann told him rates rose", "rates rose"])

    def test_document_order(self):
        _, cs = parse_markup("{S2:A} {C2:said} [2:x went], and {S1:B} {C1:said} [1:y came].")
        self.assertEqual([c["source_text"] for c in cs], ["A", "B"])

    def test_quoted_flag(self):
        _, cs = parse_markup("{S1:Mr Kato} {C1:said} [1:Tokyo should “stay the course”].\n\n"
                             "{S2:She} {C2:said} [2:the talks would go on “for now”].")
        self.assertTrue(cs[0]["quoted"])    # 13 of 24 characters are inside the marks
        self.assertFalse(cs[1]["quoted"])   # 6 of 25

    def test_quoted_flag_other_conventions(self):
        _, cs = parse_markup("{S1:Er} {C1:sagte}, [1:„das Werk bleibt offen“].\n\n"
                             "{S2:Elle} {C2:a dit} [2:«non»] hier.")
        self.assertTrue(cs[0]["quoted"])
        self.assertTrue(cs[1]["quoted"])

    def test_apostrophes_are_not_quotes(self):
        _, cs = parse_markup("{S1:O'Brien} {C1:said} [1:he didn't play rock 'n' roll in the '90s].")
        self.assertFalse(cs[0]["quoted"])

    def test_escaped_brackets(self):
        text, cs = parse_markup("{S1:He} {C1:said} [1:\\[the\\] plan worked].")
        self.assertEqual(text, "He said [the] plan worked.")
        self.assertEqual(text[slice(*cs[0]["content"][0])], "[the] plan worked")

    def test_malformed(self):
        bad = [
            "{S1:Officials said [1:x].",              # unclosed source
            "[1:x]] said.",                             # close without open
            "{S1:A} {C1:said} [1:x}.",                 # wrong closer
            "{S1:A} {C1:said}.",                        # no content
            "{S1:A} {S1:B} {C1:said} [1:x].",          # two sources
            "{C1:said} [1: x].",                        # white space at the edge
            "{C1:said} [1:x\n\ny].",                    # across paragraphs
            "[1:x] and [2:y] {C1:said}\n\n[1:z]",       # reused number in another paragraph
            "a {stray} brace",                          # unescaped brace
            "{S1,1:A} {C1:said} [1:x]",                 # a number listed twice
            "{C1:said} [1:]",                           # empty
        ]
        for src in bad:
            with self.subTest(src=src), self.assertRaises(MarkupError):
                parse_markup(src)

    def test_lint_catches_final_period(self):
        text, cs = parse_markup("{S1:A} {C1:said} [1:x went.]")
        with self.assertRaises(MarkupError):
            claims.lint(text, cs, "t")
        text, cs = parse_markup("{S1:A} {C1:said} [1:talks moved to the U.S.]")
        claims.lint(text, cs, "t")  # an abbreviation is fine


def pred(*quotes, speakers=()):
    return {"quotes": list(quotes), "speakers": list(speakers)}


def ind(text, frag, speaker=None, mention=None, cue=None):
    a = text.index(frag)
    q = {"start": a, "end": a + len(frag), "kind": "indirect", "speaker": speaker}
    for key, f in (("mention", mention), ("cue", cue)):
        if f:
            b = text.index(f)
            q[key] = {"start": b, "end": b + len(f), "text": f}
    return q


class MatchTest(unittest.TestCase):
    def test_half_of_each_side(self):
        body = set(range(10))
        self.assertEqual(match_size(body, set(), set(range(10))), 10)
        self.assertEqual(match_size(body, set(), set(range(5))), 5)       # exactly half of the claim
        self.assertEqual(match_size(body, set(), set(range(4))), 0)       # less than half of the claim
        self.assertEqual(match_size(body, set(), set(range(20))), 10)     # exactly half of the prediction
        self.assertEqual(match_size(body, set(), set(range(21))), 0)      # a sentence around a short claim
        self.assertEqual(match_size(set(), set(), set(range(3))), 0)

    def test_gap_not_charged(self):
        body = set(range(0, 10)) | set(range(30, 40))
        gap = set(range(10, 30))
        span = set(range(0, 40))
        self.assertEqual(match_size(body, gap, span), 20)
        self.assertEqual(match_size(body, set(), span), 20)  # 20 of 40 is still half
        self.assertEqual(match_size(body, set(), set(range(0, 41))), 0)
        self.assertEqual(match_size(body, gap, set(range(0, 41))), 20)

    def test_score_doc(self):
        src = ("[1:Two gunmen died], {S1:officials} {C1:said}.\n\n"
               "{S2:Mr Kato} {C2:said} [2:Tokyo should “stay the course”].\n\n"
               "{S3:She} {C3:told} reporters that [3:the border would reopen on Monday]. The weather was fine.")
        text, cs = parse_markup(src)
        gold = {"claims": cs}
        p = pred(
            ind(text, "Two gunmen died", speaker=0, mention="officials", cue="said"),      # right
            ind(text, "Tokyo should “stay the course”", speaker=1),                        # only a quoted claim
            ind(text, "the border would reopen", speaker=1, cue="reporters"),              # wrong source and cue
            ind(text, "The weather was fine", speaker=None),                               # extra
            speakers=[{"id": 0, "name": "officials"}, {"id": 1, "name": "Taro Kato"}],
        )
        r = score_doc(text, gold, p)
        self.assertEqual((r["gold"], r["found"], r["pred"], r["tp"], r["ignored"]), (2, 2, 3, 2, 1))
        self.assertEqual((r["src_total"], r["src_right"], r["cue_total"], r["cue_right"]), (2, 1, 2, 1))
        self.assertEqual(r["extras"], ["The weather was fine"])

    def test_source_by_name(self):
        text, cs = parse_markup("{S1:Mr Kato, the minister,} {C1:said} [1:rates would rise].")
        p = pred(ind(text, "rates would rise", speaker=3), speakers=[{"id": 3, "name": "Taro Kato"}])
        r = score_doc(text, {"claims": cs}, p)
        self.assertEqual(r["src_right"], 1)
        # a pronoun source is right only by overlap
        text, cs = parse_markup("{S1:He} {C1:said} [1:rates would rise].")
        p = pred(ind(text, "rates would rise", speaker=3), speakers=[{"id": 3, "name": "He"}])
        self.assertEqual(score_doc(text, {"claims": cs}, p)["src_right"], 0)
        p = pred(ind(text, "rates would rise", speaker=3, mention="He"), speakers=[{"id": 3, "name": "Kato"}])
        self.assertEqual(score_doc(text, {"claims": cs}, p)["src_right"], 1)


if __name__ == "__main__":
    unittest.main()
