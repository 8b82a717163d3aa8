"""Where an assessment stands, from the review states of its answers: plain functions, no Django.

An assessment is finished once every question has an answer that was submitted and none is
waiting for a correction; the chase list is the assessments that are not (docs/assessment.md).
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from monev.workflow import State


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    RETURNED = "returned"
    SUBMITTED = "submitted"
    REVIEWED = "reviewed"


LABELS = {
    Status.NOT_STARTED: "Belum diisi",
    Status.IN_PROGRESS: "Sedang diisi",
    Status.RETURNED: "Dikembalikan",
    Status.SUBMITTED: "Menunggu reviu",
    Status.REVIEWED: "Selesai direviu",
}
FINISHED = (Status.SUBMITTED, Status.REVIEWED)


@dataclass(frozen=True)
class Progress:
    questions: int
    draft: int = 0
    submitted: int = 0
    returned: int = 0
    verified: int = 0

    @property
    def answered(self) -> int:
        return self.draft + self.submitted + self.returned + self.verified

    @property
    def unanswered(self) -> int:
        return max(self.questions - self.answered, 0)

    @property
    def percent(self) -> int:
        """Answered questions in whole percent, for a progress bar (rounded down: 100 only when done)."""
        return self.answered * 100 // self.questions if self.questions else 0

    @property
    def status(self) -> Status:
        if self.returned:
            return Status.RETURNED
        if not self.answered:
            return Status.NOT_STARTED
        if self.unanswered or self.draft:
            return Status.IN_PROGRESS
        if self.submitted:
            return Status.SUBMITTED
        return Status.REVIEWED

    @property
    def label(self) -> str:
        return LABELS[self.status]

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def awaiting_review(self) -> int:
        return self.submitted


def progress(states: Iterable[str], questions: int) -> Progress:
    """The progress of an assessment with ``questions`` questions and answers in ``states``."""
    counts = Counter(states)  # counted as given, each distinct state checked once (thousands per round)
    counts = Counter({State(state): n for state, n in counts.items()})
    return Progress(
        questions=questions,
        draft=counts[State.DRAFT],
        submitted=counts[State.SUBMITTED],
        returned=counts[State.RETURNED],
        verified=counts[State.VERIFIED],
    )
