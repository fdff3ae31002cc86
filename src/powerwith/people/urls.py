from powerwith.people.views import benefits, register, register_csv, self_service, wellness

app_name = "people"

urlpatterns = [
    *self_service.urlpatterns,
    *register.urlpatterns,
    *register_csv.urlpatterns,
    *wellness.urlpatterns,
    *benefits.urlpatterns,
]
