"""Walking the user guides (guide/) on the demo data, as a person would: the world the screenshots
show, the address of a step's page, its element, its fields, and the screenshot itself.

Shared by tests/test_guide.py (every step's page and words, without a browser) and
tests/test_browser_guide.py (every step in Chromium, writing the screenshots). docs/guide.md.
"""

import datetime
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import resolve, reverse
from PIL import Image
from playwright.sync_api import expect

from actions.models import ActionPlanRow, PriorityActivity
from areas.models import Indicator
from assessment.models import Assessment, Round
from guide.guides import Page, StepRef, Target
from monev import services
from monev.models import ReportingWindow
from roadmap.models import RoadmapEdition
from tests.excel_helpers import Template

SHOTS = Path(__file__).resolve().parent.parent / "guide" / "static" / "guide" / "shots"

# The screenshots' clock, so that they come out the same on every run: mid-December 2020, when
# seed_demo opens TW IV 2020 (the quarter of "today"), with the earlier quarters reported.
NOW = datetime.datetime(2020, 12, 14, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
# A common office screen: Bootstrap's wide layout, and screenshots that stay legible on A4.
VIEWPORT = {"width": 1024, "height": 720}
SHOT_HEIGHT = 460  # at most; a shot starts at the top of the page when its element is near it
MARK = "3px solid #e8590c"  # the outline around the element a step refers to
# 64 colours without dithering keep text crisp; as lossless WebP a shot is about 16 KB (a 128-colour
# PNG was 23 KB, the screenshot's own PNG about 70 KB).
COLOURS = 64


def frozen_clock():
    """Django's clock (server threads included) at NOW; Playwright's timers are not affected."""
    return time_machine.travel(NOW, tick=False)


def guide_world(request, settings) -> None:
    """For a fixture: the world the screenshots show, on their clock, until the test ends."""
    clock = frozen_clock()
    clock.start()
    request.addfinalizer(clock.stop)
    request.getfixturevalue("roadmap_tx")
    settings.DEBUG = True  # seed_demo refuses to run otherwise
    build_world()


def build_world() -> None:
    """The demo data as of NOW (its PMPRB 2020 round included: BKD's assessment not started), and
    Inspektorat's returned TW I report reopened for correction."""
    call_command("seed_demo", verbosity=0)
    staff = get_user_model().objects.get(username="organisasi")
    services.reopen_item(
        window=ReportingWindow.objects.get(year=2020, period="q1"),
        item=PriorityActivity.objects.get(name="Audit laporan keuangan."),
        reason="Laporan dikembalikan: perbaikan bukti dukung",
        user=staff,
    )


def assessment_of(code: str) -> Assessment:
    """The 2020 PMPRB assessment of an agency by code ("pemkab": the regency's own)."""
    agency = {"agency": None} if code == "pemkab" else {"agency__code": code}
    return Assessment.objects.get(round__year=2020, **agency)


def edition_pk(name: str) -> int:
    """An edition by title, or the one in force in a year ("2020")."""
    if name.isdigit():
        return RoadmapEdition.objects.current(int(name)).pk
    return RoadmapEdition.objects.get(title=name).pk


def answer_kwargs(name: str) -> dict:
    code, sub = name.split("/")
    return {"pk": assessment_of(code).pk, "code": sub}


EXAMPLES = {
    "activity": lambda name: {"pk": PriorityActivity.objects.get(name=name).pk},
    "indicator": lambda name: {"pk": Indicator.objects.get(name=name).pk},
    "row": lambda name: {"pk": ActionPlanRow.objects.get(name=name).pk},
    "account": lambda username: {"pk": get_user_model().objects.get(username=username).pk},
    "assessment": lambda code: {"pk": assessment_of(code).pk},
    "answer": answer_kwargs,
    "round": lambda year: {"pk": Round.objects.get(year=int(year)).pk},
    "edition": lambda name: {"pk": edition_pk(name)},
}


def address(page: Page) -> str:
    """The path (and query) of a step's page, with its demo object."""
    kwargs = EXAMPLES[page.example[0]](page.example[1]) if page.example else None
    return reverse(page.url_name, kwargs=kwargs) + (f"?{page.query}" if page.query else "")


def url_name_of(url: str) -> str:
    return resolve(urlsplit(url).path).view_name


# --- In the browser ---------------------------------------------------------------------------


def locate(page, target: Target):
    """The first visible element a step refers to."""
    if target.kind == "label":
        found = page.get_by_label(target.name, exact=target.exact)
    elif target.kind == "text":
        found = page.get_by_text(target.name, exact=target.exact)
    else:
        found = page.get_by_role(target.kind, name=target.name, exact=target.exact)
    return found.filter(visible=True).first


SAMPLE_PDF = b"%PDF-1.4\n% contoh bukti dukung\n"


def fill_field(page, label: str, value: str, folder: Path) -> None:
    """Type or choose a value as a person would: by the field's label, whatever its kind."""
    field = page.get_by_label(label, exact=True).filter(visible=True).first
    kind = field.evaluate("(e) => e.tagName.toLowerCase() + ':' + (e.type || '')")
    if kind.startswith("select"):
        field.select_option(label=value)
    elif kind in ("input:checkbox", "input:radio"):
        field.set_checked(value == "on")
    elif kind == "input:file":
        (folder / value).write_bytes(SAMPLE_PDF)
        field.set_input_files(folder / value)
    else:
        field.fill(value)


def choose_filled_template(page, live_server, folder: Path) -> None:
    """Download Inspektorat's TW IV 2020 template, fill two yellow cells, choose it for upload."""
    query = "?agency=inspektorat&year=2020&period=q4"
    response = page.request.get(live_server.url + reverse("monev:import-template") + query)
    assert response.ok, response.status
    template = Template(response.body())
    names = {
        template.ws.cell(row, template.columns["Kegiatan / rencana aksi"]).value: row
        for row in template.codes.values()
    }
    row = names["Audit laporan keuangan."]
    template.ws.cell(row, template.columns["Realisasi"]).value = 42
    template.ws.cell(row, template.columns["Keterangan"]).value = "42 dari 45 Perangkat Daerah sudah diaudit."
    path = folder / "templat-inspektorat-tw4-2020.xlsx"
    template.wb.save(path)
    page.get_by_label("Templat yang sudah diisi (.xlsx)").set_input_files(path)


def answer_first_question(page, live_server, folder: Path) -> None:
    """Answer the first question of a PMPRB sub-component: its first choice (or 100), an
    explanation and a file of evidence."""
    question = page.locator("fieldset.card").first
    choices = question.get_by_role("radio")
    if choices.count():
        choices.first.check()
    else:
        question.get_by_role("textbox").first.fill("100")
    question.get_by_label("Penjelasan").fill("Tim Reformasi Birokrasi BKD ditetapkan dengan SK Kepala BKD.")
    (folder / "sk-tim-rb-bkd-2020.pdf").write_bytes(SAMPLE_PDF)
    question.get_by_label("Berkas bukti dukung").set_input_files(folder / "sk-tim-rb-bkd-2020.pdf")


SCENES = {"choose-filled-template": choose_filled_template, "answer-first-question": answer_first_question}


def shoot(page, element) -> bytes:
    """The element outlined, in a window of the page at most SHOT_HEIGHT tall, as a small WebP."""
    element.scroll_into_view_if_needed()
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.mouse.move(0, 0)
    element.evaluate("(e, mark) => { e.style.outline = mark; e.style.outlineOffset = '2px'; }", MARK)
    box = element.bounding_box()
    scrolled = page.evaluate("window.scrollY")
    full = page.evaluate("document.documentElement.scrollHeight")
    top, bottom = box["y"] + scrolled, box["y"] + scrolled + box["height"]
    height = min(SHOT_HEIGHT, full)
    # Near the top, the shot starts at the page's own top: navigation and title show where one is.
    y = 0 if bottom + 120 <= height else max(0, min(full - height, top - (height - box["height"]) / 2))
    png = page.screenshot(
        full_page=True,
        clip={"x": 0, "y": y, "width": VIEWPORT["width"], "height": height},
        animations="disabled",
        caret="hide",
    )
    element.evaluate("(e) => { e.style.outline = ''; e.style.outlineOffset = ''; }")
    return optimised(png)


def optimised(png: bytes) -> bytes:
    image = Image.open(BytesIO(png)).convert("RGB")
    palette = image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = BytesIO()
    palette.convert("RGB").save(out, "WEBP", lossless=True, quality=100, method=6)
    return out.getvalue()


# Shots whose content depends on the tests that ran before, kept as committed once taken (delete the
# file to take it again): database ids (the Excel template's item codes, K<id>), and the verification
# queue, whose reports sent at one moment come in id order, and the demo re-seeds some of them.
SHOWS_IDS = {
    "agency-admin-lapor-excel-3.webp",
    "agency-admin-pokja-1.webp",
    "agency-admin-pokja-2.webp",
    "staff-verifikasi-3.webp",
    "staff-verifikasi-4.webp",
}


def save_shot(name: str, shot: bytes) -> bool:
    """Write a screenshot where the guide serves it from; True when it changed."""
    path = SHOTS / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and (name in SHOWS_IDS or path.read_bytes() == shot):
        return False
    path.write_bytes(shot)
    return True


def walk(browser, live_server, refs: list[StepRef], folder: Path, sign_in) -> list[str]:
    """Do every step in Chromium as its account; return the names of the screenshots that changed."""
    pages, changed = {}, []
    for ref in refs:
        step = ref.step
        if ref.account not in pages:
            context = browser.new_context(locale="id-ID", timezone_id="Asia/Jakarta", reduced_motion="reduce")
            pages[ref.account] = sign_in(context.new_page(), live_server, ref.account)
            pages[ref.account].set_viewport_size(VIEWPORT)
        page = pages[ref.account]
        if step.continues:
            page.wait_for_load_state()
        else:
            page.goto(live_server.url + address(step.page))
        if step.scene:
            SCENES[step.scene](page, live_server, folder)
        assert url_name_of(page.url) == step.page.url_name, f"{ref}: the walk is on {page.url}"
        for label, value in step.fill:
            fill_field(page, label, value, folder)
        element = locate(page, step.target)
        expect(element, f"{ref}: no visible {step.target}").to_be_visible()
        missing = [name for name in step.shown_names() if page.get_by_text(name).count() == 0]
        assert missing == [], f"{ref}: the page does not show {missing}"
        if save_shot(ref.shot, shoot(page, element)):
            changed.append(ref.shot)
        if step.act:
            element.click()
            page.wait_for_load_state()
    for page in pages.values():
        page.context.close()
    return changed
