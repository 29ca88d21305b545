#!/usr/bin/env bash
# Start-up time and memory of the two packaged forms of the same build, the native binary and the
# JVM jar, started alternately (native, jvm, native, jvm, ...) so that each form is the other's
# baseline in the same run.
#
#   bash bench/startup.sh                               # 3 rounds (3 starts of each form)
#   ROUNDS=5 bash bench/startup.sh                      # more rounds
#   NATIVE=/path/to/atrium-runner bash bench/startup.sh # another native binary
#
# Per start: time to the first 200 from GET /q/openapi, then register an account and call
# GET /api/v1/auth/me with its token (time to that first authenticated 200), then VmRSS of the app.
#
# Needs PostgreSQL (127.0.0.1:5432, user postgres), Redis (127.0.0.1:6379; db 3 is flushed) and
# RabbitMQ (127.0.0.1:5672, guest/guest). See bench/README.md.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

ROUNDS=${ROUNDS:-3}
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { printf '[bench] ERROR: ROUNDS must be a positive integer\n' >&2; exit 1; }
START_TIMEOUT=${START_TIMEOUT:-120} # seconds to wait for the first response of one start
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS_DIR="$ROOT/bench/results"
RESULT_FILE="$RESULTS_DIR/startup-$STAMP.txt"
RAW_NAME="startup-$STAMP.raw.txt"

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

[[ -f "$JAR" ]] || die "no $JAR: package first (./mvnw -B -ntp package -DskipTests)"

NATIVE_BIN=""
for candidate in "${NATIVE:-}" "$ROOT/target/atrium-0.1.0-SNAPSHOT-runner"; do
    if [[ -n "$candidate" && -f "$candidate" && -x "$candidate" ]]; then
        NATIVE_BIN=$(cd "$(dirname "$candidate")" && pwd)/$(basename "$candidate")
        break
    fi
done
NATIVE_NOTE=""
if [[ -z "$NATIVE_BIN" ]]; then
    NATIVE_NOTE="no native binary (\$NATIVE unset or missing, no target/atrium-0.1.0-SNAPSHOT-runner): JVM only"
    log "$NATIVE_NOTE"
    log "build it as README.md, section \"Native binary\", describes:"
    log "  H=\$(../shared/native/assemble.sh \"\$HOME/.cache/atrium-graal\" | tail -1)"
    log "  ./mvnw package -Dnative -DskipTests -Dquarkus.native.graalvm-home=\"\$H\" -Dquarkus.native.native-image-xmx=10g"
fi

artifact_info() { # artifact_info <file>: size and modification time
    stat -c '%s bytes, modified %y' "$1" | sed 's/\.[0-9]* / /'
}

now_ns() { date +%s%N; }
ms_since() { echo $((($(now_ns) - $1) / 1000000)); } # ms_since <t0 ns>

