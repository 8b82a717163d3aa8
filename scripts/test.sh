#!/usr/bin/env bash
# Run the whole test pipeline: venv + dev requirements, Debian's Chromium (if missing), ruff,
# a throwaway PostgreSQL 15 cluster, then pytest. Arguments are passed on to pytest:
#   scripts/test.sh -k smoke -x
#   SKIP_LINT=1 scripts/test.sh      # local iterations only: skip ruff
# Exits with pytest's status; "no tests collected" (5) counts as a failure.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

VENV="$ROOT/.venv"
PY="$VENV/bin/python"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
CHROMIUM="/usr/bin/chromium"
PG_ROLE="roadmap"
PG_DB="roadmap"

log() { printf '\n==> %s\n' "$*" >&2; }
now() { date +%s.%N; }
declare -a TIMINGS=()
timing() { TIMINGS+=("$(awk -v a="$2" -v b="$(now)" -v n="$1" 'BEGIN { printf "%-22s %6.1f s", n, b - a }')"); }
print_timings() {
    [[ ${#TIMINGS[@]} -gt 0 ]] || return 0
    printf '\n==> Timings\n' >&2
    printf '    %s\n' "${TIMINGS[@]}" >&2
}

PG_TMP=""
PG_STARTED=0
# initdb refuses to run as root: as root, run the server as `postgres`.
if [[ $EUID -eq 0 ]]; then
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi

cleanup() {
    local rc=$?
    if [[ -n "$PG_TMP" ]]; then
        # Also after a failed/timed-out start: a postmaster.pid means a server may be running.
        if [[ $PG_STARTED -eq 1 || -f "$PG_TMP/data/postmaster.pid" ]]; then
            as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PG_TMP"
    fi
    print_timings
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_root() {
    if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# --- Python environment ---------------------------------------------------------------------
t=$(now)
if [[ ! -x "$PY" ]]; then
    log "Creating $VENV"
    if ! python3 -m venv "$VENV"; then
        # Debian's python3 ships without ensurepip unless python3-venv is installed.
        rm -rf "$VENV"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y python3-venv
        python3 -m venv "$VENV"
    fi
fi
# Reinstall only when the requirement files changed since the last successful install.
REQ_HASH="$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)"
REQ_STAMP="$VENV/.requirements-dev.sha256"
if [[ "$(cat "$REQ_STAMP" 2>/dev/null || true)" != "$REQ_HASH" ]]; then
    log "Installing requirements-dev.txt"
    "$PY" -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
    echo "$REQ_HASH" >"$REQ_STAMP"
fi
timing "venv + requirements" "$t"

# --- Chromium (Debian's; Playwright's own download cannot work here) -----------------------
t=$(now)
if [[ ! -x "$CHROMIUM" ]]; then
    log "Installing Debian's chromium"
    export DEBIAN_FRONTEND=noninteractive
    # Another apt/dpkg may hold the locks (e.g. unattended installs): wait for it, then retry.
    for attempt in 1 2 3 4 5; do
        if as_root apt-get -o DPkg::Lock::Timeout=600 update &&
            as_root apt-get -o DPkg::Lock::Timeout=600 install -y chromium; then
            break
        fi
        [[ $attempt -lt 5 ]] || { echo "apt-get install chromium failed" >&2; exit 1; }
        log "apt-get failed (attempt $attempt), retrying in 15 s"
        sleep 15
    done
fi
timing "chromium check" "$t"

# --- Lint -----------------------------------------------------------------------------------
# SKIP_LINT=1 is for quick local iterations only; CI (.ci/run) always lints.
if [[ "${SKIP_LINT:-0}" != 1 ]]; then
    t=$(now)
    log "ruff check"
    "$VENV/bin/ruff" check .
    log "ruff format --check"
    "$VENV/bin/ruff" format --check .
    timing "ruff" "$t"
else
    log "SKIP_LINT=1: not running ruff"
fi

# --- Throwaway PostgreSQL cluster -----------------------------------------------------------
t=$(now)
PG_TMP="$(mktemp -d /tmp/roadmap-test-pg.XXXXXX)"
PG_DATA="$PG_TMP/data"
PG_LOG="$PG_TMP/postgres.log"
# The server runs as `postgres`, which must own the folder (mktemp's folder is root's and mode
# 700; /tmp itself is traversable).
[[ $EUID -ne 0 ]] || chown postgres:postgres "$PG_TMP"

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

log "Starting PostgreSQL in $PG_TMP"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# The port is free when chosen but could be taken before the server binds it: retry a few times.
for attempt in 1 2 3; do
    PG_PORT="$(free_port)"
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 30 \
        -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
        PG_STARTED=1
        break
    fi
    echo "PostgreSQL did not start on port $PG_PORT (attempt $attempt):" >&2
    tail -n 20 "$PG_LOG" >&2 || true
done
[[ $PG_STARTED -eq 1 ]] || exit 1

psql_admin() { as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_TMP" -p "$PG_PORT" -U postgres "$@"; }
psql_admin -d postgres -c "CREATE ROLE $PG_ROLE LOGIN CREATEDB"
psql_admin -d postgres -c "CREATE DATABASE $PG_DB OWNER $PG_ROLE"
timing "postgres cluster" "$t"

# --- Tests ----------------------------------------------------------------------------------
export DATABASE_URL="postgres://$PG_ROLE@127.0.0.1:$PG_PORT/$PG_DB"
# Playwright's sync API runs an event loop in the test thread; the ORM refuses that otherwise.
export DJANGO_ALLOW_ASYNC_UNSAFE=true
mkdir -p test-artifacts

t=$(now)
log "pytest $* (DATABASE_URL=$DATABASE_URL)"
set +e
"$PY" -m pytest "$@"
status=$?
set -e
timing "pytest" "$t"

if [[ $status -eq 5 ]]; then
    echo "pytest collected no tests: treating that as a failure." >&2
fi
exit "$status"
