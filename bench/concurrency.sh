#!/usr/bin/env bash
# Throughput and worst-case latency of the packaged prod jar under 32 concurrent keep-alive
# connections, with the shipped proxy defaults (forwarding ON, trusted proxies from
# application.properties) against a baseline started with forwarding OFF, in the same run.
#
#   bash bench/concurrency.sh                 # 15 s per run
#   DURATION=30 bash bench/concurrency.sh     # seconds of measured load per run
#   WARMUP=0 bash bench/concurrency.sh        # seconds of unmeasured load before each run (default 3)
#
# Needs PostgreSQL (127.0.0.1:5432, user postgres), Redis (127.0.0.1:6379; db 3 is flushed) and
# RabbitMQ (127.0.0.1:5672, guest/guest). See bench/README.md.

# shellcheck disable=SC2154 # W_*, B_*, D_* are assigned through printf -v
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-3}
THREADS=2
CONNECTIONS=32
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
ROUTE=/api/v1/bench-unknown
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS_DIR="$ROOT/bench/results"
RESULT_FILE="$RESULTS_DIR/concurrency-$STAMP.txt"
RAW_NAME="concurrency-$STAMP.raw.txt"

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

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
    log "no $JAR: packaging (./mvnw -B -ntp -q package -DskipTests)"
    JAVA_HOME=$(dirname "$(dirname "$JAVA")") ./mvnw -B -ntp -q package -DskipTests
    [[ -f "$JAR" ]] || die "packaging did not produce $JAR"
fi

# wrk script: every request claims to be forwarded for a client, so the forwarded-address path
# runs; done() prints the numbers in a form that needs no unit parsing (latencies in µs).
cat >"$WORK/forwarded.lua" <<'LUA'
wrk.headers["X-Forwarded-For"] = "203.0.113.7"

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d timeout=%d status=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50.0), latency:percentile(99.0), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status))
end
LUA

pick_ports
BASE="http://127.0.0.1:$HTTP_PORT"

# ----------------------------------------------------------------------------------------------
# App lifecycle
# ----------------------------------------------------------------------------------------------
# start_app <label> [VAR=value...]: starts the jar (prod profile) with the common environment plus
# the given overrides; the working directory is an empty temp dir, so no .env or
# config/application.properties of the checkout leaks in.
start_app() {
    local label=$1
    shift
    local app_log="$WORK/app-$label.log"
    app_env
    (
        cd "$WORK/cwd"
        exec env \
            -u QUARKUS_PROFILE \
            -u ATRIUM_TRUSTED_PROXIES \
            -u QUARKUS_HTTP_PROXY_TRUSTED_PROXIES \
            -u QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING \
            -u QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED \
            "${APP_ENV[@]}" \
            "$@" \
            "$JAVA" -Dquarkus.profile=prod -jar "$JAR"
    ) >"$app_log" 2>&1 &
    APP_PID=$!
    log "$label: started app (pid $APP_PID), http $HTTP_PORT, management $MGMT_PORT"

    local deadline=$((SECONDS + 60)) url
    while ((SECONDS < deadline)); do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            log "$label: app exited during start; last lines of its log:"
            tail -n 60 "$app_log" >&2
            APP_PID=""
            exit 1
        fi
        for url in "http://127.0.0.1:$MGMT_PORT/q/health/live" "$BASE/q/health/live"; do
            if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true) == 200 ]]; then
                log "$label: live at $url"
                return 0
            fi
        done
        sleep 0.5
    done
    log "$label: not live after 60 s; last lines of its log:"
    tail -n 60 "$app_log" >&2
    exit 1
}

