#!/usr/bin/env bash
# Front-desk paths of the packaged prod jar (issue 11, "Benchmarks") on one seeded clinic, next to
# two baselines measured in the same run: GET /q/health/live on the management port (the HTTP stack
# alone) and pgbench -S against the same PostgreSQL (one indexed select per transaction).
#
#   bash bench/front-desk.sh                  # 15 s of measured load per run, 10 s warm-up before each
#   DURATION=30 bash bench/front-desk.sh      # seconds of measured load per run
#   WARMUP=0 bash bench/front-desk.sh         # seconds of unmeasured load before each run (default 10)
#   PATIENTS=10000 bash bench/front-desk.sh   # patients in the clinic (default 5000)
#   SEARCH=mei bash bench/front-desk.sh       # the ?search= fragment (default "schm")
#   SLOTS=8 bash bench/front-desk.sh          # slots the bookings contend for (default 4, at most 22)
#   PGBENCH_CLIENTS=8 PGBENCH_SCALE=10 bash bench/front-desk.sh   # pgbench -S clients (4) and scale (1)
#
# Scenarios, each wrk -t2 -c16 --latency on keep-alive connections with one OWNER access token:
#   1. GET /api/v1/availability for one practitioner over 30 days with 500 appointments in them;
#   2. GET /api/v1/patients/{id};
#   3. GET /api/v1/patients?search=<fragment> (first page) with PATIENTS patients in the clinic;
#   4. POST /api/v1/appointments for SLOTS slots of one practitioner: one 201 per slot, 409 after.
# 1. and 2. run a second time on one connection (wrk -t1 -c1): the time of a request with nothing
# queued before it, next to the saturated figures where 16 connections share the 2 cores.
# Per run: req/s, p50, p99 (wrk) and the server time per request (Micrometer on the management port).
#
# Needs PostgreSQL (127.0.0.1:5432, user postgres, psql and pgbench), Redis (127.0.0.1:6379; db 3 is
# flushed) and RabbitMQ (127.0.0.1:5672, guest/guest). Drops and re-creates schema atrium_bench;
# creates and drops database atrium_bench_pgbench. See bench/README.md.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
PATIENTS=${PATIENTS:-5000}
SEARCH=${SEARCH:-schm}
SLOTS=${SLOTS:-4}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-4}
PGBENCH_SCALE=${PGBENCH_SCALE:-1}
START_TIMEOUT=${START_TIMEOUT:-120} # seconds to wait for the app to answer
for var in DURATION WARMUP PATIENTS SLOTS PGBENCH_CLIENTS PGBENCH_SCALE START_TIMEOUT; do
    [[ ${!var} =~ ^[0-9]+$ ]] || { printf '[bench] ERROR: %s must be a whole number\n' "$var" >&2; exit 1; }
done
((DURATION >= 1 && PATIENTS >= 1 && PGBENCH_CLIENTS >= 1 && PGBENCH_SCALE >= 1 && START_TIMEOUT >= 1)) ||
    { printf '[bench] ERROR: DURATION, PATIENTS, PGBENCH_CLIENTS, PGBENCH_SCALE and START_TIMEOUT must be at least 1\n' >&2; exit 1; }
# Contended slots start at 09:00 every 30 min; the last must end by 20:00.
((SLOTS >= 1 && SLOTS <= 22)) || { printf '[bench] ERROR: SLOTS must be between 1 and 22\n' >&2; exit 1; }
[[ $SEARCH =~ ^[A-Za-z0-9]([A-Za-z0-9 ]{0,98}[A-Za-z0-9])?$ && $SEARCH =~ [A-Za-z] ]] ||
    { printf '[bench] ERROR: SEARCH must be letters (at least one), digits and inner spaces, at most 100\n' >&2; exit 1; }

THREADS=2
CONNECTIONS=16
APPOINTMENTS=500 # booked in the 30 days of scenario 1 (issue 11)
SCHEMA=atrium_bench
PGBENCH_DB=atrium_bench_pgbench
ZONE=Europe/Berlin
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS_DIR="$ROOT/bench/results"
RESULT_FILE="$RESULTS_DIR/front-desk-$STAMP.txt"
RAW_NAME="front-desk-$STAMP.raw.txt"

# ----------------------------------------------------------------------------------------------
# Caller's environment: nothing of it reaches the app (profile, ATRIUM_*, QUARKUS_*), except a
# database password, which the local trust-auth PostgreSQL does not need but another one might.
# ----------------------------------------------------------------------------------------------
DB_PASSWORD=${ATRIUM_DB_PASSWORD:-}
while IFS= read -r var; do
    unset "$var"
done < <(compgen -e | grep -E '^(QUARKUS_PROFILE$|ATRIUM_|QUARKUS_)' || true)

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

for tool in psql pgbench; do
    command -v "$tool" >/dev/null || die "$tool is required (PostgreSQL client tools)"
done

if ! command -v wrk >/dev/null; then
    log "installing wrk"
    if [[ $(id -u) -eq 0 ]]; then
        SUDO=()
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        SUDO=(sudo -n)
    else
        die "wrk is missing and cannot be installed (not root, no password-less sudo): apt-get install -y wrk"
    fi
    if ! "${SUDO[@]}" apt-get install -y wrk; then
        "${SUDO[@]}" apt-get update
        "${SUDO[@]}" apt-get install -y wrk
    fi
    command -v wrk >/dev/null || die "wrk is still missing after apt-get install"
