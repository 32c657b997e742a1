#!/usr/bin/env python3
"""Reported-speech evaluation corpus: convert the inline annotations and score the tool against them.

  claims.py convert [--dir DIR]     for every DIR/<slug>.txt write DIR/<slug>/text.txt and DIR/<slug>/claims.json
  claims.py score --cmd 'PROGRAM ARGS' [--dir DIR] [--verbose] [--json]
                  [--min-precision P] [--min-recall R] [--min-source S] [--min-cue C]
                                    run `PROGRAM ARGS DIR/<slug>/text.txt` per article and score its
                                    quotes of kind "indirect" against the claims
  claims.py stats [--dir DIR]       count the annotated claims by construction

DIR defaults to tests/claims. Annotation markup, one paragraph per line, a blank line between paragraphs:

  {S1:Officials} {C1:said} [1:two gunmen died]

`{Sn:…}` is the source of claim n, `{Cn:…}` its cue, `[n:…]` its content; an interrupted content has
several `[n:…]` parts with the same n. A source or cue shared by several claims lists their numbers:
`{S1,2:The club} {C1:said} [1:…], {C2:insisting} [2:…]`. A claim without a source ("It was reported that …") has no S.
Write `\\[`, `\\]`, `\\{`, `\\}` or `\\\\` for those characters as text.
"""
import argparse
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "tests" / "claims"

# Every quotation mark and apostrophe-like character; none of them counts as content.
QUOTE_MARKS = frozenset('"\'“”„‟«»‹›「」『』‘’‚‛')
PRONOUNS = frozenset(
    "i me my we us our you your he him his she her it its they them their who whom whose which that "
    "this these those one some many others all both".split()
)


class MarkupError(ValueError):
    pass


# ---------------------------------------------------------------------------------------------------------
# Markup → text + claims

OPEN_RE = re.compile(r"\{([SC])(\d+(?:,\d+)*):|\[(\d+):")


def parse_markup(src, name="<markup>"):
    """Strip the markup from `src`; return (text, claims) with code-point offsets into text.

    >>> text, claims = parse_markup("{S1:Officials} {C1:said} [1:two gunmen died].")
    >>> text
    'Officials said two gunmen died.'
    >>> claims[0]["content"], claims[0]["cue"], claims[0]["source"], claims[0]["source_text"]
    ([[15, 30]], [10, 14], [0, 9], 'Officials')
    """
    out = []          # characters of the text
    stack = []        # open spans: (kind, n, start offset, line number)
    spans = {}        # n -> {"content": [...], "cue": ..., "source": ...}
    line = 1
    i = 0

    def fail(msg):
        raise MarkupError(f"{name}:{line}: {msg}")

    while i < len(src):
        ch = src[i]
        if ch == "\\":
            if i + 1 < len(src) and src[i + 1] in "[]{}\\":
                out.append(src[i + 1])
                i += 2
                continue
            fail("a backslash escapes only [ ] { } or a backslash")
        if ch in "{[":
            m = OPEN_RE.match(src, i)
            if not m:
                fail(f"{ch!r} that opens no span (write \\{ch} for the character)")
            if m.group(1):
                kind, ns = {"S": "source", "C": "cue"}[m.group(1)], [int(x) for x in m.group(2).split(",")]
            else:
                kind, ns = "content", [int(m.group(3))]
            if len(set(ns)) != len(ns):
                fail(f"{kind} names claim {ns} twice")
            if any(k == kind and set(k2) & set(ns) for k, k2, _, _ in stack):
                fail(f"{kind} of claim {ns} opened inside itself")
            stack.append((kind, ns, len(out), line))
            i = m.end()
            continue
        if ch in "}]":
            if not stack:
                fail(f"{ch!r} closes nothing")
            kind, ns, start, _ = stack.pop()
            if (ch == "]") != (kind == "content"):
                fail(f"{ch!r} closes the {kind} of claim {ns[0]}")
            end = len(out)
            piece = "".join(out[start:end])
            if not piece.strip():
                fail(f"empty {kind} of claim {ns[0]}")
            if piece != piece.strip():
                fail(f"{kind} of claim {ns[0]} starts or ends with white space: {piece!r}")
            for n in ns:
                claim = spans.setdefault(n, {"content": [], "cue": None, "source": None})
                if kind == "content":
                    claim["content"].append([start, end])
                elif claim[kind] is not None:
                    fail(f"claim {n} has two {kind} spans")
                else:
                    claim[kind] = [start, end]
            i += 1
            continue
        if ch == "\n":
            if stack:
                kind, ns, _, opened = stack[-1]
                fail(f"the {kind} of claim {ns[0]} opened on line {opened} runs past the end of its paragraph")
            line += 1
        out.append(ch)
        i += 1
    if stack:
        kind, ns, _, opened = stack[-1]
        fail(f"the {kind} of claim {ns[0]} opened on line {opened} is never closed")

    text = "".join(out)
    claims = []
    for n, c in spans.items():
        if not c["content"]:
            raise MarkupError(f"{name}: claim {n} has a source or cue but no content")
        c["content"].sort()
        para = {text.count("\n\n", 0, a) for a, _ in c["content"]}
        if len(para) > 1:
            raise MarkupError(f"{name}: claim {n} has content in two paragraphs (a reused number?)")
        src_span = c["source"]
        claims.append({
            "content": c["content"],
            "cue": c["cue"],
            "source": src_span,
            "source_text": text[src_span[0]:src_span[1]] if src_span else None,
            "quoted": False,
            "_n": n,
        })
    claims.sort(key=lambda c: (c["content"][0][0], c["_n"]))
    inside = quoted_positions(text)
    for c in claims:
        body = set().union(*(content_chars(text, a, b) for a, b in c["content"]))
        c["quoted"] = bool(body) and 2 * len(body & inside) >= len(body)
        del c["_n"]
    return text, claims


