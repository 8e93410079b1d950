"""No line of text output is wider than the width it was asked for.

    python3 width_test.py NKFACTS

Runs every command that writes text (and every record with `show`, every source with
`cite`) in English and Korean at COLUMNS=40, 72 and 80, and fails on any line of standard
output wider than COLUMNS, counted in terminal columns (Hangul and other wide characters
two, combining marks none). The one exception is a line that is a single word, a URL or
an id wider than the width, which is never split. Help pages are wrapped to 80 columns whatever the width (docs/cli.md,
section 3): they are checked at 80 only. Not checked: `check`, whose report is one line a
problem for the tools that read it, like a compiler's; `handout`, Markdown whose paragraphs
and table rows are one line each; and `quiz --print`, whose worksheet has a fixed layout.
"""
import os
import subprocess
import sys
import unicodedata

binary = os.path.abspath(sys.argv[1])
WIDTHS = (40, 72, 80)


def columns(line):
    width = 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def is_one_word(line, width):
    """A line that is one word wider than the width: a URL (or an id) is never split."""
    word = line.strip()
    return " " not in word and ("://" in word or columns(word) > width)


def run(args, width, lang="en"):
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "COLUMNS": str(width), "NO_COLOR": "1",
           "TERM": "dumb", "HOME": "/nonexistent"}
    result = subprocess.run([binary, "--lang", lang, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, check=False)
    if result.returncode not in (0, 1):
        failures.append(f"{' '.join(args)} (--lang {lang}, COLUMNS={width}) exited "
                        f"{result.returncode}: {result.stderr.decode()[:200]}")
    return result.stdout.decode()


failures = []
checked = 0


def check(args, width, lang="en"):
    global checked
    checked += 1
    for number, line in enumerate(run(args, width, lang).split("\n"), 1):
        if columns(line) > width and not is_one_word(line, width):
            failures.append(f"nkfacts --lang {lang} {' '.join(args)} at COLUMNS={width}, line "
                            f"{number}: {columns(line)} columns: {line!r}")


records = [line.split("\t") for line in run(["list"], 80).splitlines()]
commands = [["routes"], ["dangers"], ["claims"], ["terms"], ["stats"], ["stats", "--chart"],
            ["stats", "--chart", "--ascii"], ["timeline"], ["timeline", "--ascii"],
            ["random", "--seed", "3"], ["search", "river"], []]
# Under the sanitizers (slower by 3-10 times) every STRIDE-th record is enough: that build
# looks for memory errors, and the release build checks every record.
stride = int(os.environ.get("NKFACTS_TEST_STRIDE", "1"))
commands += [["show", fields[0]] for fields in records[::stride]]
commands += [["cite", fields[0]] for fields in records if fields[1] != "reference"][:40:stride]
for args in commands:
    for width in WIDTHS:
        for lang in ("en", "ko"):
            check(args, width, lang)

help_pages = [["--help"]] + [["help", name] for name in
                             ("routes", "dangers", "claims", "terms", "stats", "timeline", "quiz",
                              "random", "handout", "cite", "search", "show", "list", "check",
                              "completion", "help")]
for args in help_pages:
    for lang in ("en", "ko"):
        check(args, 80, lang)

for failure in failures[:60]:
    print(failure)
if len(failures) > 60:
    print(f"... and {len(failures) - 60} more")
print(f"{checked} outputs checked, {len(failures)} problem(s)")
sys.exit(1 if failures else 0)
