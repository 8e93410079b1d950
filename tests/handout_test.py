#!/usr/bin/env python3
"""The handout is well-formed Markdown for every topic and style: one title, headings in
order without skipped levels, every table with a delimiter row and the same number of
cells in every row, every source marker [n] pointing to an entry of the numbered
bibliography, and every entry cited.  usage: handout_test.py NKFACTS"""
import os
import re
import subprocess
import sys

binary = sys.argv[1]
env = dict(os.environ, LC_ALL="C.UTF-8", NO_COLOR="1")
env.pop("NKFACTS_PATH", None)
failures = []


def cells(line):
    # Split a table row on unescaped pipes.
    parts = re.split(r"(?<!\\)\|", line.strip())
    return [p.strip() for p in parts[1:-1]]


def check(topic, style):
    name = f"--topic {topic} --style {style}"
    run = subprocess.run([binary, "handout", "--topic", topic, "--style", style],
                         capture_output=True, text=True, env=env)
    if run.returncode != 0 or run.stderr:
        failures.append(f"{name}: status {run.returncode}, stderr {run.stderr!r}")
        return
    lines = run.stdout.split("\n")
    if not lines[0].startswith("# ") or sum(1 for l in lines if l.startswith("# ")) != 1:
        failures.append(f"{name}: not exactly one '# ' title on the first line")
    level = 1
    for line in lines:
        m = re.match(r"^(#+) ", line)
        if m:
            new = len(m.group(1))
            if new > level + 1:
                failures.append(f"{name}: heading level jumps: {line!r}")
            level = new
    # Tables: a header, a delimiter row, then rows of the same width; a blank line after.
    i = 0
    tables = 0
    while i < len(lines):
        if lines[i].startswith("|"):
            tables += 1
            width = len(cells(lines[i]))
            if i + 1 >= len(lines) or not re.fullmatch(r"\|( -{3,}:? \|)+", lines[i + 1]):
                failures.append(f"{name}: table without a delimiter row at line {i + 1}")
            j = i
            while j < len(lines) and lines[j].startswith("|"):
                if len(cells(lines[j])) != width:
                    failures.append(f"{name}: row {j + 1} has {len(cells(lines[j]))} cells, not {width}")
                j += 1
            if j < len(lines) and lines[j] != "":
                failures.append(f"{name}: no blank line after the table ending at line {j}")
            i = j
        i += 1
    # all: the figures, the arrivals, the timeline and the glossary.
    expected_tables = {"all": 4, "stats": 2, "routes": 0, "dangers": 0, "timeline": 1}[topic]
    if tables != expected_tables:
        failures.append(f"{name}: {tables} tables, expected {expected_tables}")
    # Sources: a numbered list 1..n under "## Sources", every marker resolves, every entry used.
    if "## Sources" not in lines:
        failures.append(f"{name}: no '## Sources' section")
        return
    start = lines.index("## Sources")
    body = "\n".join(lines[:start])
    entries = [l for l in lines[start + 1:] if l]
    numbers = [int(re.match(r"^(\d+)\. ", e).group(1)) for e in entries if re.match(r"^\d+\. ", e)]
    if numbers != list(range(1, len(entries) + 1)):
        failures.append(f"{name}: bibliography is not numbered 1..{len(entries)}")
    cited = {int(n) for n in re.findall(r"(?<!\\)\[(\d+)\]", body)}
    if cited != set(range(1, len(entries) + 1)):
        failures.append(f"{name}: markers {sorted(cited)} do not match entries 1..{len(entries)}")


for topic in ["all", "stats", "routes", "dangers", "timeline"]:
    for style in ["plain", "apa", "mla", "chicago"]:
        check(topic, style)
for f in failures:
    print("FAILED:", f)
print(f"handout: {5 * 4} documents checked, {len(failures)} problems")
sys.exit(1 if failures else 0)
