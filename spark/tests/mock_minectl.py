#!/usr/bin/env python3
"""A stand-in for `minectl` that implements the CLI contract the Spark driver uses (docs/spark.md).

Trivial but order-sensitive: every partial carries its part index and the SHA-256 of the lines it owns, and the
merges sort partials by part index, insist that the indexes are exactly 0..n-1 and chain the per-part digests in
that order, so a report only comes out identical when every line was read exactly once, in input order, with the
right part indexes. "Documents" are the non-empty lines (line terminators \\n or \\r\\n stripped, so the stdin
path, where Spark's textFile strips them, sees the same lines).

Failure injection: a line containing MOCK-FAIL makes `partial vocabulary` and `assign` exit 65 with
"mock_minectl: FILE:LINE: MOCK-FAIL marker (injected failure)" on stderr (LINE is 1-based within the file for
--input, within the piped lines for --source).
"""
import gzip
import hashlib
import json
import os
import sys
import tempfile

VERSION = "minectl 0.0.0-mock"
FLAGS = {"--no-redact", "--keep-private-notes", "--strict", "--timings"}  # options without a value


def die(message, code=64):
    sys.stderr.write("mock_minectl: %s\n" % message)
    sys.exit(code)


def parse(argv):
    """Returns (positionals, {option: [values]}); flags map to [True]."""
    positionals, options, i = [], {}, 0
    while i < len(argv):
        a = argv[i]
        if a.startswith("--"):
            if a in FLAGS:
                options.setdefault(a, []).append(True)
                i += 1
                continue
            if i + 1 >= len(argv):
                die("option %s needs a value" % a)
            options.setdefault(a, []).append(argv[i + 1])
            i += 2
        else:
            positionals.append(a)
            i += 1
    return positionals, options


def one(options, name, default=None, required=False):
    values = options.get(name)
    if not values:
        if required:
            die("missing %s" % name)
        return default
    return values[-1]


def read_lines(options):
    """The (line_number, text) pairs this part owns, and the source name for messages."""
    path = one(options, "--input")
    if path is None:
        source = one(options, "--source", "<stdin>")
        data = sys.stdin.buffer.read()
        return source, [(n + 1, l) for n, l in enumerate(split_lines(data))]
    offset = int(one(options, "--offset", required=True))
    length = int(one(options, "--length", required=True))
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        die("%s: cannot read: %s" % (path, e.strerror), 66)
    if data[:2] == b"\x1f\x8b":
        if offset != 0 or length != len(data):
            die("%s: a gzip file must be read as one range (offset 0, length %d)" % (path, len(data)))
        data = gzip.decompress(data)
        offset, length = 0, len(data)
    if offset < 0 or length < 0 or offset + length > len(data):
        die("%s: range [%d, %d) outside the file (%d bytes)" % (path, offset, offset + length, len(data)))
    owned, start, number = [], 0, 0
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end + 1
        number += 1
        if offset <= start < offset + length:
            owned.append((number, data[start:end]))
        start = end
    return path, [(n, strip(l)) for n, l in owned]


def strip(line):
    if line.endswith(b"\n"):
        line = line[:-1]
    if line.endswith(b"\r"):
        line = line[:-1]
    return line


def split_lines(data):
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [strip(l) for l in lines]


def documents(source, lines):
    docs = []
    for number, text in lines:
        if b"MOCK-FAIL" in text:
            die("%s:%d: MOCK-FAIL marker (injected failure)" % (source, number), 65)
        if text.strip():
            docs.append(text.decode("utf-8", "replace"))
    return docs


MOD = (1 << 61) - 1  # the order-sensitive digest is a polynomial hash, so parts compose: h(AB) = h(A)*B^|B| + h(B)
BASE = 1_000_003


def digest(texts):
    h = 0
    for t in texts:
        h = (h * BASE + int(hashlib.sha256(t.encode("utf-8")).hexdigest()[:15], 16)) % MOD
    return h


def theme_of(text, k, seed):
    return int(hashlib.sha256(("%s|%s" % (seed, text)).encode("utf-8")).hexdigest()[:8], 16) % k


def load_partials(paths, kind):
    partials = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            doc = json.load(f)
        if doc.get("kind") != kind:
            die("%s: not a %s partial" % (p, kind), 65)
        partials.append(doc)
    partials.sort(key=lambda d: d["part"])
    indexes = [d["part"] for d in partials]
    if indexes != list(range(len(partials))):
        die("part indexes are not 0..%d: %s" % (len(partials) - 1, indexes), 65)
    return partials


def chain(partials):
    """The digest of all documents in part order, the same however the input was split."""
    h = 0
    for d in partials:
        h = (h * pow(BASE, d["documents"], MOD) + d["digest"]) % MOD
    return "%016x" % h


