from powerwith.people.views import register, self_service

app_name = "people"

urlpatterns = [*self_service.urlpatterns, *register.urlpatterns]
