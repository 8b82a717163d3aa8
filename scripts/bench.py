"""Benchmark the heavy pages on PostgreSQL behind gunicorn, at scales 1, 20 and 40.

Run through `make bench` (a throwaway PostgreSQL cluster from scripts/with_postgres.sh).
For each scale it seeds the data (`seed_demo --scale N`), gives Inspektorat a 500-line reporting
template, starts gunicorn as in production (DEBUG off), signs in as staff and requests every page
in rounds, so that each page and the trivial login-required page are measured side by side under
the same load (the machine is shared: only ratios measured in one run mean much). It prints a
Markdown table (median and p95 latency, queries per request, ratio of medians to the trivial
page), how each page's time grows with the scale, each gunicorn worker's memory after the run,
and the aims of issue 14 met or missed; it writes the same to test-artifacts/bench.md.

    python scripts/bench.py --scales 1 20 40 --rounds 10
"""

import argparse
import http.cookiejar
import io
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
SERVER_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "bench-" + "x" * 50,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    "SECURE_HSTS_SECONDS": "0",
    "QUERY_COUNT_HEADER": "true",
}
TRIVIAL = "trivial (own details)"
AFTER_A_WRITE = "dashboard, first view after a write"
PREVIEW = "import preview, 500 lines"
RECAP, YEAR_END = "full-year Excel (recap)", "year-end report (Excel)"
AIM_RATIO = 3  # every page at most 3 × the trivial page (issue 14), at scale AIM_SCALE
AIM_WORKBOOK_MS, AIM_PREVIEW_MS, AIM_SCALE = 500, 1000, 20
IMPORT_AGENCY, IMPORT_LINES = "inspektorat", 500


