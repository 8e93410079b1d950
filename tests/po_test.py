#!/usr/bin/env python3
"""The Korean message catalogue (po/ko.po) against the program's messages.

  po_test.py ROOT

Fails when `msgfmt --check` refuses the catalogue, when a message that src/ marks with
tr() or tr_noop() (extracted by scripts/po-extract, i.e. xgettext) has no Korean msgstr,
or when a msgstr's fmt fields ({}) differ in number from its msgid's."""
import re
import subprocess
import sys

root = sys.argv[1]
failures = []

check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", f"{root}/po/ko.po"],
                       capture_output=True, text=True)
if check.returncode != 0:
    failures.append("msgfmt --check po/ko.po failed:\n" + check.stderr)


def unquote(block):
    text = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))
    return (text.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t")
            .replace("\\\\", "\\"))


def entries(text):
    """msgid -> (msgstr, fuzzy) for each entry of a PO text."""
    out = {}
    for chunk in re.split(r"\n\s*\n", text):
        fuzzy = re.search(r"^#,.*fuzzy", chunk, re.M) is not None
        m = re.search(r'^msgid ((?:".*"\n?)+)^msgstr ((?:".*"\n?)+)', chunk + "\n", re.M)
        if m:
            out[unquote(m.group(1))] = (unquote(m.group(2)), fuzzy)
    return out


pot = subprocess.run([f"{root}/scripts/po-extract", "--check"], capture_output=True, text=True)
if pot.returncode != 0:
    failures.append("scripts/po-extract --check failed:\n" + pot.stderr)
wanted = [m for m in entries(pot.stdout) if m]
with open(f"{root}/po/ko.po", encoding="utf-8") as f:
    korean = entries(f.read())

untranslated = [m for m in wanted if not korean.get(m, ("", False))[0] or korean[m][1]]
for m in untranslated:
    failures.append(f"no Korean for {m!r} (run scripts/po-extract, then translate it in po/ko.po)")
for msgid, (msgstr, _) in korean.items():
    if msgid and msgstr and msgid.count("{}") != msgstr.count("{}"):
        failures.append(f"fields differ: {msgid!r} has {msgid.count('{}')} {{}}, "
                        f"its Korean {msgstr.count('{}')}")
    if msgid and msgstr and msgid.endswith("\n") != msgstr.endswith("\n"):
        failures.append(f"line end differs: {msgid!r}")

print(f"{len(wanted)} messages, {len(wanted) - len(untranslated)} in Korean")
for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
