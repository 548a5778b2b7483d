-- Shared by the wrk scripts: seeds each thread's RNG and prints one machine-readable
-- summary line that bench/run.sh parses. Latencies are in microseconds.
local M = {}

local next_id = 0
function M.setup(thread)
  next_id = next_id + 1
  thread:set("thread_id", next_id)
end

function M.init()
  math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919)
end

function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d rps=%.1f ok_rps=%.1f p50_us=%d p99_us=%d " ..
    "status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration,
    summary.requests / (summary.duration / 1e6),
    (summary.requests - e.status) / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end

return M
