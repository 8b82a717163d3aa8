"""LibreOffice Calc as a real client of the workbooks: one headless soffice per test session.

soffice listens on a local port with a private profile (``-env:UserInstallation``) set to the
en-US locale, the setting in which "3.900" typed into a plain cell becomes 3,9. Requests go
through ``tests/calc_probe.py``, run by Debian's Python, which has the UNO bridge
(``python3-uno``, a dependency of ``libreoffice-calc-nogui``; scripts/test.sh installs both).
"""

import json
import os
import shutil
import socket
import subprocess
import time
from collections import Counter
from pathlib import Path

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, with python3-uno; the virtualenv has no UNO
PROBE = Path(__file__).with_name("calc_probe.py")
LOCALE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
"""


def available() -> str:
    """Why Calc cannot be used here ("" when it can)."""
    if not Path(SOFFICE).exists():
        return "LibreOffice Calc is not installed (scripts/test.sh installs libreoffice-calc-nogui)"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    return "" if probe.returncode == 0 else "python3-uno is missing for /usr/bin/python3"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Calc:
    """A running soffice; ``open`` runs actions on one workbook and returns what they report."""

    def __init__(self, profile: Path, locale: str = "en-US"):
        (profile / "user").mkdir(parents=True, exist_ok=True)
        (profile / "user" / "registrymodifications.xcu").write_text(LOCALE_SETTINGS.format(locale=locale))
        self.profile = profile
        self.start()

    def start(self) -> None:
        self.port = free_port()
        accept = f"socket,host=127.0.0.1,port={self.port};urp;StarOffice.ComponentContext"
        self.process = subprocess.Popen(
            [
                SOFFICE,
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                "--nodefault",
                "--nolockcheck",
                f"-env:UserInstallation={self.profile.as_uri()}",
                f"--accept={accept}",
            ],
            env={**os.environ, "LANG": "C.UTF-8"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.wait_until_listening()

    def wait_until_listening(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"soffice exited with {self.process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("soffice did not start listening")

    def open(self, path: Path, *actions: dict) -> dict:
        errors = []
        for _attempt in range(3):
            request = json.dumps({"port": self.port, "open": str(path), "actions": list(actions)})
            run = subprocess.run(
                [SYSTEM_PYTHON, str(PROBE)], input=request, capture_output=True, text=True, timeout=120
            )
            if run.returncode == 0:
                return json.loads(run.stdout)
            errors.append(run.stderr[-1500:])
            # Calc 7.4 headless now and then dies on a document it has just handled: start it again.
            if self.process.poll() is not None:
                self.start()
            else:
                time.sleep(2)  # the first connection may come before the UNO bridge is ready
        raise RuntimeError("calc_probe failed:\n" + "\n---\n".join(errors))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def printed_text(pdf: Path) -> tuple[list[bool], Counter]:
    """Each page's orientation (landscape?) and how many characters print at each size (points)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    def chars(item):
        if isinstance(item, LTChar):
            yield item
        elif hasattr(item, "__iter__"):
            for child in item:
                yield from chars(child)

    landscape, sizes = [], Counter()
    for page in extract_pages(pdf):
        landscape.append(page.width > page.height)
        sizes.update(round(char.size, 1) for char in chars(page) if char.get_text().strip())
    return landscape, sizes
