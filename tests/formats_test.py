"""Every listing command, in every machine format, read back with a real parser.

    python3 formats_test.py NKFACTS

Checks that json and jsonl parse (and jq reads the stream), csv parses as RFC 4180 with
CRLF rows, tsv rows all have as many fields as the header, markdown tables have the same
number of cells per row, that the six formats list the same records, that numbers in JSON
equal the numbers in the fact files, and that no raw escape character gets through.
"""
import csv
import io
import json
import os
import subprocess
import sys
import tomllib

binary = os.path.abspath(sys.argv[1])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
fixture = os.path.join(root, "tests", "data", "good", "formats.toml")
env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "COLUMNS": "80", "NO_COLOR": "1"}
failures = []


def run(args):
    done = subprocess.run([binary, "--quiet", "--facts", fixture] + args, capture_output=True,
                          env=env, cwd=root)
    if done.returncode != 0:
        failures.append("%s: status %d: %s" % (args, done.returncode, done.stderr.decode()))
    if b"\x1b" in done.stdout or b"\x07" in done.stdout or b"\xc2\x9b" in done.stdout:
        failures.append("%s: a raw control character on stdout" % args)
    return done.stdout


def parse(fmt, out):
    """Rows as dicts of strings (json values are kept as parsed)."""
    text = out.decode("utf-8")
    if fmt == "json":
        return json.loads(text)["records"]
    if fmt == "jsonl":
        rows = [json.loads(line) for line in text.split("\n") if line]
        jq = subprocess.run(["jq", "-c", "."], input=out, capture_output=True)
        if jq.returncode != 0 or len(jq.stdout.decode().splitlines()) != len(rows):
            failures.append("jq could not read the jsonl stream")
        return rows
    if fmt == "csv":
        if out and not text.endswith("\r\n"):
            failures.append("csv rows must end with CRLF")
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        lines = list(reader)
        header = lines[0]
        for line in lines[1:]:
            if len(line) != len(header):
                failures.append("csv row with %d fields, header has %d" % (len(line), len(header)))
        return [dict(zip(header, line)) for line in lines[1:]]
    if fmt == "tsv":
        lines = text.split("\n")[:-1]
        header = lines[0].split("\t")
        rows = []
        for line in lines[1:]:
            cells = line.split("\t")
            if len(cells) != len(header):
                failures.append("tsv row with %d fields, header has %d" % (len(cells), len(header)))
            unescaped = [c.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r")
                         .replace("\\\\", "\\") for c in cells]
            rows.append(dict(zip(header, unescaped)))
        return rows
    if fmt == "markdown":
        table = [l for l in text.split("\n") if l.startswith("|")]
        def cells(line):
            return line.replace("\\|", "\0").strip("|").split("|")
        header = [c.strip() for c in cells(table[0])]
        rows = []
        for line in table[2:]:
            row = [c.strip().replace("\0", "|") for c in cells(line)]
            if len(row) != len(header):
                failures.append("markdown row with %d cells, header has %d" % (len(row), len(header)))
            rows.append(dict(zip(header, row)))
        return rows
    raise ValueError(fmt)


commands = [["list"], ["show", "tricky-figure", "tricky-route", "tricky-ref"], ["routes"],
            ["dangers"], ["stats"], ["cite"], ["cite", "tricky-figure"], ["search", "tricky"],
            ["search", "탈북민"], []]
formats = ["json", "jsonl", "csv", "tsv", "markdown"]
for command in commands:
    ids = {}
    for fmt in formats:
        rows = parse(fmt, run(["--format", fmt] + command))
        key = "series" if command == ["stats"] else "id"
        extra = "period" if command == ["stats"] else None
        # stats rows are headline figures (id) and then series periods (series, period).
        if extra:
            ids[fmt] = [(r.get("id") or None, r.get(key) or None, r.get(extra) or None) for r in rows]
        else:
            ids[fmt] = [r.get(key) for r in rows]
    first = ids["json"]
    for fmt in formats:
        if ids[fmt] != first:
            failures.append("%s: %s lists %s, json lists %s" % (command, fmt, ids[fmt], first))

# The tricky text survives every format exactly.
facts = tomllib.load(open(fixture, "rb"))
figure = facts["figure"][0]
show = ["show", "tricky-figure"]
record = json.loads(run(["--format", "json"] + show))["records"][0]
for key in ("label", "summary", "note"):
    if record[key] != figure[key]:
        failures.append("json %s differs: %r != %r" % (key, record[key], figure[key]))
if record["low"] != figure["low"] or record["high"] != figure["high"] or record["value"] is not None:
    failures.append("json range differs: %r" % record)