# ----------------------------------------------------------------------------------------------
# One start
# ----------------------------------------------------------------------------------------------
# measure_start <form> <label>: starts <form> (native | jvm) with the prod profile, waits for the
# first 200 of GET /q/openapi, registers an account, calls /api/v1/auth/me with its token, reads
# VmRSS, stops the app. Sets M_FIRST_MS, M_AUTH_MS, M_RSS_MB; on failure returns 1 with the
# reason in M_ERROR (the app log stays in $WORK/app-<label>.log and is appended to the raw file).
measure_start() {
    local form=$1 label=$2
    local app_log="$WORK/app-$label.log"
    local cmd
    M_FIRST_MS="" M_AUTH_MS="" M_RSS_MB="" M_ERROR=""
    case $form in
        native) cmd=("$NATIVE_BIN" -Dquarkus.profile=prod) ;;
        jvm) cmd=("$JAVA" -Dquarkus.profile=prod -jar "$JAR") ;;
        *) die "unknown form $form" ;;
    esac
    local extra=()
    [[ -n "$DB_PASSWORD" ]] && extra+=("ATRIUM_DB_PASSWORD=$DB_PASSWORD")

    redis-cli -h 127.0.0.1 -p 6379 -n 3 flushdb >/dev/null
    pick_ports
    local base="http://127.0.0.1:$HTTP_PORT"

    local t0
    t0=$(now_ns)
    app_env
    (
        cd "$WORK/cwd"
        exec env \
            "${APP_ENV[@]}" \
            "${extra[@]}" \
            "${cmd[@]}"
    ) >"$app_log" 2>&1 &
    APP_PID=$!

    # First response: GET /q/openapi answers 200.
    local deadline=$((SECONDS + START_TIMEOUT)) code
    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$base/q/openapi" || true)
        if [[ $code == 200 ]]; then
            M_FIRST_MS=$(ms_since "$t0")
            break
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            wait "$APP_PID" 2>/dev/null && M_ERROR="exited with status 0 before answering" ||
                M_ERROR="exited with status $? before answering"
            APP_PID=""
            break
        fi
        if ((SECONDS >= deadline)); then
            M_ERROR="no 200 from /q/openapi within ${START_TIMEOUT} s (last status $code)"
            break
        fi
        sleep 0.01
    done

    if [[ -z $M_ERROR ]]; then
        # First authenticated request: register (201) then /auth/me with the token (200).
        local email body token
        email="bench-$(openssl rand -hex 8)@example.test"
        body=$(curl -s --max-time 30 -w '\n%{http_code}' -H 'Content-Type: application/json' \
            --data "{\"firstName\":\"Bench\",\"lastName\":\"Start\",\"email\":\"$email\",\"password\":\"startup bench passphrase 1\"}" \
            "$base/api/v1/auth/register" || true)
        code=${body##*$'\n'}
        body=${body%$'\n'*}
        if [[ $code != 201 ]]; then
            M_ERROR="register answered $code: ${body:0:300}"
        else
            token=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["data"]["accessToken"])' <<<"$body" 2>/dev/null || true)
            if [[ -z $token ]]; then
                M_ERROR="register response without .data.accessToken: ${body:0:300}"
            else
                code=$(curl -s -o "$WORK/me-$label.json" -w '%{http_code}' --max-time 30 \
                    -H "Authorization: Bearer $token" "$base/api/v1/auth/me" || true)
                if [[ $code == 200 ]]; then
                    M_AUTH_MS=$(ms_since "$t0")
                    local rss_kb
                    rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || true)
                    if [[ -n $rss_kb ]]; then
                        M_RSS_MB=$(awk -v kb="$rss_kb" 'BEGIN { printf "%.1f", kb / 1024 }')
                    else
                        M_ERROR="could not read VmRSS of pid $APP_PID"
                    fi
                else
                    M_ERROR="/api/v1/auth/me answered $code: $(head -c 300 "$WORK/me-$label.json" 2>/dev/null)"
                fi
            fi
        fi
    fi

    stop_app
    {
        printf '===== %s (%s) =====\n' "$label" "$form"
        printf 'first_response_ms=%s first_auth_ms=%s rss_mb=%s error=%s\n' \
            "$M_FIRST_MS" "$M_AUTH_MS" "$M_RSS_MB" "${M_ERROR:-none}"
        printf -- '--- app log ---\n'
        cat "$app_log"
        printf '\n'
    } >>"$RAW_FILE"

    if [[ -n $M_ERROR ]]; then
        log "$label ($form): FAILED: $M_ERROR; last lines of its log:"
        tail -n 40 "$app_log" >&2
        return 1
    fi
    log "$label ($form): first response ${M_FIRST_MS} ms, first authenticated 200 ${M_AUTH_MS} ms, RSS ${M_RSS_MB} MB"
}

: >"$RAW_FILE"

# ----------------------------------------------------------------------------------------------
# Discarded starts: the first migrates schema atrium_bench; one of each form also brings both
# artifacts into the page cache, so that no measured start is the first read from disk.
# ----------------------------------------------------------------------------------------------
FORMS=()
[[ -n $NATIVE_BIN ]] && FORMS+=(native)
FORMS+=(jvm)

NATIVE_FAILED=""
log "discarded start (jvm): schema migration and warm page cache"
measure_start jvm warmup-jvm || die "the JVM jar does not start; see the log above"
if [[ -n $NATIVE_BIN ]]; then
    log "discarded start (native): warm page cache"
    if ! measure_start native warmup-native; then
        NATIVE_FAILED="native binary failed to start: $M_ERROR (log tail: $(tail -n 5 "$WORK/app-warmup-native.log" | tr '\n' ' ' | cut -c1-400))"
        FORMS=(jvm)
    fi
fi

# ----------------------------------------------------------------------------------------------
# Measured rounds: native, jvm, native, jvm, ...
# ----------------------------------------------------------------------------------------------
declare -A FIRST AUTH RSS FAILS
for f in native jvm; do FIRST[$f]="" AUTH[$f]="" RSS[$f]="" FAILS[$f]=0; done

