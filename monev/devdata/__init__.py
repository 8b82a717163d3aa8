"""Demo and scale data for development, never for production."""

from django.dispatch import Signal

# Sent by ``seed_demo`` once the demo accounts and reports exist (keyword ``today``), so that apps
# above monev add demo data of their own without monev importing them. A receiver returns a line
# saying what it added (printed by the command), or None.
demo_seeded = Signal()
