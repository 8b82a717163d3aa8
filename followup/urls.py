from django.urls import path

from followup.views import finding, issue, register

app_name = "followup"

urlpatterns = [
    path("tindak-lanjut/", register.RegisterView.as_view(), name="register"),
    path("tindak-lanjut/usulan/", issue.GenerateView.as_view(), name="generate"),
    path("tindak-lanjut/tambah/", issue.FindingCreateView.as_view(), name="finding-add"),
    path("tindak-lanjut/<int:pk>/", finding.finding_detail, name="finding-detail"),
    path("tindak-lanjut/<int:pk>/ubah/", issue.FindingEditView.as_view(), name="finding-edit"),
    path("tindak-lanjut/<int:pk>/langkah/", finding.record_step, name="finding-step"),
    path("tindak-lanjut/<int:pk>/verifikasi/", finding.give_verdict, name="finding-verdict"),
    path("tindak-lanjut/bukti/<uuid:pk>/", finding.download_evidence, name="evidence"),
]
