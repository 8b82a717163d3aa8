"""The review rules of a report, as plain functions with no models.

A report moves draft → submitted → verified, or submitted → returned (with the reviewer's
note) → corrected and submitted again. Staff of Bagian Organisasi review, and so do the Pokja
members of the item's area (the Tim Gabungan), never for their own agency; agency admins report
their own items; the Tim Pengarah never writes. A verified report, or a period whose reporting
window has closed, is locked for agency admins; staff may still correct it, giving a reason.
See docs/roles.md.
"""

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    VERIFIED = "verified"


class Actor(StrEnum):
    STAFF = "staff"
    AGENCY = "agency_admin"  # the admin of the agency that owns the item
    REVIEWER = "reviewer"  # a Pokja member reviewing another agency's report of its area (Tim Gabungan)
    READER = "reader"  # Tim Pengarah, or an agency admin looking at another agency's item


# Which actors may move a report from one state to another.
TRANSITIONS: dict[tuple[State, State], frozenset[Actor]] = {
    (State.DRAFT, State.SUBMITTED): frozenset({Actor.STAFF, Actor.AGENCY}),
    (State.RETURNED, State.SUBMITTED): frozenset({Actor.STAFF, Actor.AGENCY}),
    (State.SUBMITTED, State.SUBMITTED): frozenset({Actor.STAFF, Actor.AGENCY}),  # corrected before review
    (State.SUBMITTED, State.DRAFT): frozenset({Actor.STAFF, Actor.AGENCY}),  # taken back before review
    (State.DRAFT, State.DRAFT): frozenset({Actor.STAFF, Actor.AGENCY}),
    (State.RETURNED, State.DRAFT): frozenset({Actor.STAFF, Actor.AGENCY}),  # correction in progress
    (State.SUBMITTED, State.VERIFIED): frozenset({Actor.STAFF, Actor.REVIEWER}),
    (State.SUBMITTED, State.RETURNED): frozenset({Actor.STAFF, Actor.REVIEWER}),
    (State.VERIFIED, State.RETURNED): frozenset({Actor.STAFF}),  # reopened with a note
    (State.VERIFIED, State.VERIFIED): frozenset({Actor.STAFF}),  # a staff correction, with a reason
}


def can_move(current: str | None, target: str, actor: str) -> bool:
    """Whether ``actor`` may bring a report from ``current`` (None: not yet written) to ``target``."""
    start = State.DRAFT if current is None else State(current)
    return Actor(actor) in TRANSITIONS.get((start, State(target)), frozenset())


@dataclass(frozen=True)
class EditDecision:
    allowed: bool
    reason_required: bool = False
    why_not: str = ""


def edit_decision(current: str | None, actor: str, period_open: bool) -> EditDecision:
    """May ``actor`` change a report in ``current`` state for a period that is open or closed?"""
    actor = Actor(actor)
    if actor in (Actor.READER, Actor.REVIEWER):  # a reviewer verifies or returns; it never rewrites
        return EditDecision(False, why_not="Peran Anda hanya dapat membaca.")
    verified = current == State.VERIFIED
    if actor == Actor.STAFF:
        return EditDecision(True, reason_required=verified or not period_open)
    if verified:
        return EditDecision(
            False, why_not="Laporan ini sudah diverifikasi; perubahan hanya melalui staf Bagian Organisasi."
        )
    if not period_open:
        return EditDecision(False, why_not="Jendela pelaporan periode ini sudah ditutup.")
    return EditDecision(True)