fi

if [[ ! -f "$JAR" ]]; then
    log "no $JAR: packaging (./mvnw -B -ntp package -DskipTests)"
    JAVA_HOME=$(dirname "$(dirname "$JAVA")") ./mvnw -B -ntp package -DskipTests
    [[ -f "$JAR" ]] || die "packaging did not produce $JAR"
fi

# ----------------------------------------------------------------------------------------------
# PostgreSQL access (psql, pgbench) and cleanup of the pgbench database
# ----------------------------------------------------------------------------------------------
PG_ENV=("PGOPTIONS=-c client_min_messages=warning")
if [[ -n $DB_PASSWORD ]]; then
    PG_ENV+=("PGPASSWORD=$DB_PASSWORD")
fi
pg() { # pg <database> <psql arguments...>
    local db=$1
    shift
    env "${PG_ENV[@]}" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U postgres -d "$db" "$@"
}
pgq() { # pgq [-v name=value...] <<<SQL: unaligned, tuples only, database postgres, schema atrium_bench
    pg postgres -At -F ' ' -c "set search_path = $SCHEMA, public" "$@" -f -
}

PGBENCH_CREATED=""
front_desk_cleanup() {
    stop_app
    if [[ -n $PGBENCH_CREATED ]]; then
        pg postgres -c "drop database if exists $PGBENCH_DB with (force)" >/dev/null 2>&1 ||
            log "could not drop database $PGBENCH_DB: drop it by hand"
    fi
    cleanup
}
trap front_desk_cleanup EXIT

# ----------------------------------------------------------------------------------------------
# wrk scripts and helpers (latencies in µs, so no unit parsing)
# ----------------------------------------------------------------------------------------------
cat >"$WORK/get.lua" <<'LUA'
-- GET with the bench token when BENCH_TOKEN is set; done() prints one BENCH line.
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d timeout=%d status=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50.0), latency:percentile(99.0), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status))
end
LUA

cat >"$WORK/book.lua" <<'LUA'
-- POST /api/v1/appointments: every request books one of the bodies in BENCH_BODIES (one JSON per
-- line), round robin, each thread starting elsewhere. response() counts the answers per thread;
-- done() adds them up and prints one BENCH line.
local token = os.getenv("BENCH_TOKEN")
local bodies_file = os.getenv("BENCH_BODIES")
local threads = {}
local bodies = {}
local next_body = 0