for round in $(seq 1 "$ROUNDS"); do
    for form in "${FORMS[@]}"; do
        [[ $form == native && -n $NATIVE_FAILED ]] && continue
        if measure_start "$form" "round$round-$form"; then
            FIRST[$form]+="$M_FIRST_MS "
            AUTH[$form]+="$M_AUTH_MS "
            RSS[$form]+="$M_RSS_MB "
        else
            FAILS[$form]=$((FAILS[$form] + 1))
            if [[ $form == native ]]; then
                NATIVE_FAILED="native start in round $round failed: $M_ERROR"
            fi
        fi
    done
done

# ----------------------------------------------------------------------------------------------
# Summary
# ----------------------------------------------------------------------------------------------
stats() { # stats <values...>: prints "min median max" (median of an even count: mean of the middle two)
    python3 - "$@" <<'PY'
import statistics, sys
v = sorted(float(x) for x in sys.argv[1:])
fmt = lambda x: f"{x:.0f}" if all(float(a).is_integer() for a in sys.argv[1:]) and float(x).is_integer() else f"{x:.1f}"
print(fmt(v[0]), fmt(statistics.median(v)), fmt(v[-1]))
PY
}

HDR_FMT='%-7s %5s   %-26s   %-20s   %-26s\n'
row() { # row <form>
    local f=$1 n a b c
    # shellcheck disable=SC2086 # split on purpose: one value per word
    n=$(wc -w <<<"${FIRST[$f]}")
    if ((n == 0)); then
        printf "$HDR_FMT" "$f" 0 "-" "-" "-"
        return
    fi
    # shellcheck disable=SC2086
    read -r a b c < <(stats ${FIRST[$f]})
    local first="$a / $b / $c"
    # shellcheck disable=SC2086
    read -r _ b _ < <(stats ${AUTH[$f]})
    local auth="$b"
    # shellcheck disable=SC2086
    read -r a b c < <(stats ${RSS[$f]})
    local rss="$a / $b / $c"
    printf "$HDR_FMT" "$f" "$n" "$first" "$auth" "$rss"
}

GIT_REV=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git status --porcelain --untracked-files=no 2>/dev/null || true) ]]; then GIT_REV="$GIT_REV (+ uncommitted changes)"; fi

{
    echo "Atrium start-up benchmark (native vs JVM, alternating)"
    echo "date:        $(date -Iseconds)"
    echo "commit:      $GIT_REV"
    echo "nproc:       $(nproc)"
    echo "java:        $JAVA_VERSION ($JAVA)"
    echo "jvm:         $JAR ($(artifact_info "$JAR"); app jar $(artifact_info "$ROOT/target/quarkus-app/app/atrium-0.1.0-SNAPSHOT.jar"))"
    if [[ -n $NATIVE_BIN ]]; then
        echo "native:      $NATIVE_BIN ($(artifact_info "$NATIVE_BIN"))"
    else
        echo "native:      none ($NATIVE_NOTE)"
    fi
    echo "rounds:      $ROUNDS (order per round: ${FORMS[*]}); one discarded start of each form first (schema migration, page cache)"
    echo "profile:     prod; Redis db 3 flushed before each start; fresh free ports per start"
    echo "first response:     exec -> first 200 of GET /q/openapi (polled every 10 ms, curl --max-time 1)"
    echo "first auth request: exec -> 200 of GET /api/v1/auth/me after POST /api/v1/auth/register (201)"
    echo "RSS:                VmRSS of the app process right after that 200"
    echo
    printf "$HDR_FMT" form runs "first response ms" "first auth req ms" "RSS MB after first auth"
    printf "$HDR_FMT" "" "" "(min / median / max)" "(median)" "(min / median / max)"
    for f in native jvm; do
        if [[ $f == native && -z $NATIVE_BIN ]]; then continue; fi
        row "$f"
    done
    for f in native jvm; do
        if ((FAILS[$f] > 0)); then echo "$f: ${FAILS[$f]} failed start(s), not in the table"; fi
    done
    if [[ -n $NATIVE_FAILED ]]; then echo "$NATIVE_FAILED"; fi
    if [[ -n $NATIVE_NOTE ]]; then echo "$NATIVE_NOTE"; fi
} >"$WORK/summary.txt"

mkdir -p "$RESULTS_DIR"
cp "$WORK/summary.txt" "$RESULT_FILE"
cp "$RAW_FILE" "$RESULTS_DIR/$RAW_NAME"
cat "$RESULT_FILE"
log "summary: $RESULT_FILE (per-start figures and app logs: $RESULTS_DIR/$RAW_NAME)"
