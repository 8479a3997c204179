-- wrk script: POST /v1/suggest where every request is a new conversation: a ticket number unique
-- per thread and request goes into the first customer message of SUGGEST_BODY (bench/suggest.json),
-- so the server's history cache never has the history and reads it afresh.
local f = assert(io.open(os.getenv("SUGGEST_BODY") or "bench/suggest.json", "r"))
local body = f:read("*a")
f:close()
local at = assert(string.find(body, "I was charged twice", 1, true))
local head, tail = string.sub(body, 1, at - 1), string.sub(body, at)
local threads, n, id = 0, 0, 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function request()
  n = n + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"},
                    head .. "(ticket " .. id .. "-" .. n .. ") " .. tail)
end
function init()
  id = wrk.thread:get("id")
end