-- globals, read from each thread by done()
id = 0
created = 0
slot_taken = 0
conflict_other = 0
other = 0
other_status = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  for line in io.lines(bodies_file) do
    if line ~= "" then
      bodies[#bodies + 1] = line
    end
  end
  assert(#bodies > 0, "no request bodies in " .. tostring(bodies_file))
  next_body = id
end

function request()
  next_body = next_body + 1
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, bodies[(next_body % #bodies) + 1])
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 409 and body and string.find(body, "SLOT_UNAVAILABLE", 1, true) then
    slot_taken = slot_taken + 1
  elseif status == 409 then
    conflict_other = conflict_other + 1
  else
    other = other + 1
    other_status = status
  end
end

done = function(summary, latency, requests)
  local c, t, co, o, os_ = 0, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    t = t + thread:get("slot_taken")
    co = co + thread:get("conflict_other")
    o = o + thread:get("other")
    if thread:get("other_status") ~= 0 then
      os_ = thread:get("other_status")
    end
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d timeout=%d status=%d"
      .. " c201=%d c409_slot=%d c409_other=%d c_other=%d other_status=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50.0), latency:percentile(99.0), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status, c, t, co, o, os_))
end
LUA

# metrics.py <before> <after> <method> <uri>: Micrometer's http_server_requests_seconds for one
# route between two scrapes: "count=<n> mean_us=<µs or -> by_status=<status>:<n>:<mean µs>,...",
# or, when the route is not in the scrape, the uris that are on stderr.
cat >"$WORK/metrics.py" <<'PY'
import re, sys

# label values may hold braces (uri="/api/v1/patients/{id}"): match quoted values as a whole
LINE = re.compile(r'^http_server_requests_seconds_(count|sum)\{((?:[^"}]|"(?:[^"\\]|\\.)*")*)\}\s+(\S+)')
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')

def load(path, method, uri):
    per_status, uris = {}, set()
    with open(path) as f:
        for line in f:
            m = LINE.match(line)
            if not m:
                continue
            labels = dict(LABEL.findall(m.group(2)))
            uris.add(labels.get("method", "?") + " " + labels.get("uri", "?"))
            if labels.get("method") != method or labels.get("uri") != uri:
                continue
            s = per_status.setdefault(labels.get("status", "?"), [0.0, 0.0])
            s[0 if m.group(1) == "count" else 1] += float(m.group(3))
    return per_status, uris

before, after, method, uri = sys.argv[1:5]
b, _ = load(before, method, uri)
a, uris = load(after, method, uri)
rows, total_n, total_s = [], 0.0, 0.0
for status in sorted(a):
    n = a[status][0] - b.get(status, [0.0, 0.0])[0]
    s = a[status][1] - b.get(status, [0.0, 0.0])[1]
    if n > 0:
        rows.append(f"{status}:{n:.0f}:{s / n * 1e6:.0f}")
        total_n, total_s = total_n + n, total_s + s
if total_n == 0:
    print(f"no {method} {uri} in http_server_requests; routes seen: {', '.join(sorted(uris)) or 'none'}",
          file=sys.stderr)
mean = f"{total_s / total_n * 1e6:.0f}" if total_n else "-"
print(f"count={total_n:.0f} mean_us={mean} by_status={','.join(rows) or '-'}")
PY

# pgbench_latency.py <log files...>: p50, p99 and max of pgbench's per-transaction log (µs, column 3).
cat >"$WORK/pgbench_latency.py" <<'PY'
import sys
v = []
for path in sys.argv[1:]:
    with open(path) as f:
        v.extend(int(line.split()[2]) for line in f if line.strip())
v.sort()
if not v:
    sys.exit("no transactions in the pgbench log")
pct = lambda p: v[min(len(v) - 1, int(len(v) * p / 100.0))]
print(f"p50_us={pct(50)} p99_us={pct(99)} max_us={v[-1]} logged={len(v)}")
PY

# mint_token <private key file> <account> <clinic> <session> <ttl seconds>: an access token as the
# app issues it (AccessTokens): RS256; iss, aud, sub, jti, sid, groups, clinic, iat, exp.
mint_token() {
    python3 - "$@" <<'PY'
import base64, json, subprocess, sys, time, uuid

key_file, sub, clinic, sid, ttl = sys.argv[1:6]

def b64url(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()

now = int(time.time())
header = {"alg": "RS256", "typ": "JWT"}
claims = {"iss": "https://atrium.app", "aud": "atrium-api", "sub": sub, "jti": str(uuid.uuid4()), "sid": sid,
          "groups": ["CLIENT", "OWNER"], "clinic": clinic, "iat": now, "exp": now + int(ttl)}
signing_input = ".".join(b64url(json.dumps(p, separators=(",", ":")).encode()) for p in (header, claims)).encode()
try:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding
    with open(key_file, "rb") as f:
        key = serialization.load_pem_private_key(f.read(), password=None)
    signature = key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
except ImportError:
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key_file], input=signing_input,
                               capture_output=True, check=True).stdout
print(signing_input.decode() + "." + b64url(signature))
PY
}

ms() { # ms <µs>
    awk -v us="$1" 'BEGIN { printf "%.2f ms", us / 1000 }'
}

scrape() { # scrape <file>: the management port's Prometheus metrics
    curl -sf --max-time 10 -o "$1" "http://127.0.0.1:$MGMT_PORT/q/metrics" || die "GET /q/metrics on the management port failed"
}

declare -A R # results: R[<run>:<field>]

# run_wrk <run> <method> <metrics uri|-> <url> <lua> [<warm-up bodies> <measured bodies>]: optional
# warm-up, the measured run between two metrics scrapes; fills R[<run>:*].
# RUN_CONNECTIONS / RUN_THREADS, when set, replace -c / -t for that run (the single-connection runs).
run_wrk() {
    local run=$1 method=$2 uri=$3 url=$4 lua=$5 warm_bodies=${6:-} bodies=${7:-}
    local out="$WORK/wrk-$run.txt"
    local THREADS=${RUN_THREADS:-$THREADS} CONNECTIONS=${RUN_CONNECTIONS:-$CONNECTIONS}
    if ((WARMUP > 0)); then
        log "$run: warm-up ${WARMUP}s"
        BENCH_TOKEN=${BENCH_TOKEN:-} BENCH_BODIES=$warm_bodies \
            wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -s "$lua" "$url" >"$WORK/wrk-$run-warmup.txt" ||
            die "$run: wrk failed in the warm-up: $(tail -n 5 "$WORK/wrk-$run-warmup.txt")"
        grep -q '^BENCH ' "$WORK/wrk-$run-warmup.txt" || die "$run: warm-up failed: $(cat "$WORK/wrk-$run-warmup.txt")"
    fi
    scrape "$WORK/metrics-$run-before.txt"
    log "$run: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency $method $url"
    BENCH_TOKEN=${BENCH_TOKEN:-} BENCH_BODIES=$bodies \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency --timeout 10s -s "$lua" "$url" | tee "$out" >&2 ||
        die "$run: wrk failed"
    sleep 0.5 # requests still in flight when wrk stopped reach the metrics
    scrape "$WORK/metrics-$run-after.txt"
    {
        printf '===== %s: %s %s =====\n' "$run" "$method" "$url"
        cat "$out"
        printf '\n'
    } >>"$RAW_FILE"
    local line kv
    line=$(grep '^BENCH ' "$out" | tail -n 1) || die "$run: no BENCH line in the wrk output"
    # shellcheck disable=SC2086 # split on purpose: one word per key=value
    for kv in ${line#BENCH }; do
        R["$run:${kv%%=*}"]=${kv#*=}
    done
    R["$run:rps"]=$(awk -v r="${R[$run:requests]}" -v d="${R[$run:duration_us]}" 'BEGIN { printf "%.0f", (d > 0 ? r / (d / 1e6) : 0) }')
    R["$run:srv_count"]=0 R["$run:srv_mean_us"]=- R["$run:srv_by_status"]=-
    if [[ $uri != - ]]; then
        line=$(python3 "$WORK/metrics.py" "$WORK/metrics-$run-before.txt" "$WORK/metrics-$run-after.txt" "$method" "$uri")
        for kv in $line; do
            R["$run:srv_${kv%%=*}"]=${kv#*=}
        done
    fi
    log "$run: ${R[$run:rps]} req/s, p50 $(ms "${R[$run:p50_us]}"), p99 $(ms "${R[$run:p99_us]}"), server ${R[$run:srv_mean_us]} µs/request over ${R[$run:srv_count]}"
}

# expect <label> <code> <file> <curl arguments...>: one request that must answer <code>.
expect() {
    local label=$1 want=$2 file=$3 code
    shift 3
    code=$(curl -s -o "$file" -w '%{http_code}' --max-time 30 "$@" || true)
    {
        printf '===== check: %s (%s, expected %s) =====\n' "$label" "$code" "$want"
        head -c 2000 "$file" 2>/dev/null || true
        printf '\n\n'
    } >>"$RAW_FILE"
    [[ $code == "$want" ]] || die "$label: expected $want, got $code: $(head -c 500 "$file" 2>/dev/null)"
}

json() { # json <file> <python expression over d>: prints the value
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

: >"$RAW_FILE"

# ----------------------------------------------------------------------------------------------
# A fresh schema and the app
# ----------------------------------------------------------------------------------------------
redis-cli -h 127.0.0.1 -p 6379 -n 3 flushdb >/dev/null
log "dropping schema $SCHEMA (the app migrates it afresh at start)"
pg postgres -c "drop schema if exists $SCHEMA cascade"

pick_ports
BASE="http://127.0.0.1:$HTTP_PORT"
MGMT="http://127.0.0.1:$MGMT_PORT"
APP_LOG="$WORK/app.log"
app_env
EXTRA_ENV=()
if [[ -n $DB_PASSWORD ]]; then
    EXTRA_ENV+=("ATRIUM_DB_PASSWORD=$DB_PASSWORD")
fi
(
    cd "$WORK/cwd"
    exec env "${APP_ENV[@]}" "${EXTRA_ENV[@]}" "$JAVA" -Dquarkus.profile=prod -jar "$JAR"
) >"$APP_LOG" 2>&1 &
APP_PID=$!
log "started app (pid $APP_PID), http $HTTP_PORT, management $MGMT_PORT"

answers() { # answers: the management port is live and the HTTP port serves the OpenAPI document
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$MGMT/q/health/live" || true) == 200 &&
        $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/q/openapi" || true) == 200 ]]
}
deadline=$((SECONDS + START_TIMEOUT))
until answers; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        APP_PID=""
        log "app exited during start; last lines of its log:"
        tail -n 60 "$APP_LOG" >&2
        exit 1
    fi
    if ((SECONDS >= deadline)); then
        log "app not live after $START_TIMEOUT s; last lines of its log:"
        tail -n 60 "$APP_LOG" >&2
        exit 1
    fi
    sleep 0.5
done
log "live at $MGMT/q/health/live, answering on $BASE"
[[ $(pgq <<<"select to_regclass('$SCHEMA.appointments') is not null") == t ]] ||
    die "the app is live but schema $SCHEMA has no appointments table (migrations?)"

# ----------------------------------------------------------------------------------------------
# Seed one clinic by SQL: owner, practitioner, one 30-minute service, working hours every day
# 08:00-20:00, PATIENTS patients, APPOINTMENTS appointments in the 30 days of scenario 1
# ----------------------------------------------------------------------------------------------
read -r OWNER_ID PRACT_ID CLINIC_ID TYPE_ID SESSION_ID < <(pgq <<<"select gen_random_uuid(),
    gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid()") || true
[[ -n ${SESSION_ID:-} ]] || die "could not generate ids with gen_random_uuid()"
# Clinic-local dates: scenario 1 covers FROM..TO; bookings go to three later days, one each for the
# check before the load, the warm-up and the measured run (no overlap with each other or scenario 1).
read -r FROM TO CHECK_DAY WARM_DAY BOOK_DAY < <(pgq -v zone="$ZONE" <<<"select d + 1, d + 30, d + 32,
    d + 33, d + 34 from (select (now() at time zone :'zone')::date d) x") || true
[[ -n ${BOOK_DAY:-} ]] || die "could not compute the clinic-local dates"
SLUG="bench-${CLINIC_ID:0:8}"

log "seeding clinic $CLINIC_ID: $PATIENTS patients, $APPOINTMENTS appointments $FROM..$TO"
seed_started=$SECONDS
pg postgres -v owner="$OWNER_ID" -v practitioner="$PRACT_ID" -v clinic="$CLINIC_ID" -v service="$TYPE_ID" \
    -v session="$SESSION_ID" -v slug="$SLUG" -v zone="$ZONE" -v from="$FROM" -v patients="$PATIENTS" \
    -v schema="$SCHEMA" -f - <<'SQL'
set search_path = :"schema", public;
begin;

insert into accounts (id, email, email_normalized, first_name, last_name, password_hash, password_changed_at,
                      email_verified_at, status, last_clinic_id, created_at, updated_at)
values (:'owner', 'bench-owner@example.test', 'bench-owner@example.test', 'Bench', 'Owner',
        'bench-no-password', now(), now(), 'ACTIVE', null, now(), now()),
       (:'practitioner', 'bench-practitioner@example.test', 'bench-practitioner@example.test', 'Bench',
        'Practitioner', 'bench-no-password', now(), now(), 'ACTIVE', null, now(), now());

insert into clinics (id, name, slug, time_zone, currency, locale, status, created_by, created_at, updated_at)
values (:'clinic', 'Bench Clinic', :'slug', :'zone', 'EUR', 'de-DE', 'ACTIVE', :'owner', now(), now());
update accounts set last_clinic_id = :'clinic' where id in (:'owner', :'practitioner');

insert into memberships (id, clinic_id, account_id, role, created_at, updated_at)
values (gen_random_uuid(), :'clinic', :'owner', 'OWNER', now(), now()),
       (gen_random_uuid(), :'clinic', :'practitioner', 'PRACTITIONER', now() + interval '1 millisecond',
        now() + interval '1 millisecond');

-- The session the access token names: the Redis revocation check passes a session that was never
-- revoked, and the database fallback (Redis too slow) finds it open.
insert into auth_sessions (id, account_id, clinic_id, created_at, last_used_at, expires_at, user_agent, ip)
values (:'session', :'owner', :'clinic', now(), now(), now() + interval '1 day', 'bench/front-desk.sh', '127.0.0.1');

insert into appointment_types (id, clinic_id, name, description, duration_minutes, price_cents, currency, color,
                               buffer_before_minutes, buffer_after_minutes, active, created_at, updated_at)
values (:'service', :'clinic', 'Facial 30', 'Benchmark service', 30, 6000, 'EUR', '#2F6F62', 0, 0, true, now(), now());
insert into appointment_type_practitioners (appointment_type_id, practitioner_id) values (:'service', :'practitioner');

insert into working_windows (id, clinic_id, practitioner_id, day_of_week, start_time, end_time, created_at, updated_at)
select gen_random_uuid(), :'clinic', :'practitioner', d, time '08:00', time '20:00', now(), now()
from unnest(array['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']) d;

-- 40 first names x 50 last names, every patient with its own E.164 mobile number and email.
insert into patients (id, clinic_id, first_name, last_name, mobile_number, email, date_of_birth, created_at, updated_at)
select gen_random_uuid(), :'clinic', f, l, '+49151' || lpad(i::text, 8, '0'),
       lower(f) || '.' || lower(l) || '.' || i || '@example.test',
       date '1950-01-01' + (i * 37) % 20000, now() - i * interval '1 minute', now() - i * interval '1 minute'
from (
    select i,
           (array['Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Greta', 'Hannah', 'Ida', 'Jonas', 'Karl',
                  'Lea', 'Luca', 'Marie', 'Noah', 'Olivia', 'Paul', 'Quentin', 'Rosa', 'Sophie', 'Tim', 'Ursula',
                  'Valentin', 'Wilma', 'Xaver', 'Yara', 'Zoe', 'Jonathan', 'Mia', 'Elias', 'Lina', 'Finn', 'Ella',
                  'Leon', 'Nora', 'Theo', 'Frieda', 'Moritz', 'Amelie', 'Oskar'])[1 + i % 40] f,
           (array['Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
                  'Koch', 'Richter', 'Klein', 'Wolf', 'Schroeder', 'Neumann', 'Schwarz', 'Braun', 'Hofmann',
                  'Zimmermann', 'Schmitt', 'Hartmann', 'Krueger', 'Lange', 'Werner', 'Krause', 'Meier', 'Lehmann',
                  'Schmid', 'Schulze', 'Maier', 'Koehler', 'Herrmann', 'Walter', 'Koenig', 'Mayer', 'Huber',
                  'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Moeller', 'Weiss', 'Jung', 'Hahn', 'Schubert',
                  'Vogel', 'Friedrich', 'Keller', 'Guenther'])[1 + (i / 40 + i * 7) % 50] l
    from generate_series(1, :patients) i
) names;

-- 500 non-overlapping 30-minute appointments of the practitioner: of the 24 half hours of each of
-- the 30 days (720 in all), those with (i * 7) % 36 < 25, i.e. 25 of every 36 spread over the day.
insert into appointments (id, clinic_id, patient_id, appointment_type_id, practitioner_id, starts_at, ends_at,
                          blocked_from, blocked_until, status, source, booked_by, created_at, updated_at)
select gen_random_uuid(), :'clinic', p.id, :'service', :'practitioner', s.t, s.t + interval '30 minutes',
       s.t, s.t + interval '30 minutes', 'CONFIRMED', 'STAFF', :'owner', now(), now()
from (
    select row_number() over (order by i) - 1 n,
           ((:'from'::date + i / 24) + time '08:00' + (i % 24) * interval '30 minutes') at time zone :'zone' t
    from generate_series(0, 719) i
    where (i * 7) % 36 < 25
) s
join (select id, row_number() over (order by mobile_number) - 1 n from patients where clinic_id = :'clinic') p
  on p.n = s.n % :patients;

commit;
analyze accounts, clinics, memberships, auth_sessions, appointment_types, appointment_type_practitioners,
        working_windows, patients, appointments;
SQL
log "seeded in $((SECONDS - seed_started)) s"

read -r PATIENT_ID BOOK_PATIENT_ID < <(pgq -v clinic="$CLINIC_ID" <<<"select
    (select id from patients where clinic_id = :'clinic' order by mobile_number limit 1),
    (select id from patients where clinic_id = :'clinic' order by mobile_number desc limit 1)") || true
[[ -n ${BOOK_PATIENT_ID:-} ]] || die "no patients after seeding"
SEARCH_MATCHES=$(pgq -v clinic="$CLINIC_ID" -v w="$SEARCH" <<<"select count(*) from patients p
    where clinic_id = :'clinic' and deleted_at is null and (select bool_and(p.name_text like '%' || x || '%'
        or p.contact_text like '%' || x || '%') from regexp_split_to_table(lower(:'w'), '\s+') x)")
read -r N_PATIENTS N_APPTS < <(pgq -v clinic="$CLINIC_ID" -v from="$FROM" -v to="$TO" -v zone="$ZONE" <<<"select
    (select count(*) from patients where clinic_id = :'clinic'),
    (select count(*) from appointments where clinic_id = :'clinic'
        and (starts_at at time zone :'zone')::date between :'from'::date and :'to'::date)") || true
((${N_APPTS:-0} == APPOINTMENTS)) || die "seeding left ${N_APPTS:-no} appointments in $FROM..$TO, not $APPOINTMENTS"

# Request bodies: SLOTS starts from 09:00 every 30 minutes (clinic-local) on each booking day.
slot_bodies() { # slot_bodies <day> <file>
    pgq -v day="$1" -v zone="$ZONE" -v slots="$SLOTS" -v patient="$BOOK_PATIENT_ID" -v service="$TYPE_ID" \
        -v practitioner="$PRACT_ID" <<<"select json_build_object('patientId', :'patient', 'appointmentTypeId',
        :'service', 'practitionerId', :'practitioner', 'startsAt', to_char(((:'day'::date + time '09:00'
        + k * interval '30 minutes') at time zone :'zone') at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))
        from generate_series(0, :slots - 1) k order by k" >"$2"
    [[ $(wc -l <"$2") -eq $SLOTS ]] || die "could not write the booking bodies for $1"
}
slot_bodies "$CHECK_DAY" "$WORK/bodies-check.txt"
slot_bodies "$WARM_DAY" "$WORK/bodies-warmup.txt"
slot_bodies "$BOOK_DAY" "$WORK/bodies-measured.txt"

# ----------------------------------------------------------------------------------------------
# The access token, and one request of each scenario before any load
# ----------------------------------------------------------------------------------------------
TOKEN_TTL=$((6 * (WARMUP + DURATION) + 900))
((TOKEN_TTL >= 3600)) || TOKEN_TTL=3600
BENCH_TOKEN=$(mint_token "$WORK/jwt-private.pem" "$OWNER_ID" "$CLINIC_ID" "$SESSION_ID" "$TOKEN_TTL")
AUTH=(-H "Authorization: Bearer $BENCH_TOKEN")

AVAIL_URL="$BASE/api/v1/availability?appointmentTypeId=$TYPE_ID&practitionerId=$PRACT_ID&from=$FROM&to=$TO"
GET_URL="$BASE/api/v1/patients/$PATIENT_ID"
SEARCH_URL="$BASE/api/v1/patients?search=${SEARCH// /%20}"
BOOK_URL="$BASE/api/v1/appointments"
HEALTH_URL="$MGMT/q/health/live"

expect "token and session check (GET patient by id)" 200 "$WORK/check-get.json" "${AUTH[@]}" "$GET_URL"
[[ $(json "$WORK/check-get.json" 'd["data"]["id"]') == "$PATIENT_ID" ]] || die "GET patient by id answered another patient"
expect "availability" 200 "$WORK/check-availability.json" "${AUTH[@]}" "$AVAIL_URL"
AVAIL_SLOTS=$(json "$WORK/check-availability.json" 'len(d["data"]["slots"])')
AVAIL_BYTES=$(wc -c <"$WORK/check-availability.json")
((AVAIL_SLOTS > 0)) || die "availability answered no free slot"
expect "patient search" 200 "$WORK/check-search.json" "${AUTH[@]}" "$SEARCH_URL"
SEARCH_PAGE=$(json "$WORK/check-search.json" 'len(d["data"])')
CHECK_BODY=$(head -n 1 "$WORK/bodies-check.txt")
expect "booking a free slot" 201 "$WORK/check-book-1.json" "${AUTH[@]}" -H 'Content-Type: application/json' \
    --data "$CHECK_BODY" "$BOOK_URL"
expect "booking it again" 409 "$WORK/check-book-2.json" "${AUTH[@]}" -H 'Content-Type: application/json' \
    --data "$CHECK_BODY" "$BOOK_URL"
grep -q SLOT_UNAVAILABLE "$WORK/check-book-2.json" || die "the second booking was a 409 but not SLOT_UNAVAILABLE"
log "checks passed: token accepted, $AVAIL_SLOTS free starts ($AVAIL_BYTES bytes), search page of $SEARCH_PAGE ($SEARCH_MATCHES matches), 201 then 409 SLOT_UNAVAILABLE"

# ----------------------------------------------------------------------------------------------
# Load: the HTTP baseline, the four scenarios, then pgbench with the app idle
# ----------------------------------------------------------------------------------------------
export BENCH_TOKEN
BENCH_TOKEN="" run_wrk health GET /q/health/live "$HEALTH_URL" "$WORK/get.lua"
run_wrk availability GET /api/v1/availability "$AVAIL_URL" "$WORK/get.lua"
RUN_THREADS=1 RUN_CONNECTIONS=1 run_wrk availability1 GET /api/v1/availability "$AVAIL_URL" "$WORK/get.lua"
run_wrk get GET "/api/v1/patients/{id}" "$GET_URL" "$WORK/get.lua"
RUN_THREADS=1 RUN_CONNECTIONS=1 run_wrk get1 GET "/api/v1/patients/{id}" "$GET_URL" "$WORK/get.lua"
run_wrk search GET /api/v1/patients "$SEARCH_URL" "$WORK/get.lua"
run_wrk book POST /api/v1/appointments "$BOOK_URL" "$WORK/book.lua" "$WORK/bodies-warmup.txt" "$WORK/bodies-measured.txt"
BOOKED_ROWS=$(pgq -v clinic="$CLINIC_ID" -v practitioner="$PRACT_ID" -v day="$BOOK_DAY" -v zone="$ZONE" <<<"select count(*)
    from appointments where clinic_id = :'clinic' and practitioner_id = :'practitioner'
    and status in ('PENDING', 'CONFIRMED') and (starts_at at time zone :'zone')::date = :'day'::date")

log "pgbench: database $PGBENCH_DB, scale $PGBENCH_SCALE"
pg postgres -c "drop database if exists $PGBENCH_DB with (force)"
PGBENCH_CREATED=1
pg postgres -c "create database $PGBENCH_DB"
PGBENCH=(env "${PG_ENV[@]}" pgbench -h 127.0.0.1 -p 5432 -U postgres)
"${PGBENCH[@]}" -i -q -s "$PGBENCH_SCALE" "$PGBENCH_DB" >"$WORK/pgbench-init.txt" 2>&1 ||
    die "pgbench -i failed: $(tail -n 5 "$WORK/pgbench-init.txt")"
PGBENCH_ARGS=(-S -n -M prepared -c "$PGBENCH_CLIENTS" -j "$((PGBENCH_CLIENTS < THREADS ? PGBENCH_CLIENTS : THREADS))")
if ((WARMUP > 0)); then
    log "pgbench: warm-up ${WARMUP}s"
    "${PGBENCH[@]}" "${PGBENCH_ARGS[@]}" -T "$WARMUP" "$PGBENCH_DB" >/dev/null 2>&1 || die "pgbench warm-up failed"
fi
mkdir -p "$WORK/pgbench-log"
log "pgbench ${PGBENCH_ARGS[*]} -T $DURATION"
"${PGBENCH[@]}" "${PGBENCH_ARGS[@]}" -T "$DURATION" -l --log-prefix="$WORK/pgbench-log/tx" "$PGBENCH_DB" \
    >"$WORK/pgbench.txt" 2>&1 || die "pgbench failed: $(tail -n 5 "$WORK/pgbench.txt")"
cat "$WORK/pgbench.txt" >&2
{
    printf '===== pgbench %s -T %s (scale %s) =====\n' "${PGBENCH_ARGS[*]}" "$DURATION" "$PGBENCH_SCALE"
    cat "$WORK/pgbench.txt"
    printf '\n'
} >>"$RAW_FILE"
R[pgbench:rps]=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.txt" | tail -n 1 | awk '{ printf "%.0f", $1 }')
R[pgbench:requests]=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK/pgbench.txt")
R[pgbench:status]=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/pgbench.txt")
R[pgbench:status]=${R[pgbench:status]:-0}
[[ -n ${R[pgbench:rps]} && -n ${R[pgbench:requests]} ]] || die "could not read tps from the pgbench output"
shopt -s nullglob
PGBENCH_LOGS=("$WORK"/pgbench-log/tx*)
shopt -u nullglob
((${#PGBENCH_LOGS[@]} > 0)) || die "pgbench wrote no transaction log"
for kv in $(python3 "$WORK/pgbench_latency.py" "${PGBENCH_LOGS[@]}"); do
    R["pgbench:${kv%%=*}"]=${kv#*=}
done
R[pgbench:srv_mean_us]=- R[pgbench:connect]=0 R[pgbench:read]=0 R[pgbench:write]=0 R[pgbench:timeout]=0
stop_app

# ----------------------------------------------------------------------------------------------
# Summary
# ----------------------------------------------------------------------------------------------
FMT='%-44s %9s %10s %10s %10s %12s %8s %9s\n'
# shellcheck disable=SC2059 # one format for the header and every row
header() { printf "$FMT" run req/s p50 p99 max "server/req" errors requests; }
row() { # row <label> <run>
    local r=$2 srv=n/a err
    if [[ ${R[$r:srv_mean_us]} != - ]]; then srv=$(ms "${R[$r:srv_mean_us]}"); fi
    err=$((${R[$r:status]} + ${R[$r:connect]} + ${R[$r:read]} + ${R[$r:write]} + ${R[$r:timeout]}))
    # shellcheck disable=SC2059
    printf "$FMT" "$1" "${R[$r:rps]}" "$(ms "${R[$r:p50_us]}")" "$(ms "${R[$r:p99_us]}")" "$(ms "${R[$r:max_us]}")" \
        "$srv" "$err" "${R[$r:requests]}"
}
baselines() {
    row "baseline: GET /q/health/live (management)" health
    row "baseline: pgbench -S ($PGBENCH_CLIENTS clients)" pgbench
}
status_means() { # status_means <run>: "201: 4 × 12.3 ms, 409: 1000 × 3.4 ms" from Micrometer
    local s out="" parts code n us
    if [[ ${R[$1:srv_by_status]} == - ]]; then
        echo "not recorded"
        return
    fi
    IFS=, read -ra parts <<<"${R[$1:srv_by_status]}"
    for s in "${parts[@]}"; do
        IFS=: read -r code n us <<<"$s"
        out+="${out:+, }$code: $n × $(ms "$us")"
    done
    echo "$out"
}
verdict() { if [[ $1 == 1 ]]; then echo met; else echo "NOT met"; fi; }

AVAIL_MET=$(awk -v p="${R[availability:p99_us]}" 'BEGIN { print (p < 50000 ? 1 : 0) }')
AVAIL1_MET=$(awk -v p="${R[availability1:p99_us]}" 'BEGIN { print (p < 50000 ? 1 : 0) }')
GET_RATIO=$(awk -v a="${R[get:rps]}" -v b="${R[pgbench:rps]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
GET_MET=$(awk -v r="$GET_RATIO" 'BEGIN { print (r >= 0.2 ? 1 : 0) }')
if ((${R[book:c201]} == SLOTS && BOOKED_ROWS == SLOTS)); then
    BOOK_CHECK="one 201 per slot, $BOOKED_ROWS appointments on $BOOK_DAY: OK"
else
    BOOK_CHECK="FAIL: $SLOTS slots, ${R[book:c201]} answers 201, $BOOKED_ROWS active appointments on $BOOK_DAY"
fi
OTHER_NOTE=""
if ((${R[book:c_other]} > 0)); then OTHER_NOTE=" (last other status ${R[book:other_status]})"; fi
GIT_REV=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git status --porcelain --untracked-files=no 2>/dev/null || true) ]]; then GIT_REV="$GIT_REV (+ uncommitted changes)"; fi

{
    echo "Atrium front-desk benchmark (issue 11)"
    echo "date:        $(date -Iseconds)"
    echo "commit:      $GIT_REV"
    echo "nproc:       $(nproc)"
    echo "java:        $JAVA_VERSION ($JAVA)"
    echo "postgres:    $(pg postgres -At -c 'show server_version')"
    echo "load:        wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency --timeout 10s (warm-up ${WARMUP}s), keep-alive, one OWNER access token"
    echo "data:        one clinic ($ZONE), schema $SCHEMA fresh: $N_PATIENTS patients, one practitioner working every day 08:00-20:00,"
    echo "             one 30-min service without buffers, $N_APPTS appointments $FROM..$TO"
    echo "baselines:   GET /q/health/live on the management port (same wrk load);"
    echo "             pgbench ${PGBENCH_ARGS[*]} -T $DURATION (scale $PGBENCH_SCALE, warm-up ${WARMUP}s), same PostgreSQL, app idle"
    echo "server/req:  mean of Micrometer's http_server_requests_seconds for the route over the measured run"
    echo "             (n/a: not recorded; Quarkus leaves /q/* out, pgbench has no server timer);"
    echo "errors:      answers >= 400 + socket errors (wrk; in 4. the 409s are the point), failed transactions (pgbench)"
    echo
    echo "1. GET /api/v1/availability?appointmentTypeId=…&practitionerId=…&from=$FROM&to=$TO"
    echo "   one practitioner, 30 days, $N_APPTS appointments in them; answer: $AVAIL_SLOTS free starts, $AVAIL_BYTES bytes"
    header
    row "availability" availability
    row "availability, 1 connection" availability1
    baselines
    echo "   target: p99 well under 50 ms: $(ms "${R[availability:p99_us]}") at $CONNECTIONS connections — $(verdict "$AVAIL_MET");"
    echo "           $(ms "${R[availability1:p99_us]}") at 1 connection (no queueing) — $(verdict "$AVAIL1_MET")"
    echo
    echo "2. GET /api/v1/patients/{id}"
    header
    row "get patient by id" get
    row "get patient by id, 1 connection" get1
    baselines
    echo "   target: at least a fifth of the pgbench -S rate: ${R[get:rps]} / ${R[pgbench:rps]} = $GET_RATIO — $(verdict "$GET_MET")"
    echo
    echo "3. GET /api/v1/patients?search=$SEARCH (first page: $SEARCH_PAGE of $SEARCH_MATCHES matches, $N_PATIENTS patients)"
    header
    row "patient search" search
    baselines
    echo
    echo "4. POST /api/v1/appointments, $SLOTS slots of one practitioner on $BOOK_DAY (warm-up on $WARM_DAY)"
    header
    row "booking under contention" book
    baselines
    echo "   answers (wrk): 201 × ${R[book:c201]}, 409 SLOT_UNAVAILABLE × ${R[book:c409_slot]}, other 409 × ${R[book:c409_other]}, other × ${R[book:c_other]}$OTHER_NOTE"
    echo "   server time by status (Micrometer): $(status_means book)"
    echo "   double-booking check: $BOOK_CHECK"
    echo
    echo "Targets (issue 11): availability p99 well under 50 ms — $(verdict "$AVAIL_MET") at $CONNECTIONS connections, $(verdict "$AVAIL1_MET") at 1;"
    echo "                    get by id at least a fifth of pgbench -S — $(verdict "$GET_MET") (ratio $GET_RATIO)"
} >"$WORK/summary.txt"

{
    printf '===== app log (last 300 lines) =====\n'
    tail -n 300 "$APP_LOG"
} >>"$RAW_FILE"
mkdir -p "$RESULTS_DIR"
cp "$WORK/summary.txt" "$RESULT_FILE"
cp "$RAW_FILE" "$RESULTS_DIR/$RAW_NAME"
cat "$RESULT_FILE"
log "summary: $RESULT_FILE (raw wrk and pgbench output, checks, app log: $RESULTS_DIR/$RAW_NAME)"
