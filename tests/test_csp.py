"""Defence in depth: a Content-Security-Policy on every response, and pages that need no exception to it.

The browser test (tests/test_browser_pages.py) loads every page and watches for violations; these
check the header and the markup without a browser.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.html import parse
from tests.page_tour import tour

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # seed_demo refuses otherwise
    call_command("seed_demo", verbosity=0)
    settings.DEBUG = False


def test_the_policy_allows_only_this_site_and_no_framing(client, demo):
    client.force_login(get_user_model().objects.get(username="pengarah"))
    rules = policy(client.get("/"))
    assert rules["default-src"] == ["'self'"]
    assert rules["script-src"] == ["'self'"]  # no inline script at all, not even with a nonce
    assert rules["style-src"][0] == "'self'" and re.fullmatch(r"'nonce-[\w+/=]+'", rules["style-src"][1])
    assert len(rules["style-src"]) == 2  # no 'unsafe-inline'
    assert rules["frame-ancestors"] == ["'none'"] and rules["object-src"] == ["'none'"]


@pytest.mark.parametrize(
    ("path", "host", "status"),
    [
        ("/accounts/login/", "testserver", 200),
        ("/tidak-ada/", "testserver", 404),
        ("/", "jahat.example", 400),
        ("/favicon.ico", "testserver", 301),
        ("/roadmap/export.json", "testserver", 200),
    ],
)
def test_every_response_carries_the_policy(client, path, host, status):
    client.raise_request_exception = False
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == status
    assert policy(response)["frame-ancestors"] == ["'none'"]


def test_no_page_has_an_inline_script_or_style_attribute(client, demo):
    """Style attributes cannot carry a nonce, and scripts come from files: the markup needs neither."""
    users = {u.username: u for u in get_user_model().objects.all()}
    checked = 0
    for name, path, roles in tour():
        client.force_login(users[roles[0]])
        response = client.get(path)
        nonce = policy(response)["style-src"][-1].removeprefix("'nonce-").removesuffix("'")
        page = parse(response.content)
        styled = [e.tag for e in page.iter() if "style" in e.attrs]
        assert styled == [], f"{name}: style attributes on {styled}"
        inline = [
            e
            for e in page.find_all("script")
            if "src" not in e.attrs and e.attrs.get("type") != "application/json"
        ]
        assert inline == [], f"{name}: an inline script"
        handlers = [(e.tag, a) for e in page.iter() for a in e.attrs if a.startswith("on")]
        assert handlers == [], f"{name}: inline event handlers {handlers}"
        assert all(e.attrs.get("nonce") == nonce for e in page.find_all("style")), (
            f"{name}: a <style> without the nonce"
        )
        checked += 1
    assert checked == len(tour())
