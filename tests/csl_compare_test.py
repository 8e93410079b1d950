#!/usr/bin/env python3
"""nkfacts' own APA, MLA and Chicago entries against the official CSL styles.

`nkfacts cite --style csl-json` is rendered by pandoc's citeproc with the Citation Style
Language's apa.csl (APA 7th edition), modern-language-association.csl (MLA 9th edition)
and chicago-note-bibliography.csl (CMOS 17th edition, notes and bibliography: its
bibliography entries are what `cite --style chicago` writes; the author-date style puts
the year after the author, which nkfacts' Chicago does not), and compared entry by entry,
by reference id, with `nkfacts cite --style apa|mla|chicago`.

Every entry must be identical, after the normalisations below, or be in ALLOWED with the
rule of the style manual that makes nkfacts' entry differ. A difference that is not
allowed fails the test; an allowed one that has gone away is reported (a corrected
reference in the facts may remove it) so the list can be pruned.

    csl_compare_test.py NKFACTS
Exit 77 (a CTest skip) when pandoc is not installed; the styles must be there if it is.
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys

STYLES_DIR = "/usr/share/citation-style-language/styles"
STYLES = {
    "apa": "apa.csl",
    "mla": "modern-language-association.csl",
    "chicago": "chicago-note-bibliography.csl",
}

# Rules of the manuals behind nkfacts' differences.
TITLE_QUOTES = ("nkfacts keeps the quotation marks of the title as the source has them; "
                "citeproc turns inner single quotes into double ones (APA: titles are "
                "reproduced as they appear in the source)")
HYPHENATED_INITIALS = ("APA, author element: a hyphenated given name keeps the hyphen and "
                       "both initials (Jo, H.-R.); citeproc keeps only the first")
GROUP_AUTHOR = ("APA, group authors: a report, page or data set without a named author is "
                "authored by the organisation that issued it (nkfacts' APA, MLA and Chicago "
                "all list it first); the CSL export gives no author the facts do not hold")
AUTHOR_IS_PUBLISHER = ("APA (publisher element), MLA (organisation as author) and CMOS: an "
                       "organisation that is both author and publisher is given once; citeproc "
                       "omits the publisher only when the two names are identical")
DESCRIPTION = ("a description in square brackets standing in for a title is neither quoted "
               "nor italic (APA, bracketed descriptions; MLA, descriptions of untitled works; "
               "CMOS, descriptive titles); CSL cannot tell it from a title")
TRANSLATION_OUTSIDE = ("MLA (titles in other languages) and CMOS (translated titles): the "
                       "English translation follows the quoted original title in brackets, "
                       "outside the quotation marks; CSL has no variable for a translated title, "
                       "so the export carries it inside the title")
MLA_PAGE_HYPHEN = ("MLA, page numbers: nkfacts writes the range with a hyphen (pp. 225-53), as "
                   "the MLA Handbook's examples do; citeproc uses an en dash")
UNSIGNED_NEWS = ("CMOS, unsigned newspaper articles: the paper's name stands in place of the "
                 "author and the entry's elements are separated by periods, as in the manual's "
                 "example (New York Times. \u201cIn Texas, Ad Heats Up Race for Governor.\u201d "
                 "July 30, 2002.); citeproc joins title and date with a comma")
REPORT_AS_BOOK = ("CMOS, reports: a report is cited like a book, its title in italics and the "
                  "year of publication only; citeproc quotes it and gives the full date")

ALLOWED = {
    ("apa", "bbc-jsa-defector-shot"): TITLE_QUOTES,
    ("apa", "guardian-2014-08-14"): TITLE_QUOTES,
    ("apa", "korea-herald-2019-07-07"): HYPHENATED_INITIALS,
    ("apa", "korea-times-2016-04"): HYPHENATED_INITIALS,
    ("apa", "nkradio-2011-12-14"): HYPHENATED_INITIALS,
    ("apa", "nkeconwatch-2015-08-12"): GROUP_AUTHOR,
    ("apa", "uscr-world-refugee-survey-2003"): GROUP_AUTHOR,
    ("apa", "uscr-world-refugee-survey-2004"): GROUP_AUTHOR,
    ("apa", "lfnkr-website"): AUTHOR_IS_PUBLISHER,
    ("apa", "mou-policy-statistics"): AUTHOR_IS_PUBLISHER,
    ("apa", "mou-settlement-support"): AUTHOR_IS_PUBLISHER,
    ("mla", "dong-a-2012-03-09"): DESCRIPTION,
    ("mla", "korea-times-2016-04"): DESCRIPTION,
    ("mla", "yonhap-2023-10-13"): DESCRIPTION,
    ("mla", "yonhap-2025-02-04"): DESCRIPTION,
    ("mla", "lfnkr-website"): AUTHOR_IS_PUBLISHER,
    ("mla", "mou-policy-statistics"): AUTHOR_IS_PUBLISHER,
    ("mla", "mou-settlement-support"): AUTHOR_IS_PUBLISHER,
    ("mla", "news1-2026-02-04"): TRANSLATION_OUTSIDE,
    ("mla", "newsis-2026-02-04"): TRANSLATION_OUTSIDE,
    ("mla", "wolman-2014"): MLA_PAGE_HYPHEN,
    ("chicago", "asianews-jeong-family"): UNSIGNED_NEWS,
    ("chicago", "bbc-2004-07-28"): UNSIGNED_NEWS,
    ("chicago", "bbc-jsa-defector-shot"): UNSIGNED_NEWS,
    ("chicago", "cnn-1997-02-12"): UNSIGNED_NEWS,
    ("chicago", "dong-a-2003-05-30"): UNSIGNED_NEWS,
    ("chicago", "dong-a-2007-02-08"): UNSIGNED_NEWS,
    ("chicago", "dong-a-2012-03-09"): UNSIGNED_NEWS + "; and " + DESCRIPTION,
    ("chicago", "joongang-daily-2026-01-20"): UNSIGNED_NEWS,
    ("chicago", "koreabizwire-2024-08-27"): UNSIGNED_NEWS,
    ("chicago", "rfa-2023-10-16"): UNSIGNED_NEWS,
    ("chicago", "rfa-pyongyang-identify-defectors"): UNSIGNED_NEWS,
    ("chicago", "stripes-2017-11-13"): UNSIGNED_NEWS,
    ("chicago", "yonhap-2019-11-07"): UNSIGNED_NEWS,
    ("chicago", "yonhap-2020-01-07"): UNSIGNED_NEWS,
    ("chicago", "yonhap-2025-02-04"): UNSIGNED_NEWS + "; and " + DESCRIPTION,
    ("chicago", "nkeconwatch-2015-08-12"): GROUP_AUTHOR,
    ("chicago", "korea-times-2016-04"): DESCRIPTION,
    ("chicago", "yonhap-2023-10-13"): DESCRIPTION,
    ("chicago", "uscr-world-refugee-survey-2004"): GROUP_AUTHOR + "; and " + DESCRIPTION,
    ("chicago", "uscr-world-refugee-survey-2003"): GROUP_AUTHOR + "; and " + REPORT_AS_BOOK,
    ("chicago", "icg-perilous-journeys"): REPORT_AS_BOOK,
    ("chicago", "lfnkr-website"): AUTHOR_IS_PUBLISHER,
    ("chicago", "mou-policy-statistics"): AUTHOR_IS_PUBLISHER,
    ("chicago", "mou-settlement-support"): AUTHOR_IS_PUBLISHER,
    ("chicago", "news1-2026-02-04"): TRANSLATION_OUTSIDE,
    ("chicago", "newsis-2026-02-04"): TRANSLATION_OUTSIDE,
}


def normalise(style, text):
    """What is compared: differences that are choices documented once for every entry."""
    # citeproc curls straight apostrophes and single quotes; the facts keep the source's.
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    if style in ("mla", "chicago"):
        # MLA and CMOS ask for headline case; nkfacts keeps the source's capitalisation
        # (render/citation.hpp: case changed by program lower-cases proper nouns).
        text = text.casefold()
    if style == "mla":
        # MLA recommends leaving out http:// and https://, which the CSL style keeps.
        text = re.sub(r"https?://", "", text)
    return text


class Entries(html.parser.HTMLParser):
    """The text of each <div id="ref-ID" class="csl-entry"> of pandoc's HTML."""

    def __init__(self):
        super().__init__()
        self.current = None
        self.depth = 0
        self.entries = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div":
            if self.current is not None:
                self.depth += 1
            elif "csl-entry" in (attrs.get("class") or "") and (attrs.get("id") or "").startswith("ref-"):
                self.current = attrs["id"][4:]
                self.entries[self.current] = ""

    def handle_endtag(self, tag):
        if tag == "div" and self.current is not None:
            if self.depth:
                self.depth -= 1
            else:
                self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.entries[self.current] += data


