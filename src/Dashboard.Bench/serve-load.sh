#!/usr/bin/env bash
# Serving API under load, as issue #10 asks: the Release app on loopback with a throwaway database whose demo
# organisation holds 20,000 end-users × 5,000 items × 1,000,000 interactions (the demo trains and activates its
# Default blend by itself), then Debian's `wrk` with 64 connections for 60 s against
# GET /api/v1/recommendations, each request for one of the first 5,000 end-users.
#
# The per-key rate limit is raised for the run (ServingApi__PermitsPerMinute); the API key is written straight
# into the throwaway database (its SHA-256, as the app stores keys), because the run has no browser to create
# one in. Nothing here touches the repository's own data folder.
#
#   bash src/Dashboard.Bench/serve-load.sh [seconds=60] [connections=64] [interactions=1000000]
set -euo pipefail

seconds="${1:-60}"
connections="${2:-64}"
interactions="${3:-1000000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d /tmp/dashboard-serve-load.XXXXXX)"
port=5097
trap 'kill "${app_pid:-0}" 2>/dev/null || true; wait "${app_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
command -v sqlite3 >/dev/null || { echo "installing sqlite3"; apt-get install -y -qq sqlite3 >/dev/null; }

dotnet publish "$root/src/Dashboard.Web" -c Release -o "$work/app" -v q --nologo >/dev/null
mkdir -p "$work/run"
cd "$work/run"
ASPNETCORE_ENVIRONMENT=Production \
ASPNETCORE_URLS="http://127.0.0.1:$port" \
Demo__SampleData__Users=20000 \
Demo__SampleData__Items=5000 \
Demo__SampleData__Interactions="$interactions" \
ServingApi__PermitsPerMinute=100000000 \
Logging__LogLevel__Default=Warning \
  dotnet "$work/app/Dashboard.Web.dll" --contentRoot "$work/run" >"$work/app.log" 2>&1 &
app_pid=$!

db="$work/run/data/dashboard.db"
echo "waiting for the demo's import and first training (this takes a minute or two)"
for _ in $(seq 1 600); do
  if [ -f "$db" ] && [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM Blends WHERE ActiveVersionId IS NOT NULL;" 2>/dev/null || echo 0)" -ge 1 ]; then
    break
  fi
  kill -0 "$app_pid" 2>/dev/null || { echo "the app stopped:"; tail -n 30 "$work/app.log"; exit 1; }
  sleep 1
done

key="dk_bench$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
hash="$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)"
sqlite3 "$db" "INSERT INTO ApiKeys (Id, TenantId, Name, Prefix, Hash, Scopes, CreatedAtUtc)
  SELECT upper(hex(randomblob(4))) || '-' || upper(hex(randomblob(2))) || '-4' || substr(upper(hex(randomblob(2))),2) || '-A' || substr(upper(hex(randomblob(2))),2) || '-' || upper(hex(randomblob(6))),
         TenantId, 'serve-load', substr('$key', 1, 8), '$hash', 'recommendations:read', strftime('%Y-%m-%d %H:%M:%f', 'now')
  FROM Blends LIMIT 1;"

cat >"$work/pick.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", string.format("/api/v1/recommendations?user_id=u%05d&count=10", (n * 7919) % 5000 + 1))
end
LUA

curl -fsS -H "X-Api-Key: $key" "http://127.0.0.1:$port/api/v1/recommendations?user_id=u00001&count=10" >/dev/null \
  || { echo "the warm-up request failed"; curl -sS -H "X-Api-Key: $key" "http://127.0.0.1:$port/api/v1/recommendations?user_id=u00001&count=10"; exit 1; }
wrk -t2 -c"$connections" -d5s -s "$work/pick.lua" -H "X-Api-Key: $key" "http://127.0.0.1:$port" >/dev/null
echo "GET /api/v1/recommendations, $connections connections, ${seconds}s, $interactions interactions:"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/pick.lua" -H "X-Api-Key: $key" "http://127.0.0.1:$port"
