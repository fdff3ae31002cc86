from powerwith.people.views import (
    contact,
    register,
    register_csv,
    self_service,
    wellness,
)

app_name = "people"

# The supporter's pages and the benefits pages are served by workflows (they read offers).

urlpatterns = [
    *self_service.urlpatterns,
    *contact.urlpatterns,
    *register.urlpatterns,
    *register_csv.urlpatterns,
    *wellness.urlpatterns,
]
