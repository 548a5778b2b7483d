-- wrk script: what one anonymous client can send to make the server do work. Each request is
-- one of four shapes, in turn:
--   1. an oversized tracker beacon (a page URL of about 15 KB) from a new visitor;
--   2. an amplification hit: /v1/event with about 1,500 unknown property parameters (about 14 KB);
--   3. a creation flood: /v1/event with a new event name and a new email every time;
--   4. a visitor flood: a small page view from a new visitor token every time.
-- Prints the BENCH line of report.lua plus a HOSTILE line counting answers by status.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local report = require("report")
local BROWSER = { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
  .. "Chrome/126.0 Safari/537.36" }

local threads = {}
function setup(thread)
  report.setup(thread)
  table.insert(threads, thread)
end

local n = 0
statuses = {}
function init(args)
  report.init()
  n = math.random(0, 3)
end

local function hex(k)
  local out = {}
  for i = 1, k do out[i] = string.format("%x", math.random(0, 15)) end
  return table.concat(out)
end

local long_path = string.rep("a", 15000)
local many = {}
for i = 1, 1500 do many[i] = "p" .. i .. "=x" end
local amplification = table.concat(many, "&")

request = function()
  n = n + 1
  local kind = n % 4
  if kind == 0 then
    return wrk.format("GET", "/__ptq.gif?k=1&a=1&v=1.1&vi=" .. hex(32) .. "&pu=https%3A%2F%2Fwww.example.com%2F"
      .. long_path .. "&t=x", BROWSER)
  elseif kind == 1 then
    return wrk.format("GET", "/v1/event?_a=1&_n=amplify&email=amp%40example.com&" .. amplification)
  elseif kind == 2 then
    return wrk.format("GET", "/v1/event?_a=1&_n=flood_" .. hex(12) .. "&email=f" .. hex(12) .. "%40example.com")
  else
    return wrk.format("GET", "/__ptq.gif?k=1&a=1&v=1.1&vi=" .. hex(32)
      .. "&pu=https%3A%2F%2Fwww.example.com%2F&t=Home", BROWSER)
  end
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  report.done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, count in pairs(s) do total[code] = (total[code] or 0) + count end
  end
  local parts = {}
  for code, count in pairs(total) do table.insert(parts, "s" .. code .. "=" .. count) end
  table.sort(parts)
  io.write("HOSTILE " .. table.concat(parts, " ") .. "\n")
end
