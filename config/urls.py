"""Root URLs: admin, accounts, the API, and the public and professional pages."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from regions.accounts import admin_has_permission
from regions.accounts.invitations import invite_view
from regions.accounts.login import AdminLoginForm, ChoosePasswordView, ForgottenPasswordView, LoginView
from regions.preview import preview
from regions.view_on_site import view_on_site
from regions.views import correction

urlpatterns = [
    path("beheer/uitnodigen/", admin.site.admin_view(invite_view), name="invite"),
    # Before the admin's own "r/" shortcut, which would show any object's address to any staff user.
    path("beheer/r/<path:content_type_id>/<path:object_id>/", admin.site.admin_view(view_on_site)),
    path("beheer/", admin.site.urls),
    path("wachtwoord-kiezen/<uidb64>/<token>/", ChoosePasswordView.as_view(), name="password_reset_confirm"),
    path("wachtwoord-gekozen/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("wachtwoord-vergeten/", ForgottenPasswordView.as_view(), name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("inloggen/", LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/v1/", include("directory.api_urls")),
    path("voorbeeld/<path:path>", preview, name="preview"),
    path("correctie/", correction, name="correction"),
    path("", include("routes.urls")),
    path("", include("directory.urls")),
]

handler404 = "directory.views.not_found"

admin.site.site_header = "Wie doet wat – beheer"
admin.site.site_title = "Wie doet wat"
admin.site.index_title = "Inhoud beheren"
admin.site.login_form = AdminLoginForm
admin.site.has_permission = admin_has_permission
