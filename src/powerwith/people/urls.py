from powerwith.people.views import (
    benefits,
    contact,
    register,
    register_csv,
    self_service,
    supporting,
    wellness,
)

app_name = "people"

urlpatterns = [
    *self_service.urlpatterns,
    *contact.urlpatterns,
    *supporting.urlpatterns,
    *register.urlpatterns,
    *register_csv.urlpatterns,
    *wellness.urlpatterns,
    *benefits.urlpatterns,
]
