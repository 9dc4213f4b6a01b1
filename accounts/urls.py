"""Signing in and out, and choosing a password (from an invitation or after forgetting it). Django's own names."""

from django.contrib.auth import views as auth_views
from django.urls import path

from accounts.login import ChoosePasswordView, ForgottenPasswordView, LoginView

urlpatterns = [
    path("inloggen/", LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", ForgottenPasswordView.as_view(), name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("wachtwoord-kiezen/<uidb64>/<token>/", ChoosePasswordView.as_view(), name="password_reset_confirm"),
    path("wachtwoord-gekozen/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
