# Shared by scripts/backup.sh and scripts/restore.sh, which source it first (with PROG set).
# shellcheck shell=bash

die() {
    printf '%s: error: %s\n' "$PROG" "$*" >&2
    exit 1
}
note() { printf '%s: %s\n' "$PROG" "$*" >&2; }
# The calling script's header comment, as its --help.
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PYTHON="${PYTHON:-python3}"
FS_STORAGE="django.core.files.storage.FileSystemStorage"

# libpq connection string without the password (which goes into PGPASSWORD instead), so that
# the password never shows in `ps`. Percent-encoding, IPv6 hosts, socket folders and query
# parameters (sslmode=require, ...) are handled as dj-database-url does.
PG_URL_TO_CONNINFO="$(
    cat <<'PYTHON'
import os, sys
from urllib.parse import parse_qsl, unquote, urlsplit

url = urlsplit(os.environ["DATABASE_URL"])
userinfo, _, hostport = url.netloc.rpartition("@")
user, _, password = userinfo.partition(":")
if hostport.startswith("["):
    host, _, rest = hostport[1:].partition("]")
    port = rest[1:]
else:
    host, _, port = hostport.partition(":")
params = {"host": unquote(host), "port": port, "user": unquote(user), "dbname": unquote(url.path[1:])}
params.update(parse_qsl(url.query))
if not params["dbname"]:
    sys.exit("DATABASE_URL names no database (postgres://user@host:port/NAME).")


def quote(value):
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


conninfo = " ".join(f"{key}={quote(value)}" for key, value in params.items() if value)
sys.stdout.write(conninfo + "\0" + unquote(password) + "\0" + params["dbname"] + "\0")
PYTHON
)"

# Reads DATABASE_URL into CONNINFO and DB_NAME, and exports PGPASSWORD.
connect_database() {
    CONNINFO="" DB_NAME=""
    local password=""
    { IFS= read -r -d '' CONNINFO && IFS= read -r -d '' password && IFS= read -r -d '' DB_NAME; } < <(
        "$PYTHON" -c "$PG_URL_TO_CONNINFO"
    ) || true
    [[ -n "$CONNINFO" ]] || die "could not read DATABASE_URL."
    if [[ -n "$password" ]]; then export PGPASSWORD="$password"; fi
}

psql_value() { "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 --dbname="$CONNINFO" -c "$1"; }
