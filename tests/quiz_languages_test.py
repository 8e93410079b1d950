#!/usr/bin/env python3
"""The same seed gives the same quiz in English and in Korean (issue #22).

  quiz_languages_test.py NKFACTS

For seeds 1 to 200, `quiz --seed N --print -o json` under --lang en and --lang ko must ask
about the same records with the same template, in the same order, with the same number of
options, the same right letter and the same numeric answer."""
import json
import subprocess
import sys

binary = sys.argv[1]
failures = []


def quiz(lang, seed):
    run = subprocess.run([binary, "--lang", lang, "quiz", "--seed", str(seed), "--print",
                          "-o", "json"], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin"})
    if run.returncode != 0:
        failures.append(f"--lang {lang} quiz --seed {seed}: status {run.returncode}: {run.stderr}")
        return []
    return [(q["number"], q["template"], q["record"], len(q["options"]), q["answer"],
             q["answer_value"]) for q in json.loads(run.stdout)["records"]]


for seed in range(1, 201):
    en, ko = quiz("en", seed), quiz("ko", seed)
    if not en:
        failures.append(f"seed {seed}: no questions")
    if en != ko:
        failures.append(f"seed {seed}: English asks {en}, Korean {ko}")

for failure in failures[:20]:
    print(failure)
if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("seeds 1-200: the same quiz in English and Korean")
