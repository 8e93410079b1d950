"""The headline figures, as a user sees them, equal the values of the sources they cite.

    python3 headline_test.py NKFACTS

The unit tests pin these numbers in the loaded fact base; this test checks what the binary
prints on the embedded facts: `show ID` in text (grouped number, unit, as-of date), the
same record in JSON, CSV and TSV (plain numbers, ISO date), the overview, and that each
figure names the source it was checked against. The values are typed in from those
sources, not read from facts/, so a typo in a fact file or a rendering slip fails here.
"""
import csv
import io
import json
import os
import subprocess
import sys

binary = os.path.abspath(sys.argv[1])
env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "COLUMNS": "80", "NO_COLOR": "1",
       "HOME": "/nonexistent"}
failures = []

# id: (value or (low, high), as_of, the source checked, as text shows the value)
HEADLINES = {
    # Newsis 2026-02-04: 34,537 arrivals in all to the end of 2025 (24,944 women, 9,593
    # men), as the MOU corrected it that day.
    "arrivals-total-2025": (34537, "2025-12-31", "newsis-2026-02-04", "34,537 people"),
    # Yonhap 2025-02-04: 34,314 arrivals in all to the end of 2024 (= 34,537 - 223).
    "arrivals-total-2024": (34314, "2024-12-31", "yonhap-2025-02-04", "34,314 people"),
    # Newsis 2026-02-04: 24,944 of the 34,537 arrivals to the end of 2025 were women (72.2%).
    "arrivals-women-2025": (24944, "2025-12-31", "newsis-2026-02-04", "24,944 people"),
    # Newsis 2026-02-04: 223 arrivals in 2025, 198 women and 25 men.
    "arrivals-2025": (223, "2025-12-31", "newsis-2026-02-04", "223 people"),
    # Yonhap 2020-01-07, from State Department data: 218 admitted since 2006, none in 2019.
    "us-refugees-2019": (218, "2019-12-31", "yonhap-2020-01-07", "218 people"),
    # The Dong-A Ilbo 2003-05-30, on the USCR World Refugee Survey 2003: at least 100,000;
    # some aid groups: 200,000 to 300,000. A range, never a point.
    "china-hidden-estimates-2003": ((100000, 300000), "2003-05", "dong-a-2003-05-30",
                                    "100,000–300,000 people"),
}


def run(args):
    done = subprocess.run([binary] + args, capture_output=True, env=env)
    if done.returncode != 0:
        failures.append("%s: status %d: %s" % (args, done.returncode, done.stderr.decode()))
    return done.stdout.decode("utf-8")


def expect(what, got, want):
    if got != want:
        failures.append("%s: got %r, want %r" % (what, got, want))


def check_json(fid, value, as_of, source):
    doc = json.loads(run(["-o", "json", "show", fid]))
    record = doc["records"][0]
    if isinstance(value, tuple):
        expect(fid + " json value", record["value"], None)
        expect(fid + " json low", record["low"], value[0])
        expect(fid + " json high", record["high"], value[1])
    else:
        expect(fid + " json value", record["value"], value)
        for key in ("low", "high"):
            expect(fid + " json " + key, record[key], value)
    for key in ("value", "low", "high"):
        if record[key] is not None and type(record[key]) is not int:
            failures.append("%s json %s: not a JSON integer: %r" % (fid, key, record[key]))
    expect(fid + " json as_of", record["as_of"], as_of)
    expect(fid + " json unit", record["unit"], "people")
    expect(fid + " json headline", record["headline"], fid != "arrivals-total-2024")
    if source not in record["sources"]:
        failures.append("%s: sources %s lack %s" % (fid, record["sources"], source))
    resolved = [ref["id"] for ref in doc["references"]]
    expect(fid + " json references", resolved, record["sources"])


def check_text(fid, shown, as_of):
    lines = run(["show", fid]).splitlines()
    for name, want in (("Id", fid), ("Value", shown), ("As of", as_of)):
        got = [line for line in lines if line.startswith("  %-10s" % name)]
        expect("%s text %s line" % (fid, name), got, ["  %-10s%s" % (name, want)])
    if "Sources" not in lines:
        failures.append(fid + " text: no Sources section")


def check_tables(fid, value, as_of):
    low, high = value if isinstance(value, tuple) else (value, value)
    plain = "" if isinstance(value, tuple) else str(value)
    want = {"id": fid, "value": plain, "low": str(low), "high": str(high), "as_of": as_of}
    fields = "id,value,low,high,as_of"
    rows = list(csv.DictReader(io.StringIO(run(["-o", "csv", "--fields", fields, "show", fid]),
                                           newline="")))
    expect(fid + " csv", rows, [want])
    rows = list(csv.DictReader(io.StringIO(run(["-o", "tsv", "--fields", fields, "show", fid])),
                               delimiter="\t", quoting=csv.QUOTE_NONE))
    expect(fid + " tsv", rows, [want])


for fid, (value, as_of, source, shown) in HEADLINES.items():
    check_json(fid, value, as_of, source)
    check_text(fid, shown, as_of)
    check_tables(fid, value, as_of)

# The overview and `stats` list the headlines (not the dated waypoint of 2024) with their
# grouped values; the overview in JSON lists exactly those records.
headlines = [fid for fid in HEADLINES if fid != "arrivals-total-2024"]
for args in ([], ["stats"]):
    text = run(args)
    for fid in headlines:
        if "\n  " + HEADLINES[fid][3] + " " not in text:
            failures.append("%s: no line with %r for %s" % (args, HEADLINES[fid][3], fid))
overview = json.loads(run(["-o", "json"]))["records"]
expect("overview json ids", sorted(r["id"] for r in overview), sorted(headlines))

for failure in failures:
    print("FAIL:", failure)
print("%d headline figures checked, %d failure(s)" % (len(HEADLINES), len(failures)))
sys.exit(1 if failures else 0)
