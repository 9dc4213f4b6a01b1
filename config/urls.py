"""Root URLs: the admin, accounts, the API, and the public and professional pages of every app."""

from django.contrib import admin
from django.urls import include, path

from accounts.invitations import invite_view
from accounts.login import AdminLoginForm
from front.dashboard import index as admin_index
from regions.admin.view_on_site import view_on_site
from regions.permissions import admin_has_permission

urlpatterns = [
    path("beheer/uitnodigen/", admin.site.admin_view(invite_view), name="invite"),
    # Before the admin's own "r/" shortcut, which would show any object's address to any staff user.
    path("beheer/r/<path:content_type_id>/<path:object_id>/", admin.site.admin_view(view_on_site)),
    # The admin's start page opens on "Wat vraagt uw aandacht" (before the admin's own index at the same address).
    path("beheer/", admin.site.admin_view(admin_index)),
    path("beheer/", admin.site.urls),
    path("", include("accounts.urls")),
    path("api/v1/", include("front.api_urls")),
    path("api/hsds/", include("front.hsds.urls")),
    path("", include("regions.urls")),
    path("", include("parents.urls")),
    path("", include("routes.urls")),
    path("", include("directory.urls")),
    path("", include("front.urls")),  # last: its "<region>/" would match any single word before the others
]

handler404 = "front.views.not_found"

admin.site.site_header = "Wie doet wat – beheer"
admin.site.site_title = "Wie doet wat"
admin.site.index_title = "Inhoud beheren"
admin.site.login_form = AdminLoginForm
admin.site.index_template = "admin/dashboard_index.html"
admin.site.has_permission = admin_has_permission
