-- wrk script of the page benchmark: requests the paths listed in $LORE_PATHS_FILE in turn
-- (one path per line; a single line asks for one page again and again), and when done prints
-- the figures speed.sh reads: requests per second, p50/p95/p99 in milliseconds, failures.
local paths = {}
local n = 0

init = function(args)
  for line in io.lines(os.getenv("LORE_PATHS_FILE")) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  -- Each thread starts at its own place, so that two threads do not ask for the same page.
  n = math.random(#paths)
end

request = function()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
