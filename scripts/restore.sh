#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh: the database and the evidence files.
#
#   scripts/restore.sh [--clean] [--no-media] BACKUP_DIR
#
# 1. Checks BACKUP_DIR/SHA256SUMS (every file, nothing missing) before touching anything.
# 2. Refuses a target database that holds any table, view or sequence, unless --clean is given,
#    and a MEDIA_ROOT that holds any file, unless --clean is given.
# 3. Unpacks media.tar.gz into a staging folder beside MEDIA_ROOT (a damaged archive stops here).
# 4. Restores database.dump into the database of DATABASE_URL with pg_restore --no-owner
#    --no-privileges --single-transaction: all or nothing, every object owned by the role of
#    DATABASE_URL (grants to other roles are not restored: grant them again).
#    With --clean the objects of the backup are dropped and recreated in that same transaction,
#    so a failed restore leaves the database as it was; tables that only the target has (from a
#    newer release) are kept and listed. Prefer an empty database: dropdb + createdb, then
#    restore without --clean.
# 5. Moves the files into MEDIA_ROOT. With --clean, files already there are kept and files of the
#    backup are added (evidence paths are unique; nothing is deleted).
# 6. Checks that every evidence file the restored database names exists in MEDIA_ROOT.
#
# Run it as the user the application runs as (the files it unpacks are owned by whoever runs
# it), with the application stopped, and the same release of the application that made the
# backup (MANIFEST records its commit and last migrations); then `manage.py migrate` if the
# code is newer, and start the application.
#
# Environment: DATABASE_URL (PostgreSQL; required), MEDIA_ROOT (default <project>/media),
# FILE_STORAGE (not FileSystemStorage: restore the bucket on its own and pass --no-media),
# PG_BIN (default /usr/lib/postgresql/15/bin), PYTHON (default python3).
set -euo pipefail
umask 077

PROG="restore.sh"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/backup_common.sh
source "$ROOT/scripts/backup_common.sh"

CLEAN=0
WITH_MEDIA=1
BACKUP=""
while [[ $# -gt 0 ]]; do
    case "$1" in
    -h | --help)
        usage
        exit 0
        ;;
    --clean) CLEAN=1 ;;
    --no-media) WITH_MEDIA=0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *)
        [[ -z "$BACKUP" ]] || die "one backup folder only (see --help)"
        BACKUP="$1"
        ;;
    esac
    shift
done
[[ -n "$BACKUP" ]] || die "which backup? scripts/restore.sh [--clean] [--no-media] BACKUP_DIR"
[[ -d "$BACKUP" ]] || die "$BACKUP is not a folder."
BACKUP="$(cd "$BACKUP" && pwd)"

# --- 1. Checksums ---------------------------------------------------------------------------
command -v sha256sum >/dev/null 2>&1 || die "sha256sum not found on PATH."
[[ -f "$BACKUP/SHA256SUMS" ]] || die "$BACKUP/SHA256SUMS is missing: not a backup of scripts/backup.sh, or an incomplete one."
NEEDED=(database.dump MANIFEST)
[[ $WITH_MEDIA -eq 0 ]] || NEEDED+=(media.tar.gz)
for name in "${NEEDED[@]}"; do
    grep -qE "^[0-9a-f]{64} [ *]$name\$" "$BACKUP/SHA256SUMS" ||
        die "SHA256SUMS lists no $name$([[ $name != media.tar.gz ]] || echo ' (a backup made with --no-media? then restore with --no-media)')."
done
(cd "$BACKUP" && sha256sum --check --strict --quiet SHA256SUMS) ||
    die "checksums of $BACKUP do not match: the backup is damaged or was altered; use another one."
note "checksums of $BACKUP are correct"

# --- 2. Tools, target database and media folder ---------------------------------------------
[[ -n "${DATABASE_URL:-}" ]] || die "DATABASE_URL is not set (load the app's environment file first)."
case "$DATABASE_URL" in
postgres://* | postgresql://* | pgsql://*) ;;
*) die "DATABASE_URL is not a PostgreSQL URL (postgres://user:password@host:port/name)." ;;
esac
for tool in pg_restore psql; do
    [[ -x "$PG_BIN/$tool" ]] ||
        die "$tool not found in PG_BIN=$PG_BIN (apt-get install postgresql-client-15, or set PG_BIN)."
done
for tool in tar gzip "$PYTHON"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found on PATH."
done

MEDIA_ROOT="${MEDIA_ROOT:-$ROOT/media}"
if [[ $WITH_MEDIA -eq 1 && -n "${FILE_STORAGE:-}" && "$FILE_STORAGE" != "$FS_STORAGE" ]]; then
    die "FILE_STORAGE=$FILE_STORAGE keeps evidence files outside MEDIA_ROOT: restore that storage on its own and run with --no-media."
