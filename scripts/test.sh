#!/usr/bin/env bash
# Run the whole test pipeline: venv + dev requirements, Debian's Chromium and LibreOffice Calc (if
# missing), ruff,
# a throwaway PostgreSQL 15 cluster, then pytest. Arguments are passed on to pytest:
#   scripts/test.sh -k smoke -x
#   SKIP_LINT=1 scripts/test.sh      # local iterations only: skip ruff
#   PYTEST_WORKERS=0 scripts/test.sh tests/test_x.py   # all in one process (also: -n 0; --pdb needs it)
# pytest runs on PYTEST_WORKERS pytest-xdist workers (default "auto": one per CPU core), each
# with a test database of its own; tests marked xdist_group share a worker (tests/conftest.py).
# Exits with pytest's status; "no tests collected" (5) counts as a failure.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

VENV="$ROOT/.venv"
PY="$VENV/bin/python"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
CHROMIUM="/usr/bin/chromium"

log() { printf '\n==> %s\n' "$*" >&2; }
now() { date +%s.%N; }
declare -a TIMINGS=()
timing() { TIMINGS+=("$(awk -v a="$2" -v b="$(now)" -v n="$1" 'BEGIN { printf "%-22s %6.1f s", n, b - a }')"); }
print_timings() {
    [[ ${#TIMINGS[@]} -gt 0 ]] || return 0
    printf '\n==> Timings\n' >&2
    printf '    %s\n' "${TIMINGS[@]}" >&2
}

as_root() {
    if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# --- Python environment ---------------------------------------------------------------------
t=$(now)
if [[ ! -x "$PY" ]]; then
    log "Creating $VENV"
    if ! python3 -m venv "$VENV"; then
        # Debian's python3 ships without ensurepip unless python3-venv is installed.
        rm -rf "$VENV"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y python3-venv
        python3 -m venv "$VENV"
    fi
fi
# Reinstall only when the requirement files changed since the last successful install.
REQ_HASH="$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)"
REQ_STAMP="$VENV/.requirements-dev.sha256"
if [[ "$(cat "$REQ_STAMP" 2>/dev/null || true)" != "$REQ_HASH" ]]; then
    log "Installing requirements-dev.txt"
    "$PY" -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
    echo "$REQ_HASH" >"$REQ_STAMP"
fi
timing "venv + requirements" "$t"

# --- Chromium (Debian's; Playwright's own download cannot work here) -----------------------
t=$(now)
if [[ ! -x "$CHROMIUM" ]]; then
    log "Installing Debian's chromium"
    export DEBIAN_FRONTEND=noninteractive
    # Another apt/dpkg may hold the locks (e.g. unattended installs): wait for it, then retry.
    for attempt in 1 2 3 4 5; do
        if as_root apt-get -o DPkg::Lock::Timeout=600 update &&
            as_root apt-get -o DPkg::Lock::Timeout=600 install -y chromium; then
            break
        fi
        [[ $attempt -lt 5 ]] || { echo "apt-get install chromium failed" >&2; exit 1; }
        log "apt-get failed (attempt $attempt), retrying in 15 s"
        sleep 15
    done
fi
timing "chromium check" "$t"

# --- LibreOffice Calc (the workbook tests open every workbook in it, headless) ----------------
# python3-uno lets tests/calc_probe.py drive Calc from Debian's Python; Carlito has Calibri's
# metrics, so Calc lays out the workbooks (row heights, print scale) as Excel does.
t=$(now)
CALC_PACKAGES=(libreoffice-calc-nogui python3-uno fonts-crosextra-carlito)
calc_missing() {
    local package
    for package in "${CALC_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
    done
}
if [[ -n "$(calc_missing)" ]]; then
    log "Installing LibreOffice Calc (headless) for the workbook tests"
    export DEBIAN_FRONTEND=noninteractive
    for attempt in 1 2 3 4 5; do
        if as_root apt-get -o DPkg::Lock::Timeout=600 update &&
            as_root apt-get -o DPkg::Lock::Timeout=600 install -y "${CALC_PACKAGES[@]}"; then
            break
        fi
        [[ $attempt -lt 5 ]] || { echo "apt-get install ${CALC_PACKAGES[*]} failed" >&2; exit 1; }
        log "apt-get failed (attempt $attempt), retrying in 15 s"
        sleep 15
    done
fi
timing "libreoffice check" "$t"

# --- Lint -----------------------------------------------------------------------------------
# SKIP_LINT=1 is for quick local iterations only; CI (.ci/run) always lints.
if [[ "${SKIP_LINT:-0}" != 1 ]]; then
    t=$(now)
    log "ruff check"
    "$VENV/bin/ruff" check .
    log "ruff format --check"
    "$VENV/bin/ruff" format --check .
    log "import-linter (pyproject.toml: layers, pure rule modules, independent views)"
    "$VENV/bin/lint-imports"
    timing "ruff" "$t"
else
    log "SKIP_LINT=1: not running ruff"
fi

# --- Tests, against a throwaway PostgreSQL cluster (scripts/with_postgres.sh) ----------------
# Playwright's sync API runs an event loop in the test thread; the ORM refuses that otherwise.
export DJANGO_ALLOW_ASYNC_UNSAFE=true
mkdir -p test-artifacts

# Arguments given to this script come after these, so that "-n 0" or "-n 4" there wins.
XDIST_ARGS=(-n "${PYTEST_WORKERS:-auto}" --dist loadgroup)

t=$(now)
log "pytest ${XDIST_ARGS[*]} $* (throwaway PostgreSQL 15)"
set +e
PY="$PY" PG_BIN="$PG_BIN" bash scripts/with_postgres.sh "$PY" -m pytest "${XDIST_ARGS[@]}" "$@"
status=$?
set -e
timing "postgres + pytest" "$t"

if [[ $status -eq 5 ]]; then
    echo "pytest collected no tests: treating that as a failure." >&2
fi
exit "$status"
