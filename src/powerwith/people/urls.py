from powerwith.people.views import (
    benefits,
    contact,
    register,
    register_csv,
    self_service,
    supported_work,
    supporting,
    wellness,
)

app_name = "people"

urlpatterns = [
    *self_service.urlpatterns,
    *contact.urlpatterns,
    *supporting.urlpatterns,
    *supported_work.urlpatterns,
    *register.urlpatterns,
    *register_csv.urlpatterns,
    *wellness.urlpatterns,
    *benefits.urlpatterns,
]
