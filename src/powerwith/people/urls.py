from powerwith.people.views import register, register_csv, self_service

app_name = "people"

urlpatterns = [*self_service.urlpatterns, *register.urlpatterns, *register_csv.urlpatterns]
