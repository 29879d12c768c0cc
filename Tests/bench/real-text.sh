#!/usr/bin/env bash
# Search on real text (issue 18). `lore-bench search` queries a generated vocabulary, words of
# no language: none of them is a verb of Lexicon/verbs-ru.txt or a word of the synonym
# dictionary. Here the sample Content/ is imported and its articles copied until there are about
# 100,000 (LORE_REAL_COPIES, default 1430 of each of its 70), reindexed, and then the questions of
# Tests/bench/real-queries.txt and the judged queries of Tests/search-quality/ are timed, three
# times each, for the administrator and an employee (`lore-bench search-file`). Every page is in
# the index 1,430 times, so every word is on a thousand pages or more: a worst case for top-k
# ranking, which ranks a common word only where it is in a title or a heading.
#
#   Tests/bench/real-text.sh     (make bench-real-text; the database is kept in $LORE_REAL_DIR,
#                                 default /dev/shm/lore-real: building it takes about 5 minutes)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${LORE_REAL_DIR:-/dev/shm/lore-real}"
copies="${LORE_REAL_COPIES:-1430}"
lore="${LORE_BIN:-$root/.build/release/lore}"
bench="${LORE_BENCH_BIN:-$root/.build/release/lore-bench}"
if [ ! -f "$dir/lore.sqlite" ]; then
  mkdir -p "$dir"
  "$lore" import --data "$dir" --resources "$root" "$root/Content" > /dev/null
  "$lore" user add --data "$dir" --resources "$root" reader > /dev/null
  sqlite3 "$dir/lore.sqlite" "
    WITH RECURSIVE copy(number) AS (SELECT 1 UNION ALL SELECT number + 1 FROM copy WHERE number < $copies)
    INSERT INTO article (slug, title, titleKey, categoryId, body, html, outline, position, revision,
                         createdById, createdAt, updatedById, updatedAt)
    SELECT a.slug || '-' || copy.number, a.title, a.titleKey, a.categoryId, a.body, a.html, a.outline, a.position,
           a.revision, a.createdById, a.createdAt, a.updatedById, a.updatedAt
    FROM article a, copy WHERE a.deletedAt IS NULL"
  "$lore" reindex --data "$dir" --resources "$root" > /dev/null
fi
queries="$(mktemp)"
trap 'rm -f "$queries"' EXIT
cat "$root/Tests/bench/real-queries.txt" > "$queries"
grep -hv '^#' "$root/Tests/search-quality/queries.tsv" "$root/Tests/search-quality/holdout.tsv" | cut -f2 | grep -v '^query$' >> "$queries"
echo "$(grep -c . "$queries") real queries on $(sqlite3 "$dir/lore.sqlite" "SELECT count(*) FROM article WHERE deletedAt IS NULL") articles of real text:"
LORE_BENCH_DB="$dir/lore.sqlite" LORE_BENCH_SLOWEST=1 "$bench" search-file "$queries"
