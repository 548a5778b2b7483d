-- wrk script: Events HTTP API calls with many distinct contacts, parameters in random order.
--   GET /v1/event?_a=1&_n=bench_signup&email=u<1..N>@example.com&_m=<0..500>&firstname=Ann
-- N is BENCH_EMAILS (default 1,000,000: at first most hits create a contact, later about half
-- are about one of hundreds of thousands of known contacts).
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local report = require("report")
setup, init, done = report.setup, report.init, report.done

local names = { "Ann", "Bob", "Chloe", "Dmitri", "Eve" }
local emails = tonumber(os.getenv("BENCH_EMAILS") or "1000000")

request = function()
  local p = {
    "_a=1",
    "_n=bench_signup",
    "email=u" .. math.random(1, emails) .. "%40example.com",
    "_m=" .. math.random(0, 500),
    "firstname=" .. names[math.random(#names)],
  }
  for i = #p, 2, -1 do -- Fisher-Yates shuffle
    local j = math.random(i)
    p[i], p[j] = p[j], p[i]
  end
  return wrk.format("GET", "/v1/event?" .. table.concat(p, "&"))
end
