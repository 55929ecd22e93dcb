-- wrk script: POST initiate-upload as a signed-in browser client would.
-- TOKEN: bearer token; PACE_MS > 0 makes every connection wait that long between requests (fixed-rate mode).
wrk.method = "POST"
wrk.body = '{"title":"서울 불꽃축제 2026","description":"부하 시험 + 100% & a=b","contentType":"image/jpeg"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

local pace = tonumber(os.getenv("PACE_MS") or "0")
if pace > 0 then
  function delay()
    return pace
  end
end

done = function(summary, latency, requests)
  io.write(string.format(
    "RESULT requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d p50=%d p90=%d p99=%d max=%d mean=%.1f stdev=%.1f\n",
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean, latency.stdev))
end
