from django.urls import path

from plans.views import lines, plans, printing, revisions, standard, workbook

app_name = "plans"

urlpatterns = [
    path("agency-plans/", plans.PlanListView.as_view(), name="plan-list"),
    path("agency-plans/new/", plans.PlanCreateView.as_view(), name="plan-create"),
    path("agency-plans/<int:pk>/", plans.PlanDetailView.as_view(), name="plan-detail"),
    path("agency-plans/<int:pk>/activities/new/", lines.ActivityView.as_view(), name="activity-add"),
    path(
        "agency-plans/<int:pk>/activities/<int:line_id>/", lines.ActivityView.as_view(), name="activity-edit"
    ),
    path("agency-plans/<int:pk>/indicators/new/", lines.IndicatorView.as_view(), name="indicator-add"),
    path(
        "agency-plans/<int:pk>/indicators/<int:line_id>/",
        lines.IndicatorView.as_view(),
        name="indicator-edit",
    ),
    path(
        "agency-plans/<int:pk>/indicators/<int:line_id>/revise/",
        revisions.RevisionView.as_view(),
        name="indicator-revise",
    ),
    path("agency-plans/<int:pk>/plan.xlsx", workbook.PlanWorkbookView.as_view(), name="plan-workbook"),
    path("agency-plans/<int:pk>/import/", workbook.PlanImportView.as_view(), name="plan-import"),
    path("agency-plans/<int:pk>/print/", printing.PlanPrintView.as_view(), name="plan-print"),
    path("agency-plans/<int:pk>/signatory/", printing.SignatoryView.as_view(), name="plan-signatory"),
    path("agency-plans/standard-indicators/", standard.StandardListView.as_view(), name="standard-list"),
    path("agency-plans/standard-indicators/new/", standard.StandardEditView.as_view(), name="standard-add"),
    path(
        "agency-plans/standard-indicators/<int:pk>/",
        standard.StandardEditView.as_view(),
        name="standard-edit",
    ),
]
