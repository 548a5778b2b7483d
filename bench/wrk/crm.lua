-- wrk script for the CRM API. CRM_OP chooses the call: read (GET a contact by id), create
-- (POST a new contact), update (PATCH a contact), search (POST a search by email).
-- CRM_TOKEN is the bearer token; CRM_SEED the number of seeded contacts seed<n>@example.com.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local report = require("report")
setup, init, done = report.setup, report.init, report.done

local op = os.getenv("CRM_OP") or "read"
local headers = { ["Authorization"] = "Bearer " .. (os.getenv("CRM_TOKEN") or ""),
  ["Content-Type"] = "application/json" }
local seeded = tonumber(os.getenv("CRM_SEED") or "1000")
local counter = 0

request = function()
  counter = counter + 1
  local email = "seed" .. math.random(1, seeded) .. "%40example.com"
  if op == "create" then
    local new = "w" .. math.random(1, 1e9) .. "-" .. counter .. "@example.com"
    return wrk.format("POST", "/crm/v3/objects/contacts", headers,
      '{"properties":{"email":"' .. new .. '","firstname":"Ann"}}')
  elseif op == "update" then
    return wrk.format("PATCH", "/crm/v3/objects/contacts/" .. email .. "?idProperty=email", headers,
      '{"properties":{"lastname":"L' .. counter .. '"}}')
  elseif op == "search" then
    return wrk.format("POST", "/crm/v3/objects/contacts/search", headers,
      '{"filterGroups":[{"filters":[{"propertyName":"email","operator":"EQ","value":"' ..
      email:gsub("%%40", "@") .. '"}]}],"properties":["email"],"limit":10}')
  end
  return wrk.format("GET", "/crm/v3/objects/contacts/" .. email .. "?idProperty=email&properties=email,firstname",
    headers)
end
