#!/usr/bin/env bash
# Issue 12: skin analysis speed, in two parts, each with its baseline from the same run.
#  1. Analyzer v1 alone on 1, 4 and 12 MP photos, on one core (-XX:ActiveProcessorCount=1) with a
#     256 MiB heap: time per analysis (p50, p95), analyses per second, peak heap of one analysis;
#     baseline: decoding the same JPEG in full and subsampled (what the analyzer does first).
#  2. End to end: the packaged jar as a prod API and as one analysis-worker process (local storage,
#     schema atrium_bench); one 12 MP photo uploaded, then a burst of JOBS analyses of it posted at
#     once; per job, queuedAt -> finishedAt (p50, p99) and jobs per second over the burst. The job
#     path includes the outbox relay (every second), RabbitMQ and reading the photo from storage.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
JOBS=${JOBS:-200}
RUNS=${RUNS:-15}
START_TIMEOUT=${START_TIMEOUT:-120}
for var in JOBS RUNS START_TIMEOUT; do
    [[ ${!var} =~ ^[0-9]+$ && ${!var} -ge 1 ]] || { printf '[bench] ERROR: %s must be a whole number >= 1\n' "$var" >&2; exit 1; }
done
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RAW_NAME="analysis-$STAMP.raw.txt"

while IFS= read -r var; do
    unset "$var"
done < <(compgen -e | grep -E '^(QUARKUS_PROFILE$|ATRIUM_|QUARKUS_)' || true)

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

if [[ ! -f "$JAR" ]]; then
    log "no $JAR: packaging (./mvnw -B -ntp package -DskipTests)"
    JAVA_HOME=$(dirname "$(dirname "$JAVA")") ./mvnw -B -ntp package -DskipTests
    [[ -f "$JAR" ]] || die "packaging did not produce $JAR"