def write_out(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def emit(doc, out=None):
    text = json.dumps(doc, sort_keys=True) + "\n"
    if out:
        write_out(out, text)
    else:
        sys.stdout.write(text)


def main(argv):
    if argv[:1] == ["--version"]:
        print(VERSION)
        return
    if os.environ.get("MOCK_MINECTL_LOG"):  # a call log for tests: one JSON line per invocation
        with open(os.environ["MOCK_MINECTL_LOG"], "a") as f:
            f.write(json.dumps(argv) + "\n")
    positionals, options = parse(argv)
    command = positionals[:2] if positionals[:1] == ["partial"] else positionals[:1]
    rest = positionals[len(command):]
    if command == ["partial", "vocabulary"]:
        part = int(one(options, "--part-index", required=True))
        source, lines = read_lines(options)
        docs = documents(source, lines)
        analysis = {k: v for k, v in sorted(options.items())
                    if k not in ("--part-index", "--input", "--offset", "--length", "--source")}
        emit({"kind": "vocabulary-partial", "part": part, "documents": len(docs), "digest": digest(docs),
              "words": sum(len(d.split()) for d in docs), "analysis": analysis})
    elif command == ["partial", "merge-vocabulary"]:
        partials = load_partials(rest, "vocabulary-partial")
        emit({"kind": "vocabulary", "parts": len(partials), "documents": sum(d["documents"] for d in partials),
              "words": sum(d["words"] for d in partials), "chain": chain(partials),
              "analysis": partials[0]["analysis"] if partials else {}}, one(options, "--out", required=True))
    elif command == ["fit"]:
        with open(one(options, "--vocabulary", required=True), encoding="utf-8") as f:
            vocabulary = json.load(f)
        k = one(options, "--k", "auto")
        k = 2 + int(vocabulary["chain"][:4], 16) % 5 if k == "auto" else int(k)
        emit({"kind": "model", "k": k, "seed": int(one(options, "--seed", "0")),
              "restarts": one(options, "--restarts"), "min_k": one(options, "--min-k"),
              "max_k": one(options, "--max-k"), "vocabulary_chain": vocabulary["chain"]},
             one(options, "--out", required=True))
    elif command == ["assign"]:
        with open(one(options, "--model", required=True), encoding="utf-8") as f:
            model = json.load(f)
        with open(one(options, "--vocabulary", required=True), encoding="utf-8") as f:
            vocabulary = json.load(f)
        if model["vocabulary_chain"] != vocabulary["chain"]:
            die("model and vocabulary do not belong together", 65)
        part = int(one(options, "--part-index", required=True))
        source, lines = read_lines(options)
        docs = documents(source, lines)
        themes = [theme_of(d, model["k"], model["seed"]) for d in docs]
        sizes = [0] * model["k"]
        for t in themes:
            sizes[t] += 1
        out = one(options, "--assignments-out")
        if out:
            write_out(out, "".join(json.dumps({"id": hashlib.sha256(d.encode()).hexdigest()[:12], "theme": t})
                                   + "\n" for d, t in zip(docs, themes)))
        emit({"kind": "assign-partial", "part": part, "documents": len(docs), "digest": digest(docs),
              "sizes": sizes})
    elif command == ["partial", "merge-report"]:
        with open(one(options, "--model", required=True), encoding="utf-8") as f:
            model = json.load(f)
        partials = load_partials(rest, "assign-partial")
        sizes = [sum(col) for col in zip(*(d["sizes"] for d in partials))] if partials else []
        themes = sorted(({"theme": i, "size": s} for i, s in enumerate(sizes)), key=lambda t: (-t["size"], t["theme"]))
        top = one(options, "--top")
        if top is not None:
            themes = themes[: int(top)]
        report = {"schema": "mock/themes-report@1", "k": model["k"], "documents": sum(d["documents"] for d in partials), "chain": chain(partials), "themes": themes}
        fmt = one(options, "--format", "table")
        if fmt == "json":
            text = json.dumps(report, sort_keys=True, indent=2) + "\n"
        elif fmt in ("table", "markdown", "csv", "html"):
            text = "%s documents, %s themes, chain %s\n" % (report["documents"], report["k"], report["chain"][:16])
            text += "".join("%d %d\n" % (t["theme"], t["size"]) for t in themes)
        else:
            die("unknown format %s" % fmt)
        out = one(options, "--out")
        if out:
            write_out(out, text)
        else:
            sys.stdout.write(text)
    else:
        die("unknown command: %s" % " ".join(positionals))


if __name__ == "__main__":
    main(sys.argv[1:])
