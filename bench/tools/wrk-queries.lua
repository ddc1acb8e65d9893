-- wrk script for bench/tools/http-load.sh: GET /api/search?q=… for the queries of $QUERIES_FILE, round-robin.
local queries = {}
local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
for line in io.lines(os.getenv("QUERIES_FILE")) do
  local q = line:match("^([^\t]+)")
  if q and #q > 0 then queries[#queries + 1] = "/api/search?q=" .. encode(q) end
end
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("GET", queries[i])
end
