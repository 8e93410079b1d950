#!/usr/bin/env python3
"""The Markdown that nkfacts writes renders with working links and no live markup.

`handout` in every printed style, and `cite -o markdown`, are rendered by `pandoc -f gfm`
and by `cmark-gfm` (GitHub's renderer) to HTML. The links found must be exactly the
references' web (http, https) addresses, each intact; no other scheme (javascript:, data:,
...) may become a link, and no <img>, <script> or other element may come from the facts.
The hostile references of tests/data/hostile/markup-in-reference.toml are rendered too.

    markdown_links_test.py NKFACTS
Exit 77 (a CTest skip) when neither pandoc nor cmark-gfm is installed.
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOSTILE = os.path.join(ROOT, "tests", "data", "hostile", "markup-in-reference.toml")
STYLES = ["plain", "apa", "mla", "chicago"]
# The elements a Markdown document of nkfacts may contain once rendered.
ALLOWED_TAGS = {"html", "head", "body", "h1", "h2", "h3", "p", "em", "strong", "a", "ol", "ul",
                "li", "table", "thead", "tbody", "tr", "th", "td", "code", "br", "hr", "div", "span",
                "blockquote", "sup", "del"}


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.bad_tags = set()
        self.in_sources = False

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.bad_tags.add(tag)
        for name, _ in attrs:
            if name.startswith("on"):
                self.bad_tags.add(f"{tag} {name}=")
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")


def renderers():
    found = []
    if shutil.which("pandoc"):
        found.append(("pandoc -f gfm", ["pandoc", "-f", "gfm", "-t", "html"]))
    if shutil.which("cmark-gfm"):
        found.append(("cmark-gfm", ["cmark-gfm", "-e", "autolink", "-e", "table", "-e", "strikethrough"]))
    return found


def run(args, stdin=None):
    return subprocess.run(args, input=stdin, capture_output=True, text=True, check=True).stdout


def web(url):
    return url.lower().startswith(("http://", "https://")) and len(url.split("://", 1)[1]) > 0


def main():
    binary = sys.argv[1]
    found = renderers()
    if not found:
        print("SKIPPED: neither pandoc nor cmark-gfm is installed")
        return 77
    os.environ.update(LC_ALL="C.UTF-8", NO_COLOR="1")
    os.environ.pop("NKFACTS_PATH", None)
    failures = 0

    def fail(message):
        nonlocal failures
        failures += 1
        print(f"FAILED: {message}")

    def encoded(url):
        # As nkfacts writes a link's address: these bytes percent-encoded.
        return "".join(f"%{b:02X}" if b <= 0x20 or b >= 0x7F or chr(b) in '<>\\"`' else chr(b)
                       for b in url.encode())

    def check(what, markdown, urls, every=False):
        # The web addresses of the references the document holds.
            # Compared decoded on both sides: an address already percent-encoded in the facts
        # (a Korean page's path) and the same address as a browser decodes it are one link.
        want = {urllib.parse.unquote(url) for url in urls
                if web(url) and (every or encoded(url) in markdown)}
        for name, command in found:
            parser = Links()
            parser.feed(run(command, stdin=markdown))
            if parser.bad_tags:
                fail(f"{what} through {name}: elements from the data: {sorted(parser.bad_tags)}")
            hrefs = [urllib.parse.unquote(href) for href in parser.links]
            for href in hrefs:
                if not web(href):
                    fail(f"{what} through {name}: a link that is not a web address: {href}")
            got = set(hrefs)
            if got - want and not every:
                fail(f"{what} through {name}: links to no reference's address: {sorted(got - want)}")
            if want - got:
                fail(f"{what} through {name}: addresses not linked: {sorted(want - got)}")
        return len(want)

    for facts in ([], ["--no-default", "--facts", HOSTILE]):
        label = "hostile references" if facts else "the facts"
        references = json.loads(run([binary, *facts, "cite", "--style", "csl-json"]))
        # The handout lists the references its records cite: all of them, for topic all.
        urls = [reference.get("URL", "") for reference in references]
        for style in STYLES:
            count = check(f"handout --style {style} ({label})",
                          run([binary, *facts, "handout", "--style", style]), urls)
        print(f"{label}: handout in {len(STYLES)} styles, {count} web addresses linked, "
              f"through {', '.join(name for name, _ in found)}")
        if not facts:
            # A Markdown table: the url column and the citation both carry the address; GFM
            # links bare addresses in text.
            # Every reference's address linked (notes may link more).
            check(f"cite -o markdown ({label})",
                  run([binary, *facts, "cite", "--style", "apa", "-o", "markdown"]), urls, every=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
