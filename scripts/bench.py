"""Benchmark the heavy pages on PostgreSQL behind gunicorn, at scale 1 and scale 20.

Run through `make bench` (a throwaway PostgreSQL cluster from scripts/with_postgres.sh).
For each scale it seeds the data (`seed_demo --scale N`), starts gunicorn as in production
(DEBUG off), signs in as staff and requests every page in rounds, so that each page and the
trivial login-required page are measured side by side under the same load. It prints a
Markdown table (median and p95 latency, queries per request, ratio of medians to the trivial
page) and the targets, and writes the same to test-artifacts/bench.md.

    python scripts/bench.py --scales 1 20 --rounds 30
"""

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
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
AFTER_A_WRITE = "dashboard, first view after a write"  # the memory of the dashboard is of no help


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
        with self.opener.open(self.base + path, timeout=60) as response:
            body = response.read()
            elapsed = time.perf_counter() - started
            return response.status, elapsed, int(response.headers.get("X-Query-Count", -1)), body

    def sign_in(self, username: str, password: str) -> None:
        _, _, _, body = self.get("/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        data = urllib.parse.urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(
            self.base + "/accounts/login/", data=data, headers={"Referer": self.base}
        )
        with self.opener.open(request, timeout=60) as response:
            if "/accounts/login/" in response.url:
                raise SystemExit(f"could not sign in as {username}")


def pages() -> dict[str, str]:
    """The pages the issue names, with ids looked up in the database the server uses."""
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roadmap.settings")
    django.setup()
    from areas.models import ChangeArea
    from roadmap.models import Agency

    area = ChangeArea.objects.get(slug="sdm")
    agency = Agency.objects.get(code="bkd")
    return {
        TRIVIAL: "/accounts/me/",
        "dashboard": "/dashboard/?year=2020",
        AFTER_A_WRITE: "/dashboard/?year=2020",
        "area comparison": f"/achievement/?year=2020&area={area.pk}",
        "agency comparison": f"/achievement/?year=2020&agency={agency.pk}",
        "completeness matrix": "/completeness/?year=2020",
        "verification queue": "/verification/",
        "full-year Excel (recap)": "/recap.xlsx?year=2020",
        "year-end report (Excel)": "/report/?year=2020&_export=xlsx",
    }


def touch_the_data() -> None:
    """A write every dashboard depends on (a reporting window saved, with its history), as any
    saved report would do: it changes the data fingerprint, so the next dashboard is computed."""
    from monev.models import ReportingWindow

    window = ReportingWindow.objects.order_by("pk").first()
    window.save()


def serve(port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(Path(PY).parent / "gunicorn"), "roadmap.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers),
         "--log-level", "warning"],
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


def measure(base: str, paths: dict[str, str], rounds: int, workers: int) -> dict[str, dict]:
    client = Client(base)
    client.sign_in("organisasi", "monev-demo-2020")
    results = {name: {"times": [], "queries": set(), "statuses": set()} for name in paths}
    for _ in range(workers):  # warm up every worker: caches, connections, first-request work
        for path in paths.values():
            client.get(path)
    for _ in range(rounds):
        for name, path in paths.items():
            if name != AFTER_A_WRITE:
                record(results[name], *client.get(path))
    # Apart, so that the other rounds read a dashboard each worker has already computed once.
    for _ in range(rounds):
        touch_the_data()
        record(results[AFTER_A_WRITE], *client.get(paths[AFTER_A_WRITE]))
    return results


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


def verdicts(all_results: dict[int, dict[str, dict]], small: int, large: int) -> list[str]:
    out = []
    if small in all_results and large in all_results:
        for name in all_results[small]:
            a, b = all_results[small][name]["queries"], all_results[large][name]["queries"]
            out.append(f"- queries of {name}: {sorted(a)} at scale {small}, {sorted(b)} at scale {large}: "
                       + ("same" if a == b else "**DIFFERENT**"))  # fmt: skip
    if large in all_results:
        results = all_results[large]
        ratio = statistics.median(results["dashboard"]["times"]) / statistics.median(
            results[TRIVIAL]["times"]
        )
        out.append(f"- dashboard median ÷ trivial at scale {large}: {ratio:.2f} (aim ≤ 2): "
                   + ("met" if ratio <= 2 else "**missed**"))  # fmt: skip
        cold = statistics.median(results[AFTER_A_WRITE]["times"]) / statistics.median(
            results[TRIVIAL]["times"]
        )
        out.append(f"- {AFTER_A_WRITE}, median ÷ trivial at scale {large}: {cold:.2f} "
                   "(computed afresh, once per worker and write)")  # fmt: skip
    if small in all_results:
        median = statistics.median(all_results[small]["full-year Excel (recap)"]["times"])
        out.append(f"- full-year Excel export at scale {small}: {median:.0f} ms (aim ≤ 1000 ms): "
                   + ("met" if median <= 1000 else "**missed**"))  # fmt: skip
    for scale, results in all_results.items():
        for name, result in results.items():
            if result["statuses"] != {200}:
                out.append(f"- **{name} at scale {scale} answered {sorted(result['statuses'])}**")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "test-artifacts" / "bench.md"))
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Run through `make bench`: the benchmark needs PostgreSQL (DATABASE_URL).")

    manage("migrate", "--noinput", "-v0")
    manage("load_roadmap")
    manage("load_facts")
    manage("collectstatic", "--noinput", "-v0")
    all_results = {}
    for scale in args.scales:
        print(f"==> scale {scale}: seeding", file=sys.stderr, flush=True)
        manage("seed_demo", "--force", "--scale", str(scale))
        port = free_port()
        server = serve(port, args.workers)
        try:
            print(f"==> scale {scale}: {args.rounds} rounds", file=sys.stderr, flush=True)
            all_results[scale] = measure(f"http://127.0.0.1:{port}", pages(), args.rounds, args.workers)
        finally:
            server.terminate()
            server.wait(timeout=30)
    report = [
        f"# Benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {args.rounds} rounds, gunicorn -w {args.workers}, "
        f"PostgreSQL 15, {os.cpu_count()} CPUs)",
        "",
        *table(all_results),
        "",
        *verdicts(all_results, min(args.scales), max(args.scales)),
    ]
    text = "\n".join(report) + "\n"
    print(text)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    print(f"(written to {args.out})", file=sys.stderr)


if __name__ == "__main__":
    main()
