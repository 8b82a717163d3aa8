"""The user guides (guide/) stay true to the application, without a browser: every page a step
names exists and shows what the step points at, every screenshot belongs to a step, and the pages
the guides explain link to them. tests/test_browser_guide.py walks the same steps in Chromium.
"""

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from guide.guides import EXAMPLE_KINDS, TARGET_KINDS, all_guides, guide_by_slug, help_for, steps
from guide.releases import RELEASES
from tests.guide_walk import EXAMPLES, SHOTS, address, guide_world

GUIDES = all_guides()


def url_names(resolver=None, namespace="") -> set[str]:
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(namespace + pattern.name)
    return names


def test_every_page_a_guide_names_exists():
    known = url_names()
    assert [str(ref) for ref in steps() if ref.step.page.url_name not in known] == []


def test_steps_are_well_formed():
    assert set(EXAMPLES) == set(EXAMPLE_KINDS)
    for ref in steps():
        assert ref.step.target.kind in TARGET_KINDS, str(ref)
        assert ref.step.page.example is None or ref.step.page.example[0] in EXAMPLE_KINDS, str(ref)
        assert ref.step.title and ref.step.text, str(ref)
    for guide in GUIDES:
        slugs = [section.slug for section in guide.sections]
        assert len(slugs) == len(set(slugs)), guide.slug


def test_whats_new_lists_releases_newest_first():
    dates = [release.date for release in RELEASES]
    assert dates == sorted(dates, reverse=True)
    assert all(release.changes for release in RELEASES)


def test_every_screenshot_belongs_to_a_step_and_every_step_has_one():
    expected = {ref.shot for ref in steps()}
    committed = {path.name for path in SHOTS.glob("*.*")}
    assert sorted(expected - committed) == [], "run `make guide` to make the missing screenshots"
    assert sorted(committed - expected) == [], "screenshots no step uses: delete them"


def test_screenshots_stay_small():
    sizes = {path.name: path.stat().st_size for path in SHOTS.glob("*.*")}
    assert {name: size for name, size in sizes.items() if size > 40_000} == {}
    assert sum(sizes.values()) < 1_500_000


# The pages a user opens help from, per role: the brief's list (docs/guide.md).
HELPED = [
    ("monev:tasks", "agency_admin"),
    ("monev:activity-report", "agency_admin"),
    ("monev:import", "agency_admin"),
    ("assessment:assessment-detail", "agency_admin"),
    ("monev:tasks", "staff"),
    ("monev:verification", "staff"),
    ("monev:windows", "staff"),
    ("dashboards:completeness", "staff"),
    ("dashboards:report", "staff"),
    ("account-list", "staff"),
    ("editions:list", "staff"),
    ("assessment:round-list", "staff"),
    ("monev:activity-report", "staff"),  # staff report like an agency: the agency guide's section
    ("dashboards:dashboard", "steering"),
    ("dashboards:achievement", "steering"),
    ("dashboards:report", "steering"),
    ("dashboards:dashboard", "agency_admin"),  # the Tim Pengarah's guide, for everyone who reads it
    ("dashboards:dashboard", "staff"),
]


@pytest.mark.parametrize(("url_name", "role"), HELPED)
def test_the_pages_a_guide_explains_have_help_for_their_users(url_name, role):
    assert help_for(url_name, role), f"no guide section explains {url_name} to {role}"


def page_text(response) -> str:
    """The page's text and attribute values (labels, aria-labels), entities decoded, spaces single."""
    return " ".join(html.unescape(re.sub(r"<[^>]+?>", " ", response.content.decode())).split()) + " ".join(
        html.unescape(value)
        for value in re.findall(r'(?:aria-label|value|placeholder)="([^"]*)"', response.content.decode())
    )


def help_link_to(response, guide) -> bool:
    """The page's "Bantuan untuk halaman ini" opens a section of this guide."""
    href = re.escape(reverse("guide:guide", args=[guide.slug]))
    return (
        re.search(rf'href="{href}#[\w-]+">Bantuan untuk halaman ini</a>', response.content.decode())
        is not None
    )


@pytest.fixture
def world(request, settings):
    guide_world(request, settings)


@pytest.mark.django_db(transaction=True)
def test_every_step_page_opens_for_its_account_and_shows_what_the_step_names(client, world):
    """Each step's page as its demo account: it opens, and shows its target and *named* words.
    Steps after an action in their section (what it saved, or the page it led to) are left to the
    browser walk."""
    users = {user.username: user for user in get_user_model().objects.all()}
    problems, acted = [], set()
    for ref in steps():
        if (ref.guide.slug, ref.section.slug) in acted:
            continue
        if ref.step.act:
            acted.add((ref.guide.slug, ref.section.slug))
        client.force_login(users[ref.account])
        response = client.get(address(ref.step.page))
        if response.status_code != 200:
            problems.append(f"{ref}: {response.status_code}")
            continue
        text = " ".join(page_text(response).split())
        for name in (ref.step.target.name, *ref.step.shown_names()):
            if " ".join(name.split()) not in text:
                problems.append(f"{ref}: the page does not show {name!r}")
        if ref.guide.role == users[ref.account].profile.role and not help_link_to(response, ref.guide):
            problems.append(f"{ref}: the page has no help link to its guide")
    assert problems == []


@pytest.mark.django_db(transaction=True)
def test_a_guide_page_shows_every_step_with_its_screenshot(client, world):
    client.force_login(get_user_model().objects.get(username="inspektorat"))
    for guide in GUIDES:
        response = client.get(reverse("guide:guide", args=[guide.slug]))
        body = response.content.decode()
        assert body.count('class="guide-shot"') == len(steps(guide))
        for ref in steps(guide):
            assert f'id="{ref.anchor}"' in body and ref.shot in body
    assert guide_by_slug("tidak-ada") is None
