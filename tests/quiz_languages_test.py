#!/usr/bin/env python3
"""The same seed gives the same quiz in English and in Korean (issue #22).

  quiz_languages_test.py NKFACTS

For seeds 1 to 200, `quiz --seed N --print -o json` under --lang en and --lang ko must ask
about the same records with the same template, in the same order, with the same number of
options, the same right letter and the same numeric answer."""
import json
import os
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


# Under the sanitizers (slower by 3-10 times) every STRIDE-th seed is enough: that build
# looks for memory errors, and the release build compares all 200.
stride = int(os.environ.get("NKFACTS_TEST_STRIDE", "1"))
for seed in range(1, 201, stride):
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
print(f"{len(range(1, 201, stride))} seeds from 1 to 200: the same quiz in English and Korean")