# run_wrk <label>: optional warm-up, then the measured run; sets W_<field> variables.
run_wrk() {
    local label=$1
    local out="$WORK/wrk-$label.txt"
    if ((WARMUP > 0)); then
        log "$label: warm-up ${WARMUP}s"
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -s "$WORK/forwarded.lua" \
            "$BASE$ROUTE" >/dev/null
    fi
    log "$label: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s $BASE$ROUTE"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency --timeout 10s -s "$WORK/forwarded.lua" \
        "$BASE$ROUTE" | tee "$out" >&2
    {
        printf '===== %s =====\n' "$label"
        cat "$out"
        printf '\n'
    } >>"$RAW_FILE"
    local line
    line=$(grep '^BENCH ' "$out" | tail -n 1) || die "$label: no BENCH line in the wrk output"
    # Fields are key=integer; eval-free parse into W_key.
    local kv
    # shellcheck disable=SC2086 # split on purpose: one word per key=value
    for kv in ${line#BENCH }; do
        printf -v "W_${kv%%=*}" '%s' "${kv#*=}"
    done
    # shellcheck disable=SC2034 # read through ${!v} below
    W_rps=$(awk -v r="$W_requests" -v d="$W_duration_us" 'BEGIN { printf "%.0f", (d > 0 ? r / (d / 1e6) : 0) }')
}

ms() { awk -v us="$1" 'BEGIN { printf "%.2f ms", us / 1000 }'; }

login_status() { # login_status <x-forwarded-for> <email>
    curl -s -o /dev/null -w '%{http_code}' --max-time 30 \
        -H 'Content-Type: application/json' -H "X-Forwarded-For: $1" \
        --data "{\"email\":\"$2\",\"password\":\"wrong password here\"}" \
        "$BASE/api/v1/auth/login" || true
}

# xff_check <label>: 31 logins "from" 198.51.100.9 (limit 30 per IP per minute), then one "from"
# 198.51.100.10. The second address uses another email: the per-account limit (30 per 15 min)
# would otherwise refuse it too. Honoured: 31st is 429 and the other address is not 429.
# Sets XFF_RESULT (honoured / ignored / inconclusive) and XFF_DETAIL.
xff_check() {
    local label=$1 codes=() code31 other
    # Rate-limit windows are aligned to the clock minute: do not straddle a minute boundary.
    local sec
    sec=$((10#$(date +%S)))
    if ((sec >= 40)); then
        log "$label: waiting $((61 - sec)) s for a fresh rate-limit minute"
        sleep $((61 - sec))
    fi
    redis-cli -h 127.0.0.1 -p 6379 -n 3 flushdb >/dev/null
    for _ in $(seq 1 31); do
        codes+=("$(login_status 198.51.100.9 bench-nobody@example.com)")
    done
    other=$(login_status 198.51.100.10 bench-nobody-2@example.com)
    code31=${codes[30]}
    local early429=0 c
    for c in "${codes[@]:0:30}"; do
        [[ $c == 429 ]] && early429=$((early429 + 1))
    done
    XFF_DETAIL="calls 1-30 from 198.51.100.9: $(printf '%s\n' "${codes[@]:0:30}" | sort | uniq -c | awk '{printf "%s%sx%s", (NR > 1 ? " " : ""), $1, $2}'); call 31: $code31; 198.51.100.10: $other"
    if ((early429 == 0)) && [[ $code31 == 429 && $other != 429 && $other != 000 ]]; then
        XFF_RESULT=honoured
    elif ((early429 == 0)) && [[ $code31 == 429 && $other == 429 ]]; then
        XFF_RESULT=ignored
    else
        XFF_RESULT=inconclusive
    fi
    log "$label: X-Forwarded-For $XFF_RESULT ($XFF_DETAIL)"
}

: >"$RAW_FILE"

# ----------------------------------------------------------------------------------------------
# Run 1: baseline, forwarding off
# ----------------------------------------------------------------------------------------------
start_app baseline \
    QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=false \
    QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=false
run_wrk baseline
for f in requests rps p50_us p99_us max_us connect read write timeout status; do
    v="W_$f"
    printf -v "B_$f" '%s' "${!v}"
done
# Informational only: the app reads X-Forwarded-For itself (TrustedProxies, atrium.http.trusted-proxies)
# for rate limits, so with Quarkus forwarding off the header may still be honoured here.
xff_check baseline
B_XFF=$XFF_RESULT B_XFF_DETAIL=$XFF_DETAIL
stop_app

# ----------------------------------------------------------------------------------------------
# Run 2: shipped defaults (forwarding on, trusted proxies from application.properties)
# ----------------------------------------------------------------------------------------------
start_app defaults
run_wrk defaults
for f in requests rps p50_us p99_us max_us connect read write timeout status; do
    v="W_$f"
    printf -v "D_$f" '%s' "${!v}"
done
xff_check defaults
D_XFF=$XFF_RESULT D_XFF_DETAIL=$XFF_DETAIL
stop_app

# ----------------------------------------------------------------------------------------------
# Summary
# ----------------------------------------------------------------------------------------------
over_1s() { # over_1s <max_us> <timeouts>
    if (($1 > 1000000 || $2 > 0)); then echo yes; else echo no; fi
}

row() { # row <label> <prefix>
    local p=$2 r
    local -n rps="${p}_rps" p50="${p}_p50_us" p99="${p}_p99_us" mx="${p}_max_us" \
        cn="${p}_connect" rd="${p}_read" wr="${p}_write" to="${p}_timeout" st="${p}_status" rq="${p}_requests"
    r=$(printf '%-34s %10s %10s %10s %12s %18s %10s %10s' "$1" "$rps" "$(ms "$p50")" "$(ms "$p99")" \
        "$(ms "$mx")" "$cn/$rd/$wr/$to" "$st" "$rq")
    printf '%s\n' "$r"
}

if [[ $D_XFF == honoured ]]; then XFF_VERDICT=PASS; else XFF_VERDICT=FAIL; fi
GIT_REV=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git status --porcelain --untracked-files=no 2>/dev/null || true) ]]; then GIT_REV="$GIT_REV (+ uncommitted changes)"; fi

