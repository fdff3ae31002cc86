"""The product's URLs plus the benchmark's reference views, as POWERWITH_BENCH=1 mounts them."""

from django.urls import include, path

from powerwith.urls import urlpatterns as product

urlpatterns = [*product, path("bench/", include("powerwith.bench_views"))]