def content_chars(text, start, end):
    """Positions in [start, end) that are neither white space nor a quotation mark."""
    return {i for i in range(max(start, 0), min(end, len(text)))
            if not text[i].isspace() and text[i] not in QUOTE_MARKS}


# ---------------------------------------------------------------------------------------------------------
# Which characters lie inside quotation marks

PAIRS = {"“": "”", "„": "“”", "«": "»", "‹": "›", "「": "」", "『": "』", "‚": "‘’", "‘": "’", '"': '"', "'": "'"}


def _is_word(ch):
    return ch.isalnum()


def _opens(par, i):
    """Whether the single mark at i can open a quotation (not an apostrophe)."""
    prev = par[i - 1] if i > 0 else " "
    nxt = par[i + 1] if i + 1 < len(par) else " "
    if _is_word(prev) or nxt.isspace():
        return False
    if re.match(r"\d0s\b", par[i + 1:i + 4]):           # the '90s
        return False
    if par[i + 1:i + 3] in ("n'", "n’") and (i + 3 >= len(par) or not _is_word(par[i + 3])):  # rock 'n' roll
        return False
    return True


def _closes(par, i):
    """Whether the single mark at i can close a quotation (not an apostrophe inside a word)."""
    prev = par[i - 1] if i > 0 else " "
    nxt = par[i + 1] if i + 1 < len(par) else " "
    return not (_is_word(prev) and _is_word(nxt)) and not prev.isspace()


def quoted_positions(text):
    """Code points that lie between an opening quotation mark and its closing mark.

    A quotation left open at the end of its paragraph runs to the end of that paragraph (the news convention
    for quotations over several paragraphs reopens the mark in each).

    >>> t = 'He said “no” and left.'
    >>> sorted(t[i] for i in quoted_positions(t))
    ['n', 'o']
    >>> quoted_positions("Don't touch the '90s rock 'n' roll records.")
    set()
    """
    inside = set()
    pos = 0
    for par in text.split("\n"):
        stack = []   # (closers, offset of the opening mark)
        for i, ch in enumerate(par):
            if stack and ch in stack[-1][0] and (ch not in "'’‘" or _closes(par, i)):
                _, start = stack.pop()
                inside.update(range(pos + start + 1, pos + i))
                continue
            if ch in "'‘" and ch not in "‚" and not _opens(par, i):
                continue
            if ch == '"' and any(c == '"' for c, _ in stack):
                continue
            if ch in PAIRS and (ch not in "'" or _opens(par, i)):
                stack.append((PAIRS[ch], i))
        for _, start in stack:
            inside.update(range(pos + start + 1, pos + len(par)))
        pos += len(par) + 1
    return inside


