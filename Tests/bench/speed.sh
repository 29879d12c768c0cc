#!/usr/bin/env bash
# Page-serving benchmark (issue 9): for each database size, starts the server on a database of
# the benchmark company (lore-bench world) and measures with wrk, at 16 and 64 connections:
# an article page and the home page as a signed-in reader of a tenth of everything (rights
# checked), a category page, a search, and a save. Prints requests per second and latency
# percentiles, the server's peak memory and its start-up time to the first answer.
#
#   Tests/bench/speed.sh                     full run: 1,000 and 100,000 articles, 10 s per measurement
#   Tests/bench/speed.sh --short             CI: 200 articles, 2 s, 16 connections, debug binary allowed
#   LORE_SPEED_SIZES="1000" Tests/bench/speed.sh
#
# Databases are kept in $LORE_SPEED_DIR (default /dev/shm/lore-speed) and reused: writing
# 100,000 articles takes several minutes. The server runs from $LORE_BIN (default: release).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
short=0
[ "${1:-}" = "--short" ] && short=1
binary="${LORE_BIN:-$root/.build/release/lore}"
bench="${LORE_BENCH_BIN:-$root/.build/release/lore-bench}"
store="${LORE_SPEED_DIR:-/dev/shm/lore-speed}"
if [ $short = 1 ]; then sizes="${LORE_SPEED_SIZES:-200}"; duration=2s; connections="16"; else
  sizes="${LORE_SPEED_SIZES:-1000 100000}"; duration=10s; connections="16 64"; fi
port="${LORE_BENCH_PORT:-18090}"
base="http://127.0.0.1:$port"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true' EXIT
failures=0

sign_in() { # user password jar → prints "cookie csrf"
  local jar="$3"
  rm -f "$jar"
  local token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "login=$1" \
    --data-urlencode "password=$2" "$base/login"
  local cookie csrf
  cookie=$(awk '$6 == "lore_session" {print "lore_session=" $7}' "$jar")
  csrf=$(curl -fs -b "$jar" "$base/" | sed -n 's/.*<meta name="csrf-token" content="\([^"]*\)">.*/\1/p' | head -1)
  [ -n "$cookie" ] && [ -n "$csrf" ] || { echo "could not sign in as $1" >&2; exit 1; }
  echo "$cookie $csrf"
}

measure() { # name connections cookie csrf path [lua]
  local name="$1" conns="$2" cookie="$3" csrf="$4" path="$5" script="${6:-}"
  local out
  # A second first, unmeasured: connections open, caches fill, as on a server that has been up.
  wrk -t2 -c"$conns" -d1s -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" ${script:+-s "$script"} "$base$path" >/dev/null
  out=$(wrk -t2 -c"$conns" -d"$duration" --latency -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
        ${script:+-s "$script"} "$base$path")
  local errors
  errors=$(awk '/Non-2xx or 3xx responses/{print $5}' <<<"$out")
  if [ -n "$errors" ] || grep -q "Socket errors" <<<"$out"; then
    echo "  $name: errors — $(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ')" >&2
    failures=$((failures + 1))
  fi
  printf "  %-10s %5s %10s %9s %9s %9s\n" "$name" "$conns" "$(awk '/Requests\/sec/{print $2}' <<<"$out")" \
    "$(awk '$1=="50%"{print $2}' <<<"$out")" "$(awk '$1=="90%"{print $2}' <<<"$out")" "$(awk '$1=="99%"{print $2}' <<<"$out")"
}

for size in $sizes; do
  data="$store/$size"
  if [ ! -f "$data/lore.sqlite" ]; then
    echo "Writing $size articles into $data (once; kept for later runs)…"
    mkdir -p "$data"
    LORE_BENCH_DB="$data/lore.sqlite" LORE_BENCH_ARTICLES="$size" "$bench" world
  fi
  started=$(date +%s.%N)
  "$binary" serve --data "$data" --resources "$root" --port "$port" --log-level error --api-rate-limit 0 \
    --backup-every off --sendmail off --no-sample-content >/dev/null 2>&1 &
  server=$!
  until curl -fs -o /dev/null "$base/healthz"; do sleep 0.01; done
  ready=$(awk -v now="$(date +%s.%N)" -v then="$started" 'BEGIN{print now - then}')
  read -r reader_cookie reader_csrf <<<"$(sign_in reader bench-password-long "$data/reader.jar")"
  read -r admin_cookie admin_csrf <<<"$(sign_in admin bench-password "$data/admin.jar")"
  category=$(curl -fs -b "$data/admin.jar" "$base/a/a-1/edit" | tr '>' '\n' | sed -n 's/.*<option value="\([0-9]*\)" selected.*/\1/p' | head -1)
  echo
  echo "== $size articles: first answer $(printf '%.2f' "$ready") s after start"
  printf "  %-10s %5s %10s %9s %9s %9s\n" page conns "req/s" p50 p90 p99
  for conns in $connections; do
    measure article "$conns" "$reader_cookie" "$reader_csrf" /a/a-0
    measure home "$conns" "$reader_cookie" "$reader_csrf" /
    measure category "$conns" "$reader_cookie" "$reader_csrf" /c/department-0/team-0-0
    measure search "$conns" "$reader_cookie" "$reader_csrf" /search "$root/Tests/bench/search.lua"
    LORE_SAVE_CATEGORY="$category" measure save "$conns" "$admin_cookie" "$admin_csrf" /a/a-1/edit "$root/Tests/bench/save.lua"
  done
  peak=$(awk '/VmHWM/{print $2}' "/proc/$server/status")
  echo "  peak memory (VmHWM): $((peak / 1024)) MiB"
  kill -TERM "$server"; wait "$server" || true; server=""
done
[ $failures = 0 ] || { echo "$failures measurements had errors" >&2; exit 1; }