def manage(*args: str) -> None:
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, check=True, env={**os.environ, **SERVER_ENV})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """A signed-in browser without a browser: cookies, CSRF, timings and the query-count header."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> tuple[int, float, int, bytes]:
        started = time.perf_counter()
        with self.opener.open(self.base + path, timeout=600) as response:
            body = response.read()
            elapsed = time.perf_counter() - started
            return response.status, elapsed, int(response.headers.get("X-Query-Count", -1)), body

    def measured(self, path: str) -> tuple[int, float, int, bytes]:
        """As ``get``, but an error answer (or none) is a result with its status (0: no answer)."""
        started = time.perf_counter()
        try:
            return self.get(path)
        except urllib.error.HTTPError as error:
            return error.code, time.perf_counter() - started, -1, b""
        except OSError:
            return 0, time.perf_counter() - started, -1, b""

    def post_file(self, path: str, field: str, name: str, content: bytes) -> str:
        """A multipart form with one file and the CSRF token of the page at ``path``; returns the final URL."""
        _, _, _, body = self.get(path)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        boundary = uuid.uuid4().hex
        data = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{token}\r\n'
                f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + content
            + f"\r\n--{boundary}--\r\n".encode()
        )
        request = urllib.request.Request(
            self.base + path,
            data=data,
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}", "Referer": self.base},
        )
        with self.opener.open(request, timeout=600) as response:
            return response.url

    def sign_in(self, username: str, password: str) -> None:
        _, _, _, body = self.get("/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        data = urllib.parse.urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(
            self.base + "/accounts/login/", data=data, headers={"Referer": self.base}
        )
        with self.opener.open(request, timeout=600) as response:  # lands on a page being measured
            if "/accounts/login/" in response.url:
                raise SystemExit(f"could not sign in as {username}")


def setup_django() -> None:
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roadmap.settings")
    django.setup()


def pages() -> dict[str, str]:
    """The pages the issue names, with ids looked up in the database the server uses."""
    setup_django()
    from areas.models import ChangeArea
    from assessment.models import Round
    from plans.models import AgencyPlan
    from roadmap.models import Agency, RoadmapEdition

    area = ChangeArea.objects.get(slug="sdm")
    agency = Agency.objects.get(code="bkd")
    edition = RoadmapEdition.objects.current(2020)
    round_ = Round.objects.get(year=2021)  # the round seed_demo --scale makes (assessment/scale.py)
    plan = AgencyPlan.objects.get(agency__code="bpkd", start_year=2020)  # one of seed_scale's
    return {
        TRIVIAL: "/accounts/me/",
        "road map overview (landing page)": "/",
        "agency list": "/agencies/",
        "dashboard": "/dashboard/?year=2020",
        AFTER_A_WRITE: "/dashboard/?year=2020",
        "area comparison": f"/achievement/?year=2020&area={area.pk}",
        "agency comparison": f"/achievement/?year=2020&agency={agency.pk}",
        "completeness matrix": "/completeness/?year=2020",
        "verification queue": "/verification/",
        RECAP: "/recap.xlsx?year=2020",
        YEAR_END: "/report/?year=2020&_export=xlsx",
        PREVIEW: "/import/preview/",
        "editions": "/editions/",
        "edition content": f"/editions/{edition.pk}/content/",
        "PMPRB rounds": "/pmprb/",
        "PMPRB round": f"/pmprb/{round_.pk}/",
        "PMPRB round summary": f"/pmprb/{round_.pk}/summary/",
        "agency plans": "/agency-plans/",
        "agency plan": f"/agency-plans/{plan.pk}/",
        "agency plan progress": f"/agency-plans/{plan.pk}/progress/?year=2020",
        "agency plan ranking": "/agency-plans/ranking/?year=2020",
        "follow-up register": "/tindak-lanjut/",
        "open data": "/data-terbuka/",
        "open data JSON": "/data-terbuka/capaian.json",
    }


def touch_the_data(step: int) -> None:
    """A staff correction of a verified activity report of 2020 through the same service as the
    form (a new value, with its reason and history): the next dashboard shows the new figure."""
    from django.contrib.auth import get_user_model

    from monev import services
    from monev.models import Realisation

    report = (
        Realisation.objects.filter(year=2020, activity__isnull=False, review_state="verified")
        .exclude(note="Data skala.")
        .select_related("activity")
        .order_by("pk")
        .first()
    )
    services.save_realisation(
        item=report.activity, year=2020, period=report.period, number=report.number + (-1 if step % 2 else 1),
        level=None, note=report.note, submit=True, reason="Koreksi data (bench)",
        user=get_user_model().objects.get(username="organisasi"),
    )  # fmt: skip


def analyze() -> None:
    """Refresh the planner's statistics of the project's tables, as autovacuum does on a live database:
    right after seeding, the planner still believes the tables hold a handful of rows and chooses
    plans (nested loops over thousands of rows) no live database would run."""
    from django.db import connection

    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))


def prepare_import() -> str:
    """Inspektorat's TW IV 2020 template made exactly 500 lines long (planned actions on an action-plan
    row of its own for the bench), its window open; returns the agency admin (seed_demo --scale makes one)."""
    from actions.models import ActionPlanLead, ActionPlanRow, PlannedAction
    from monev.devdata.scale import MARKER
    from monev.excel.template import reportable_entries
    from monev.models import ReportingWindow
    from roadmap.models import Agency, RoadmapEdition

    edition, agency = RoadmapEdition.objects.current(), Agency.objects.get(code=IMPORT_AGENCY)
    ReportingWindow.objects.update_or_create(year=2020, period="q4", defaults={"is_open": True})
    # Marked synthetic: the next scale's seeding removes it instead of copying its 500 lines N times.
    row, _ = ActionPlanRow.objects.get_or_create(
        area=edition.areas.get(slug="pengawasan"), order=999, defaults={"name": f"Uji beban impor {MARKER}0]"}
    )
    ActionPlanLead.objects.get_or_create(row=row, agency=agency, defaults={"order": 1})
    missing = IMPORT_LINES - len(reportable_entries(edition, agency, 2020, "q4"))
    first = row.planned_actions.count()
    PlannedAction.objects.bulk_create(
        PlannedAction(row=row, year=2020, order=first + n, text=f"Rencana aksi uji beban {first + n}")
        for n in range(max(missing, 0))
    )
    return f"skala-{IMPORT_AGENCY}"


def filled_template(content: bytes) -> bytes:
    """Every line of a downloaded template filled in, as an agency would type it."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook["Laporan"]
    top = next(r for r in range(1, 21) if sheet.cell(r, 1).value == "Kode")
    columns = {sheet.cell(top, c).value: c for c in range(1, sheet.max_column + 1)}
    for row in range(top + 1, sheet.max_row + 1):
        code = sheet.cell(row, 1).value
        if not code:
            continue
        if code.startswith("K"):
            values = {"Realisasi": 40}
        else:
            values = {"Status pelaksanaan": "Sedang berjalan", "Persen selesai": 50}
        for title, value in {**values, "Keterangan": "Uji beban"}.items():
            sheet.cell(row, columns[title]).value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def uploaded_preview(base: str, username: str) -> "Client":
    """An agency admin with the filled 500-line template uploaded: each GET of the preview checks it all."""
    from monev.devdata.scale import SCALE_PASSWORD  # Django is set up by pages()

    client = Client(base)
    client.sign_in(username, SCALE_PASSWORD)
    _, _, _, content = client.get(f"/import/template.xlsx?agency={IMPORT_AGENCY}&year=2020&period=q4")
    landed = client.post_file("/import/", "file", "templat.xlsx", filled_template(content))
    if not landed.endswith("/import/preview/"):
        raise SystemExit(f"the upload of the 500-line template was refused ({landed})")
    return client


