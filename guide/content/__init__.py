"""The guides, one per role, in the order the help page lists them."""

from guide.content import agency, staff, steering

GUIDES = (agency.GUIDE, staff.GUIDE, steering.GUIDE)
