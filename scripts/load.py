"""Load test: agency admins entering and editing reports at once, against gunicorn + PostgreSQL.

Run through `make load-test` (a throwaway PostgreSQL from scripts/with_postgres.sh, which exports
PG_RESTART). It seeds `seed_demo --scale 2` (at scale 1 only six agencies lead activities), opens
every reporting window of 2020 and 2021 and starts gunicorn as bench.py does (DEBUG off). Then:

1. --users threads, each the admin (`skala-<code>`) of another agency, open the form of one of their
   agency's unverified activity reports and save a new value, for --seconds. Each report has one
   writer, so the database is checked against what clients were told: every acknowledged (302)
   value is in the report's history in order (else: a lost update), the row holds the last value
   written, its version counts the saves, and nothing refused or never sent was written.
2. With --restart (the default), the same again while PostgreSQL restarts after --restart-at s.
   Requests may fail meanwhile; a 5xx or no answer is never counted as acknowledged (that write
   may or may not be stored). Afterwards every admin must save again, through the same gunicorn.
3. An agency admin and staff `organisasi` open the same report, then both save (one after the
   other, at the same moment, on a new report): one 302, the other 409 with the conflict message.

It prints a Markdown summary and writes it to test-artifacts/load.md; it exits non-zero on a lost
update or mismatch, an error outside the restart, a refused save, a failed conflict check, or
writes that did not resume after the restart.

    python scripts/load.py --seconds 30 --users 20 --workers 4 [--no-restart]
"""

import argparse
import http.client
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402

YEARS, PERIODS = (2020, 2021), ("q1", "q2", "q3", "q4", "year")
UNKNOWN = ("5xx", "connection")  # no acknowledgement, but the write may still have been stored
KINDS = ("ack", "conflict", "4xx", "form error", "5xx", "connection", "other")


@dataclass
class Attempt:
    key: tuple[int, int, str]  # (activity pk, year, period)
    method: str
    value: Decimal | None
    outcome: str  # ok (a form), or one of KINDS
    started: float
    ended: float
    body: bytes = b""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a save's 302 is its acknowledgement: read it, do not follow it


class User(bench.Client):
    """A signed-in user whose requests never raise: each ends as an outcome."""

    def __init__(self, base: str, username: str, password: str):
        super().__init__(base)
        self.sign_in(username, password)
        self.raw = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def send(self, key, value: Decimal | None = None, data: dict | None = None) -> Attempt:
        path = f"/activities/{key[0]}/report/?year={key[1]}&period={key[2]}"
        encoded = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=encoded, headers={"Referer": self.base})
        method, started = ("POST" if data else "GET"), time.monotonic()
        try:
            try:
                response = self.raw.open(request, timeout=60)
            except urllib.error.HTTPError as error:  # 302 (not followed), 4xx, 5xx: an answer all the same
                response = error
            with response:
                status, body, location = (
                    response.status,
                    response.read(),
                    response.headers.get("Location", ""),
                )
        except (OSError, http.client.HTTPException) as error:  # refused, reset, timed out, cut short
            return Attempt(key, method, value, "connection", started, time.monotonic(), repr(error).encode())
        if status == 200:
            outcome = "form error" if data else "ok"
        elif status == 302 and data and "/accounts/login/" not in location:
            outcome = "ack"
        elif status == 409:
            outcome = "conflict"
        else:
            outcome = "5xx" if status >= 500 else "4xx" if status >= 400 else "other"
        return Attempt(key, method, value, outcome, started, time.monotonic(), body)

    def open_form(self, key) -> tuple[Attempt, dict | None]:
        """GET the form: the fields to post back (CSRF token, version token), or None."""
        got = self.send(key)
        csrf = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', got.body)
        version = re.search(rb'name="version" value="([^"]*)"', got.body)
        if got.outcome != "ok" or not (csrf and version):
            got.outcome = "other" if got.outcome == "ok" else got.outcome
            return got, None
        fields = {"csrfmiddlewaretoken": csrf.group(1).decode(), "version": version.group(1).decode()}
        # The values written (0,01, 0,02, ...) may be below an earlier quarter's: the reporter has
        # seen the form's soft warning and saves anyway ("simpan tetap"), as monev/forms.py allows.
        return got, {
            **fields, "year": key[1], "period": key[2], "note": "Uji beban.", "submit_report": "",
            "confirm_warnings": "1",
        }  # fmt: skip

    def save(self, key, fields: dict, value: Decimal) -> Attempt:
        return self.send(key, value, {**fields, "number": f"{value:f}".replace(".", ",")})


