#!/usr/bin/env bash
# Page-serving benchmark: starts the release server on a fresh copy of the sample content and
# measures typical pages with wrk (one connection for latency, eight for throughput).
# Run through `make bench`, which builds the release binary and installs wrk first.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
binary="$root/.build/release/lore"
port="${LORE_BENCH_PORT:-18080}"
data="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT

LORE_ADMIN_PASSWORD=bench-password LORE_DEMO_PASSWORD=bench-password "$binary" serve --data "$data" --resources "$root" --port "$port" --log-level error >/dev/null &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done

# Pages are measured as the demo employee sees them: signed in, rights applied.
jar="$data/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" --data-urlencode "login=ivan" \
  --data-urlencode "password=bench-password" "http://127.0.0.1:$port/login"
cookie=$(awk '$6 == "lore_session" {print "lore_session=" $7}' "$jar")
[ -n "$cookie" ] || { echo "could not sign in" >&2; exit 1; }

printf "%-30s %12s %12s %14s %12s\n" page "p50 (1 conn)" "p99 (1 conn)" "req/s (8 conn)" "p99 (8 conn)"
for page in / /c/hr/onboarding /a/information-security /a/first-day-checklist/edit; do
  one=$(wrk -t1 -c1 -d5s --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$page")
  eight=$(wrk -t1 -c8 -d5s --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$page")
  printf "%-30s %12s %12s %14s %12s\n" "$page" \
    "$(awk '$1=="50%"{print $2}' <<<"$one")" "$(awk '$1=="99%"{print $2}' <<<"$one")" \
    "$(awk '/Requests\/sec/{print $2}' <<<"$eight")" "$(awk '$1=="99%"{print $2}' <<<"$eight")"
done
