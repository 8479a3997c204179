-- wrk script: POST /v1/suggest with one body every time (an agent typing in one conversation).
-- The body is the file named by SUGGEST_BODY (bench/server.sh and bench/server_cpu.sh set it to
-- bench/suggest.json).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open(os.getenv("SUGGEST_BODY") or "bench/suggest.json", "r"))
wrk.body = f:read("*a")
f:close()
