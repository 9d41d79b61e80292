-- wrk script: cycles through pre-signed requests (see generate.mjs). wrk.path is the route; REQUESTS names the file.
local requests = {}

function init(args)
  local file = assert(io.open(os.getenv("REQUESTS"), "r"))
  for line in file:lines() do
    local headers, body = {}, nil
    local fields = {}
    for field in (line .. "\t"):gmatch("([^\t]*)\t") do fields[#fields + 1] = field end
    local i = 1
    while fields[i] ~= "" do
      headers[fields[i]] = fields[i + 1]
      i = i + 2
    end
    body = fields[i + 1]
    requests[#requests + 1] = wrk.format("POST", wrk.path, headers, body)
  end
  file:close()
  counter = 0
end

function request()
  counter = counter + 1
  return requests[(counter - 1) % #requests + 1]
end

function done(summary, latency, requests)
  io.write(string.format('{"requests":%d,"durationUs":%d,"rps":%.1f,"p50Ms":%.3f,"p99Ms":%.3f,"errors":%d,"non2xx":%d}\n',
    summary.requests, summary.duration, summary.requests / summary.duration * 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
