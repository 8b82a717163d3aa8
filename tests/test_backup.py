"""Backups: scripts/backup.sh and scripts/restore.sh carry every report, its history and its evidence files.

The round trip needs PostgreSQL (pg_dump, a second database on the same server): scripts/test.sh
provides it. On SQLite only the checks that need no database run.
"""

import hashlib
import os
import random
import subprocess
import uuid
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from monev.models import ActionProgress, Evidence, Realisation, ReviewState
from tests.factories import EvidenceFactory

ROOT = Path(__file__).resolve().parent.parent
BACKUP_SH = ROOT / "scripts" / "backup.sh"
RESTORE_SH = ROOT / "scripts" / "restore.sh"
APPS = ("roadmap", "areas", "actions", "monev")

on_postgresql = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="backup.sh/restore.sh need PostgreSQL (pg_dump and a second database); this run uses "
    "SQLite. scripts/test.sh runs it on PostgreSQL.",
)


def run(script: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if key not in ("FILE_STORAGE", "PGPASSWORD")}
    return subprocess.run(
        ["bash", str(script), *args], env={**clean, **env}, capture_output=True, text=True, timeout=600
    )


def explain(result: subprocess.CompletedProcess) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def database_url(name: str) -> str:
    """A postgres:// URL of database ``name`` on the server (and as the role) of the test database."""
    db = settings.DATABASES["default"]
    user = quote(db.get("USER") or "", safe="")
    password = ":" + quote(db["PASSWORD"], safe="") if db.get("PASSWORD") else ""
    host = db.get("HOST") or ""
    host = quote(host, safe="") if host.startswith("/") else host
    port = f":{db['PORT']}" if db.get("PORT") else ""
    auth = f"{user}{password}@" if user else ""
    options = {key: value for key, value in db.get("OPTIONS", {}).items() if isinstance(value, str)}
    query = f"?{urlencode(options)}" if options else ""
    return f"postgres://{auth}{host}{port}/{quote(name, safe='')}{query}"


