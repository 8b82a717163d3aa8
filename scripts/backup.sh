#!/usr/bin/env bash
# Back up the PostgreSQL database and the evidence files (bukti dukung) into one timestamped folder:
#
#   scripts/backup.sh [--no-media] [DEST_DIR]
#
# DEST_DIR defaults to $BACKUP_DIR, else /var/backups/monev. The backup becomes
# DEST_DIR/monev-YYYYMMDDTHHMMSSZ/ (UTC) holding
#   database.dump   pg_dump --format=custom --no-owner of the database of DATABASE_URL
#   media.tar.gz    everything under MEDIA_ROOT (the evidence files, evidence/<random>/<name>)
#   MANIFEST        when, from where, versions, the last migration of every app, file counts
#   SHA256SUMS      checksums of the three files above (scripts/restore.sh checks them)
# It is written under a hidden .partial name and renamed only when complete, so a folder named
# monev-* is always a whole backup. Its path is printed on stdout; progress goes to stderr.
#
# Environment: DATABASE_URL (PostgreSQL; required), MEDIA_ROOT (default: <project>/media, as in
# roadmap/settings.py), FILE_STORAGE (anything but FileSystemStorage keeps evidence elsewhere,
# e.g. in an S3 bucket: back that up on its own and pass --no-media), PG_BIN (folder of pg_dump
# and psql, default /usr/lib/postgresql/15/bin; its major version must be at least the server's),
# PYTHON (default python3, only to read DATABASE_URL).
#
# The password in DATABASE_URL reaches pg_dump through PGPASSWORD, never its command line.
# The database is dumped first and the files archived after it: files are never deleted by the
# application, so every file a dumped row names is already on disk when the archive is made.
#
# Exit status: 0 done; 1 nothing usable was written (the reason is printed); 2 the backup was
# written but evidence files named in the database are missing from MEDIA_ROOT (listed in
# MANIFEST): investigate, the backup of everything else is still good.
set -euo pipefail
umask 077 # the dump holds password hashes and personal data

PROG="backup.sh"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/backup_common.sh
source "$ROOT/scripts/backup_common.sh"

WITH_MEDIA=1
DEST_DIR=""
while [[ $# -gt 0 ]]; do
    case "$1" in
    -h | --help)
        usage
        exit 0
        ;;
    --no-media) WITH_MEDIA=0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *)
        [[ -z "$DEST_DIR" ]] || die "one destination folder only (see --help)"
        DEST_DIR="$1"
        ;;
    esac
    shift
done
DEST_DIR="${DEST_DIR:-${BACKUP_DIR:-/var/backups/monev}}"

# --- Preconditions: fail before writing anything --------------------------------------------
[[ -n "${DATABASE_URL:-}" ]] || die "DATABASE_URL is not set (load the app's environment file first)."
case "$DATABASE_URL" in
postgres://* | postgresql://* | pgsql://*) ;;
sqlite:*) die "DATABASE_URL is SQLite: this script backs up PostgreSQL only (copy the SQLite file while the app is stopped)." ;;
*) die "DATABASE_URL is not a PostgreSQL URL (postgres://user:password@host:port/name)." ;;
esac

MEDIA_ROOT="${MEDIA_ROOT:-$ROOT/media}"
if [[ $WITH_MEDIA -eq 1 && -n "${FILE_STORAGE:-}" && "$FILE_STORAGE" != "$FS_STORAGE" ]]; then
    die "FILE_STORAGE=$FILE_STORAGE keeps evidence files outside MEDIA_ROOT: back up that storage on its own (bucket versioning or replication) and run with --no-media."
fi

for tool in pg_dump pg_restore psql; do
    [[ -x "$PG_BIN/$tool" ]] ||
        die "$tool not found in PG_BIN=$PG_BIN (apt-get install postgresql-client-15, or set PG_BIN to the bin folder of a client at least as new as the server)."
done
for tool in tar gzip sha256sum "$PYTHON"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found on PATH."
done

connect_database

SERVER_VERSION="$(psql_value 'SHOW server_version')" ||
    die "cannot connect to database $DB_NAME (see the message above)."

mkdir -p "$DEST_DIR" || die "cannot create $DEST_DIR."
[[ -w "$DEST_DIR" ]] || die "$DEST_DIR is not writable by $(id -un)."
DEST_DIR="$(cd "$DEST_DIR" && pwd)"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
FINAL="$DEST_DIR/monev-$STAMP"
WORK="$DEST_DIR/.monev-$STAMP.partial"
[[ ! -e "$FINAL" && ! -e "$WORK" ]] || die "$FINAL already exists (two backups in one second?)."
mkdir "$WORK"
# A failed run leaves nothing behind; after the final rename $WORK no longer exists.
trap 'rm -rf "$WORK"' EXIT

# --- Database -------------------------------------------------------------------------------
note "dumping database $DB_NAME (PostgreSQL $SERVER_VERSION)"
"$PG_BIN/pg_dump" --format=custom --no-owner --dbname="$CONNINFO" --file="$WORK/database.dump" ||
    die "pg_dump failed (see above; an older pg_dump than the server refuses: set PG_BIN)."
