-- wrk script for bench/ack.sh: rotates over personal links ("token csrf" lines in the file given as the first
-- script argument). Mode "get" opens pages; mode "post" answers steps "done", step-major (every recipient's
-- first step, then every recipient's second …), so each request writes a new answer and one person's answers
-- are far apart. Threads interleave: thread n of N takes requests n, n+N, n+2N, …
--   wrk … -s bench/ack.lua <url> -- <links file> get|post
local threads = {}
local steps = {"genai-toggle", "objection-form", "review-content", "ad-preferences", "mindful-posting"}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  links = {}
  for line in io.lines(args[1]) do
    local token, csrf = line:match("^(%S+) (%S+)$")
    if token then links[#links + 1] = {token, csrf} end
  end
  mode = args[2] or "get"
  stride = tonumber(args[3] or "1")
  next_request = index
  headers = {
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    ["Accept-Language"] = "en-GB,en;q=0.9",
    ["Accept"] = "text/html",
  }
  post_headers = {}
  for k, v in pairs(headers) do post_headers[k] = v end
  post_headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function request()
  local n = #links
  local k = next_request
  next_request = next_request + stride
  if mode == "post" then
    k = k % (n * #steps)
    local link = links[k % n + 1]
    local step = steps[math.floor(k / n) + 1]
    return wrk.format("POST", "/ack/" .. link[1] .. "/steps/" .. step, post_headers,
                      "status=done&csrf=" .. link[2])
  end
  return wrk.format("GET", "/ack/" .. links[k % n + 1][1], headers)
end
