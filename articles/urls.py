"""Public URLs. Article URLs carry the date and slug for readers and search
engines, but only the id decides which article is shown."""

from django.urls import path, register_converter

from articles import views


class FixedDigits:
    """Zero-padded numbers such as "2024" and "03"; reverse() is given strings."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int | str) -> str:
        return str(value)


register_converter(FixedDigits, "digits")

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "articles/<digits:year>/<digits:month>/<digits:day>/<int:pk>-<slug:slug>/",
        views.article_detail,
        name="detail",
    ),
    # Shortened links (no slug) redirect to the canonical URL.
    path("articles/<int:pk>/", views.article_detail, name="short"),
    path("reporters/<slug:slug>/", views.reporter_detail, name="reporter"),
]