"$PG_BIN/pg_restore" --list "$WORK/database.dump" >/dev/null || die "the dump just written cannot be read back."

# What the application's files must contain, read after the dump (a superset of the dump's rows).
EVIDENCE_FILES=""
HAS_EVIDENCE_TABLE="$(psql_value "SELECT to_regclass('monev_evidence') IS NOT NULL")"
if [[ "$HAS_EVIDENCE_TABLE" == "t" ]]; then
    EVIDENCE_FILES="$(psql_value "SELECT file FROM monev_evidence WHERE file <> '' ORDER BY file")"
fi
EVIDENCE_COUNT=0
[[ -z "$EVIDENCE_FILES" ]] || EVIDENCE_COUNT="$(printf '%s\n' "$EVIDENCE_FILES" | wc -l)"
MIGRATIONS=""
if [[ "$(psql_value "SELECT to_regclass('django_migrations') IS NOT NULL")" == "t" ]]; then
    MIGRATIONS="$(psql_value "SELECT 'migration.' || app || '=' || max(name) FROM django_migrations GROUP BY app ORDER BY app")"
fi

# --- Evidence files -------------------------------------------------------------------------
MISSING=()
MEDIA_FILES=0
if [[ $WITH_MEDIA -eq 1 ]]; then
    if [[ ! -d "$MEDIA_ROOT" ]]; then
        [[ $EVIDENCE_COUNT -eq 0 ]] ||
            die "MEDIA_ROOT=$MEDIA_ROOT does not exist, yet the database names $EVIDENCE_COUNT evidence files: is MEDIA_ROOT set as for the application?"
        note "MEDIA_ROOT=$MEDIA_ROOT does not exist and no evidence file is stored yet: media.tar.gz will be empty."
        MEDIA_SOURCE="$WORK/.empty"
        mkdir "$MEDIA_SOURCE"
    else
        MEDIA_SOURCE="$MEDIA_ROOT"
        while IFS= read -r name; do
            [[ -z "$name" || -f "$MEDIA_ROOT/$name" ]] || MISSING+=("$name")
        done <<<"$EVIDENCE_FILES"
        note "archiving $MEDIA_ROOT"
    fi
    # GNU tar exits 1 when a file changed while it was read (an upload in progress): that file
    # is newer than the dump and not needed by it, so it is only a warning; 2 is fatal.
    tar_status=0
    tar --create --gzip --sort=name --file="$WORK/media.tar.gz" --directory="$MEDIA_SOURCE" . || tar_status=$?
    if [[ $tar_status -eq 1 ]]; then
        note "warning: some files changed while being archived (uploads during the backup)."
    elif [[ $tar_status -ne 0 ]]; then
        die "tar failed with status $tar_status (see above)."
    fi
    [[ "$MEDIA_SOURCE" == "$MEDIA_ROOT" ]] || rmdir "$MEDIA_SOURCE"
    MEDIA_FILES="$(tar --list --gzip --file="$WORK/media.tar.gz" | grep -vc '/$' || true)"
fi

# --- Manifest, checksums, publish -----------------------------------------------------------
{
    echo "# Backup of Monev Road Map Reformasi Birokrasi (scripts/backup.sh)"
    echo "created_utc=$STAMP"
    echo "host=$(hostname)"
    echo "database=$DB_NAME"
    echo "server_version=$SERVER_VERSION"
    echo "pg_dump=$("$PG_BIN/pg_dump" --version)"
    echo "app_commit=$(git -c safe.directory="$ROOT" -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"
    if [[ $WITH_MEDIA -eq 1 ]]; then
        echo "media_root=$MEDIA_ROOT"
        echo "media_files=$MEDIA_FILES"
    else
        echo "media=not included (--no-media; FILE_STORAGE=${FILE_STORAGE:-})"
    fi
    echo "evidence_files_in_database=$EVIDENCE_COUNT"
    echo "missing_evidence_files=${#MISSING[@]}"
    for name in "${MISSING[@]}"; do echo "missing=$name"; done
    [[ -z "$MIGRATIONS" ]] || printf '%s\n' "$MIGRATIONS"
} >"$WORK/MANIFEST"

FILES=(database.dump MANIFEST)
[[ $WITH_MEDIA -eq 0 ]] || FILES+=(media.tar.gz)
(cd "$WORK" && sha256sum "${FILES[@]}" >SHA256SUMS)
sync "$WORK"/* 2>/dev/null || sync
mv "$WORK" "$FINAL"

note "backup complete: $FINAL ($(du -sh "$FINAL" | cut -f1))"
echo "$FINAL"
if [[ ${#MISSING[@]} -gt 0 ]]; then
    note "warning: ${#MISSING[@]} of $EVIDENCE_COUNT evidence files named in the database are missing from $MEDIA_ROOT (listed in $FINAL/MANIFEST)."
    exit 2
fi
