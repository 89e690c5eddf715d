"""The desk's pages beside the admin, under /desk/."""

from django.urls import path

from editorial import views

app_name = "editorial"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/", views.review, name="review"),
    path("articles/<int:pk>/move/", views.move, name="move"),
    path("articles/<int:pk>/fix/", views.fix, name="fix"),
    path("articles/<int:pk>/bylines/", views.bylines, name="bylines"),
    path("articles/<int:pk>/continuation/", views.continuation, name="continuation"),
    path("articles/<int:pk>/zone/", views.zone, name="zone"),
    path("articles/<int:pk>/notes/", views.note, name="note"),
    path("articles/<int:pk>/screening/override/", views.screening_override, name="screening_override"),
    path("articles/<int:pk>/marks/", views.mark, name="mark"),
    path("articles/<int:pk>/marks/<int:mark_id>/resolve/", views.mark_resolve, name="mark_resolve"),
    path("articles/<int:pk>/history/", views.history, name="history"),
    path("articles/<int:pk>/history/<int:version_id>/restore/", views.restore, name="restore"),
]