def agency_admin(base: str, code: str) -> "User":
    from monev.devdata.scale import SCALE_PASSWORD, SCALE_PREFIX

    return User(base, f"{SCALE_PREFIX}{code}"[:150], SCALE_PASSWORD)


def writable_keys() -> dict[str, list[tuple[int, int, str]]]:
    """Per agency code, the reports its admin may save now: own activities, target years, unverified."""
    from actions.models import PriorityActivity
    from monev.models import Realisation, ReviewState

    verified = Realisation.objects.filter(activity__isnull=False, review_state=ReviewState.VERIFIED)
    verified = set(verified.values_list("activity_id", "year", "period"))
    keys = defaultdict(list)
    for activity in (
        PriorityActivity.objects.filter(agency__isnull=False)
        .select_related("agency")
        .prefetch_related("targets")
    ):
        for year in sorted(set(YEARS) & set(activity.targets_by_year)):
            keys[activity.agency.code] += [
                k for p in PERIODS if (k := (activity.pk, year, p)) not in verified
            ]
    return dict(sorted(keys.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def snapshot() -> dict:
    """Every activity report's (version, number), the last history record, and the row count."""
    from django.db import connection

    from monev.models import Realisation

    connection.close()  # this process's connection does not outlive a restart (not a request: no health check)
    rows = Realisation.objects.filter(activity__isnull=False)
    rows = rows.values_list("activity_id", "year", "period", "version", "number")
    last = Realisation.history.order_by("-history_id").values_list("history_id", flat=True).first()
    return {"rows": {r[:3]: r[3:] for r in rows}, "mark": last or 0, "count": Realisation.objects.count()}


def verify(before: dict, attempts: list[Attempt]) -> dict:
    """The database against what the clients were told, for every report written since ``before``."""
    from monev.models import Realisation

    after, history, tries = snapshot(), defaultdict(list), defaultdict(list)
    for a in attempts:
        if a.method == "POST":
            tries[a.key].append(a)
    added = Realisation.history.filter(history_id__gt=before["mark"]).order_by("history_id")
    for *key, number in added.values_list("activity_id", "year", "period", "number"):
        history[tuple(key)].append(number)
    result = {"lost": 0, "added": len(added), "pending stored": 0, "problems": []}
    for key in set(tries) | set(history):
        acked = [a.value for a in tries[key] if a.outcome == "ack"]
        pending = {a.value for a in tries[key] if a.outcome in UNKNOWN}
        stored, remaining = history[key], iter(history[key])
        missing = [v for v in acked if v not in stored]
        result["lost"] += len(missing)
        result["pending stored"] += len(pending & set(stored))
        if missing or not all(v in remaining for v in acked):  # in the order acknowledged
            result["problems"].append(f"{key}: acknowledged {acked}, history holds {stored}")
        if extra := [v for v in stored if v not in acked and v not in pending]:
            result["problems"].append(f"{key}: history holds values never acknowledged nor pending: {extra}")
        expected = (before["rows"].get(key, (0,))[0] + len(stored), stored[-1]) if stored else None
        if stored and after["rows"].get(key) != expected:
            result["problems"].append(f"{key}: (version, number) is {after['rows'].get(key)}, not {expected}")
    created = len([k for k in history if k not in before["rows"]])
    if after["count"] != before["count"] + created:
        result["problems"].append(f"{after['count']} reports, expected {before['count']} + {created} created")
    return result


def run_load(base: str, admins: dict, seconds: float, counters: Counter, restart_at: float | None) -> dict:
    """Every admin saves its own reports for ``seconds``; PostgreSQL is restarted at ``restart_at``."""
    users = {code: agency_admin(base, code) for code in admins}
    logs: dict[str, list[Attempt]] = {code: [] for code in admins}
    start = time.monotonic()

    def work(code: str) -> None:
        rng, user = random.Random(code), users[code]
        while time.monotonic() < start + seconds:
            key = rng.choice(admins[code])
            got, fields = user.open_form(key)
            logs[code].append(got)
            if fields is not None:
                counters[key] += 1  # a value never sent before for this report: 0,01, 0,02, ...
                logs[code].append(user.save(key, fields, Decimal(counters[key]) / 100))
            if logs[code][-1].outcome not in ("ack", "ok"):
                time.sleep(0.2)

    threads = [threading.Thread(target=work, args=(code,)) for code in admins]
    for thread in threads:
        thread.start()
    restart = None
    if restart_at is not None:
        time.sleep(max(0.0, start + restart_at - time.monotonic()))
        began = time.monotonic()
        subprocess.run(os.environ["PG_RESTART"], shell=True, check=True, stdout=subprocess.DEVNULL)
        restart = (began, time.monotonic())
    for thread in threads:
        thread.join()
    return {"logs": logs, "restart": restart, "start": start}


def saved_together(barrier: threading.Barrier, user: User, key, fields: dict, value: Decimal) -> Attempt:
    barrier.wait()  # both requests leave at the same moment
    return user.save(key, fields, value)


def conflict_demo(base: str, code: str, existing: tuple, fresh: tuple) -> list[tuple[str, bool, str]]:
    """The admin and staff open the same report, then both save: one 302, the other a clear 409."""
    from monev.models import Realisation

    users = [agency_admin(base, code), User(base, "organisasi", "monev-demo-2020")]
    results = []
    cases = [("one after the other", existing, False), ("at the same moment", existing, True),
             ("at the same moment, new report", fresh, True)]  # fmt: skip
    for n, (label, key, together) in enumerate(cases, start=1):
        forms = [user.open_form(key)[1] for user in users]  # both open the form before either saves
        values = [Decimal(f"{n}{n}.11"), Decimal(f"{n}{n}.22")]
        if together:
            with ThreadPoolExecutor(2) as pool:
                saves = list(
                    pool.map(partial(saved_together, threading.Barrier(2)), users, [key] * 2, forms, values)
                )
        else:  # the admin first
            saves = [
                user.save(key, form, value) for user, form, value in zip(users, forms, values, strict=True)
            ]
        report = Realisation.objects.get(activity_id=key[0], year=key[1], period=key[2])
        winner = [a.value for a in saves if a.outcome == "ack"]
        loser = next((a for a in saves if a.outcome == "conflict"), None)
        message = re.search(rb"Laporan [^<]*(?:diubah|dibuat) oleh[^<]*", loser.body) if loser else None
        ok = sorted(a.outcome for a in saves) == ["ack", "conflict"] and message is not None
        ok = ok and winner == [report.number] and not report.history.filter(number=loser.value).exists()
        note = f"admin {saves[0].outcome}, staff {saves[1].outcome}, stored {report.number.normalize():f}"
        results.append(
            (label, ok, note + (f", message “{message.group().decode().strip()}”" if message else ""))
        )
    return results


def judge(name: str, run: dict, checked: dict, admins: int) -> tuple[str, list[str], list[str]]:
    """A phase's table row, notes and failures."""
    attempts = [a for log in run["logs"].values() for a in log]
    kinds = Counter(a.outcome for a in attempts)
    saves = [(a.ended - a.started) * 1000 for a in attempts if a.outcome == "ack"] or [0]
    gets = [(a.ended - a.started) * 1000 for a in attempts if a.method == "GET"] or [0]
    row = (f"| {name} | {sum(a.method == 'GET' for a in attempts)} | {sum(a.method == 'POST' for a in attempts)} | "
           + " | ".join(str(kinds[k]) for k in KINDS) + f" | {statistics.median(saves):.0f} | {bench.p95(saves):.0f} "
           f"| {bench.p95(gets):.0f} | {checked['added']} | {checked['pending stored']} | {checked['lost']} |")  # fmt: skip
    failures = [f"{name}: {p}" for p in checked["problems"][:20]]
    if refused := sum(kinds[k] for k in ("conflict", "4xx", "form error", "other")):
        failures.append(f"{name}: {refused} requests refused although each report was its admin's to write")
    errors = [a for a in attempts if a.outcome in UNKNOWN]
    if run["restart"] is None:
        return row, [], failures + ([f"{name}: {len(errors)} 5xx/connection errors"] if errors else [])
    began, ended = run["restart"]
    outside = [a for a in errors if a.ended < began or a.started > ended]
    during = Counter(f"{a.method} {a.outcome}" for a in errors if a not in outside)
    after = [a for a in attempts if a.outcome == "ack" and a.started > ended]
    again = {code for code, log in run["logs"].items() if any(a in after for a in log)}
    notes = [f"- PostgreSQL restarted {began - run['start']:.1f} s into the run, took {ended - began:.1f} s; "
             f"failed during it: {dict(during) or 'nothing'}; errors after it: {len(outside)}"]  # fmt: skip
    if after:
        notes.append(f"- first acknowledged write started after the restart answered {min(a.ended for a in after) - ended:.2f} s "
                     f"after PostgreSQL was back; {len(again)}/{admins} admins saved again ({len(after)} saves)")  # fmt: skip
    if outside:
        failures.append(f"{name}: {len(outside)} 5xx/connection errors outside the restart")
    if len(again) < admins:
        failures.append(f"{name}: only {len(again)}/{admins} admins could save again after the restart")
    return row, notes, failures


def gunicorn_pids(server, workers: int) -> tuple[int | None, list[int]]:
    """The master's pid (None once it has exited) and its workers', once they have all booted."""
    for _ in range(100):
        found = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True, text=True)
        found = found.stdout.split()
        if len(found) >= workers:
            break
        time.sleep(0.1)
    return (server.pid if server.poll() is None else None), sorted(map(int, found))


def prepare(scale: int) -> None:
    """Data as bench.py seeds it, and every reporting window of 2020 and 2021 open."""
    for command in (["migrate", "--noinput", "-v0"], ["load_roadmap"], ["load_facts"],
                    ["seed_demo", "--force", "--scale", str(scale)], ["collectstatic", "--noinput", "-v0"]):  # fmt: skip
        bench.manage(*command)
    sys.path.insert(0, str(bench.ROOT))
    import django

    django.setup()
    from monev.models import ReportingWindow

    for year in YEARS:
        for period in PERIODS:
            ReportingWindow.objects.update_or_create(year=year, period=period, defaults={"is_open": True})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--scale", type=int, default=2)
    parser.add_argument("--restart", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--restart-at", type=float, default=10)
    parser.add_argument("--out", default=str(bench.ROOT / "test-artifacts" / "load.md"))
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") or not os.environ.get("PG_RESTART"):
        raise SystemExit("Run through `make load-test`: it needs PostgreSQL (DATABASE_URL, PG_RESTART).")
    os.environ.update(
        bench.SERVER_ENV, GUNICORN_CMD_ARGS="--timeout 60", DJANGO_SETTINGS_MODULE="roadmap.settings"
    )
    prepare(args.scale)
    keys, rows = writable_keys(), snapshot()["rows"]
    if len(keys) <= args.users:
        raise SystemExit(
            f"only {len(keys)} agencies lead activities with open reports; need {args.users} + 1"
        )
    admins = dict(list(keys.items())[: args.users])
    # The conflict check uses another agency's reports: one already written, one not yet.
    code, spare = next((c, k) for c, k in list(keys.items())[args.users :]
                       if any(x in rows for x in k) and any(x not in rows for x in k))  # fmt: skip
    server = bench.serve(port := bench.free_port(), args.workers)
    base, counters, results = f"http://127.0.0.1:{port}", Counter(), []
    try:
        pids = gunicorn_pids(server, args.workers)
        phases = [("load", None)] + ([("load + PostgreSQL restart", args.restart_at)] if args.restart else [])
        for name, restart_at in phases:
            print(
                f"==> {name}: {len(admins)} agency admins, {args.seconds:.0f} s", file=sys.stderr, flush=True
            )
            before = snapshot()
            run = run_load(base, admins, args.seconds, counters, restart_at)
            results.append((name, run, verify(before, [a for log in run["logs"].values() for a in log])))
        print("==> conflict: two people save the same report", file=sys.stderr, flush=True)
        existing, fresh = next(k for k in spare if k in rows), next(k for k in spare if k not in rows)
        conflicts = conflict_demo(base, code, existing, fresh)
        pids_after = gunicorn_pids(server, args.workers)
    finally:
        server.terminate()
        server.wait(timeout=30)
    lines = ["| phase | form GETs | saves | acknowledged (302) | conflict (409) | other 4xx | form errors | 5xx "
             "| no answer | other | save p50 ms | save p95 ms | form GET p95 ms | history records added "
             "| unacknowledged but stored | lost updates |", "| --- |" + " ---: |" * 15]  # fmt: skip
    notes, failures = [], []
    for name, run, checked in results:
        row, more_notes, more_failures = judge(name, run, checked, len(admins))
        lines.append(row)
        notes += more_notes
        failures += more_failures
    for label, ok, note in conflicts:
        notes.append(f"- conflict, {label}: {note}: " + ("ok" if ok else "**FAILED**"))
        failures += [] if ok else [f"conflict check failed ({label})"]
    notes.append(
        f"- gunicorn master pid {pids[0]}, workers {pids[1]} before; master {pids_after[0]}, workers {pids_after[1]} after"
    )
    if pids_after != pids:  # a restart of the application, or of a worker, is not a recovery
        failures.append("gunicorn or one of its workers was restarted during the run")
    report = [f"# Load test ({time.strftime('%Y-%m-%d %H:%M')}, {len(admins)} agency admins, {args.seconds:.0f} s per "
              f"phase, gunicorn -w {args.workers}, PostgreSQL 15, scale {args.scale}, {os.cpu_count()} CPUs)",
              "", *lines, "", *notes, "",
              *([f"- **FAILED: {f}**" for f in failures] or ["- every check passed: no lost update, no error outside the restart"])]  # fmt: skip
    text = "\n".join(report) + "\n"
    print(text)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text)
    print(f"(written to {args.out})", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