def connect(name: str):
    import psycopg2

    db = settings.DATABASES["default"]
    return psycopg2.connect(
        dbname=name,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(folder: Path) -> dict[str, str]:
    """Every file below ``folder``, by relative path, with its sha256."""
    return {str(p.relative_to(folder)): sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def app_tables() -> set[str]:
    """The tables of every model of the four apps, historical models and many-to-many tables included."""
    return {
        model._meta.db_table
        for label in APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def snapshot(name: str, media_root: Path) -> dict:
    """What must survive a backup: row counts of every table, checksums of the reports, evidence files."""
    from psycopg2 import sql

    with connect(name) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
        tables = [table for (table,) in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
            counts[table] = cursor.fetchone()[0]
        rows = {}
        for model in (Realisation, ActionProgress, Evidence):
            columns = [field.column for field in model._meta.concrete_fields]
            cursor.execute(
                sql.SQL("SELECT {} FROM {} ORDER BY {}").format(
                    sql.SQL(", ").join(map(sql.Identifier, columns)),
                    sql.Identifier(model._meta.db_table),
                    sql.Identifier(model._meta.pk.column),
                )
            )
            digest = hashlib.sha256()
            for row in cursor:
                digest.update(repr(row).encode() + b"\n")
            rows[model.__name__] = digest.hexdigest()
        cursor.execute("SELECT file FROM monev_evidence WHERE file <> '' ORDER BY file")
        evidence = {file: sha256(media_root / file) for (file,) in cursor.fetchall()}
        # Sequences carried over: the next report gets a fresh id, not one already taken.
        cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")
        sequences = dict(cursor.fetchall())
    conn.close()
    return {
        "counts": counts,
        "rows": rows,
        "evidence": evidence,
        "media": files_under(media_root),
        "sequences": sequences,
    }


def add_reports_with_evidence() -> dict[str, bytes]:
    """Reports in every review state (seed_demo), more history, and evidence with real files.

    Returns the content of each evidence file by its stored name.
    """
    call_command("seed_demo", verbosity=0)
    users = {user.username: user for user in get_user_model().objects.all()}
    staff = users["organisasi"]

    # More history: a returned report corrected and submitted again, a submitted one returned,
    # a verified one corrected by staff with a reason, a draft deleted and written again.
    corrected = Realisation.objects.get(review_state=ReviewState.RETURNED)
    corrected.number, corrected.review_state = 45, ReviewState.SUBMITTED
    corrected._change_reason = "Perbaikan setelah dikembalikan"
    corrected.save()
    returned = Realisation.objects.filter(review_state=ReviewState.SUBMITTED).exclude(pk=corrected.pk).first()
    returned.review_state, returned.review_note = ReviewState.RETURNED, "Lampirkan notulen rapat."
    returned.reviewed_by, returned.reviewed_at = staff, timezone.now()
    returned.save()
    verified = Realisation.objects.filter(review_state=ReviewState.VERIFIED, number__isnull=False).first()
    verified.number, verified.note = verified.number + 1, "Koreksi staf: salah ketik"
    verified._change_reason = "Koreksi angka oleh staf Bagian Organisasi"
    verified.save()
    draft = Realisation.objects.get(review_state=ReviewState.DRAFT)
    draft.delete()
    draft.pk = None
    draft.number = 850
    draft.save()
    progress = ActionProgress.objects.filter(contributor__isnull=True).order_by("quarter").first()
    progress.percent, progress.status = 60, "in_progress"
    progress.save()

    noise = random.Random(2020).randbytes(1_500_000)  # not compressible
    uploads = [
        (Realisation.objects.filter(review_state=ReviewState.VERIFIED).first(), "rekap gratifikasi TW I.pdf",
         b"%PDF-1.4\n% bukti dukung\n", "application/pdf", "inspektorat"),
        (Realisation.objects.filter(review_state=ReviewState.SUBMITTED).first(), "Foto kegiatan (1).png",
         b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "image/png", "bkd"),
        (returned, "Daftar PD yang diaudit – 2020.xlsx", b"PK\x03\x04" + noise, "application/vnd.ms-excel", "inspektorat"),
        (progress, "notulen rapat.docx", b"PK\x03\x04" + b"notulen " * 5000, "application/msword", "inspektorat"),
        (progress, "rekap gratifikasi TW I.pdf", b"%PDF-1.4\n% nama sama, isi lain\n", "application/pdf", "organisasi"),
    ]  # fmt: skip
    contents = {}
    for report, filename, content, content_type, uploader in uploads:
        key = {"realisation": report} if isinstance(report, Realisation) else {"action_progress": report}
        evidence = EvidenceFactory(
            **key,
            file=ContentFile(content, name=filename),
            original_name=filename,
            content_type=content_type,
            size=len(content),
            title=f"Bukti {filename}",
            uploaded_by=users[uploader],
        )
        contents[evidence.file.name] = content
    # A withdrawn piece of evidence: its row goes (its history stays), its file stays on disk.
    withdrawn = EvidenceFactory(
        realisation=returned,
        file=ContentFile(b"%PDF-1.4\n% salah unggah\n", name="salah.pdf"),
        uploaded_by=staff,
    )
    withdrawn.delete()
    return contents


@on_postgresql
def test_a_backup_restored_into_a_fresh_database_holds_the_same_reports_history_and_files(
    roadmap_tx, settings, tmp_path
):
    settings.DEBUG = True  # seed_demo refuses otherwise
    contents = add_reports_with_evidence()
    source_db = settings.DATABASES["default"]["NAME"]
    media = Path(settings.MEDIA_ROOT)
    before = snapshot(source_db, media)

    # The data is rich enough to prove something: every kind of row the backup must carry.
    counts = before["counts"]
    assert app_tables() <= set(counts), f"tables missing: {app_tables() - set(counts)}"
    for model_name in ("Realisation", "ActionProgress", "Evidence"):
        table = apps.get_model("monev", model_name)._meta.db_table
        history = apps.get_model("monev", f"Historical{model_name}")._meta.db_table
        assert counts[table] > 0 and counts[history] > counts[table], (table, counts[table], counts[history])
    states = set(Realisation.objects.values_list("review_state", flat=True))
    assert states == set(ReviewState)
    assert counts["roadmap_historicaluser"] > 0
    assert before["evidence"] == {name: hashlib.sha256(data).hexdigest() for name, data in contents.items()}
    assert len(before["media"]) == len(contents) + 1  # and the withdrawn file
    assert before["sequences"]["monev_realisation_id_seq"] == max(
        Realisation.objects.values_list("pk", flat=True)
    )

    # Back up the test database.
    backups = tmp_path / "backups"
    result = run(
        BACKUP_SH, str(backups), env={"DATABASE_URL": database_url(source_db), "MEDIA_ROOT": str(media)}
    )
    assert result.returncode == 0, explain(result)
    folder = Path(result.stdout.strip().splitlines()[-1])
    assert folder.parent == backups and folder.name.startswith("monev-")
    assert sorted(p.name for p in folder.iterdir()) == [
        "MANIFEST",
        "SHA256SUMS",
        "database.dump",
        "media.tar.gz",
    ]
    assert not [p for p in backups.iterdir() if p.name.startswith(".")], "a partial folder was left behind"
    manifest = (folder / "MANIFEST").read_text()
    assert (
        f"evidence_files_in_database={len(contents)}" in manifest and "missing_evidence_files=0" in manifest
    )
    assert "migration.monev=" in manifest

    # Restore it into a new, empty database on the same server, with an empty media folder.
    target_db = f"{source_db}_restore_{uuid.uuid4().hex[:8]}"
    restored_media = tmp_path / "restored-media"
    target_env = {"DATABASE_URL": database_url(target_db), "MEDIA_ROOT": str(restored_media)}
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{target_db}"')
    try:
        result = run(RESTORE_SH, str(folder), env=target_env)
        assert result.returncode == 0, explain(result)
        after = snapshot(target_db, restored_media)
        assert after["counts"] == before["counts"]
        assert after["rows"] == before["rows"]
        assert after["evidence"] == before["evidence"]
        assert after["media"] == before["media"]
        assert after["sequences"] == before["sequences"]

        # A second restore into the now filled database is refused without --clean ...
        result = run(RESTORE_SH, str(folder), env=target_env)
        assert result.returncode == 1 and "is not empty" in result.stderr, explain(result)
        # ... and with --clean replaces its contents in one transaction, changing nothing here.
        result = run(RESTORE_SH, "--clean", str(folder), env=target_env)
        assert result.returncode == 0, explain(result)
        assert snapshot(target_db, restored_media) == after
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{target_db}" WITH (FORCE)')


def test_backup_refuses_what_it_cannot_back_up(tmp_path):
    sqlite = run(BACKUP_SH, str(tmp_path), env={"DATABASE_URL": "sqlite:///db.sqlite3"})
    assert sqlite.returncode == 1 and "PostgreSQL only" in sqlite.stderr, explain(sqlite)
    unset = run(BACKUP_SH, str(tmp_path), env={"DATABASE_URL": ""})
    assert unset.returncode == 1 and "DATABASE_URL is not set" in unset.stderr, explain(unset)
    no_tools = run(
        BACKUP_SH, str(tmp_path), env={"DATABASE_URL": "postgres://u@localhost/x", "PG_BIN": str(tmp_path)}
    )
    assert no_tools.returncode == 1 and "pg_dump not found" in no_tools.stderr, explain(no_tools)
    s3 = run(
        BACKUP_SH,
        str(tmp_path),
        env={"DATABASE_URL": "postgres://u@localhost/x", "FILE_STORAGE": "storages.backends.s3.S3Storage"},
    )
    assert s3.returncode == 1 and "--no-media" in s3.stderr, explain(s3)
    assert list(tmp_path.iterdir()) == []


def test_restore_refuses_a_damaged_backup_before_touching_anything(tmp_path):
    folder = tmp_path / "monev-20200101T000000Z"
    folder.mkdir()
    for name, content in [
        ("database.dump", b"PGDMP..."),
        ("MANIFEST", b"x=1\n"),
        ("media.tar.gz", b"\x1f\x8b"),
    ]:
        (folder / name).write_bytes(content)
    sums = "".join(
        f"{sha256(folder / name)}  {name}\n" for name in ("database.dump", "MANIFEST", "media.tar.gz")
    )
    (folder / "SHA256SUMS").write_text(sums)
    (folder / "media.tar.gz").write_bytes(b"\x1f\x8c")  # one bit off
    env = {"DATABASE_URL": "postgres://u@localhost/x", "MEDIA_ROOT": str(tmp_path / "media")}

    result = run(RESTORE_SH, str(folder), env=env)
    assert result.returncode == 1 and "checksums" in result.stderr and "do not match" in result.stderr, (
        explain(result)
    )
    (folder / "SHA256SUMS").write_text(sums.replace(f"{sha256(folder / 'MANIFEST')}  MANIFEST\n", ""))
    result = run(RESTORE_SH, str(folder), env=env)
    assert result.returncode == 1 and "lists no MANIFEST" in result.stderr, explain(result)
    assert not (tmp_path / "media").exists()