# ---------------------------------------------------------------------------------------------------------
# convert

def convert(folder):
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"no annotated articles (*.txt) in {folder}")
    total = 0
    for f in files:
        src = f.read_text(encoding="utf-8")
        if "\r" in src:
            raise MarkupError(f"{f.name}: carriage returns; use plain newlines")
        text, claims = parse_markup(src, f.name)
        lint(text, claims, f.name)
        out = folder / f.stem
        out.mkdir(exist_ok=True)
        (out / "text.txt").write_text(text, encoding="utf-8")
        doc = {"doc": f.stem, "claims": claims}
        (out / "claims.json").write_text(dump_claims(doc), encoding="utf-8")
        total += len(claims)
        print(f"{f.stem}: {len(claims)} claims ({sum(not c['quoted'] for c in claims)} unquoted)")
    print(f"{len(files)} articles, {total} claims")


def dump_claims(doc):
    lines = [json.dumps(c, ensure_ascii=False) for c in doc["claims"]]
    body = ",\n  ".join(lines)
    return f'{{"doc": {json.dumps(doc["doc"])}, "claims": [\n  {body}\n]}}\n'


def lint(text, claims, name):
    """Fail on content spans that break the PARC convention in ways a slip of the pen makes."""
    for c in claims:
        for a, b in c["content"]:
            piece = text[a:b]
            if piece[-1] in ".,;:" and not re.search(r"\b[A-Z]\.[A-Z]\.$|\b(?:Jr|Sr|St|Co|Inc|Ltd|a\.m|p\.m)\.$", piece):
                raise MarkupError(f"{name}: content ends with punctuation: {piece[-40:]!r}")
            if re.match(r"that\s", piece):
                raise MarkupError(f"{name}: content starts with 'that': {piece[:40]!r}")
        for key in ("source", "cue"):
            if c[key] and text[c[key][1] - 1] in ",;:":
                raise MarkupError(f"{name}: {key} ends with punctuation: {text[c[key][0]:c[key][1]]!r}")
        if c["cue"] and c["source"] and c["cue"] == c["source"]:
            raise MarkupError(f"{name}: cue and source are the same span")


# ---------------------------------------------------------------------------------------------------------
# score

def claim_sets(text, claim):
    """The claim's content characters, and the characters between its fragments (not charged to a
    prediction that spans them)."""
    body = set()
    for a, b in claim["content"]:
        body |= content_chars(text, a, b)
    between = content_chars(text, claim["content"][0][0], claim["content"][-1][1]) - body
    return body, between


def match_size(body, between, pred):
    """Characters shared by a claim and a prediction, or 0 unless they are at least half of the claim and at
    least half of the prediction (characters between the claim's fragments not counted in the prediction)."""
    if not body:
        return 0
    shared = len(body & pred)
    ok = 2 * shared >= len(body) and 2 * shared >= len(pred - between)
    return shared if ok and shared else 0


def overlaps(span, gold):
    if not span or gold is None or "start" not in span or "end" not in span:
        return False
    return span["start"] < gold[1] and gold[0] < span["end"]


def last_token(name):
    """Lower-case last word of a name, without possessive 's and punctuation."""
    words = [w for w in (name or "").replace("’", "'").split() if w[:1].isalnum()]
    if not words:
        return ""
    w = words[-1].lower()
    if w.endswith("'s"):
        w = w[:-2]
    return w.strip(".,;:'\"")


def source_ok(claim, pq, names):
    if overlaps(pq.get("mention"), claim["source"]):
        return True
    head = claim["source_text"].split(",")[0].strip()
    if head.lower() in PRONOUNS:
        return False
    want = last_token(head)
    got = last_token(names.get(pq.get("speaker"), "")) if pq.get("speaker") is not None else ""
    return want != "" and want == got