def run(args, stdin=None):
    return subprocess.run(args, input=stdin, capture_output=True, text=True, check=True).stdout


def main():
    binary = sys.argv[1]
    # The comparison checks the styles' code on a fixed set of references: the 45 the
    # allow-list below was reviewed against (tests/data/csl/references.toml, a copy of the
    # fact base's references at that review). References added to facts/ since are
    # checked by the same code; reviewing them entry by entry means refreshing the copy
    # and the allow-list together.
    facts = ["--no-default", "--quiet", "--facts",
             os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "csl",
                          "references.toml")]
    if shutil.which("pandoc") is None:
        print("SKIPPED: pandoc is not installed")
        return 77
    env = dict(os.environ, LC_ALL="C.UTF-8", NO_COLOR="1")
    env.pop("NKFACTS_PATH", None)
    os.environ.update(env)
    work = os.environ.get("TMPDIR", "/tmp")
    bibliography = os.path.join(work, f"nkfacts-csl-{os.getpid()}.json")
    failures = 0
    try:
        with open(bibliography, "w", encoding="utf-8") as out:
            out.write(run([binary, *facts, "cite", "--style", "csl-json"]))
        for style, csl in STYLES.items():
            path = os.path.join(STYLES_DIR, csl)
            if not os.path.exists(path):
                print(f"FAILED: {path} is missing (Debian package citation-style-language-styles)")
                return 1
            document = run(["pandoc", "--citeproc", "--bibliography", bibliography, "--csl", path,
                            "-f", "markdown", "-t", "html", "--wrap=none"],
                           stdin='---\nnocite: "@*"\n---\n')
            parser = Entries()
            parser.feed(document)
            theirs = {key: re.sub(r"\s+", " ", value).strip() for key, value in parser.entries.items()}
            rows = json.loads(run([binary, *facts, "cite", "--style", style, "-o", "json"]))["records"]
            ours = {row["id"]: row["citation"] for row in rows}
            identical = normalised = allowed = 0
            for key in sorted(ours):
                mine, official = ours[key], theirs.get(key)
                if official is None:
                    print(f"FAILED: {style}: citeproc wrote no entry for {key}")
                    failures += 1
                    continue
                reason = ALLOWED.get((style, key))
                if mine == official:
                    identical += 1
                elif normalise(style, mine) == normalise(style, official):
                    normalised += 1
                elif reason:
                    allowed += 1
                    continue
                else:
                    print(f"FAILED: {style}: {key} differs from {csl}\n  nkfacts:  {mine}\n  citeproc: {official}")
                    failures += 1
                    continue
                if reason:
                    print(f"NOTE: {style}: {key} agrees now; its allow-list entry can go")
            print(f"{style}: {len(ours)} entries: {identical} identical, {normalised} identical "
                  f"after normalising quotes{', case and URL schemes' if style == 'mla' else ' and case' if style == 'chicago' else ''}, "
                  f"{allowed} differ by a documented rule")
    finally:
        if os.path.exists(bibliography):
            os.remove(bibliography)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
