# Shared by the bench/ scripts (sourced, not run): logging, the started app's cleanup, the JDK 25,
# the local services, per-run secrets and free ports. The sourcing script sets ROOT and RAW_NAME.
# shellcheck shell=bash

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ----------------------------------------------------------------------------------------------
# Cleanup: the app we started (by pid) and the temp dir, whatever happens.
# ----------------------------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/atrium-bench.XXXXXX")
RAW_FILE="$WORK/$RAW_NAME"
APP_PID=""

stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$APP_PID" 2>/dev/null; then
            log "app (pid $APP_PID) did not stop after SIGTERM; sending SIGKILL"
            kill -KILL "$APP_PID" 2>/dev/null || true
        fi
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}

cleanup() {
    stop_app
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ----------------------------------------------------------------------------------------------
# Tools, JDK 25, services
# ----------------------------------------------------------------------------------------------
for tool in curl openssl python3 redis-cli; do
    command -v "$tool" >/dev/null || die "$tool is required"
done

java_major() { # prints the feature version of the java binary $1, or nothing
    "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

JAVA=""
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    major=$(java_major "$JAVA_HOME/bin/java")
    if [[ -n "$major" && "$major" -ge 25 ]]; then
        JAVA="$JAVA_HOME/bin/java"
    fi
fi
if [[ -z "$JAVA" ]]; then
    for candidate in /usr/lib/jvm/*25*/bin/java; do
        if [[ -x "$candidate" ]]; then
            JAVA=$candidate
            break
        fi
    done
fi
[[ -n "$JAVA" ]] || die "no JDK 25: set JAVA_HOME to a JDK 25+ or install one under /usr/lib/jvm"
# shellcheck disable=SC2034 # used by the sourcing scripts
JAVA_VERSION=$("$JAVA" -version 2>&1 | head -n 1)

# Services the app needs at start (fail fast with a clear message rather than a long wait).
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || die "Redis is not answering on 127.0.0.1:6379"
for svc in PostgreSQL:5432 RabbitMQ:5672; do
    (exec 3<>"/dev/tcp/127.0.0.1/${svc#*:}") 2>/dev/null || die "${svc%%:*} is not listening on 127.0.0.1:${svc#*:}"
done

# ----------------------------------------------------------------------------------------------
# Per-run secrets and files
# ----------------------------------------------------------------------------------------------
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt-private.pem" 2>/dev/null
openssl pkey -in "$WORK/jwt-private.pem" -pubout -out "$WORK/jwt-public.pem" 2>/dev/null
# shellcheck disable=SC2034 # used by the sourcing scripts
JWT_PRIVATE=$(cat "$WORK/jwt-private.pem")
# shellcheck disable=SC2034
JWT_PUBLIC=$(cat "$WORK/jwt-public.pem")
# shellcheck disable=SC2034
DATA_KEY=$(openssl rand -base64 32)
mkdir -p "$WORK/storage" "$WORK/cwd"

# app_env: fills APP_ENV with what both benchmarks give the app (prod profile, local services,
# schema atrium_bench, Redis db 3, local storage, fresh keys, the ports of pick_ports); pass it to env.
app_env() {
    APP_ENV=(
        "ATRIUM_DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=atrium_bench"
        "ATRIUM_DB_USER=postgres"
        "QUARKUS_FLYWAY_SCHEMAS=atrium_bench"
        "ATRIUM_JWT_PUBLIC_KEY=$JWT_PUBLIC"
        "ATRIUM_JWT_PRIVATE_KEY=$JWT_PRIVATE"
        "ATRIUM_DATA_KEY=$DATA_KEY"
        "ATRIUM_STORAGE_TYPE=LOCAL"
        "ATRIUM_LOCAL_STORAGE_DIR=$WORK/storage"
        "ATRIUM_REDIS_URL=redis://127.0.0.1:6379/3"
        "QUARKUS_HTTP_PORT=$HTTP_PORT"
        "ATRIUM_MANAGEMENT_PORT=$MGMT_PORT"
    )
}

# pick_ports: two distinct free ports (HTTP_PORT, MGMT_PORT), both held open while choosing.
pick_ports() {
    read -r HTTP_PORT MGMT_PORT < <(python3 - <<'PY'
import socket
socks = []
for _ in range(2):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(*(s.getsockname()[1] for s in socks))
PY
)
    [[ -n "$HTTP_PORT" && -n "$MGMT_PORT" ]] || die "could not pick free ports"
}
