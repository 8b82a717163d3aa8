from django.urls import path

from editions.views import amendments, content, editions, items, workbook

app_name = "editions"

urlpatterns = [
    path("editions/", editions.EditionListView.as_view(), name="list"),
    path("editions/new/", editions.EditionCreateView.as_view(), name="create"),
    path("editions/<int:pk>/", editions.EditionDetailView.as_view(), name="detail"),
    path("editions/<int:pk>/settings/", editions.DraftSettingsView.as_view(), name="settings"),
    path("editions/<int:pk>/enact/", editions.EnactView.as_view(), name="enact"),
    path("editions/<int:pk>/delete/", editions.DraftDeleteView.as_view(), name="delete"),
    path("editions/<int:pk>/content/", content.ContentView.as_view(), name="content"),
    path(
        "editions/<int:pk>/amendments/new/", amendments.AmendmentCreateView.as_view(), name="amendment-create"
    ),
    path("editions/amendments/<int:pk>/", amendments.AmendmentDetailView.as_view(), name="amendment-detail"),
    path("editions/<int:edition>/areas/new/", items.AreaFormView.as_view(), name="area-create"),
    path("editions/areas/<int:pk>/", items.AreaFormView.as_view(), name="area-edit"),
    path("editions/areas/<int:pk>/delete/", items.AreaDropView.as_view(), name="area-drop"),
    path("editions/<int:edition>/quick-wins/new/", items.QuickWinFormView.as_view(), name="quick-win-create"),
    path("editions/quick-wins/<int:pk>/", items.QuickWinFormView.as_view(), name="quick-win-edit"),
    path("editions/quick-wins/<int:pk>/delete/", items.QuickWinDropView.as_view(), name="quick-win-drop"),
    path(
        "editions/<int:edition>/indicators/new/", items.IndicatorFormView.as_view(), name="indicator-create"
    ),
    path("editions/indicators/<int:pk>/", items.IndicatorFormView.as_view(), name="indicator-edit"),
    path("editions/indicators/<int:pk>/drop/", items.IndicatorDropView.as_view(), name="indicator-drop"),
    path("editions/<int:edition>/activities/new/", items.ActivityFormView.as_view(), name="activity-create"),
    path("editions/activities/<int:pk>/", items.ActivityFormView.as_view(), name="activity-edit"),
    path("editions/activities/<int:pk>/drop/", items.ActivityDropView.as_view(), name="activity-drop"),
    path("editions/<int:edition>/action-plan/new/", items.RowFormView.as_view(), name="row-create"),
    path("editions/action-plan/<int:pk>/", items.RowFormView.as_view(), name="row-edit"),
    path("editions/action-plan/<int:pk>/drop/", items.RowDropView.as_view(), name="row-drop"),
    path("editions/<int:pk>/workbook.xlsx", workbook.WorkbookDownloadView.as_view(), name="workbook"),
    path("editions/<int:pk>/import/", workbook.WorkbookImportView.as_view(), name="import"),
]
