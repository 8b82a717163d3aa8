"""Every page, as each role that uses it, in Chromium at desktop and phone width.

For each page: no critical or serious axe-core finding (WCAG 2.1 A/AA), no Content-Security-Policy
violation or console error, and at 360 px nothing scrolls sideways. One live server; one browser
context per role. The pages are listed once, in tests/page_tour.py.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.conftest import sign_in
from tests.page_tour import READERS, tour

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 360, "height": 740}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# axe runs once per page, as the first role listed for it; these differ by role (the menu, the
# offers on an item, the tasks) and are checked as every role. Some are checked on a phone too
# (the collapsed navigation, stacked forms and cards).
AXE_EVERY_ROLE = {"overview", "activity", "row", "tasks", "dashboard", "activity-report"}
AXE_ON_PHONE = {"overview", "activity", "activity-report", "dashboard", "tasks", "verification"}
# Recorded before any page script runs; CSP reports violations as events, not only in the console.
WATCH_CSP = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
"""


def axe_findings(page) -> list[str]:
    violations = Axe().run(page, options=WCAG).response["violations"]
    return [
        f"{v['impact']} {v['id']}: {', '.join(str(node['target']) for node in v['nodes'][:3])}"
        for v in violations
        if v["impact"] in ("critical", "serious")
    ]


@pytest.mark.parametrize("username", READERS)
def test_every_page_is_accessible_fits_a_phone_and_keeps_to_the_csp(
    browser, live_server, demo, username, screenshot_dir
):
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: console.append(str(error)))
    sign_in(page, live_server, username)

    problems: list[str] = []
    pages = [(name, path, roles) for name, path, roles in tour() if username in roles]
    for name, path, roles in pages:
        audited = username == roles[0] or name in AXE_EVERY_ROLE
        for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            console.clear()
            response = page.goto(live_server.url + path)  # "load": styles and scripts have run
            where = f"{name} ({width})"
            expected = 404 if name == "not-found" else 200
            if response.status != expected:
                problems.append(f"{where}: status {response.status}")
            errors = [text for text in console if not (name == "not-found" and "404" in text)]
            problems += [f"{where}: console {text}" for text in errors]
            problems += [f"{where}: CSP {v}" for v in page.evaluate("window.cspViolations")]
            if audited and (width == "desktop" or name in AXE_ON_PHONE):
                problems += [f"{where}: axe {finding}" for finding in axe_findings(page)]
            if width == "phone":
                scroll = page.evaluate("document.documentElement.scrollWidth")
                if scroll > PHONE["width"]:
                    problems.append(f"{where}: the page is {scroll} px wide")
    page.screenshot(path=screenshot_dir / f"pages-{username}-last-phone.png")
    context.close()
    assert problems == [], "\n".join(problems)


def test_an_agency_admin_reports_from_a_phone(browser, live_server, demo, screenshot_dir):
    """The navigation sits behind one button, and the report form's first field is on the first screen."""
    from actions.models import PriorityActivity

    page = browser.new_context().new_page()
    sign_in(page, live_server, "inspektorat")
    page.set_viewport_size(PHONE)
    activity = PriorityActivity.objects.get(name="Penanganan gratifikasi.")
    page.goto(live_server.url + activity.get_absolute_url())

    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    navigation = page.get_by_role("navigation", name="Navigasi utama")
    expect(navigation.get_by_role("link", name="Dasbor")).to_be_hidden()
    header = page.get_by_role("banner").bounding_box()
    assert header["height"] < 80, f"the collapsed header takes {header['height']} px"
    menu.click()
    expect(navigation.get_by_role("link", name="Dasbor")).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Akun").get_by_role("link", name="Profil saya")
    ).to_be_visible()
    navigation.get_by_role("button", name="Road map").click()
    area = navigation.get_by_role("link", name="6. Penguatan Pengawasan")
    expect(area).to_be_visible()
    box = area.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], "the area menu opens cut off"
    menu.click()

    page.get_by_role("link", name="Laporkan realisasi").click()
    first = page.get_by_label("Tahun")
    expect(first).to_be_visible()
    box = first.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], (
        f"the first field ends at {box['y'] + box['height']} px"
    )
    assert page.evaluate("window.scrollY") == 0
    page.screenshot(path=screenshot_dir / "phone-report-form.png")
    page.get_by_label("Nilai realisasi (%)").fill("80")
    page.get_by_role("button", name="Ajukan laporan").click()
    expect(page.get_by_role("alert")).to_contain_text("diajukan")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


# Where the keyboard focus is drawn: the focused element's outline against what lies around it.
FOCUS = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const linear = [r, g, b].map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  };
  let around = element.parentElement, behind = [255, 255, 255];
  while (around) {
    const colour = rgb(getComputedStyle(around).backgroundColor);
    if (colour.length === 3 || (colour.length === 4 && colour[3] > 0.5)) { behind = colour.slice(0, 3); break; }
    around = around.parentElement;
  }
  const ring = rgb(style.outlineColor).slice(0, 3);
  const [light, dark] = [luminance(ring), luminance(behind)].sort((a, b) => b - a);
  return {
    tag: element.tagName,
    name: (element.getAttribute("aria-label") || element.textContent || element.name || element.id || element.tagName).trim().slice(0, 40),
    style: style.outlineStyle,
    width: parseFloat(style.outlineWidth),
    contrast: (light + 0.05) / (dark + 0.05),
  };
}"""


@pytest.mark.parametrize(("username", "path"), [("organisasi", "/verification/"), ("inspektorat", "/tasks/")])
def test_keyboard_focus_is_visible_on_every_control(browser, live_server, demo, username, path):
    """Tab through the page: every control shows a ring of at least 2 px at 3:1 against its surroundings,
    the account button on the dark bar included."""
    page = browser.new_context().new_page()
    sign_in(page, live_server, username)
    page.goto(live_server.url + path)
    seen, weak = 0, []
    for _ in range(40):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus["tag"] == "BODY":
            break  # past the last control: focus has left the page
        seen += 1
        if focus["style"] in ("none", "hidden") or focus["width"] < 2 or focus["contrast"] < 3:
            weak.append(focus)
    assert seen >= 15 and weak == [], weak
