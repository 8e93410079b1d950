# Writes a fact file of N records in the real schema (references, figures, events, dangers,
# routes), for measuring how loading scales:  awk -v n=50000 -f generate_facts.awk
BEGIN {
  if (n < 10) n = 10
  refs = int(n / 10)
  for (i = 1; i <= refs; i++) {
    printf "[[reference]]\nid = \"ref-%d\"\nkind = \"news\"\ntitle = \"Report number %d on arrivals\"\n", i, i
    printf "publisher = \"Example News\"\nauthors = [\"Writer, Some\"]\npublished = 2020-07-04\n"
    printf "url = \"https://example.org/news/%d\"\nlanguage = \"en\"\n\n", i
  }
  rest = n - refs
  for (i = 1; i <= rest; i++) {
    r = (i % refs) + 1
    kind = i % 4
    if (kind == 0) {
      printf "[[figure]]\nid = \"figure-%d\"\nlabel = \"Arrivals counted in report %d\"\n", i, i
      printf "summary = \"How many people arrived, as counted by the ministry in its report for that period.\"\n"
      printf "value = %d\nunit = \"people\"\nas_of = 2024-12-31\nsources = [\"ref-%d\"]\n\n", 1000 + i, r
    } else if (kind == 1) {
      printf "[[event]]\nid = \"event-%d\"\ndate = 2023-10-09\ntitle = \"Event number %d\"\n", i, i
      printf "summary = \"Something happened on this day that a reader may want to look up later.\"\n"
      printf "sources = [\"ref-%d\"]\n\n", r
    } else if (kind == 2) {
      printf "[[danger]]\nid = \"danger-%d\"\nname = \"Danger number %d\"\nwhere = \"At the border\"\n", i, i
      printf "summary = \"A risk that people face on the way, described in plain words.\"\n"
      printf "sources = [\"ref-%d\"]\n\n", r
    } else {
      printf "[[route]]\nid = \"route-%d\"\nname = \"Route number %d\"\n", i, i
      printf "path = [\"North Korea\", \"China\", \"Laos\", \"Thailand\", \"South Korea\"]\n"
      printf "crossing = \"Across the river, then overland.\"\n"
      printf "summary = \"A way out that some people take, with the places it passes through.\"\n"
      printf "sources = [\"ref-%d\"]\n\n", r
    }
  }
}
