#!/usr/bin/env bash
# `nkfacts cite --style bibtex` read back by btparse (Text::BibTeX, the parser behind
# biber): every reference parses without a warning, keys are unique and equal to the
# reference ids, organisations stay one name (authors, institution, publisher), and text
# survives the round trip.
#   bibtex_test.sh NKFACTS
set -u
binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 NO_COLOR=1
unset NKFACTS_PATH
if ! perl -MText::BibTeX -e 1 2>/dev/null; then
  echo "SKIPPED: Text::BibTeX (Debian package libtext-bibtex-perl) is not installed"
  exit 77
fi
"$binary" cite --style bibtex >"$work/all.bib" || { echo "FAILED: cite --style bibtex"; exit 1; }
"$binary" list reference | cut -f1 >"$work/ids"
cat >"$work/hostile.toml" <<'TOML'
[[reference]]
id = "hostile-title"
kind = "report"
title = "50% of {braces} & under_scores #1 ~ ^ \\ end"
publisher = "Org & Co"
authors = ["Org & Co"]
published = 2020
TOML
"$binary" --no-default --facts "$work/hostile.toml" -q cite --style bibtex >"$work/hostile.bib" ||
  { echo "FAILED: cite --style bibtex of hostile.toml"; exit 1; }

perl -MText::BibTeX -e '
  use strict; use warnings;
  my ($bib, $ids_file, $hostile) = @ARGV;
  my @want = do { open my $fh, "<", $ids_file or die; map { chomp; $_ } <$fh> };
  my $failures = 0;
  sub fail { print "FAILED: @_\n"; $failures++ }
  sub entries {
    my ($path) = @_;
    my $file = Text::BibTeX::File->new($path) or die "cannot open $path";
    my @entries;
    while (my $entry = Text::BibTeX::Entry->new($file)) {
      fail("$path: an entry does not parse") unless $entry->parse_ok;
      push @entries, $entry;
    }
    return @entries;
  }
  my @entries = entries($bib);
  my %seen;
  for my $entry (@entries) {
    my $key = $entry->key;
    fail("duplicate key $key") if $seen{$key}++;
    fail("$key has no title") unless $entry->exists("title");
  }
  fail(scalar(@entries) . " entries for " . scalar(@want) . " references") if @entries != @want;
  for my $id (@want) { fail("no entry for $id") unless $seen{$id} }
  my ($wsj) = grep { $_->key eq "wsj-2020-07-04" } @entries;
  my @names = $wsj->names("author");
  fail("wsj-2020-07-04: " . scalar(@names) . " authors, want 2") unless @names == 2;
  fail("wsj-2020-07-04: first author\x27s last name") unless join(" ", $names[0]->part("last")) eq "Yoon";
  my ($mou) = grep { $_->key eq "mou-settlement-support" } @entries;
  my @org = $mou->names("author");
  fail("an organisation author was split into " . scalar(@org) . " names") unless @org == 1;
  # institution and publisher are name lists for biblatex and pandoc: an organisation with
  # "and" in its name must stay one name there too.
  for my $entry (@entries) {
    for my $list (qw(institution publisher)) {
      next unless $entry->exists($list);
      my @parts = $entry->names($list);
      fail($entry->key . ": $list read as " . scalar(@parts) . " names") unless @parts == 1;
    }
  }
  my ($uscr) = grep { $_->key eq "uscr-world-refugee-survey-2003" } @entries;
  fail("uscr-world-refugee-survey-2003: no braced institution")
    unless ($uscr->get("institution") // "") eq "{U.S. Committee for Refugees and Immigrants}";
  # biblatex reads date and urldate; BibTeX year.
  fail("wsj-2020-07-04: date") unless ($wsj->get("date") // "") eq "2020-07-04";
  my ($hostile_entry) = entries($hostile);
  my $title = $hostile_entry->get("title");
  fail("hostile title read back as: $title")
    unless $title eq "{50\\% of \\{braces\\} \\& under\\_scores \\#1 \\textasciitilde{} \\textasciicircum{} \\textbackslash{} end}";
  print "bibtex: " . scalar(@entries) . " entries parsed, keys unique\n" unless $failures;
  exit($failures ? 1 : 0);
' "$work/all.bib" "$work/ids" "$work/hostile.bib" 2>"$work/warnings"
status=$?
if [[ -s $work/warnings ]]; then
  echo "FAILED: the parser warned:"
  cat "$work/warnings"
  status=1
fi
exit $status
