#!/usr/bin/env python3
"""The quiz's worksheet and answer key as HTML, Markdown and text (quiz --print/--key).

  quiz_html_test.py NKFACTS

- The HTML page parses without a single error in html5lib's strict mode, for several seeds,
  every topic, the worksheet alone, the key alone and both.
- It is self-contained: no script, no element that fetches anything (src=, <link>, url()).
- The worksheet has a title, name and date lines, the numbered questions with a box before
  each option; the key has each answer with its explanation and source, and starts a new
  printed page (page-break-before) when it follows the worksheet.
- Text from a fact file comes out escaped: a term whose name, Korean word and definition
  hold markup shows it as text in HTML and Markdown, and control characters never reach
  the text output raw.
Skipped (77) when html5lib is missing (Debian: python3-html5lib).
"""
import os
import re
import subprocess
import sys
import tempfile

try:
    import html5lib
except ImportError:
    # The Debian package serves the system's interpreter, which may not be the first on PATH.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath(
        "/usr/bin/python3"
    ) and not os.environ.get("QUIZ_HTML_TEST_REEXEC"):
        os.environ["QUIZ_HTML_TEST_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("html5lib is not installed (python3-html5lib); skipping")
    sys.exit(77)

NKFACTS = sys.argv[1]
ENV = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
failures = []


def run(*args, expect=0):
    result = subprocess.run([NKFACTS, *args], capture_output=True, env=ENV)
    if result.returncode != expect:
        failures.append(f"{' '.join(args)}: status {result.returncode}: {result.stderr.decode()}")
    return result.stdout.decode("utf-8")


def check(condition, message):
    if not condition:
        failures.append(message)


def parse(page, what):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        return parser.parse(page)
    except html5lib.html5parser.ParseError as error:
        failures.append(f"{what}: HTML does not parse: {error}")
        return None


def self_contained(page, what):
    check("<script" not in page.lower(), f"{what}: has a script")
    check(not re.search(r"<[^>]*\ssrc\s*=", page, re.I), f"{what}: loads something (src=)")
    check("<link" not in page.lower(), f"{what}: has a <link>")
    check("url(" not in page.lower(), f"{what}: has url() in CSS")
    check("@import" not in page.lower(), f"{what}: has @import in CSS")


for seed in ("1", "7", "42", "2024"):
    for topic in ("", "figure", "route", "danger", "event", "claim", "term"):
        args = ["quiz", "--seed", seed, "--count", "8", "--print", "--key", "-o", "html"]
        if topic:
            args += ["--topic", topic]
        what = " ".join(args)
        page = run(*args)
        self_contained(page, what)
        tree = parse(page, what)
        if tree is None:
            continue
        questions = tree.findall(".//ol[@class='questions']/li")
        check(len(questions) >= 1, f"{what}: no questions")
        for li in questions:
            boxes = li.findall(".//span[@class='box']")
            options = li.findall(".//ul[@class='options']/li")
            check(len(options) in (2, 4), f"{what}: a question with {len(options)} options")
            check(len(boxes) == len(options), f"{what}: an option without its box")
        key = tree.findall(".//section[@class='key']")
        check(len(key) == 1, f"{what}: no answer key section")
        if key:
            answers = key[0].findall("./ol/li")
            check(len(answers) == len(questions), f"{what}: {len(answers)} answers for {len(questions)} questions")
            for li in answers:
                paragraphs = li.findall("./p")
                check(len(paragraphs) == 3, f"{what}: an answer without explanation and source")
                if len(paragraphs) == 3:
                    check((paragraphs[1].text or "").strip() != "", f"{what}: an empty explanation")
                    check(re.search(r"^Source: .+\[[a-z0-9-]+\]$", paragraphs[2].text or "") is not None,
                          f"{what}: a source without its reference id: {paragraphs[2].text!r}")
        style = "".join(s.text or "" for s in tree.findall(".//style"))
        check(re.search(r"section\.key\s*\{[^}]*page-break-before:\s*always", style) is not None,
              f"{what}: the key does not start a new page")
        check(tree.find(".//p[@class='lines']") is not None, f"{what}: no name and date lines")

# The worksheet alone has no answers; the key alone no boxes.
sheet = run("quiz", "--seed", "3", "--print", "-o", "html")
tree = parse(sheet, "--print -o html")
if tree is not None:
    check(tree.find(".//section[@class='key']") is None, "--print alone holds the answer key")
    check(len(tree.findall(".//span[@class='box']")) > 0, "--print has no boxes")
key_only = run("quiz", "--seed", "3", "--key", "-o", "html")
tree = parse(key_only, "--key -o html")
if tree is not None:
    check(tree.find(".//ol[@class='questions']") is None, "--key alone holds the questions")
    check(tree.find(".//section") is not None, "--key alone has no key")

# Markdown and text: the same parts.
markdown = run("quiz", "--seed", "3", "--print", "--key", "-o", "markdown")
check(markdown.startswith("# Quiz: 5 questions\n"), "markdown: no title")
check(markdown.count("- [ ] ") >= 5 * 2, "markdown: no boxes")
check("page-break-before: always" in markdown, "markdown: the key does not start a new page")
check(markdown.count("Source: ") == 5, "markdown: not every answer has a source")
text = run("quiz", "--seed", "3", "--print", "--key")
check("Name: ____" in text and "Date: ____" in text, "text: no name and date lines")
check(text.count("[ ] ") >= 10, "text: no boxes")
check(text.count("    Source: ") == 5, "text: not every answer has a source")

# Hostile text in a fact file stays text.
with tempfile.TemporaryDirectory() as work:
    path = os.path.join(work, "hostile.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            '[[term]]\nid = "term-broker"\nterm = "<script>alert(1)</script> & \\"q\\" \\u001b[31m"\n'
            'korean = "<img src=x onerror=alert(2)>"\nromanization = "x"\n'
            'summary = "A <b>bold</b> go-between; [link](javascript:alert(3)) pays."\n'
            'sources = ["wapo-2007-11-18"]\n'
        )
    found_html = found_md = found_text = False
    for seed in range(40):
        args = ["--facts", path, "quiz", "--topic", "term", "--seed", str(seed), "--count", "30", "--print", "--key"]
        page = run(*args, "-o", "html")
        self_contained(page, "hostile html")
        check("<img" not in page and "<b>" not in page, "hostile html: markup from the facts is live")
        check("\x1b" not in page, "hostile html: a raw escape character")
        if "&lt;script&gt;" in page or "&lt;img src=x" in page:
            found_html = True
            parse(page, "hostile html")
        md = run(*args, "-o", "markdown")
        # Markdown shows markup as text when its "<" is escaped ("\\<img").
        check(not re.search(r"(?<!\\)<(script|img|b>)", md), "hostile markdown: markup from the facts is live")
        found_md = found_md or "\\<script\\>" in md or "&lt;script&gt;" in md or "\\<img" in md or "&lt;img" in md
        txt = run(*args)
        check("\x1b" not in txt, "hostile text: a raw escape character")
        found_text = found_text or "\\x1b" in txt
    check(found_html, "hostile html: the hostile term never came up")
    check(found_md, "hostile markdown: the hostile term never came up escaped")
    check(found_text, "hostile text: the hostile term never came up escaped")

if failures:
    print("\n".join(failures[:40]))
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("ok")