{
    echo "Atrium concurrency benchmark"
    echo "date:        $(date -Iseconds)"
    echo "commit:      $GIT_REV"
    echo "nproc:       $(nproc)"
    echo "java:        $JAVA_VERSION ($JAVA)"
    echo "load:        wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency --timeout 10s (warm-up ${WARMUP}s), keep-alive"
    echo "target:      GET $ROUTE (JSON 404 from the edge handler, no database), X-Forwarded-For: 203.0.113.7"
    echo "baseline:    QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=false QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=false"
    echo "defaults:    shipped application.properties (forwarding on, default trusted proxies)"
    echo
    printf '%-34s %10s %10s %10s %12s %18s %10s %10s\n' run req/s p50 p99 max "sock c/r/w/timeout" non-2xx requests
    row "baseline (forwarding off)" B
    row "defaults (forwarding on)" D
    echo
    echo "baseline (forwarding off): worst request over 1 s: $(over_1s "$B_max_us" "$B_timeout")"
    echo "defaults (forwarding on):  worst request over 1 s: $(over_1s "$D_max_us" "$D_timeout")"
    echo
    echo "X-Forwarded-For honoured (defaults, from loopback proxy): $XFF_VERDICT"
    echo "  defaults: $D_XFF — $D_XFF_DETAIL"
    echo "  baseline (informational, not part of the verdict): $B_XFF — $B_XFF_DETAIL"
    echo
    echo "non-2xx is expected: every request gets the JSON 404 of an unknown route."
} >"$WORK/summary.txt"

mkdir -p "$RESULTS_DIR"
cp "$WORK/summary.txt" "$RESULT_FILE"
cp "$RAW_FILE" "$RESULTS_DIR/$RAW_NAME"
cat "$RESULT_FILE"
log "summary: $RESULT_FILE (raw wrk output: $RESULTS_DIR/$RAW_NAME)"
