"""Demo and scale data for development, never for production."""

from django.dispatch import Signal
from django.test.utils import override_settings

# Sent by ``seed_demo`` once the demo accounts and reports exist (keyword ``today``), so that apps
# above monev add demo data of their own without monev importing them. A receiver returns a line
# saying what it added (printed by the command), or None.
demo_seeded = Signal()

# Sent by ``seed_scale`` (``seed_demo --scale N``) inside its transaction, after clearing and making
# monev's own scale data (keywords ``scale`` and ``seed``): apps above monev clear their synthetic rows
# and make N times a realistic year of their own. A receiver returns a line saying what it made, or None.
scale_seeded = Signal()


def without_history():
    """Removing synthetic rows writes no "deleted" history row for each of them (one INSERT per row:
    half a minute at scale 20); their history rows are removed with them by the callers."""
    return override_settings(SIMPLE_HISTORY_ENABLED=False)
