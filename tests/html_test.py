#!/usr/bin/env python3
"""Every -o html page: parses without an error (html5lib, strict), its SVG is valid XML,
nothing outside the file is referenced (no src, no <link>, no script, no url() but data:,
links only to the page itself or to http, https and mailto addresses), and a hostile fact
file (tests/data/html/hostile.toml: script tags, javascript: URLs, quotes, control
characters) comes out escaped and inert: its text is shown as text.

Usage: html_test.py NKFACTS"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

try:
    import html5lib
except ImportError:  # scripts/test installs python3-html5lib, for the system's Python
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    print("html_test: python3-html5lib is not installed; skipped")
    sys.exit(77)

BINARY = sys.argv[1]
HOSTILE = Path(__file__).resolve().parent / "data" / "html" / "hostile.toml"
PAGES = [
    ["handout", "--length", "sheet"],
    ["handout"],
    ["handout", "--topic", "routes"],
    ["handout", "--topic", "stats", "--style", "apa"],
    ["stats"],
    ["stats", "--from", "2019"],
    ["timeline"],
    ["routes"],
    ["dangers"],
    ["claims"],
    ["terms"],
]
BASES = {"embedded": [], "hostile": ["--no-default", "--facts", str(HOSTILE)]}
SVG = re.compile(r"<svg\b.*?</svg>", re.S)
failures = []


def fail(name, message):
    failures.append(f"{name}: {message}")


def run(args):
    return subprocess.run([BINARY, "-q", *args], capture_output=True, text=True)


def check_page(name, page):
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    tree = parser.parse(page)
    for position, code, data in parser.errors:
        fail(name, f"HTML parse error {code} at {position} {data}")
    if not page.startswith("<!DOCTYPE html>"):
        fail(name, "does not start with <!DOCTYPE html>")
    for svg in SVG.findall(page):
        try:
            ET.fromstring(svg)
        except ET.ParseError as error:
            fail(name, f"SVG is not valid XML: {error}: {svg[:120]}")
    if not SVG.search(page) and "terms" not in name and "claims" not in name and "dangers" not in name:
        fail(name, "no SVG picture")
    if re.search(r"[\x00-\x08\x0b-\x1f\x7f]", page):
        fail(name, "raw control characters in the page")
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        local = tag.split("}")[-1].lower()
        if local in ("script", "link", "iframe", "img", "object", "embed", "base", "meta") and not (
            local == "meta" and set(element.attrib) <= {"charset", "name", "content"}
        ):
            fail(name, f"<{local}> element {element.attrib}")
        for attribute, value in element.attrib.items():
            key = attribute.split("}")[-1].lower()
            if key.startswith("on"):
                fail(name, f"event handler attribute {key}={value!r} on <{local}>")
            if key in ("src", "srcset", "xlink:href", "action", "formaction", "poster", "data"):
                fail(name, f"external resource attribute {key}={value!r} on <{local}>")
            if key == "href" and not re.match(r"(#|https?://|mailto:)", value, re.I):
                fail(name, f"href {value!r} is neither a fragment nor an http, https or mailto link")
            if key == "href" and value.startswith("#") and len(value) > 1:
                target = value[1:]
                if tree.find(f".//*[@id='{target}']") is None:
                    fail(name, f"link to #{target}, which the page does not have")
            if key == "style":
                check_css(name, value)
        if local == "style":
            check_css(name, element.text or "")
    return tree


def check_css(name, css):
    for match in re.finditer(r"url\(\s*['\"]?([^)'\"]*)", css, re.I):
        if not match.group(1).startswith("data:"):
            fail(name, f"CSS fetches {match.group(1)!r}")
    if "@import" in css:
        fail(name, "CSS @import")


def text_of(tree):
    return "".join(tree.itertext())


for base, base_args in BASES.items():
    for page_args in PAGES:
        for paper in ([], ["--paper", "letter"]):
            name = f"{base}: -o html {' '.join(page_args + paper)}"
            result = run([*base_args, "-o", "html", *paper, *page_args])
            if result.returncode != 0:
                fail(name, f"exit status {result.returncode}: {result.stderr.strip()}")
                continue
            tree = check_page(name, result.stdout)
            size = "letter" if paper else "A4"
            if f"@page {{ size: {size}; }}" not in result.stdout:
                fail(name, f"no @page size {size}")
            if base != "hostile":
                continue
            text = text_of(tree)
            # The hostile text is shown as text, whole: escaped, not dropped.
            for shown in ["<script", "<a href=\"javascript", "href=\"javascript", "<style>body", "\"Title\" & 'more'"]:
                if shown in result.stdout:
                    fail(name, f"{shown!r} reached the page raw")
            page = page_args[0]
            expected = {
                "handout": "Route <a href=\"javascript:alert(8)\">click</a>",
                "stats": "</td></tr></table><script>alert(5)</script>",
                "timeline": "Event <script>alert(10)</script>",
                "routes": "<script>alert(9)</script>",
                "dangers": "Danger <style>body{display:none}</style>",
                "claims": "Claim <script>alert(11)</script>",
                "terms": "Term <script>alert(12)</script>",
            }[page]
            if page == "handout" and "stats" in page_args:
                expected = "</td></tr></table><script>alert(5)</script>"
            if page == "stats" and "--from" in page_args:
                expected = "Series </title><script>alert(6)</script>"
            if expected not in text:
                fail(name, f"the hostile text {expected!r} is not shown as text")

# Named records in full, and the hostile links: javascript: is dropped, quotes stay inside.
for args in (["routes", "evil-route"], ["claims", "claim-evil"], ["dangers", "evil-danger"]):
    name = f"hostile: -o html {' '.join(args)}"
    result = run([*BASES["hostile"], "-o", "html", *args])
    if result.returncode != 0:
        fail(name, f"exit status {result.returncode}")
        continue
    check_page(name, result.stdout)
sheet = run([*BASES["hostile"], "-o", "html", "handout"]).stdout
if 'href="https://example.org/a&quot;onmouseover=&quot;alert(3)&quot;&lt;x&gt;"' not in sheet:
    fail("hostile handout", "the quoted URL is not escaped inside its href")
if "javascript:alert(document.cookie)" in re.sub(r">[^<]*<", "><", sheet):
    fail("hostile handout", "a javascript: URL reached an attribute")

# The sheet's chart: 2021 (40 men, 23 women) and 2022 (35, 32) show both parts, at least
# 3 units high; the noted years are lettered, and their notes follow the chart.
sheet = run(["-o", "html", "handout", "--length", "sheet"]).stdout
for year in ("2021", "2022"):
    parts = re.findall(rf'<rect [^>]*height="([\d.]+)"[^>]*><title>{year}: [\d,]+ (\w+)</title>', sheet)
    if sorted(kind for _, kind in parts) != ["men", "women"] or any(float(h) < 3 for h, _ in parts):
        fail("sheet chart", f"{year}: parts drawn {parts}, expected men and women, each >= 3 high")
if not re.search(r'<li><b>d</b> 2021: The lowest yearly number', sheet):
    fail("sheet chart", "the 2021 note is not footnoted under its letter")
for heading in ("Key figures", "The main routes", "Three claims, checked", "Sources"):
    if f"<h2>{heading}" not in sheet:
        fail("sheet", f"no section {heading!r}")
if sheet.count('<span class="verdict">') != 3:
    fail("sheet", "not three checked claims")

# Records from the user's own files are marked.
own = run(["--facts", str(HOSTILE), "-o", "html", "handout"]).stdout
if own.count('class="own"') < 7 or "from your own facts" not in own:
    fail("own records", "records from --facts are not marked in the html handout")
if "from your own facts" in run(["-o", "html", "handout"]).stdout:
    fail("own records", "embedded records are marked as the user's own")
for fmt in ("markdown", "text"):
    for length in ("sheet", "lesson"):
        out = run(["--facts", str(HOSTILE), "-o", fmt, "handout", "--length", length]).stdout
        if "from your own facts" not in out:
            fail("own records", f"not marked in the {fmt} {length}")

# In Korean: every page parses, says lang="ko", and shows the records' Korean text, the
# Korean unit (34,537명) and Korean dates; English pages say lang="en".
HANGUL = re.compile(r"[\uac00-\ud7a3]")
for page_args in PAGES:
    name = f"ko: -o html {' '.join(page_args)}"
    result = run(["--lang", "ko", "-o", "html", *page_args])
    if result.returncode != 0:
        fail(name, f"exit status {result.returncode}: {result.stderr.strip()}")
        continue
    tree = check_page(name, result.stdout)
    if '<html lang="ko">' not in result.stdout:
        fail(name, 'no <html lang="ko">')
    headings = [text_of(h) for h in tree.iter() if h.tag in ("h1", "h2", "h3")]
    if not headings or not all(HANGUL.search(h) for h in headings):
        fail(name, f"a heading without Hangul: {[h for h in headings if not HANGUL.search(h)][:3]}")
if '<html lang="en">' not in run(["-o", "html", "stats"]).stdout:
    fail("en: -o html stats", 'no <html lang="en">')
sheet = run(["--lang", "ko", "-o", "html", "handout", "--length", "sheet"]).stdout
for shown in ("34,537명", "2025년 12월 31일", "<title>2021년: 남성 40명</title>", "북한 → 중국 → 몽골 → 한국"):
    if shown not in sheet:
        fail("ko: sheet", f"{shown!r} is not on the page")

# Commands without a page refuse -o html; --paper needs -o html.
for args in (["-o", "html", "list"], ["-o", "html", "show", "border-rivers"], ["-o", "html", "cite"],
             ["--paper", "letter", "stats"], ["-o", "html", "--paper", "legal", "stats"],
             ["-o", "html", "--fields", "id", "routes"], ["handout", "--length", "poster"]):
    result = run(args)
    if result.returncode != 2 or result.stdout or "nkfacts:" not in result.stderr:
        fail(" ".join(args), f"expected a usage error (2), got {result.returncode}")

for failure in failures:
    print("FAILED:", failure)
print(f"html: {len(PAGES) * 5 + 3} pages checked, {len(failures)} problems")
sys.exit(1 if failures else 0)
