"""
WSGI config for roadmap project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roadmap.settings")

application = get_wsgi_application()

# Python's cyclic garbage collector, tuned for a worker that serves requests (DEPLOY.md, section 4).
# A workbook request keeps tens of thousands of objects alive until it ends, so they reach the
# oldest generation, and every ~35,000 of them (a quarter of what lives there) start a full
# collection that also walks the ~135,000 objects Django and the project load at start-up:
# ~20 % of a full-year recap, growing faster than the data (more full collections, each longer).
get_resolver().url_patterns  # noqa: B018 (imports every view module first)
# Start-up objects live as long as the worker: no collection needs to look at them again.
gc.freeze()
# A young collection every 2,000 new objects instead of 700: fewer short-lived objects are
# promoted, full collections come every ~200,000 survivors and walk only what came after start-up.
# 7,000 saved no more time and let cyclic garbage pile up (+30 MB per worker at scale 20).
gc.set_threshold(2000, 10, 10)
