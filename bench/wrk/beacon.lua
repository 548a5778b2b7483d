-- wrk script: tracking-code page-view beacons, about 400 bytes each, from 100k distinct
-- visitors; 5% carry an identity (i=email=...). Parameter order follows the real tracker.
-- Each beacon's session cookie (__hssc, b=) starts its session at the beacon's own time, so every
-- page view is a visit of its own; with BEACON_SESSION_SECONDS=n a visitor's session starts
-- every n seconds instead (staggered by visitor), and the page views in between share it.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local report = require("report")
local BROWSER = { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
  .. "Chrome/126.0 Safari/537.36" }
setup, init, done = report.setup, report.init, report.done

local pages = {
  { "https%3A%2F%2Fwww.example.com%2F", "Example%20%E2%80%93%20Home" },
  { "https%3A%2F%2Fwww.example.com%2Fpricing%3Fplan%3Dteam%26utm_source%3Dnewsletter",
    "Pricing%20%7C%20Example" },
  { "https%3A%2F%2Fwww.example.com%2Fblog%2F2024%2Fhow-we-ship-weekly-without-breaking-things",
    "How%20we%20ship%20weekly%20without%20breaking%20things%20%7C%20Example%20Blog" },
  { "https%3A%2F%2Fwww.example.com%2Fdocs%2Fgetting-started%23install", "Getting%20started" },
  { "https%3A%2F%2Fwww.example.com%2Fcustomers%2Facme-corporation%3Futm_source%3Dgoogle%26utm_medium" ..
    "%3Dcpc%26utm_campaign%3Dspring-launch", "Acme%20Corporation%20case%20study%20%7C%20Example" },
}

-- Stable, distinct 32-hex visitor token (utk) for visitor number v.
local function utk(v)
  local a = (v * 2654435761) % 4294967296
  local b = (a * 40503 + 2246822519) % 4294967296
  local c = (b * 48271 + 3266489917) % 4294967296
  return string.format("%08x%08x%08x%08x", a, b, c, v)
end

local session_seconds = tonumber(os.getenv("BEACON_SESSION_SECONDS") or "")

request = function()
  local v = math.random(1, 100000)
  local vi = utk(v)
  local page = pages[math.random(#pages)]
  local now = os.time() * 1000 + math.random(0, 999)
  local first = now - (v % 90) * 86400000
  local session = now
  if session_seconds then
    local t = os.time() + v
    session = (t - t % session_seconds - v) * 1000
  end
  local q = "/__ptq.gif?k=1&sd=1920x1080&cd=24-bit&cs=UTF-8&ln=en-us&v=1.1&a=1" ..
    "&pu=" .. page[1] .. "&t=" .. page[2] .. "&cts=" .. now .. "&vi=" .. vi ..
    "&nc=false&u=1." .. vi .. "." .. first .. "." .. first .. "." .. now .. "." .. (v % 7 + 1) ..
    "&b=1." .. math.random(1, 12) .. "." .. session .. "&cc=15"
  if math.random(100) <= 5 then
    q = q .. "&i=email%3Dv" .. v .. "%2540example.com"
  end
  -- a real browser's user agent: Spoor keeps bots (and clients without one) out of the analytics
  return wrk.format("GET", q, BROWSER)
end
