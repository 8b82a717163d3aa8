"""Shared pytest fixtures.

Browser tests use Playwright with Debian's Chromium (``apt-get install chromium``):
Playwright's own browser download cannot work on these machines.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; without this the ORM refuses
# to run in browser tests. scripts/test.sh exports it too.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium headless (pytest-playwright's ``--headed`` still works)."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": browser_type_launch_args.get("headless", True),
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Folder for screenshots of key pages (a test artefact, gitignored)."""
    path = Path("test-artifacts/screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# --- Running in parallel (pytest-xdist; scripts/test.sh passes -n and --dist loadgroup) ---------
# Each worker is a process of its own with a test database of its own (pytest-django names it
# test_<name>_gw0, test_<name>_gw1, ...), loaded once by django_db_setup below. Module-level
# memories (dashboards.dashboard_cache) are per process too. What still needs care:
#
# * Browser tests start a Chromium each and drive a live server: they share one worker
#   (xdist_group "browser"), so that only one Chromium runs at a time on a 2-core machine and
#   the browser is started once.
# * Transactional tests (live_server, roadmap_tx) end by emptying the worker's database. Run in
#   one process, pytest-django orders them after the others; --dist loadgroup sends the largest
#   groups first (the browser tests), so a worker may go on with ordinary tests after them:
#   pytest_runtest_teardown below loads the regulation again before the next such test.

_WORKER_GROUPS = {"browser": "browser"}  # marker -> xdist group


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        for marker, group in _WORKER_GROUPS.items():
            if item.get_closest_marker(marker) and not item.get_closest_marker("xdist_group"):
                item.add_marker(pytest.mark.xdist_group(group))
    result = yield
    if getattr(config.option, "loadgroup", False):  # set on xdist workers under --dist loadgroup
        _name_the_groups(items)
    return result


def _name_the_groups(items) -> None:
    """Put each xdist_group into its test's id ("...@browser"), which is what the scheduler reads.

    pytest-xdist 3.8 does this by setting ``item._nodeid``, which pytest 9.2 no longer reads
    (its node ids became structured: pytest-dev/pytest-xdist#1386), so the groups were silently
    ignored. Where xdist managed, the id already carries its "@group" and nothing changes here.
    """
    from _pytest.nodeid import NodeId

    for item in items:
        groups = {
            str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
            for mark in item.iter_markers("xdist_group")
        }
        if not groups or "@" in item.nodeid.rpartition("]")[2]:
            continue
        item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(sorted(groups))}")
        if not item.nodeid.endswith("@" + "_".join(sorted(groups))):
            raise pytest.UsageError(f"cannot put {item.nodeid} in its xdist_group: see tests/conftest.py")


def _database_use(item) -> str | None:
    """ "transactional", "rollback" or None (no database), as pytest-django decides it."""
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    if (
        "transactional_db" in names
        or "live_server" in names
        or (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    ):
        return "transactional"
    if marker or "db" in names:
        return "rollback"
    return None


_db_state = {"blocker": None, "emptied": False}  # django_db_setup's blocker; a flush since the last load


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    if _database_use(item) == "transactional":
        _db_state["emptied"] = True
    if (
        _db_state["emptied"]
        and _db_state["blocker"] is not None
        and nextitem is not None
        and _database_use(nextitem) == "rollback"
    ):
        with _db_state["blocker"].unblock():
            _load_regulation(unless_loaded=True)
        _db_state["emptied"] = False
    return result


def _load_regulation(unless_loaded: bool = False) -> None:
    from actions.loading import load_roadmap
    from monev.loading import load_facts
    from roadmap.models import RoadmapEdition

    if unless_loaded and RoadmapEdition.objects.exists():
        return
    load_roadmap(root=FIXTURES)
    load_facts(root=FIXTURES)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the regulation once into the test database; each test's changes roll back."""
    with django_db_blocker.unblock():
        _load_regulation()
    _db_state["blocker"] = django_db_blocker
    yield
    _db_state["blocker"] = None
    with django_db_blocker.unblock():
        _end_other_sessions()


def _end_other_sessions() -> None:
    """End the sessions live-server threads still hold, so that the test database can be dropped.

    A browser's keep-alive connection can outlive its test (and the session-scoped browser can
    outlive the database, on a worker that began with browser tests): the server thread serving
    it keeps its database session open.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            # Not an autovacuum worker busy on the test database: only a superuser may end it.
            " AND backend_type = 'client backend'"
        )


@pytest.fixture
def roadmap_tx(transactional_db):
    """The regulation loaded for a transactional test (live_server): its data is flushed after it."""
    from roadmap.models import RoadmapEdition

    _load_regulation(unless_loaded=True)
    return RoadmapEdition.objects.current()


@pytest.fixture
def q4_window(db):
    """The reporting window of TW IV 2020, open."""
    from monev.models import ReportingWindow

    return ReportingWindow.objects.create(year=2020, period="q4", is_open=True)


@pytest.fixture
def edition(db):
    from roadmap.models import RoadmapEdition

    return RoadmapEdition.objects.current()


@pytest.fixture
def make_user(db):
    """A user with a role (and an agency, by code, for agency admins)."""
    from tests.factories import UserFactory

    def make(username: str, role: str, agency: str | None = None, **fields):
        return UserFactory(username=username, role=role, agency=agency, **fields)

    return make


@pytest.fixture
def staff_user(make_user):
    return make_user("organisasi", "staff", first_name="Staf", last_name="Organisasi")


@pytest.fixture
def inspektorat_user(make_user):
    return make_user("inspektorat", "agency_admin", "inspektorat")


@pytest.fixture
def bkd_user(make_user):
    return make_user("bkd", "agency_admin", "bkd")


@pytest.fixture
def pengarah_user(make_user):
    return make_user("pengarah", "steering")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing costs a third of a second per password: far too slow for hundreds of users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reader_page(page, live_server, roadmap_tx, settings):
    """A browser page signed in through the login form as a Tim Pengarah reader."""
    from tests.factories import UserFactory

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    UserFactory(username="pembaca", first_name="Pembaca", role="steering")
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Nama pengguna").fill("pembaca")
    page.get_by_label("Kata sandi").fill("sandi-uji-2020")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(live_server.url + "/")
    return page


@pytest.fixture(autouse=True)
def _no_remembered_dashboards():
    """Rolled-back tests can leave identical data fingerprints behind: each test computes afresh."""
    from dashboards import dashboard_cache

    dashboard_cache.forget()


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded evidence goes to a folder of the test's own, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"


def sign_in(page, live_server, username: str, password: str = "monev-demo-2020"):
    """Log in through the login form, as a person would."""
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(live_server.url + "/")
    return page


@pytest.fixture
def demo(roadmap_tx, settings):
    """The demo accounts and reports, with a clean slate for "Penanganan gratifikasi." and TW I 2020 open."""
    from django.core.management import call_command

    from monev.models import Realisation, ReportingWindow

    settings.DEBUG = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo", verbosity=0)
    Realisation.objects.filter(activity__name="Penanganan gratifikasi.").delete()
    ReportingWindow.objects.update_or_create(year=2020, period="q1", defaults={"is_open": True})
