"""A finding's page: its steps with evidence and history; the agency answers it, staff verify or return it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from followup import services
from followup.access import (
    get_evidence_for_user,
    get_finding_for_user,
    get_finding_to_answer,
    get_finding_to_verify,
)
from followup.detail import detail_context
from followup.forms import StepForm, VerdictForm

TEMPLATE = "followup/finding_detail.html"


@require_GET
def finding_detail(request, pk):
    finding = get_finding_for_user(request.user, pk)
    return render(request, TEMPLATE, detail_context(request, finding))


@require_POST
def record_step(request, pk):
    finding = get_finding_to_answer(request.user, pk)
    form = StepForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_step(
                finding=finding,
                user=request.user,
                text=data["text"],
                finished=data["finished"],
                upload=data.get("evidence_file"),
                link=data.get("evidence_link") or "",
            )
        except ValidationError as error:
            form.add_error("finished" if error.code == "evidence_required" else None, error)
        else:
            messages.success(
                request,
                "Tindak lanjut diajukan untuk diverifikasi." if data["finished"] else "Langkah dicatat.",
            )
            return redirect(finding.get_absolute_url())
    form.note_unsaved_upload()
    return render(request, TEMPLATE, detail_context(request, finding, step_form=form), status=400)


@require_POST
def give_verdict(request, pk):
    finding = get_finding_to_verify(request.user, pk)
    form = VerdictForm(request.POST)
    if form.is_valid():
        try:
            if "return" in request.POST:
                services.return_finding(finding=finding, user=request.user, note=form.cleaned_data["note"])
                messages.success(request, "Tindak lanjut dikembalikan kepada Perangkat Daerah.")
            else:
                services.verify(finding=finding, user=request.user)
                messages.success(request, "Tindak lanjut diverifikasi selesai.")
        except ValidationError as error:
            form.add_error("note" if error.code == "note_required" else None, error)
        else:
            return redirect(finding.get_absolute_url())
    return render(request, TEMPLATE, detail_context(request, finding, verdict_form=form), status=400)


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
