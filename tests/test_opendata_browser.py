"""The public page of verified progress as the public sees it: no login, desktop and phone,
accessible, within the Content-Security-Policy, and with its downloads working."""

import json

import pytest

from tests.test_browser_pages import DESKTOP, PHONE, WATCH_CSP, axe_findings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_anyone_reads_the_progress_and_downloads_it(browser, live_server, demo, screenshot_dir):
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    problems: list[str] = []
    for name, path in (("progress", "/data-terbuka/?year=2020"), ("schema", "/data-terbuka/skema/")):
        for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            response = page.goto(live_server.url + path)
            where = f"{name} ({width})"
            if response.status != 200:
                problems.append(f"{where}: status {response.status}")
            problems += [f"{where}: CSP {v}" for v in page.evaluate("window.cspViolations")]
            problems += [f"{where}: axe {finding}" for finding in axe_findings(page)]
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > viewport["width"]:
                problems.append(f"{where}: the page is {scroll} px wide")
    assert problems == []
    # Screenshots afterwards: taking one adds a style element, which the policy reports.
    for name, path in (("progress", "/data-terbuka/?year=2020"), ("schema", "/data-terbuka/skema/")):
        for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            page.goto(live_server.url + path)
            page.screenshot(path=screenshot_dir / f"opendata-{name}-{width}.png", full_page=True)

    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/data-terbuka/?year=2020")
    assert page.get_by_role("heading", name="Capaian per area perubahan, 2020").is_visible()
    assert page.get_by_role(
        "link", name="Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)"
    ).is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="realisasi.csv").click()
    assert download.value.suggested_filename == "data-terbuka-perbup-40-2020-realisasi.csv"
    document = json.loads(page.request.get(live_server.url + "/data-terbuka/capaian.json").text())
    assert document["edition"]["regulation"] == "Peraturan Bupati Pekalongan Nomor 40 Tahun 2020"
    context.close()
