-- wrk script of the load benchmark (bench/load.sh, BENCHMARKS.md).
--
--   wrk -t2 -c32 -d10s --timeout 30s -s bench/wrk/bench.lua http://127.0.0.1:PORT -- REQUESTS
--
-- REQUESTS is a file of requests, one a line, four fields separated by tabs:
--   METHOD  PATH  TOKEN  BODY
-- TOKEN (an access token, sent as `Authorization: Bearer`) and BODY (JSON) may be empty.
-- Each thread replays the lines in turn from its own offset, so concurrent connections ask
-- for different pages, ids and accounts. At the end one line `BENCHJSON {...}` gives the
-- counts and latency percentiles (microseconds) for the `load` driver.

local requests = {}
local counter = 0
local threads = {}
non_2xx = 0

function setup(thread)
  thread:set("thread_index", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  local file = assert(args[1], "usage: -- REQUESTS_FILE")
  for line in io.lines(file) do
    local method, path, token, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    if method then
      local headers = {}
      if token ~= "" then
        headers["Authorization"] = "Bearer " .. token
      end
      if body ~= "" then
        headers["Content-Type"] = "application/json"
      else
        body = nil
      end
      requests[#requests + 1] = wrk.format(method, path, headers, body)
    end
  end
  assert(#requests > 0, "no requests in " .. file)
  -- Threads start at different places of the list.
  counter = (thread_index or 0) * math.floor(#requests / 2 + 1)
end

function request()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end

-- wrk itself counts only statuses above 399; every answer outside 2xx is an error here.
function response(status, _, _)
  if status < 200 or status > 299 then
    non_2xx = non_2xx + 1
  end
end

function done(summary, latency, _)
  local e = summary.errors
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + (tonumber(thread:get("non_2xx")) or 0)
  end
  io.write(string.format(
    'BENCHJSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,'
      .. '"write":%d,"timeout":%d,"status":%d,"non_2xx":%d,'
      .. '"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.timeout,
    e.status, bad, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max))
end
