"""The WSGI module gunicorn serves (DEPLOY.md, section 4) sets up the garbage collector for workers."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_workers_freeze_start_up_objects_and_collect_young_objects_less_often():
    code = (
        "import gc, json, sys; import roadmap.wsgi; "
        "print(json.dumps({'threshold': gc.get_threshold(), 'frozen': gc.get_freeze_count(), "
        "'views': 'dashboards.views.recap' in sys.modules}))"
    )
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    values = json.loads(run.stdout)
    assert values["threshold"] == [2000, 10, 10]
    # Django, the project and every view module, loaded before freezing: none of it is walked again.
    assert values["views"] is True
    assert values["frozen"] > 50_000
