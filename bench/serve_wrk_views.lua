-- wrk script for bench/serve_wrk.sh: every request a different 1280×800 px view at zoom PK_ZOOM,
-- its centre drawn at random within ±2 view widths/heights of Fulda, so the server's response
-- cache (keyed by exact bbox) cannot answer and each request clusters and serialises anew.
local z = tonumber(os.getenv("PK_ZOOM") or "6")
local w = 1280 / 2 / 256 * 360 / 2 ^ z
local h = w * 800 / 1280 * 0.64
local function clamp(v, m) if v < -m then return -m elseif v > m then return m end return v end
function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end
function init(args)
  math.randomseed(seed or os.time())
end
function request()
  local x = 9.68 + (math.random() * 4 - 2) * w
  local y = 50.55 + (math.random() * 4 - 2) * h
  local bbox = string.format("%.5f,%.5f,%.5f,%.5f", clamp(x - w, 180), clamp(y - h, 85), clamp(x + w, 180), clamp(y + h, 85))
  return wrk.format("GET", "/api/clusters?zoom=" .. z .. "&bbox=" .. bbox)
end
