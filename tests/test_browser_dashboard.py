"""The Tim Pengarah's dashboard and the year-end report in Chromium: charts, drill-down, print and PDF."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import sign_in

pytestmark = [pytest.mark.browser]

YEAR = 2020
REPORT_TITLE = "Monitoring dan Evaluasi Pelaksanaan Road Map Reformasi Birokrasi"
SECTIONS = [
    "I. Ringkasan",
    "II. Capaian per area perubahan",
    "III. Indikator dan kegiatan di bawah target",
    f"IV. Rencana aksi {YEAR}",
    "V. Quick wins",
    "VI. Hambatan dan solusi",
]
# A PDF page object, not the /Pages tree nodes.
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def watch_errors(page) -> list[str]:
    """Collect console errors and uncaught page errors from now on."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def canvases(page) -> list[dict]:
    """Each canvas of the page: its id, drawn size and whether Chart.js owns a chart on it."""
    return page.evaluate(
        """() => [...document.querySelectorAll("canvas")].map((canvas) => ({
            id: canvas.id,
            width: canvas.getBoundingClientRect().width,
            height: canvas.getBoundingClientRect().height,
            chart: typeof Chart !== "undefined" && Chart.getChart(canvas) !== undefined,
        }))"""
    )


def average_display(roadmap_tx) -> str:
    """The overall verified average for the year, formatted as the page shows it (Indonesian decimals)."""
    from django.utils import timezone

    from dashboards.overview import build_overview

    average = build_overview(roadmap_tx, YEAR, None, timezone.localdate()).total.average
    assert average is not None, "the demo data should give 2020 a verified average"
    return f"{average:.2f} %".replace(".", ",")


def area_row(page, name: str):
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=name, exact=True))


def test_dashboard_draws_its_charts_and_prints(page, live_server, demo, roadmap_tx, screenshot_dir):
    from dashboards.overview import key_indicator_series

    sign_in(page, live_server, "pengarah")
    errors = watch_errors(page)
    page.goto(live_server.url + f"/dashboard/?year={YEAR}")
    page.wait_for_load_state("networkidle")

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Keadaan Reformasi Birokrasi {YEAR}")

    # Two overview charts plus one per key indicator, each drawn by Chart.js at a real size.
    expected = 2 + len(key_indicator_series(roadmap_tx, YEAR))
    expect(page.locator("canvas")).to_have_count(expected)
    drawn = canvases(page)
    assert [c for c in drawn if not (c["width"] > 0 and c["height"] > 0 and c["chart"])] == []
    assert {"grafik-area", "grafik-pd"} <= {c["id"] for c in drawn}
    for name in ("Rata-rata capaian per area", "Kelengkapan laporan Perangkat Daerah"):
        expect(page.get_by_role("heading", name=name)).to_be_visible()
    expect(page.get_by_role("img", name="Grafik batang rata-rata capaian per area perubahan")).to_be_visible()

    # The headline figure: the verified average of every item of the year.
    summary = page.get_by_role("region", name="Ringkasan")
    expect(summary.locator(".stat").first).to_have_text(average_display(roadmap_tx))
    expect(summary).to_contain_text("indikator dan kegiatan")
    expect(area_row(page, "6. Penguatan Pengawasan")).to_be_visible()

    assert errors == [], f"console or page errors on the dashboard: {errors}"
    page.screenshot(path=screenshot_dir / f"dashboard-{YEAR}.png", full_page=True)

    # Print: the period form and buttons go, the charts stay drawn.
    page.emulate_media(media="print")
    expect(page.get_by_role("form", name="Pilih periode")).to_be_hidden()
    expect(page.get_by_role("button", name="Cetak")).to_be_hidden()
    page.wait_for_function(
        """() => [...document.querySelectorAll("canvas")].every((canvas) => {
            const box = canvas.getBoundingClientRect();
            return box.width > 0 && box.height > 0 && Chart.getChart(canvas) !== undefined;
        })"""
    )
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.screenshot(path=screenshot_dir / f"dashboard-{YEAR}-print.png", full_page=True)
    assert errors == [], f"console or page errors when printing the dashboard: {errors}"