def score_doc(text, gold, pred):
    """Counts for one article; see GOLD.md, 'Reported speech'."""
    claims = [(c, *claim_sets(text, c)) for c in gold["claims"]]
    preds = [q for q in pred.get("quotes", []) if q.get("kind") == "indirect"]
    psets = [content_chars(text, q["start"], q["end"]) for q in preds]
    names = {s.get("id"): s.get("name") or "" for s in pred.get("speakers", [])}
    r = {k: 0 for k in ("gold", "found", "pred", "tp", "ignored", "src_total", "src_right", "cue_total", "cue_right")}
    r.update(misses=[], extras=[], wrong=[])
    show = lambda c: " … ".join(text[a:b] for a, b in c["content"])
    for c, body, between in claims:
        if c["quoted"]:
            continue
        r["gold"] += 1
        sizes = [match_size(body, between, p) for p in psets]
        if not sizes or max(sizes) == 0:
            r["misses"].append(show(c))
            continue
        r["found"] += 1
        q = preds[sizes.index(max(sizes))]
        if c["source"] is not None:
            r["src_total"] += 1
            if source_ok(c, q, names):
                r["src_right"] += 1
            else:
                got = (q.get("mention") or {}).get("text") or names.get(q.get("speaker"))
                r["wrong"].append(("source", show(c), c["source_text"], got))
        if c["cue"] is not None:
            r["cue_total"] += 1
            if overlaps(q.get("cue"), c["cue"]):
                r["cue_right"] += 1
            else:
                r["wrong"].append(("cue", show(c), text[c["cue"][0]:c["cue"][1]], (q.get("cue") or {}).get("text")))
    for q, p in zip(preds, psets):
        hits = [c["quoted"] for c, body, between in claims if match_size(body, between, p)]
        if hits and all(hits):
            r["ignored"] += 1
        else:
            r["pred"] += 1
            if hits:
                r["tp"] += 1
            else:
                r["extras"].append(text[q["start"]:q["end"]])
    return r


def ratio(a, b):
    return a / b if b else 0.0


def summarize(tot, docs):
    p, rc = ratio(tot["tp"], tot["pred"]), ratio(tot["found"], tot["gold"])
    return {
        "docs": docs, "gold": tot["gold"], "pred": tot["pred"], "ignored": tot["ignored"],
        "precision": round(p, 3), "recall": round(rc, 3), "f1": round(2 * p * rc / (p + rc) if p + rc else 0.0, 3),
        "source": round(ratio(tot["src_right"], tot["src_total"]), 3),
        "cue": round(ratio(tot["cue_right"], tot["cue_total"]), 3),
    }


def load_docs(folder):
    docs = sorted(d for d in folder.iterdir() if (d / "claims.json").is_file() and (d / "text.txt").is_file())
    if not docs:
        raise SystemExit(f"no converted articles in {folder}: run `claims.py convert` first")
    return docs


