#!/usr/bin/env python3
"""Runs a minimal Django app with django-prometheus' middleware and cache backend, sends it known requests through
Django's test client (the real request path: middleware, URL resolver, views), and prints the exposition.

Traffic: 6 × GET /items/ (200), 2 × GET /boom/ (500), 3 × GET /health/ (200), 1 × GET /metrics (the exporter's own
view). Cache (django_prometheus' locmem backend): 3 gets of a missing key, then a set, then 5 gets of it.
"""
import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="test",
    INSTALLED_APPS=["django_prometheus"],
    MIDDLEWARE=[
        "django_prometheus.middleware.PrometheusBeforeMiddleware",
        "django_prometheus.middleware.PrometheusAfterMiddleware",
    ],
    CACHES={"default": {"BACKEND": "django_prometheus.cache.backends.locmem.LocMemCache"}},
    DATABASES={},
    LOGGING_CONFIG=None,
)
django.setup()

from django.core.cache import cache  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import include, path  # noqa: E402


def items(request):
    return HttpResponse("items")


def boom(request):
    return HttpResponse("boom", status=500)


def health(request):
    return HttpResponse("ok")


urlpatterns = [
    path("items/", items, name="items"),
    path("boom/", boom, name="boom"),
    path("health/", health, name="health"),
    path("", include("django_prometheus.urls")),
]

client = Client()
for _ in range(6):
    client.get("/items/")
for _ in range(2):
    client.get("/boom/")
for _ in range(3):
    client.get("/health/")
client.get("/metrics")
for _ in range(3):
    cache.get("missing")
cache.set("present", 1)
for _ in range(5):
    cache.get("present")

from prometheus_client import REGISTRY, generate_latest  # noqa: E402

print(generate_latest(REGISTRY).decode(), end="")