fi

connect_database

USER_RELATIONS="
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'"
EXISTING="$(psql_value "SELECT count(*) $USER_RELATIONS")" ||
    die "cannot connect to database $DB_NAME (see the message above)."
if [[ "$EXISTING" -gt 0 && $CLEAN -eq 0 ]]; then
    die "database $DB_NAME is not empty ($EXISTING tables, views or sequences): restore into an empty database (dropdb/createdb), or pass --clean to replace what the backup contains."
fi

if [[ $WITH_MEDIA -eq 1 ]]; then
    if [[ -d "$MEDIA_ROOT" && -n "$(find "$MEDIA_ROOT" -mindepth 1 -not -type d -print -quit)" && $CLEAN -eq 0 ]]; then
        die "MEDIA_ROOT=$MEDIA_ROOT already holds files: restore into an empty folder, or pass --clean to add the backup's files to it."
    fi
    [[ ! -e "$MEDIA_ROOT" || -d "$MEDIA_ROOT" ]] || die "MEDIA_ROOT=$MEDIA_ROOT is not a folder."
fi

# --- 3. Unpack the files into a staging folder ----------------------------------------------
STAGING=""
cleanup() { [[ -z "$STAGING" ]] || rm -rf "$STAGING"; }
trap cleanup EXIT
if [[ $WITH_MEDIA -eq 1 ]]; then
    MEDIA_PARENT="$(dirname "$MEDIA_ROOT")"
    mkdir -p "$MEDIA_PARENT" || die "cannot create $MEDIA_PARENT."
    STAGING="$(mktemp -d "$MEDIA_PARENT/.media-restore.XXXXXX")" || die "$MEDIA_PARENT is not writable by $(id -un)."
    note "unpacking media.tar.gz"
    tar --extract --gzip --no-same-owner --file="$BACKUP/media.tar.gz" --directory="$STAGING" ||
        die "media.tar.gz could not be unpacked (see above); nothing was restored."
fi

# --- 4. Database ----------------------------------------------------------------------------
CLEAN_ARGS=()
[[ $CLEAN -eq 0 ]] || CLEAN_ARGS=(--clean --if-exists)
note "restoring database.dump into $DB_NAME$([[ $CLEAN -eq 0 ]] || echo ' (--clean)')"
"$PG_BIN/pg_restore" --no-owner --no-privileges --single-transaction --exit-on-error \
    "${CLEAN_ARGS[@]}" --dbname="$CONNINFO" "$BACKUP/database.dump" ||
    die "pg_restore failed (see above); the transaction was rolled back and $DB_NAME is unchanged."

if [[ $CLEAN -eq 1 ]]; then
    # Tables of the target that the backup does not have: kept, but worth knowing about.
    BACKUP_TABLES="$("$PG_BIN/pg_restore" --list "$BACKUP/database.dump" |
        awk '$4 == "TABLE" && $5 == "public" { print $6 }' | sort)"
    DB_TABLES="$(psql_value "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1" | sort)"
    EXTRA="$(comm -13 <(printf '%s\n' "$BACKUP_TABLES") <(printf '%s\n' "$DB_TABLES") | sed '/^$/d')"
    [[ -z "$EXTRA" ]] ||
        note "warning: tables not in the backup were left in $DB_NAME: $(echo "$EXTRA" | tr '\n' ' ')"
fi

# --- 5. Files into MEDIA_ROOT ---------------------------------------------------------------
if [[ $WITH_MEDIA -eq 1 ]]; then
    if [[ ! -e "$MEDIA_ROOT" ]]; then
        mv "$STAGING" "$MEDIA_ROOT"
    else
        cp -a "$STAGING/." "$MEDIA_ROOT/"
        rm -rf "$STAGING"
    fi
    STAGING=""
    note "evidence files restored into $MEDIA_ROOT"

    # --- 6. Every file the database names is there ------------------------------------------
    MISSING=0
    if [[ "$(psql_value "SELECT to_regclass('monev_evidence') IS NOT NULL")" == "t" ]]; then
        while IFS= read -r name; do
            [[ -z "$name" || -f "$MEDIA_ROOT/$name" ]] || {
                note "missing evidence file: $name"
                MISSING=$((MISSING + 1))
            }
        done < <(psql_value "SELECT file FROM monev_evidence WHERE file <> '' ORDER BY file")
    fi
    [[ $MISSING -eq 0 ]] || die "$MISSING evidence files named in the restored database are missing from $MEDIA_ROOT."
    [[ $EUID -ne 0 ]] || note "running as root: give the files to the application's user (chown -R <user>: $MEDIA_ROOT)."
fi

note "restore complete. Next: manage.py migrate (if the code is newer than the backup), manage.py check, start the application."
