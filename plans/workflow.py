"""The plan's review rule: which step is allowed from which status, and why not (no Django).

draft -> submitted -> approved, or submitted -> returned -> submitted again (docs/plans.md).
"""

DRAFT, SUBMITTED, RETURNED, APPROVED = "draft", "submitted", "returned", "approved"


def submit_refusal(status: str, indicators: int, without_target: list[str]) -> str | None:
    """Why a plan cannot be submitted now (None: it can)."""
    if status not in (DRAFT, RETURNED):
        return "Rencana aksi ini sudah diajukan atau disetujui."
    if indicators == 0:
        return "Rencana aksi belum memiliki indikator."
    if without_target:
        shown = ", ".join(without_target[:3]) + (" dan lainnya" if len(without_target) > 3 else "")
        return f"Isi target setiap tahun untuk semua indikator. Belum lengkap: {shown}."
    return None


def review_refusal(status: str) -> str | None:
    """Why a plan cannot be approved or returned now (None: it can)."""
    if status != SUBMITTED:
        return "Hanya rencana aksi yang sedang diajukan yang dapat disetujui atau dikembalikan."
    return None


def return_refusal(general_note: str, line_notes: list[str]) -> str | None:
    """A returned plan says what to correct: a general note or a note on at least one line."""
    if not general_note.strip() and not any(note.strip() for note in line_notes):
        return "Tulis catatan umum atau catatan pada baris yang perlu diperbaiki."
    return None