def test_dashboard_drills_down_to_an_item(page, live_server, demo):
    sign_in(page, live_server, "pengarah")
    page.goto(live_server.url + f"/dashboard/?year={YEAR}")
    row = area_row(page, "6. Penguatan Pengawasan")

    # 2020 is over: the "Tidak tercapai" count of the area lists exactly those items.
    not_met = row.locator("a[href*='state=not_met']")
    expect(not_met).to_have_count(1)
    count = int(not_met.inner_text())
    assert count > 0
    not_met.click()
    page.wait_for_url(re.compile(r"/achievement/\?.*state=not_met"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Capaian {YEAR}")
    expect(page.get_by_label("Keadaan")).to_have_value("not_met")
    table = page.get_by_role("table", name="Capaian")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(count)
    for index in range(count):
        expect(rows.nth(index)).to_contain_text("Penguatan Pengawasan")
        expect(rows.nth(index).locator("td").last).to_have_text("Tidak tercapai")

    # One of them opens on its own page.
    link = rows.first.locator("td").nth(2).get_by_role("link")
    name = link.inner_text()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.get_by_role("heading", name="Target dan realisasi per tahun")).to_be_visible()
    year_row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=str(YEAR), exact=True))
    # A number's achievement in percent; a grade's or level's as met or so many steps away.
    expect(year_row.first).to_contain_text(re.compile(r"\d+,\d{2} %|tingkat di bawah target"))

    # The area's name lists all its items for the year.
    page.go_back()
    page.go_back()
    area_row(page, "6. Penguatan Pengawasan").get_by_role("link", name="6. Penguatan Pengawasan").click()
    page.wait_for_url(re.compile(r"/achievement/\?.*area=\d+"))
    expect(page.get_by_label("Keadaan")).to_have_value("")
    listed = page.get_by_role("table", name="Capaian").locator("tbody tr")
    expect(listed.first).to_contain_text("Penguatan Pengawasan")
    assert listed.count() > count
    expect(page.get_by_role("row").filter(has_text=name)).to_contain_text("Tidak tercapai")


def test_yearend_report_prints_as_a_multi_page_pdf(page, live_server, demo, screenshot_dir):
    from monev.devdata.demo import DEMO_SIGNATORIES
    from monev.models.yearend import display_nip

    sign_in(page, live_server, "pengarah")
    errors = watch_errors(page)
    page.goto(live_server.url + f"/report/?year={YEAR}")

    title = page.get_by_role("heading", level=1)
    expect(title).to_contain_text(REPORT_TITLE)
    expect(title).to_contain_text(f"Kabupaten Pekalongan Tahun {YEAR}")
    for section in SECTIONS:
        expect(page.get_by_role("heading", level=2, name=section, exact=True)).to_be_visible()

    signatures = page.get_by_role("region", name="Tanda tangan")
    expect(signatures.locator("p").first).to_have_text(re.compile(r"^Kajen, \d{1,2} \w+ \d{4}$"))
    signatory = DEMO_SIGNATORIES[0]
    for text in (signatory["capacity"], signatory["position"], signatory["name"], signatory["rank"]):
        expect(signatures).to_contain_text(text)
    expect(signatures).to_contain_text(f"NIP. {display_nip(signatory['nip'])}")

    # A Tim Pengarah reader sees the toolbar but not the staff's settings.
    toolbar = page.locator(".no-print")
    expect(page.get_by_role("button", name="Cetak / simpan PDF")).to_be_visible()
    expect(page.get_by_role("link", name="Atur status hambatan")).to_have_count(0)
    page.screenshot(path=screenshot_dir / f"report-{YEAR}.png", full_page=True)

    page.emulate_media(media="print")
    assert toolbar.count() > 0
    for element in toolbar.all():
        expect(element).to_be_hidden()
    expect(page.get_by_role("button", name="Cetak / simpan PDF")).to_be_hidden()
    expect(title).to_be_visible()
    expect(signatures).to_be_visible()
    page.screenshot(path=screenshot_dir / f"report-{YEAR}-print.png", full_page=True)

    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")
    pages = len(PDF_PAGE.findall(pdf))
    assert pages > 1, f"the year-end report should run over several A4 pages, got {pages}"
    assert errors == [], f"console or page errors on the report: {errors}"


def test_staff_set_an_obstacle_status_for_the_report(page, live_server, demo, screenshot_dir):
    from roadmap.models import Risk, RoadmapEdition

    obstacle = Risk.objects.get(edition__in=RoadmapEdition.objects.in_force(), number=1).obstacle
    note = "Komitmen pimpinan Perangkat Daerah dituangkan dalam perjanjian kinerja 2020."

    sign_in(page, live_server, "organisasi")
    page.goto(live_server.url + f"/report/?year={YEAR}")
    page.get_by_role("link", name="Atur status hambatan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Status hambatan {YEAR}")

    # (The legend sits inside .card-body, so it does not name the fieldset: find it by its text.)
    risk = page.locator("fieldset").filter(has_text=f"1. {obstacle}")
    expect(risk).to_have_count(1)
    risk.get_by_label("Status").select_option(label="Teratasi")
    risk.get_by_label("Keterangan dan tindak lanjut").fill(note)
    page.get_by_role("button", name=f"Simpan status hambatan {YEAR}").click()

    page.wait_for_url(re.compile(rf"/report/\?year={YEAR}#hambatan$"))
    expect(page.get_by_role("alert")).to_contain_text(f"Status hambatan {YEAR} disimpan (1 berubah).")
    section = page.locator("#hambatan")
    expect(section.get_by_role("heading", level=2)).to_have_text("VI. Hambatan dan solusi")
    line = section.get_by_role("row").filter(has_text=obstacle)
    expect(line.locator("td").first).to_have_text("1")
    expect(line.locator("td").last.locator("strong")).to_have_text("Teratasi")
    expect(line).to_contain_text(note)
    expect(line).not_to_contain_text("Data contoh (seed_demo)")
    section.screenshot(path=screenshot_dir / f"report-{YEAR}-risks.png")


