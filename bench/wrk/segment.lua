-- wrk script: Segment's Tracking API, POST /v1/batch with 100 messages a request (identify,
-- track and page in turn), each with its own messageId, for many distinct users.
--   Authorization: Basic base64(BENCH_WRITE_KEY + ":")
-- BENCH_WRITE_KEY is the write key (bench/run.sh creates one); BENCH_EMAILS the distinct users;
-- BENCH_MESSAGE_IDS=0 sends the messages without messageId.
-- Messages per second are 100 times the requests per second.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local report = require("report")
init = report.init

-- answers counted by status in each thread, summed in done() (a "STATUS 200=…, 503=…" line)
statuses = {}
local threads = {}
setup = function(thread)
  report.setup(thread)
  table.insert(threads, thread)
end

response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  report.done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses") or {}) do total[status] = (total[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(total) do table.insert(parts, status .. "=" .. n) end
  table.sort(parts)
  io.write("STATUS " .. table.concat(parts, " ") .. "\n")
end

local PER_BATCH = 100
local users = tonumber(os.getenv("BENCH_EMAILS") or "1000000")
local b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

local function base64(data)
  return ((data:gsub(".", function(x)
    local r, b = "", x:byte()
    for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and "1" or "0") end
    return r
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(x)
    if #x < 6 then return "" end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return b64chars:sub(c + 1, c + 1)
  end) .. ({ "", "==", "=" })[#data % 3 + 1])
end

local headers = {
  ["Authorization"] = "Basic " .. base64((os.getenv("BENCH_WRITE_KEY") or "") .. ":"),
  ["Content-Type"] = "application/json",
}
local counter = 0
-- BENCH_MESSAGE_IDS=0 leaves messageId out (no idempotency key: nothing for the ledger to record)
local with_ids = os.getenv("BENCH_MESSAGE_IDS") ~= "0"

local function message(i, stamp)
  local user = math.random(1, users)
  local id = (with_ids and ('"messageId":"' .. stamp .. "-" .. i .. '",') or "") .. '"userId":"user-' .. user .. '"'
  local kind = i % 3
  if kind == 0 then
    return '{"type":"identify",' .. id .. ',"traits":{"email":"u' .. user .. '@example.com","firstName":"Ann"}}'
  elseif kind == 1 then
    return '{"type":"track",' .. id .. ',"event":"Order Completed","properties":{"revenue":' .. math.random(0, 500) .. '}}'
  end
  return '{"type":"page",' .. id .. ',"name":"Pricing","properties":{"url":"https://example.com/pricing"}}'
end

request = function()
  counter = counter + 1
  local stamp = (thread_id or 0) .. "-" .. counter .. "-" .. math.random(1, 1e9)
  local batch = {}
  for i = 1, PER_BATCH do batch[i] = message(i, stamp) end
  return wrk.format("POST", "/v1/batch", headers,
    '{"batch":[' .. table.concat(batch, ",") .. '],"sentAt":"2026-01-01T00:00:00.000Z"}')
end
