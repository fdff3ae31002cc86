from django.urls import URLPattern, path

from powerwith.reports.dashboard import views

urlpatterns: list[URLPattern] = [
    path("dashboard/", views.dashboard_page, name="dashboard"),
    path("dashboard/dashboard.csv", views.dashboard_csv_download, name="dashboard_csv"),
    path("dashboard/report/", views.dashboard_print, name="dashboard_print"),
    path("dashboard/report.pdf", views.dashboard_pdf, name="dashboard_pdf"),
]
