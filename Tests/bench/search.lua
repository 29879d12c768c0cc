-- wrk script: searches that rotate through a few typical queries.
-- Percent-encoded: склад, order, warehouse picking, "delivery terms", клиент*, report.
local queries = {"%D1%81%D0%BA%D0%BB%D0%B0%D0%B4", "order", "warehouse+picking", "%22delivery+terms%22",
                 "%D0%BA%D0%BB%D0%B8%D0%B5%D0%BD%D1%82*", "report"}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/search?q=" .. queries[n % #queries + 1])
end