fi
APP_JAR=$(ls "$ROOT"/target/quarkus-app/app/*.jar | head -n 1)
CORE_JAR=$(ls "$ROOT"/target/quarkus-app/lib/main/io.quarkus.quarkus-core-[0-9]*.jar | head -n 1)

printf 'commit %s, %s cores, %s\n' "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" "$(nproc)" "$JAVA_VERSION" |
    tee -a "$RAW_FILE"

# ----------------------------------------------------------------------------------------------
# 1. The analyzer on one core
# ----------------------------------------------------------------------------------------------
log "part 1: analyzer v1, $RUNS runs per size, one core, -Xmx256m"
BENCH_PHOTO_OUT="$WORK/photo-12mp.jpg" "$JAVA" -XX:ActiveProcessorCount=1 -Xmx256m -cp "$APP_JAR:$CORE_JAR" \
    "$ROOT/bench/AnalyzerBench.java" "$RUNS" | tee -a "$RAW_FILE"

# ----------------------------------------------------------------------------------------------
# 2. A burst of jobs through one worker
# ----------------------------------------------------------------------------------------------
WORKER_PID=""
stop_worker() {
    if [[ -n "$WORKER_PID" ]] && kill -0 "$WORKER_PID" 2>/dev/null; then
        kill -TERM "$WORKER_PID" 2>/dev/null || true
        wait "$WORKER_PID" 2>/dev/null || true
    fi
    WORKER_PID=""
}
trap 'stop_worker; cleanup' EXIT

# start <label> <profile> <http port> <management port>: prints the pid
start() {
    local label=$1 profile=$2 http=$3 mgmt=$4
    HTTP_PORT=$http MGMT_PORT=$mgmt app_env
    (
        cd "$WORK/cwd"
        exec env "${APP_ENV[@]}" "ATRIUM_MESSAGING_EXCHANGE=atrium-bench.jobs" "ATRIUM_ANALYSIS_PER_HOUR=1000000" \
            "ATRIUM_APP_BASE_URL=http://127.0.0.1:$http" "ATRIUM_PUBLIC_BASE_URL=http://127.0.0.1:$http" \
            "$JAVA" "-Dquarkus.profile=$profile" -jar "$JAR"
    ) >"$WORK/$label.log" 2>&1 &
    echo $!
}
await_live() { # await_live <label> <pid> <management port>
    local deadline=$((SECONDS + START_TIMEOUT))
    while ((SECONDS < deadline)); do
        kill -0 "$2" 2>/dev/null || { tail -n 40 "$WORK/$1.log" >&2; die "$1 exited during start"; }
        [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$3/q/health/ready" || true) == 200 ]] && return 0
        sleep 0.5
    done
    tail -n 40 "$WORK/$1.log" >&2
    die "$1 not ready after $START_TIMEOUT s"
}

pick_ports
API_HTTP=$HTTP_PORT
API_MGMT=$MGMT_PORT
pick_ports
WORKER_HTTP=$HTTP_PORT
WORKER_MGMT=$MGMT_PORT
APP_PID=$(start api prod "$API_HTTP" "$API_MGMT")
await_live api "$APP_PID" "$API_MGMT"
WORKER_PID=$(start worker analysis-worker "$WORKER_HTTP" "$WORKER_MGMT")
await_live worker "$WORKER_PID" "$WORKER_MGMT"
log "part 2: API (pid $APP_PID) and one worker (pid $WORKER_PID) ready"
BASE="http://127.0.0.1:$API_HTTP"

call() { # call <method> <url> [curl args...]: prints the body; stops with it on an answer other than 2xx
    local method=$1 url=$2 out code
    shift 2
    out=$(curl -s -w '\n%{http_code}' -X "$method" "$url" "$@") || die "$method $url: no answer"
    code=${out##*$'\n'}
    [[ $code == 2* ]] || die "$method $url: $code ${out%$'\n'*}"
    printf '%s' "${out%$'\n'*}"
}

EMAIL="bench-$STAMP@example.test"
TOKEN=$(call POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"firstName\":\"Bench\",\"lastName\":\"Client\",\"email\":\"$EMAIL\",\"password\":\"bench analysis 2026\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["accessToken"])')
PHOTO="$WORK/photo-12mp.jpg"
SIZE=$(stat -c %s "$PHOTO")
call POST "$BASE/api/v1/uploads" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"purpose\":\"SKIN_IMAGE\",\"fileName\":\"face.jpg\",\"contentType\":\"image/jpeg\",\"sizeBytes\":$SIZE}" >"$WORK/upload.json"
read -r UPLOAD_ID PUT_URL < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["data"]; print(d["upload"]["id"], d["uploadUrl"]["url"])' "$WORK/upload.json")
mapfile -t PUT_HEADERS < <(python3 -c 'import json,sys; [print("-H\n" + f"{k}: {v}") for k, v in json.load(open(sys.argv[1]))["data"]["uploadUrl"]["headers"].items()]' "$WORK/upload.json")
call PUT "$PUT_URL" "${PUT_HEADERS[@]}" --data-binary @"$PHOTO" >/dev/null
call POST "$BASE/api/v1/uploads/$UPLOAD_ID/complete" -H "Authorization: Bearer $TOKEN" >/dev/null
for _ in $(seq 1 120); do
    STATUS=$(call GET "$BASE/api/v1/uploads/$UPLOAD_ID" -H "Authorization: Bearer $TOKEN" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["status"])')
    [[ $STATUS != PROCESSING ]] && break
    sleep 0.5
done
[[ $STATUS == READY ]] || die "the photo's upload ended $STATUS"

log "posting $JOBS analyses at once (16 at a time)"
BURST_START=$(date +%s.%N)
seq 1 "$JOBS" | xargs -P 16 -I{} curl -s -o /dev/null -w '%{http_code}\n' "$BASE/api/v1/me/skin-analyses" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"imageUploadIds\":[\"$UPLOAD_ID\"]}" >"$WORK/codes.txt"
ACCEPTED=$(grep -c '^202$' "$WORK/codes.txt" || true)
[[ $ACCEPTED == "$JOBS" ]] || die "only $ACCEPTED of $JOBS analyses were accepted: $(sort "$WORK/codes.txt" | uniq -c | tr '\n' ' ')"

python3 - "$BASE" "$TOKEN" "$JOBS" "$BURST_START" <<'PY' | tee -a "$RAW_FILE"
import json, sys, time, urllib.request
from datetime import datetime
base, token, jobs, burst_start = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
def page(cursor):
    url = base + "/api/v1/me/skin-analyses?limit=100" + ("&cursor=" + cursor if cursor else "")
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(req, timeout=30))
def all_rows():
    rows, cursor = [], None
    while True:
        p = page(cursor)
        rows += p["data"]
        cursor = p["meta"]["nextCursor"]
        if not cursor:
            return rows
deadline = time.time() + 1800
while True:
    rows = all_rows()
    done = [r for r in rows if r["status"] in ("DONE", "FAILED")]
    if len(done) >= jobs or time.time() > deadline:
        break
    time.sleep(1)
ts = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
failed = [r for r in done if r["status"] == "FAILED"]
lat = sorted(ts(r["finishedAt"]) - ts(r["queuedAt"]) for r in done)
work = sorted(r["result"]["images"][0]["timingsMs"]["total"] for r in done if r["status"] == "DONE")
first, last = min(ts(r["queuedAt"]) for r in done), max(ts(r["finishedAt"]) for r in done)
pct = lambda v, p: v[min(len(v) - 1, max(0, int(-(-p * len(v) // 100)) - 1))]
print(f"burst of {jobs} jobs, one worker: {len(done)} finished, {len(failed)} FAILED")
print(f"  queued -> finished: p50 {pct(lat, 50):.2f} s, p99 {pct(lat, 99):.2f} s, max {lat[-1]:.2f} s")
print(f"  throughput: {len(done) / (last - first):.2f} jobs/s over {last - first:.1f} s")
print(f"  analyzer time inside the worker (12 MP, 2 at a time): p50 {pct(work, 50):.0f} ms, p99 {pct(work, 99):.0f} ms")
PY
