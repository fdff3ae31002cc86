-- wrk script for bench/load.py: optional POST to a pool of paths, and a JSON summary.
--
-- BENCH_METHOD  GET (default) or POST
-- BENCH_BODY    the request body for POST
-- BENCH_POOL    comma-separated ids; each request then goes to BENCH_PATH with {id}
--               replaced by the next id, so no two requests share one (threads interleave)
-- BENCH_PATH    the path template for the pool
-- BENCH_BODY_AGAIN  the body for the second pass over the pool, the third is BENCH_BODY
--               again, and so on (withdraw, then grant again, then withdraw...)
-- BENCH_THREADS the number of wrk threads (-t)
-- BENCH_OFFSET  requests already made to the pool (by the check and the warm-up)

local counter = 0
number = 0 -- a global: setup() sets it in each thread (thread:set), a local would hide it
local threads_made = 0
local pool = nil
local template = nil
local body = nil
local body_again = nil
local method = "GET"
local threads = 1
local offset = 0

function setup(thread)
   thread:set("number", threads_made)
   threads_made = threads_made + 1
end

function init(args)
   method = os.getenv("BENCH_METHOD") or "GET"
   body = os.getenv("BENCH_BODY")
   body_again = os.getenv("BENCH_BODY_AGAIN") or body
   threads = tonumber(os.getenv("BENCH_THREADS") or "1")
   offset = tonumber(os.getenv("BENCH_OFFSET") or "0")
   template = os.getenv("BENCH_PATH")
   local ids = os.getenv("BENCH_POOL")
   if ids and #ids > 0 then
      pool = {}
      for id in string.gmatch(ids, "[^,]+") do
         table.insert(pool, id)
      end
   end
   if method == "POST" and body == nil then
      body = "{}"
   end
end

function request()
   if pool then
      local i = offset + number + counter * threads
      counter = counter + 1
      local path = string.gsub(template, "{id}", pool[(i % #pool) + 1])
      local pass = math.floor(i / #pool)
      return wrk.format(method, path, nil, pass % 2 == 0 and body or body_again)
   end
   return wrk.format(method, nil, nil, body)
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect_errors": %d, '
         .. '"read_errors": %d, "write_errors": %d, "status_errors": %d, "timeouts": %d, '
         .. '"p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %.0f, "max_us": %d}\n',
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
      e.status, e.timeout, latency:percentile(50), latency:percentile(95),
      latency:percentile(99), latency.mean, latency.max))
end