# What the README promises the dashboard prints on ("prints on two A4 pages").
PRINTED_PAGES = 3  # summary and areas; area and key-indicator charts; quick wins
WORDS = {1: "one", 2: "two", 3: "three", 4: "four"}

# Every block of the printed dashboard, in reading order, with its box; each canvas with its
# box, its box's box and the size of the bitmap Chart.js drew.
PRINTED_LAYOUT = """() => {
  const box = (element) => { const r = element.getBoundingClientRect(); return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right}; };
  const blocks = [...document.querySelectorAll("main section, main .chart-card, main section[aria-labelledby=judul-qw] .card, main section > p, main section > h2")]
    .filter((element) => element.getBoundingClientRect().height > 0)
    .map((element) => ({name: (element.querySelector("h2, h3") || element).textContent.trim().slice(0, 40), tag: element.tagName, ...box(element)}));
  const canvases = [...document.querySelectorAll("main canvas")].map((canvas) => ({
    id: canvas.id, shown: box(canvas), holder: box(canvas.closest(".chart-box")),
    bitmap: canvas.width / canvas.height,
    ratio: canvas.getBoundingClientRect().width / canvas.getBoundingClientRect().height,
    pixels: canvas.width / canvas.getBoundingClientRect().width,
  }));
  return {blocks, canvases};
}"""


def overlapping(one: dict, other: dict) -> bool:
    return (
        one["top"] < other["bottom"] - 0.5
        and other["top"] < one["bottom"] - 0.5
        and one["left"] < other["right"] - 0.5
        and other["left"] < one["right"] - 0.5
    )


def test_the_printed_dashboard_redraws_its_charts_and_keeps_blocks_apart(
    page, live_server, demo, screenshot_dir
):
    sign_in(page, live_server, "pengarah")
    page.goto(live_server.url + f"/dashboard/?year={YEAR}&quarter=3")
    screen = page.evaluate(PRINTED_LAYOUT)["canvases"]

    # What the browser does when the user prints (Cetak or Ctrl+P): beforeprint, then print media.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    layout = page.evaluate(PRINTED_LAYOUT)
    page.screenshot(path=screenshot_dir / f"dashboard-{YEAR}-printed-layout.png", full_page=True)

    assert len(layout["canvases"]) == len(screen) >= 8
    for canvas, before in zip(layout["canvases"], screen, strict=True):
        # Redrawn, not squeezed: the bitmap has the proportions of its printed box, more pixels
        # than on screen, and the canvas stays inside its box.
        assert abs(canvas["bitmap"] - canvas["ratio"]) / canvas["ratio"] < 0.02, canvas
        assert canvas["pixels"] > before["pixels"], canvas
        shown, holder = canvas["shown"], canvas["holder"]
        assert holder["top"] - 1 <= shown["top"] and shown["bottom"] <= holder["bottom"] + 1, canvas
        assert holder["left"] - 1 <= shown["left"] and shown["right"] <= holder["right"] + 1, canvas

    # No chart card overlaps the note, the Quick wins heading or its cards, nor another card.
    cards = [b for b in layout["blocks"] if b["tag"] == "DIV"]
    others = [b for b in layout["blocks"] if b["tag"] in ("P", "H2")]
    clashes = [
        (one["name"], other["name"])
        for index, one in enumerate(cards)
        for other in cards[index + 1 :] + others
        if overlapping(one, other)
    ]
    assert clashes == []
    note = next(b for b in others if b["name"].startswith("Garis: target"))
    assert all(card["bottom"] <= note["top"] for card in cards if card["top"] < note["top"])

    pdf = page.pdf(format="A4", print_background=True)
    pages = len(PDF_PAGE.findall(pdf))
    assert pages == PRINTED_PAGES, f"the dashboard prints on {pages} A4 pages"
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    assert f"prints on {WORDS[PRINTED_PAGES]} A4 pages" in " ".join(readme.split())

    # Back on screen afterwards, at the screen's sizes.
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("document.documentElement.classList.contains('print-layout')") is False
