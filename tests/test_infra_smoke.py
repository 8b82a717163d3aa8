"""Throwaway checks that the test pipeline works: PostgreSQL, live_server, static files, Chromium."""

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_database_is_postgresql_when_database_url_is_set():
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        pytest.skip("DATABASE_URL does not point at PostgreSQL")
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        assert int(cursor.fetchone()[0]) >= 150000


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_live_server_serves_vendored_bootstrap(live_server, page, screenshot_dir):
    response = page.goto(live_server.url + "/static/vendor/bootstrap/css/bootstrap.min.css")
    assert response is not None
    assert response.status == 200
    assert "Bootstrap" in response.text()[:300]
    page.screenshot(path=screenshot_dir / "infra-smoke-bootstrap-css.png")
