"""The PMPRB team's review: per answer (agree, set its own answer with a note, return), or agreeing
with every submitted answer of an assessment at once."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from assessment import access, services
from assessment.forms import ReviewForm
from roadmap.mixins import EditionMixin


class AnswerReviewView(EditionMixin, TemplateView):
    template_name = "assessment/answer_review.html"

    def dispatch(self, request, *args, **kwargs):
        self.answer = access.get_answer_for_reviewer(request.user, kwargs["pk"])
        if not self.answer.assessment.round.is_open:
            raise PermissionDenied(services.CLOSED)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        answer = self.answer
        initial = {"note": answer.review_note}
        if answer.adjusted:
            initial.update(
                action=services.ADJUST, reviewer_answer=answer.reviewer_choice or answer.reviewer_number
            )
        kwargs.setdefault("form", ReviewForm(initial=initial, question=answer.question))
        return super().get_context_data(
            answer=answer,
            question=answer.question,
            assessment=answer.assessment,
            evidence=list(answer.evidence.all()),
            **kwargs,
        )

    def post(self, request, pk):
        form = ReviewForm(request.POST, question=self.answer.question)
        if form.is_valid():
            choice, number = form.reviewer_answer
            try:
                services.review_answer(
                    answer=self.answer,
                    action=form.cleaned_data["action"],
                    note=form.cleaned_data["note"],
                    choice=choice,
                    number=number,
                    user=request.user,
                )
            except ValidationError as error:
                for field, texts in (
                    error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
                ).items():
                    for text in texts:
                        form.add_error(field if field in form.fields else None, text)
            except PermissionDenied as error:
                form.add_error(None, str(error))
            else:
                verb = {
                    services.AGREE: "disetujui",
                    services.ADJUST: "ditetapkan reviewer",
                    services.RETURN: "dikembalikan",
                }
                messages.success(
                    request, f"Jawaban {self.answer.question.code} {verb[form.cleaned_data['action']]}."
                )
                assessment = self.answer.assessment
                return redirect(f"{assessment.get_absolute_url()}#q-{self.answer.question.code}")
        return self.render_to_response(self.get_context_data(form=form), status=400)


@require_POST
def agree_with_all(request, pk):
    assessment = access.get_assessment_for_reviewer(request.user, pk)
    try:
        count = services.agree_with_all(assessment=assessment, user=request.user)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, f"{count} jawaban yang diajukan disetujui.")
    return redirect(assessment)
