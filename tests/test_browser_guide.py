"""The user guides in Chromium: every step walked as its role on the demo data, its screenshot
written where the guide serves it from, and every guide printed on A4 (docs/guide.md).

A step whose page, element or named words no longer exist fails here. So does a committed
screenshot that no longer shows the page as it is (the shots come out byte for byte the same on
every run: fixed data, clock, window and language): the test rewrites it, so run it again (or
`make guide`), look at the new shots and commit guide/static/guide/shots/ with the change.
"""

import os
import re
import unicodedata
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTTextContainer
from playwright.sync_api import expect

from guide.guides import all_guides, steps
from tests.conftest import sign_in
from tests.guide_walk import guide_world, walk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GUIDES = all_guides()
ARTIFACTS = Path("test-artifacts")


@pytest.fixture
def world(request, settings):
    """The demo data as the screenshots show it, on the screenshots' clock."""
    guide_world(request, settings)


@pytest.fixture(scope="module")
def indonesian_browser(browser_type, browser_type_launch_args):
    """Chromium in Indonesian, so that its own controls read as a user's do ("Pilih File")."""
    browser = browser_type.launch(
        **{
            **browser_type_launch_args,
            "args": [*browser_type_launch_args.get("args", []), "--lang=id"],
            "env": {**os.environ, "LANGUAGE": "id", "LANG": "id_ID.UTF-8"},
        }
    )
    yield browser
    browser.close()


@pytest.mark.parametrize("guide", GUIDES, ids=[guide.slug for guide in GUIDES])
def test_every_step_is_on_its_page_and_its_screenshot_is_current(
    indonesian_browser, live_server, world, guide, tmp_path
):
    changed = walk(indonesian_browser, live_server, steps(guide), tmp_path, sign_in)
    assert changed == [], (
        f"{guide.slug}: these screenshots showed an older screen and were rewritten; look at them "
        "and commit guide/static/guide/shots/"
    )


def page_texts(pdf: bytes) -> list[str]:
    """The text of each printed page, whitespace made single and ligatures ("ﬁ") undone."""
    return [
        " ".join(
            unicodedata.normalize(
                "NFKC", " ".join(box.get_text() for box in page if isinstance(box, LTTextContainer))
            ).split()
        )
        for page in extract_pages(BytesIO(pdf))
    ]


def page_of(texts: list[str], words: str) -> int | None:
    """The first page after the cover (whose table of contents names every section) with the words."""
    return next((number for number, text in enumerate(texts[1:], start=2) if words in text), None)


SHOTS_IN_PRINT = """() => {
  const article = document.querySelector("article.guide").getBoundingClientRect();
  return [...document.querySelectorAll("img.guide-shot")].map((image) => ({
    src: image.getAttribute("src"), loaded: image.complete && image.naturalWidth > 0,
    inside: image.getBoundingClientRect().right <= article.right + 1,
  }));
}"""


@pytest.mark.parametrize("guide", GUIDES, ids=[guide.slug for guide in GUIDES])
def test_the_guide_prints_on_a4_with_each_step_on_one_page(
    browser, live_server, world, guide, screenshot_dir
):
    page = sign_in(browser.new_context(locale="id-ID").new_page(), live_server, guide.account)
    page.goto(live_server.url + reverse("guide:guide", args=[guide.slug]))
    expect(page.get_by_role("button", name="Cetak / simpan PDF")).to_be_visible()

    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Cetak / simpan PDF")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Navigasi utama")).to_be_hidden()
    shots = page.evaluate(SHOTS_IN_PRINT)
    assert len(shots) == len(steps(guide))
    assert [s["src"] for s in shots if not (s["loaded"] and s["inside"])] == []
    page.screenshot(path=screenshot_dir / f"guide-{guide.slug}-print.png", full_page=True)

    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"panduan-{guide.slug}.pdf").write_bytes(pdf)
    texts = page_texts(pdf)
    assert guide.title in texts[0]
    assert re.search(rf"Halaman 1 dari {len(texts)}\b", texts[0]), texts[0][-200:]
    assert not any("Buka halaman ini" in text for text in texts)  # links for the screen only
    assert not any("Pemerintah Kabupaten Pekalongan Sumber" in text for text in texts)  # the site footer

    split = []
    for number, section in enumerate(guide.sections, start=1):
        heading = page_of(texts, f"{number}. {section.title}")
        refs = [ref for ref in steps(guide) if ref.section is section]
        if heading is None or heading != page_of(texts, f"{number}.1 {refs[0].step.title}"):
            split.append(f"section {number}. {section.title} (page {heading})")
        for ref in refs:
            words = page_of(texts, f"{number}.{ref.number} {ref.step.title}")
            picture = page_of(texts, f"Gambar {number}.{ref.number} ·")
            if words is None or words != picture:
                split.append(f"step {number}.{ref.number}: words on page {words}, screenshot on {picture}")
    assert split == []
    # Each step fits on a page, so a guide prints on at most one page per step (and a cover).
    assert len(texts) <= len(steps(guide)) + 1