def score(a):
    folder = Path(a.dir)
    tot = {}
    docs = load_docs(folder)
    for d in docs:
        text = (d / "text.txt").read_text(encoding="utf-8")
        gold = json.loads((d / "claims.json").read_text(encoding="utf-8"))
        run = subprocess.run(shlex.split(a.cmd) + [str(d / "text.txt")], capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"{d.name}: the command failed with status {run.returncode}: {run.stderr[-500:]}")
        try:
            pred = json.loads(run.stdout)
        except json.JSONDecodeError as e:
            raise SystemExit(f"{d.name}: the command did not print JSON ({e})")
        r = score_doc(text, gold, pred)
        for k, v in r.items():
            if isinstance(v, int):
                tot[k] = tot.get(k, 0) + v
        if a.verbose:
            print(f"== {d.name}: claims {r['gold']} predicted {r['pred']} (+{r['ignored']} on quoted claims) "
                  f"found {r['found']}")
            for m in r["misses"]:
                print(f"   missed: {m[:90]}")
            for m in r["extras"]:
                print(f"   extra:  {m[:90]}")
            for what, claim, want, got in r["wrong"]:
                print(f"   {what}: {claim[:60]!r} gold={want!r} predicted={got!r}")
    s = summarize(tot, len(docs))
    print(json.dumps(s) if a.json else " ".join(f"{k}={v}" for k, v in s.items()))
    failed = [f"{k} {s[k]} < {lim}" for k, lim in
              (("precision", a.min_precision), ("recall", a.min_recall), ("source", a.min_source), ("cue", a.min_cue))
              if lim is not None and s[k] < lim]
    if failed:
        print("below the minimum: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


# ---------------------------------------------------------------------------------------------------------
# stats

def construction(text, c):
    """A coarse label for how the claim is attributed (for describing the corpus, not for scoring)."""
    a, b = c["content"][0][0], c["content"][-1][1]
    cue = text[c["cue"][0]:c["cue"][1]].lower() if c["cue"] else ""
    labels = []
    if len(c["content"]) > 1:
        labels.append("interrupted")
    if any(text[i] in QUOTE_MARKS and text[i] not in "'’" for x, y in c["content"] for i in range(x, y)):
        labels.append("mixed (quoted part)")
    if cue.startswith("according"):
        labels.append("according to X, … (before)" if c["cue"][0] < a else "…, according to X (after)")
    elif "quoted" in cue or "reported" in cue and c["source"] is None:
        labels.append("passive / quoted as saying")
    elif c["source"] is None:
        labels.append("no source")
    elif c["cue"] and c["cue"][0] > b:
        labels.append("…, X said (after)")
    elif re.match(r"(told|tell)", cue):
        labels.append("X told Y (that) …")
    elif re.match(r"accus", cue):
        labels.append("X accused Y of …")
    elif re.match(r"(said|says|say)\b", cue):
        gap = text[c["cue"][1]:a] if c["cue"] else ""
        labels.append("X said that …" if re.search(r"\bthat\b", gap) else "X said …")
    elif c["cue"]:
        labels.append("other verb: " + cue.split()[0])
    return labels


def stats(a):
    folder = Path(a.dir)
    counts, verbs, n, unquoted = {}, {}, 0, 0
    for d in load_docs(folder):
        text = (d / "text.txt").read_text(encoding="utf-8")
        for c in json.loads((d / "claims.json").read_text(encoding="utf-8"))["claims"]:
            n += 1
            unquoted += not c["quoted"]
            for lab in construction(text, c):
                counts[lab] = counts.get(lab, 0) + 1
            if c["cue"]:
                w = text[c["cue"][0]:c["cue"][1]].split()[0].lower()
                verbs[w] = verbs.get(w, 0) + 1
    print(f"{n} claims, {unquoted} unquoted (scored), {n - unquoted} quoted")
    for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {v:4d}  {k}")
    print("cue words: " + ", ".join(f"{k} {v}" for k, v in sorted(verbs.items(), key=lambda kv: -kv[1])))
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("convert", help="regenerate text.txt and claims.json from the markup")
    c.add_argument("--dir", default=str(DEFAULT_DIR))
    s = sub.add_parser("score", help="score a command's indirect quotes against the claims")
    s.add_argument("--dir", default=str(DEFAULT_DIR))
    s.add_argument("--cmd", required=True)
    s.add_argument("--verbose", action="store_true")
    s.add_argument("--json", action="store_true")
    for lim in ("precision", "recall", "source", "cue"):
        s.add_argument(f"--min-{lim}", type=float)
    t = sub.add_parser("stats", help="count the claims by construction")
    t.add_argument("--dir", default=str(DEFAULT_DIR))
    a = ap.parse_args(argv)
    if a.command == "convert":
        try:
            convert(Path(a.dir))
        except MarkupError as e:
            print(f"malformed markup: {e}", file=sys.stderr)
            return 2
        return 0
    if a.command == "score":
        return score(a)
    return stats(a)


if __name__ == "__main__":
    sys.exit(main())
