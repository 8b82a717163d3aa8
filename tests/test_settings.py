"""One settings module driven by the environment, failing loudly on bad values."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from roadmap.env import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parent.parent


def settings_with(env: dict[str, str]) -> subprocess.CompletedProcess:
    """Import the settings module in a fresh interpreter with exactly these variables."""
    code = (
        "import json, roadmap.settings as s; "
        "print(json.dumps({'DEBUG': s.DEBUG, 'ENGINE': s.DATABASES['default']['ENGINE'], "
        "'NAME': str(s.DATABASES['default']['NAME']), 'HOSTS': s.ALLOWED_HOSTS, "
        "'LANGUAGE_CODE': s.LANGUAGE_CODE, 'TIME_ZONE': s.TIME_ZONE}))"
    )
    base = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code], env={**base, **env}, capture_output=True, text=True, cwd=ROOT
    )


def test_nothing_set_means_local_sqlite_in_indonesian():
    result = settings_with({})
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert values["DEBUG"] is True
    assert values["HOSTS"] == ["localhost", "127.0.0.1", "[::1]"]
    assert (values["LANGUAGE_CODE"], values["TIME_ZONE"]) == ("id", "Asia/Jakarta")


def test_database_url_selects_postgresql():
    result = settings_with({"DATABASE_URL": "postgres://monev:secret@db.example:5432/monev"})
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["ENGINE"] == "django.db.backends.postgresql"
    assert values["NAME"] == "monev"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "ture"}, "DEBUG='ture' is not a boolean"),
        ({"DEBUG": "false"}, "SECRET_KEY must be set"),
        ({"DATABASE_URL": "mysql://u@h/db"}, "must point at PostgreSQL or SQLite"),
        ({"DATABASE_URL": "nonsense://x"}, "DATABASE_URL is not a usable database URL"),
        ({"ALLOWED_HOSTS": "a.example,,b.example"}, "has an empty item"),
        ({"DB_CONN_MAX_AGE": "forever", "DATABASE_URL": "postgres://u@h/db"}, "is not an integer"),
        ({"IMPORT_MAX_ROWS": "2.000"}, "IMPORT_MAX_ROWS='2.000' is not an integer"),
        ({"IMPORT_MAX_CELLS": "10"}, "IMPORT_MAX_CELLS='10' is below its minimum of 1000"),
        ({"IMPORT_MAX_UNPACKED_MB": "0"}, "IMPORT_MAX_UNPACKED_MB='0' is below its minimum of 1"),
        ({"REQUEST_MAX_MB": "-5"}, "REQUEST_MAX_MB='-5' is below its minimum of 1"),
        ({"REPORT_TEXT_MAX_CHARS": "lima ribu"}, "is not an integer"),
    ],
)
def test_bad_values_stop_the_process_with_a_clear_message(env, message):
    result = settings_with(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_the_upload_limits_have_documented_defaults_and_follow_the_environment():
    code = (
        "import json, roadmap.settings as s; print(json.dumps([s.DATA_UPLOAD_MAX_MEMORY_SIZE, "
        "s.IMPORT_MAX_UPLOAD_MB, s.IMPORT_MAX_UNPACKED_MB, s.IMPORT_MAX_ROWS, s.IMPORT_MAX_CELLS, "
        "s.REPORT_TEXT_MAX_CHARS]))"
    )
    base = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT)}

    def limits(env):
        run = subprocess.run(
            [sys.executable, "-c", code], env={**base, **env}, capture_output=True, text=True, cwd=ROOT
        )
        return json.loads(run.stdout)

    assert limits({}) == [5 * 1024 * 1024, 5, 5, 2000, 100_000, 5000]
    # The unpacked limit follows the request limit unless set on its own.
    assert limits({"REQUEST_MAX_MB": "8"})[:3] == [8 * 1024 * 1024, 5, 8]
    assert limits({"REQUEST_MAX_MB": "8", "IMPORT_MAX_UNPACKED_MB": "20"})[2] == 20
    deploy = (ROOT / "DEPLOY.md").read_text()
    for name, default in [
        ("REQUEST_MAX_MB", "5"),
        ("IMPORT_MAX_UPLOAD_MB", "5"),
        ("IMPORT_MAX_UNPACKED_MB", "5"),
        ("IMPORT_MAX_ROWS", "2000"),
        ("IMPORT_MAX_CELLS", "100000"),
        ("REPORT_TEXT_MAX_CHARS", "5000"),
    ]:
        assert re.search(rf"^\| `{name}` \|.*\| {default}( \(.*\))? \|$", deploy, re.M), name


def test_env_readers(monkeypatch):
    monkeypatch.setenv("FLAG", "Yes")
    monkeypatch.setenv("COUNT", "7")
    monkeypatch.setenv("HOSTS", "a.example, b.example")
    assert env_bool("FLAG", default=False) is True
    assert env_bool("UNSET_FLAG", default=False) is False
    assert env_int("COUNT", 1) == 7
    assert env_list("HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env_bool("FLAG", default=False)


def test_behind_the_proxy_lockouts_count_per_client_address():
    from django.test import RequestFactory

    from roadmap.accounts.services import client_ip

    code = "import roadmap.settings as s; print(getattr(s, 'AXES_CLIENT_IP_CALLABLE', ''))"
    base = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", code],
        env={**base, "BEHIND_TLS_PROXY": "true"},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.stdout.strip() == "roadmap.accounts.services.client_ip", run.stderr
    behind_nginx = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.7")
    assert client_ip(behind_nginx) == "203.0.113.7"
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="198.51.100.2")) == "198.51.100.2"
