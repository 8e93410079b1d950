#!/usr/bin/env python3
"""The two languages never disagree on a number.

  lang_numbers_test.py NKFACTS [FACTS.toml]

Runs every listing command with `-o json` under --lang en and --lang ko and compares the
answers: the same records, the same keys (machine formats keep English names), the same
numbers, and in each text value the same digit numerals (a Korean month number before 월
aside, as `check` allows). Without FACTS, the embedded facts; with it, that file alone."""
import json
import re
import subprocess
import sys

binary = sys.argv[1]
source = ["--no-default", "--facts", sys.argv[2]] if len(sys.argv) > 2 else []
COMMANDS = [[], ["stats"], ["routes"], ["dangers"], ["claims"], ["terms"], ["timeline"],
            ["list"], ["cite"], ["search", "women"], ["search", "탈북민"],
            ["quiz", "--print", "--seed", "3", "--count", "20"], ["random", "--seed", "5"],
            ["show", "arrivals-total-2025"]]
NUM = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
failures = []


ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")


def numerals(text):
    """(value, is a Korean month) for each digit numeral; ISO dates (2016-04) count as the
    year and the month or day numbers they name (2016, 4), as Korean writes them."""
    text = ISO_DATE.sub(lambda m: " ".join(str(int(g)) for g in m.groups() if g), text)
    out = []
    for m in NUM.finditer(text):
        value = m.group(0).rstrip(",").replace(",", "")
        month = (re.match(r"\s*월", text[m.start() + len(m.group(0).rstrip(",")):]) is not None
                 and "." not in value and 1 <= int(value) <= 12)
        out.append((value, month))
    return out


def numerals_differ(en, ko):
    """Every numeral of the English in the Korean; the Korean adds only month numbers."""
    rest = numerals(ko)
    for value, _ in numerals(en):
        match = next((n for n in rest if n[0] == value), None)
        if match is None:
            return True
        rest.remove(match)
    return any(not month for _, month in rest)


def compare(path, en, ko):
    if type(en) is not type(ko):
        failures.append(f"{path}: {en!r} in English, {ko!r} in Korean")
    elif isinstance(en, dict):
        if list(en) != list(ko):
            failures.append(f"{path}: keys {list(en)} in English, {list(ko)} in Korean")
        for key in en:
            if key in ko:
                compare(f"{path}.{key}", en[key], ko[key])
    elif isinstance(en, list):
        if len(en) != len(ko):
            failures.append(f"{path}: {len(en)} items in English, {len(ko)} in Korean")
        for i, (a, b) in enumerate(zip(en, ko)):
            compare(f"{path}[{i}]", a, b)
    elif isinstance(en, str):
        if numerals_differ(en, ko):
            failures.append(f"{path}: the numerals of {en!r} and {ko!r} differ")
    elif en != ko:
        failures.append(f"{path}: {en!r} in English, {ko!r} in Korean")


ran = 0
for command in COMMANDS:
    answers = []
    for lang in ("en", "ko"):
        run = subprocess.run([binary, "--lang", lang, *source, "-o", "json", *command],
                             capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
        answers.append(run)
    en, ko = answers
    name = " ".join(command) or "(overview)"
    if en.returncode != ko.returncode:
        failures.append(f"{name}: status {en.returncode} in English, {ko.returncode} in Korean")
        continue
    if en.returncode != 0:
        continue  # not in these facts (e.g. a record the fixture lacks)
    ran += 1
    compare(name, json.loads(en.stdout), json.loads(ko.stdout))

print(f"{ran} commands compared")
for failure in failures[:50]:
    print("FAIL:", failure)
sys.exit(1 if failures or ran == 0 else 0)