def serve(port: int, workers: int, *options: str) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(Path(PY).parent / "gunicorn"), "roadmap.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers),
         "--log-level", "warning", *options],
        cwd=ROOT,
        env={**os.environ, **SERVER_ENV},
    )  # fmt: skip
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


def measure(base: str, paths: dict[str, str], rounds: int, workers: int, importer: str) -> dict[str, dict]:
    staff = Client(base)
    staff.sign_in("organisasi", "monev-demo-2020")
    agency = uploaded_preview(base, importer)
    clients = {name: agency if name == PREVIEW else staff for name in paths}
    results = {name: {"times": [], "queries": set(), "statuses": set()} for name in paths}
    for _ in range(workers):  # warm up every worker: connections, first-request work
        for name, path in paths.items():
            clients[name].measured(path)
    for _ in range(rounds):
        for name, path in paths.items():
            if name != AFTER_A_WRITE:
                record(results[name], *clients[name].measured(path))
    # Apart, so that no other round reads what a write just changed (a memo would see no write there).
    for step in range(rounds):
        touch_the_data(step)  # untimed; the view right after it is
        record(results[AFTER_A_WRITE], *staff.measured(paths[AFTER_A_WRITE]))
    return results


def worker_memory(server: subprocess.Popen) -> list[float]:
    """Resident memory (MB) of each gunicorn worker (a child of the server), read from /proc (Linux)."""
    sizes = []
    for entry in Path("/proc").iterdir():
        try:
            parent = (entry / "stat").read_text().rpartition(")")[2].split()[1]
            if entry.name.isdigit() and parent == str(server.pid):
                status = (entry / "status").read_text().splitlines()
                sizes.append(int(next(line for line in status if line.startswith("VmRSS")).split()[1]) / 1024)
        except (OSError, IndexError, StopIteration):
            continue  # not a process, or one that ended meanwhile
    return sorted(sizes)


