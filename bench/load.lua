-- wrk script for `manage.py bench`: cycles through the key pages, each requested as its own user.
-- BENCH_TARGETS names a file of "path<TAB>cookie header" lines; anything but a 200 counts as an error
-- (a 302 to the sign-in page would otherwise pass as success).
local targets = {}
local next_target = 0
non_200 = 0 -- global: done() reads it from each thread

init = function(args)
  local file = assert(io.open(os.getenv("BENCH_TARGETS"), "r"))
  for line in file:lines() do
    local path, cookie = line:match("^(%S+)\t(.+)$")
    if path then
      targets[#targets + 1] = wrk.format("GET", path, { ["Cookie"] = cookie })
    end
  end
  file:close()
  assert(#targets > 0, "no targets in BENCH_TARGETS")
end

request = function()
  next_target = next_target % #targets + 1
  return targets[next_target]
end

response = function(status, headers, body)
  if status ~= 200 then
    non_200 = non_200 + 1
  end
end

local threads = {}

setup = function(thread)
  threads[#threads + 1] = thread
end

done = function(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non_200")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "non_200": %d, "connect_errors": %d, "read_errors": %d, '
    .. '"write_errors": %d, "timeouts": %d, "latency_p50_us": %d, "latency_p95_us": %d, "latency_p99_us": %d, '
    .. '"latency_max_us": %d, "latency_mean_us": %.0f}\n',
    summary.requests, summary.duration, bad, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
end
