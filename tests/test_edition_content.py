"""The edition content page shows one change area at a time (or the quick wins); every item is on one
of its tabs, with its change and drop links, and a saved item leads back to its own tab."""

import html

import pytest
from django.urls import reverse

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator
from editions import services

pytestmark = pytest.mark.django_db


def page(client, shown, **query) -> str:
    response = client.get(reverse("editions:content", args=[shown.pk]), query)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def edit_links(items, kind: str) -> set[str]:
    return {reverse(f"editions:{kind}-edit", args=[item.pk]) for item in items}


def shown_links(text: str, links: set[str]) -> set[str]:
    return {link for link in links if f'href="{link}"' in text}


def test_the_first_area_is_shown_by_default_and_no_other(client, edition, staff_user):
    client.force_login(staff_user)
    first, second = list(edition.areas.all())[:2]
    text = page(client, edition)
    assert f'<h2 id="judul-area-{first.pk}"' in text
    assert f"judul-area-{second.pk}" not in text
    own = edit_links(Indicator.objects.filter(area=first), "indicator")
    others = edit_links(Indicator.objects.filter(area=second), "indicator")
    assert own and shown_links(text, own) == own
    assert not shown_links(text, others)
    assert f'href="{reverse("editions:content", args=[edition.pk])}?area={second.pk}"' in text
    assert 'aria-current="page">1. ' in text


def test_every_item_is_on_exactly_one_tab(client, edition, staff_user):
    client.force_login(staff_user)
    items = {
        "indicator": edit_links(Indicator.objects.of_edition(edition), "indicator"),
        "activity": edit_links(PriorityActivity.objects.of_edition(edition), "activity"),
        "row": edit_links(ActionPlanRow.objects.of_edition(edition), "row"),
    }
    seen = {kind: [] for kind in items}
    tabs = [{"area": area.pk} for area in edition.areas.all()] + [{"area": "quick-wins"}]
    for query in tabs:
        text = page(client, edition, **query)
        for kind, links in items.items():
            seen[kind] += shown_links(text, links)
    for kind, links in items.items():
        assert sorted(seen[kind]) == sorted(links), kind
    assert PriorityActivity.objects.of_edition(edition).filter(quick_win__isnull=False).exists()


def test_an_unknown_area_shows_the_first(client, edition, staff_user):
    client.force_login(staff_user)
    first = edition.areas.first()
    assert f"judul-area-{first.pk}" in page(client, edition, area="999999")
    assert f"judul-area-{first.pk}" in page(client, edition, area="x")


def test_a_drafts_tabs_keep_the_edition_shown(client, edition, staff_user):
    draft = services.copy_edition(
        source=edition, title="Rancangan 2021", start_year=2021, end_year=2024, user=staff_user
    )
    client.force_login(staff_user)
    area = draft.areas.last()
    text = page(client, draft, area=area.pk, edition=draft.pk)
    assert f"judul-area-{area.pk}" in text
    assert f"?area=quick-wins&edition={draft.pk}" in text


def test_a_changed_item_leads_back_to_its_own_tab(client, edition, staff_user):
    draft = services.copy_edition(
        source=edition, title="Rancangan 2021", start_year=2021, end_year=2024, user=staff_user
    )
    client.force_login(staff_user)
    quick_win_activity = PriorityActivity.objects.filter(quick_win__edition=draft).first()
    row = ActionPlanRow.objects.of_edition(draft).last()
    content = reverse("editions:content", args=[draft.pk])
    form = client.get(reverse("editions:row-edit", args=[row.pk]))
    assert f'href="{content}?area={row.area_id}#row-{row.pk}"' in form.content.decode()
    dropped = client.post(reverse("editions:activity-drop", args=[quick_win_activity.pk]), {})
    assert dropped.status_code == 302
    assert dropped.url == f"{content}?area=quick-wins"  # deleted from the draft: its tab, no row
