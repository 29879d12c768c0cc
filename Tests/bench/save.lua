-- wrk script: saves an article through the editor's form, each request with new text,
-- as a person pressing Save would (no base revision: each save is a new revision).
-- Set by speed.sh: wrk.headers (Cookie, X-CSRF-Token) and the environment's CATEGORY.
local counter = 0
local category = os.getenv("LORE_SAVE_CATEGORY")
local body = string.rep("A paragraph of benchmark text about warehouses, orders and the people who pick them. ", 20)

-- Added to the command line's headers: a table given to wrk.format would replace them.
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

request = function()
  counter = counter + 1
  local text = body:gsub(" ", "+")
  return wrk.format("POST", nil, nil, "title=Benchmark+page&category=" .. category .. "&summary=bench&body=" .. text .. "+" .. counter)
end
