"""Workbooks: one assessment in the worksheet's own layout; a whole round (its recap and every worksheet)."""

from django.views.generic import View

from assessment import access
from assessment.excel.worksheet import assessment_workbook, round_workbook
from assessment.overview import round_page
from roadmap.mixins import RoleRequiredMixin
from roadmap.spreadsheets import xlsx_response


class AssessmentWorkbookView(RoleRequiredMixin, View):
    def get(self, request, pk):
        assessment = access.get_assessment_for_user(request.user, pk)
        code = assessment.agency.code if assessment.agency_id else "pemkab"
        return xlsx_response(assessment_workbook(assessment), f"pmprb-{assessment.round.year}-{code}.xlsx")


class RoundWorkbookView(RoleRequiredMixin, View):
    def get(self, request, pk):
        round_ = access.get_round_for_full_reader(request.user, pk)
        return xlsx_response(
            round_workbook(round_page(round_, self.profile, questions=True)), f"pmprb-{round_.year}.xlsx"
        )
