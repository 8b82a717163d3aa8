"""Evidence of answers: downloaded only through this view, after the login and role check."""

from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from assessment.access import get_evidence_for_user


@require_GET
def download_evidence(request, pk):
    evidence = get_evidence_for_user(request.user, pk)
    if not evidence.file:
        raise Http404("Bukti dukung ini berupa tautan, bukan berkas.")
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name or evidence.file.name.rsplit("/", 1)[-1],
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