def record(result: dict, status: int, elapsed: float, queries: int, body: bytes) -> None:
    result["times"].append(elapsed * 1000)
    result["queries"].add(queries)
    result["statuses"].add(status)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def table(all_results: dict[int, dict[str, dict]]) -> list[str]:
    lines = [
        "| page | scale | median ms | p95 ms | queries | median ÷ trivial |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for scale, results in all_results.items():
        trivial = statistics.median(results[TRIVIAL]["times"])
        for name, result in results.items():
            median = statistics.median(result["times"])
            queries = "/".join(str(q) for q in sorted(result["queries"]))
            lines.append(
                f"| {name} | {scale} | {median:.1f} | {p95(result['times']):.1f} | {queries} | {median / trivial:.2f} |"
            )
    return lines


def median_of(all_results: dict[int, dict[str, dict]], scale: int, name: str) -> float:
    return statistics.median(all_results[scale][name]["times"])


def growth(all_results: dict[int, dict[str, dict]]) -> list[str]:
    """How each page's median grows per unit of scale, between each pair of neighbouring scales."""
    scales = sorted(all_results)
    if len(scales) < 2:
        return []
    steps = list(zip(scales, scales[1:], strict=False))
    lines = [
        "| page | "
        + " | ".join(f"ms per scale unit, {a}→{b}" for a, b in steps)
        + " | later slope ≤ first |",
        "| --- | " + " | ".join("---:" for _ in steps) + " | --- |",
    ]
    for name in all_results[scales[0]]:
        slopes = [
            (median_of(all_results, b, name) - median_of(all_results, a, name)) / (b - a) for a, b in steps
        ]
        # Within 0.5 ms per unit counts as no worse: the noise of a shared machine.
        fine = all(later <= max(slopes[0], 0) + 0.5 for later in slopes[1:])
        lines.append(f"| {name} | " + " | ".join(f"{slope:.1f}" for slope in slopes) + " | "
                     + ("yes" if fine else "**no**") + " |")  # fmt: skip
    return lines


def verdicts(all_results: dict[int, dict[str, dict]]) -> list[str]:
    out = []
    scales = sorted(all_results)
    for name in all_results[scales[0]]:
        counts = {scale: sorted(all_results[scale][name]["queries"]) for scale in scales}
        flat = len({tuple(c) for c in counts.values()}) == 1
        out.append(f"- queries of {name}: " + ", ".join(f"{c} at scale {s}" for s, c in counts.items())
                   + (": same" if flat else ": **DIFFERENT**"))  # fmt: skip
    if AIM_SCALE in all_results:
        trivial = median_of(all_results, AIM_SCALE, TRIVIAL)
        for name in all_results[AIM_SCALE]:
            if name in (TRIVIAL, PREVIEW):
                continue  # the preview is an agency admin's page: its aim is in milliseconds
            ratio = median_of(all_results, AIM_SCALE, name) / trivial
            out.append(f"- {name}, median ÷ trivial at scale {AIM_SCALE}: {ratio:.2f} (aim ≤ {AIM_RATIO}): "
                       + ("met" if ratio <= AIM_RATIO else "**missed**"))  # fmt: skip
        for name, aim in ((RECAP, AIM_WORKBOOK_MS), (YEAR_END, AIM_WORKBOOK_MS), (PREVIEW, AIM_PREVIEW_MS)):
            median = median_of(all_results, AIM_SCALE, name)
            out.append(f"- {name} at scale {AIM_SCALE}: {median:.0f} ms (aim ≤ {aim} ms): "
                       + ("met" if median <= aim else "**missed**"))  # fmt: skip
    for scale, results in all_results.items():
        for name, result in results.items():
            if result["statuses"] != {200}:
                out.append(f"- **{name} at scale {scale} answered {sorted(result['statuses'])}**")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 20, 40])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "test-artifacts" / "bench.md"))
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Run through `make bench`: the benchmark needs PostgreSQL (DATABASE_URL).")

    manage("migrate", "--noinput", "-v0")
    manage("load_roadmap")
    manage("load_facts")
    manage("collectstatic", "--noinput", "-v0")
    all_results, memory = {}, {}
    for scale in sorted(args.scales):
        print(f"==> scale {scale}: seeding", file=sys.stderr, flush=True)
        manage("seed_demo", "--force", "--scale", str(scale))
        paths = pages()
        importer = prepare_import()
        analyze()
        port = free_port()
        # A slow page is measured, not killed: the default 30 s timeout would end the worker.
        server = serve(port, args.workers, "--timeout", "600")
        try:
            print(f"==> scale {scale}: {args.rounds} rounds", file=sys.stderr, flush=True)
            all_results[scale] = measure(
                f"http://127.0.0.1:{port}", paths, args.rounds, args.workers, importer
            )
            memory[scale] = worker_memory(server)
        finally:
            server.terminate()
            server.wait(timeout=30)
    report = [
        f"# Benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {args.rounds} rounds, gunicorn -w {args.workers}, "
        f"PostgreSQL 15, {os.cpu_count()} CPUs)",
        "",
        *table(all_results),
        "",
        "How the medians grow with the scale:",
        "",
        *growth(all_results),
        "",
        *[
            f"- memory of the gunicorn workers after the run at scale {scale}: "
            + ", ".join(f"{mb:.0f} MB" for mb in sizes)
            for scale, sizes in memory.items()
        ],  # fmt: skip
        *verdicts(all_results),
    ]
    text = "\n".join(report) + "\n"
    print(text)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    print(f"(written to {args.out})", file=sys.stderr)


if __name__ == "__main__":
    main()
