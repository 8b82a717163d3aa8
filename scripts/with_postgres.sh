#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL 15 cluster, then stop and remove the cluster
# (also when the command fails). The command sees:
#   DATABASE_URL   postgres://roadmap@127.0.0.1:<port>/roadmap (an empty database it owns)
#   PG_RESTART     a command that restarts the server (for recovery drills in scripts/load.py)
#   PG_BIN, PG_HOST_DIR, PG_PORT
# Usage: scripts/with_postgres.sh .venv/bin/python -m pytest -x
# Exits with the command's status.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY="${PY:-$PWD/.venv/bin/python}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_ROLE="roadmap"
PG_DB="roadmap"

if [[ ! -x "$PG_BIN/initdb" ]]; then
    echo "PostgreSQL 15 server binaries not found in $PG_BIN (apt-get install postgresql-15)." >&2
    exit 1
fi

# initdb refuses to run as root: as root, run the server as `postgres`.
if [[ $EUID -eq 0 ]]; then
    as_pg() { runuser -u postgres -- "$@"; }
    AS_PG="runuser -u postgres --"
else
    as_pg() { "$@"; }
    AS_PG=""
fi

PG_TMP="$(mktemp -d /tmp/roadmap-pg.XXXXXX)"
PG_DATA="$PG_TMP/data"
PG_LOG="$PG_TMP/postgres.log"
PG_STARTED=0
# The server runs as `postgres`, which must own the folder (mktemp's folder is mode 700).
[[ $EUID -ne 0 ]] || chown postgres:postgres "$PG_TMP"

cleanup() {
    local rc=$?
    # Also after a failed start: a postmaster.pid means a server may be running.
    if [[ $PG_STARTED -eq 1 || -f "$PG_DATA/postmaster.pid" ]]; then
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

echo "==> Starting PostgreSQL in $PG_TMP" >&2
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# The port is free when chosen but could be taken before the server binds it: retry a few times.
for attempt in 1 2 3; do
    PG_PORT="$(free_port)"
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 30 \
        -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 ${PG_OPTIONS:--c fsync=off}" start >/dev/null; then
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

export DATABASE_URL="postgres://$PG_ROLE@127.0.0.1:$PG_PORT/$PG_DB"
export PG_BIN PG_PORT
export PG_HOST_DIR="$PG_TMP"
export PG_RESTART="$AS_PG $PG_BIN/pg_ctl -D $PG_DATA -m fast -w -t 60 restart"

set +e
"$@"
status=$?
set -e
exit "$status"
