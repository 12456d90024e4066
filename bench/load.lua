-- wrk script for bench/load.py: each wrk thread holds ONE connection (-t N -c N), so its
-- request() and response() calls alternate and every response can be paired with the URL
-- asked and timed (LuaJIT's FFI clock). Each thread appends "kind, status, microseconds,
-- X-Cache" lines to its own file.
--
-- Environment: LOAD_ENTRIES (file of "kind<TAB>path<TAB>cookie" lines), LOAD_OUT (prefix of
-- the output files), LOAD_THREADS, LOAD_ONCE=1 (every entry exactly once, shared out
-- between the threads, then stop; wrk itself still runs for its -d), LOAD_MAX (most
-- requests per thread; 0: no limit). done() writes wrk's own counts to LOAD_OUT summary.txt.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local clock = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

local kinds, requests, n = {}, {}, 0
local position, step, sent, limit = 0, 1, 0, 0
local once = false
local current, started, out = nil, 0, nil

function init(args)
  for line in io.lines(os.getenv("LOAD_ENTRIES")) do
    local kind, path, cookie = line:match("^([^\t]*)\t([^\t]*)\t?(.*)$")
    local headers = {}
    if cookie and cookie ~= "" then
      headers["Cookie"] = cookie
    end
    n = n + 1
    kinds[n] = kind
    requests[n] = wrk.format("GET", path, headers)
  end
  local threads = tonumber(os.getenv("LOAD_THREADS"))
  once = os.getenv("LOAD_ONCE") == "1"
  limit = tonumber(os.getenv("LOAD_MAX") or "0")
  if once then
    position, step = id - 1, threads -- entries id, id + threads, ...
  else
    position = math.floor((id - 1) * n / threads) -- spread the starting points
  end
  out = io.open(os.getenv("LOAD_OUT") .. id .. ".tsv", "w")
end

function request()
  local index = position % n + 1
  position = position + step
  current = kinds[index]
  started = now_us()
  return requests[index]
end

function response(status, headers, body)
  local elapsed = now_us() - started
  local cache = headers["X-Cache"] or headers["x-cache"] or ""
  out:write(current, "\t", status, "\t", string.format("%.0f", elapsed), "\t", cache, "\n")
  out:flush()
  sent = sent + 1
  if (once and position >= n) or (limit > 0 and sent >= limit) then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local file = io.open(os.getenv("LOAD_OUT") .. "summary.txt", "w")
  file:write(
    summary.duration, "\t", summary.requests, "\t", summary.errors.connect, "\t",
    summary.errors.read, "\t", summary.errors.write, "\t", summary.errors.timeout, "\n"
  )
  file:close()
end
