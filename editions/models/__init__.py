"""Amendments of an edition in force and the changes each one makes (docs/editions.md)."""

from editions.models.amendments import Amendment, AmendmentChange, AmendmentQuerySet, ChangeKind

__all__ = ["Amendment", "AmendmentChange", "AmendmentQuerySet", "ChangeKind"]
