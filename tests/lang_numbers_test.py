#!/usr/bin/env python3
"""The two languages never disagree on a number.

  lang_numbers_test.py NKFACTS [FACTS.toml]

Runs every listing command with `-o json` under --lang en and --lang ko and compares the
answers: the same records, the same keys (machine formats keep English names), the same
numbers (the quiz, drawn per language, by the numbers its answers give: see compare_quiz), and in each text value the same digit numerals (a Korean month number before 월
aside, as `check` allows). Without FACTS, the embedded facts; with it, that file alone."""
import json
import re
import subprocess
import sys

binary = sys.argv[1]
source = ["--no-default", "--facts", sys.argv[2]] if len(sys.argv) > 2 else []
COMMANDS = [[], ["stats"], ["routes"], ["dangers"], ["claims"], ["terms"], ["timeline"],
            ["list"], ["cite"], ["search", "women"], ["search", "탈북민"],
            ["quiz", "--print", "--seed", "3", "--count", "1000"], ["random", "--seed", "5"],
            ["show", "arrivals-total-2025"]]
NUM = re.compile(r"(?<![A-Za-z0-9_.])\d[\d,]*(?:\.\d+)?")
failures = []


ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
KO_SCALE = {"백만": 1e6, "천만": 1e7, "천": 1e3, "만": 1e4, "억": 1e8}
WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
              "ninety": 90, "hundred": 100, "dozen": 12, "twice": 2, "once": 1, "single": 1,
              "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "half": 0.5})


def numbers(text, english):
    """(value, value with its scale word, is a Korean month) for each digit numeral, as
    `check` reads them: "2 million" and 200만 are both 2,000,000; ISO dates (2016-04)
    count as the year and the month or day numbers they name, as Korean writes them."""
    text = ISO_DATE.sub(lambda m: " ".join(str(int(g)) for g in m.groups() if g), text)
    out = []
    for m in NUM.finditer(text):
        written = m.group(0).rstrip(",")
        value = float(written.replace(",", ""))
        rest = text[m.start() + len(written):]
        if english:
            w = re.match(r"\s*(thousand|million|billion)\b", rest)
            scaled = value * EN_SCALE[w.group(1)] if w else value
        else:
            w = re.match(r"\s*(백만|천만|천|만|억)", rest)
            scaled = value * KO_SCALE[w.group(1)] if w else value
        month = (not english and re.match(r"\s*월", rest) is not None and "." not in written
                 and len(written) <= 2 and 1 <= value <= 12)
        out.append((value, scaled, month))
    return out


def numerals_differ(en, ko):
    """Every number of the English in the Korean, by value; the Korean adds only month
    numbers and digits for numbers the English spells in words ("seven years": 7년)."""
    # A Korean text in the English answer (a Korean title, a search snippet) is read as
    # Korean on both sides.
    english = numbers(en, re.search("[\uac00-\ud7a3]", en) is None)
    rest = numbers(ko, False)
    for value, scaled, _ in english:
        match = next((n for n in rest if n[1] in (value, scaled)), None)
        if match is None:
            return True
        rest.remove(match)
    allowed = {v for v, _, _ in english} | {s for _, s, _ in english}
    allowed |= {float(WORDS[w]) for w in re.findall(r"[a-z]+", en.lower()) if w in WORDS}
    return any(not month and scaled not in allowed for _, scaled, month in rest)


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


def numbers_in(value, out):
    if isinstance(value, bool):
        return out
    if isinstance(value, (int, float)):
        out.add(value)
    elif isinstance(value, dict):
        for v in value.values():
            numbers_in(v, out)
    elif isinstance(value, list):
        for v in value:
            numbers_in(v, out)
    return out


def compare_quiz(name, en, ko):
    """Each language draws its own quiz (a question whose wording gives its answer away
    in one language is left out there, and the draw moves on), so the two quizzes are not
    compared question by question. Instead every number a quiz gives as an answer, in
    either language, must be one the record it asks about holds in English (`show ID`)."""
    held = {}
    asked = 0
    for lang, answer in (("en", en), ("ko", ko)):
        for q in answer["records"]:
            value = q.get("answer_value")
            if value is None:
                continue
            asked += 1
            record = q["record"]
            if record not in held:
                run = subprocess.run([binary, "--lang", "en", *source, "-o", "json", "show", record],
                                     capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
                held[record] = numbers_in(json.loads(run.stdout), set()) if run.returncode == 0 else set()
            if value not in held[record]:
                failures.append(f"{name} ({lang}): question {q['number']} answers {value}, "
                                f"which {record} does not hold")
    if asked == 0 and not source:  # the embedded facts give number questions
        failures.append(f"{name}: no question with a number for its answer")


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
    if command[:1] == ["quiz"]:
        compare_quiz(name, json.loads(en.stdout), json.loads(ko.stdout))
    else:
        compare(name, json.loads(en.stdout), json.loads(ko.stdout))

print(f"{ran} commands compared")
for failure in failures[:50]:
    print("FAIL:", failure)
sys.exit(1 if failures or ran == 0 else 0)