for fmt in ("csv", "tsv"):
    row = parse(fmt, run(["--format", fmt] + show))[0]
    for key in ("label", "summary"):
        if row[key] != figure[key]:
            failures.append("%s %s differs: %r != %r" % (fmt, key, row[key], figure[key]))
route = parse("csv", run(["--format", "csv", "show", "tricky-route"]))[0]
if route["path"] != "; ".join(facts["route"][0]["path"]):
    failures.append("csv path differs: %r" % route["path"])

# Numbers in JSON equal the fact files': the embedded arrivals table against facts/.
embedded = tomllib.load(open(os.path.join(root, "facts", "series.toml"), "rb"))["series"][0]
rows = json.loads(subprocess.run([binary, "--format", "json", "stats"], capture_output=True,
                                 env=env).stdout)["records"]
rows = [r for r in rows if r["series"] == embedded["id"]]
if len(rows) != len(embedded["point"]):
    failures.append("stats json has %d rows, series.toml %d points" % (len(rows), len(embedded["point"])))
for row, point in zip(rows, embedded["point"]):
    if (row["men"], row["women"], row["total"]) != (point["men"], point["women"], point["men"] + point["women"]):
        failures.append("stats json row %s differs from series.toml" % row["period"])
figures = {f["id"]: f for f in tomllib.load(open(os.path.join(root, "facts", "figures.toml"), "rb"))["figure"]}
for record in json.loads(subprocess.run([binary, "--format", "json", "show"] + list(figures),
                                        capture_output=True, env=env).stdout)["records"]:
    source = figures[record["id"]]
    want = (source.get("value"), source.get("low", source.get("value")), source.get("high", source.get("value")))
    if (record["value"], record["low"], record["high"]) != want:
        failures.append("figure %s: json %r, figures.toml %r" % (record["id"], record, want))

# Every record and every row, in every machine format, has an id, a kind and a name; a
# series' rows are of their series (kind "series"), and id and period are a row's key.
for command in commands + [["show", "arrivals-by-year"], ["timeline"], ["claims"], ["terms"],
                           ["random"]]:
    for fmt in formats:
        rows = parse(fmt, run(["--format", fmt] + command))
        for row in rows:
            if not all(row.get(key) for key in ("id", "kind", "name")):
                failures.append("%s %s: a row without id, kind or name: %r" % (command, fmt, row))
                break
        keys = [(r.get("id"), r.get("period")) for r in rows]
        if len(set(keys)) != len(keys):
            failures.append("%s %s: id and period repeat" % (command, fmt))
for row in json.loads(run(["--format", "json", "stats"]))["records"]:
    if row.get("period") is not None and (row["kind"] != "series" or row["id"] != row["series"]
                            or row["unit"] is None):
        failures.append("stats json: a series row not of its series: %r" % row)

# Nothing found: status 1 in every format; empty stdout, but for json, which still writes
# a document a parser reads: `{}`, an object like a full answer, whose length is 0 (and
# that of its records too, for jq). An answer of no rows with status 0 (the overview of
# facts with no headline figure) is empty the same way.
no_headline = os.path.join(root, "tests", "data", "schema", "no-headline.toml")
empty_answers = [
    (1, ["search", "zzzzqqqq"]),
    (1, ["show", "no-such-id", "nor-this"]),
    (1, ["stats", "--year", "1900"]),
    (1, ["timeline", "--year", "1900"]),
    (1, ["--no-default", "--facts", no_headline, "list", "--kind", "route"]),
    (1, ["--no-default", "--facts", no_headline, "routes"]),
    (1, ["--no-default", "--facts", no_headline, "timeline"]),
    (0, ["--no-default", "--facts", no_headline]),
]
for status, command in empty_answers:
    for fmt in ["text"] + formats:
        if fmt == "text" and status == 0:
            continue  # the overview's text still lists the commands
        done = subprocess.run([binary, "--format", fmt] + command, capture_output=True, env=env,
                              cwd=root)
        if done.returncode != status:
            failures.append("%s %s: status %d, not %d" % (command, fmt, done.returncode, status))
        elif fmt == "json":
            for query, want in ((".", "{}"), ("length", "0"), (".records | length", "0")):
                jq = subprocess.run(["jq", "-c", query], input=done.stdout, capture_output=True)
                if jq.stdout.decode().strip() != want:
                    failures.append("%s json: jq %r printed %r, not %s"
                                    % (command, query, jq.stdout.decode().strip(), want))
        elif done.stdout:
            failures.append("%s %s: an empty answer should write nothing" % (command, fmt))

for failure in failures:
    print("FAILED:", failure)
print("%d commands x %d formats checked" % (len(commands), len(formats)))
sys.exit(1 if failures else 0)
