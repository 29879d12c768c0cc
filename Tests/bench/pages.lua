-- wrk script of the page benchmark: requests the paths listed in $LORE_PATHS_FILE in turn
-- (one path per line; a single line asks for one page again and again), and when done prints
-- the figures speed.sh reads: requests, per second, p50/p95/p99 in milliseconds, failures.
-- With $LORE_SAVE_CATEGORY it saves instead, through the editor's form, each time with new text
-- (no base revision: each save is a new revision), with $LORE_CSRF as the form's token.
local paths = {}
local n = 0
local counter = 0
local category = os.getenv("LORE_SAVE_CATEGORY")
local text = string.rep("A+paragraph+of+benchmark+text+about+warehouses,+orders+and+the+people+who+pick+them.+", 20)

if category then
  -- Added to the command line's headers: a table given to wrk.format would replace them.
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["X-CSRF-Token"] = os.getenv("LORE_CSRF")
end

init = function(args)
  for line in io.lines(os.getenv("LORE_PATHS_FILE")) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  -- Each thread starts at its own place, so that two threads do not ask for the same page.
  n = math.random(#paths)
end

request = function()
  n = n % #paths + 1
  if category then
    counter = counter + 1
    return wrk.format("POST", paths[n], nil, "title=Benchmark+page&category=" .. category .. "&summary=bench&body=" .. text .. counter)
  end
  return wrk.format("GET", paths[n])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.1f %.2f %.2f %.2f %d %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
