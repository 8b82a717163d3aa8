"""An assessment's worksheet, the answer form of one sub-component, and submitting for review."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from assessment import access, scoring, services
from assessment.forms import AnswersForm
from assessment.offers import offers_for
from assessment.selectors import answers_of, assessment_result, structure
from assessment.worksheet import sheet
from monev.workflow import Actor, State, can_move
from roadmap.mixins import EditionMixin


def sub_anchor(assessment, sub) -> str:
    return f"{assessment.get_absolute_url()}#sub-{sub.code}"


class AssessmentDetailView(EditionMixin, TemplateView):
    template_name = "assessment/assessment_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        assessment = access.get_assessment_for_user(user, self.kwargs["pk"])
        components = structure(assessment.round.model)
        answers = answers_of(assessment)
        result = assessment_result(assessment, components, answers)
        is_open = assessment.round.is_open
        reviewer = is_open and access.review_refusal(user, assessment) is None
        for answer in answers.values():
            actor = access.reviewer_actor(user, assessment, answer) if reviewer else Actor.READER
            # What this reviewer may still do with it: a reviewer reviews submitted answers; staff also
            # correct or reopen verified ones.
            answer.can_review = can_move(answer.review_state, State.VERIFIED, actor) or can_move(
                answer.review_state, State.RETURNED, actor
            )
        subs = {sub.code: sub for c in components for sub in c.subcomponents.all()}
        return super().get_context_data(
            assessment=assessment,
            round=assessment.round,
            result=result,
            parts=sheet(components, answers, result),
            weakest=[(subs[s.code], s) for s in scoring.weakest(result.score.subs)],
            can_answer=is_open and access.answer_actor(user, assessment) != Actor.READER,
            can_review=reviewer,
            awaiting=sum(1 for a in answers.values() if a.review_state == State.SUBMITTED and a.can_review),
            to_submit=result.progress.draft + result.progress.returned,
            example=any(
                q.is_example for c in components for s in c.subcomponents.all() for q in s.questions.all()
            ),
            **kwargs,
        )


class AnswerView(EditionMixin, TemplateView):
    """Every question of one sub-component on one page: answers are saved as drafts with evidence."""

    template_name = "assessment/answer_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.assessment = access.get_assessment_for_user(request.user, kwargs["pk"], write=True)
        if not self.assessment.round.is_open:
            raise PermissionDenied(services.CLOSED)
        self.components = structure(self.assessment.round.model)
        subs = [sub for c in self.components for sub in c.subcomponents.all()]
        self.sub = next((sub for sub in subs if sub.code == kwargs["code"]), None)
        if self.sub is None:
            raise Http404("Sub-komponen ini tidak ada dalam model penilaian.")
        position = subs.index(self.sub)
        self.next_sub = subs[position + 1] if position + 1 < len(subs) else None
        self.questions = list(self.sub.questions.all())
        return super().dispatch(request, *args, **kwargs)

    def form(self, data=None, files=None) -> AnswersForm:
        ids = {q.pk for q in self.questions}
        answers = {q: a for q, a in answers_of(self.assessment).items() if q in ids}
        return AnswersForm(
            data,
            files,
            questions=self.questions,
            answers=answers,
            offers=offers_for(self.assessment, self.questions),
            staff=self.profile.is_staff_member,
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.form())
        return super().get_context_data(
            assessment=self.assessment,
            sub=self.sub,
            next_sub=self.next_sub,
            example=any(q.is_example for q in self.questions),
            evidence_limit=settings.EVIDENCE_MAX_UPLOAD_MB,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST, request.FILES)
        if form.is_valid():
            try:
                saved = services.save_answers(
                    assessment=self.assessment,
                    entries=[services.AnswerEntry(**entry) for entry in form.entries()],
                    user=request.user,
                    reason=form.cleaned_data.get("reason", ""),
                )
            except services.AnswerConflict as conflict:
                form.add_error(None, conflict)
                return self.render_to_response(self.get_context_data(form=form), status=409)
            except (ValidationError, PermissionDenied) as error:
                for text in getattr(error, "messages", [str(error)]):
                    form.add_error(None, text)
            else:
                messages.success(request, f"{saved} jawaban {self.sub.name} disimpan sebagai draf.")
                if "next" in request.POST and self.next_sub is not None:
                    return redirect(
                        "assessment:assessment-answer", pk=self.assessment.pk, code=self.next_sub.code
                    )
                return redirect(sub_anchor(self.assessment, self.sub))
        return self.render_to_response(self.get_context_data(form=form), status=400)


@require_POST
def submit_assessment(request, pk):
    assessment = access.get_assessment_for_user(request.user, pk, write=True)
    try:
        count = services.submit_assessment(assessment=assessment, user=request.user)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, f"{count} jawaban diajukan untuk direviu tim PMPRB.")
    return redirect(reverse("assessment:assessment-detail", kwargs={"pk": assessment.pk}))
