"""Signing in with the username or the e-mail address, whatever the capitals.

Invitees get their e-mail address, in lower case, as their username; people type it the way their address book
shows it. A username or address that two accounts share never signs anyone in.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UsernameOrEmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        users = get_user_model()._default_manager
        matches = list(users.filter(username__iexact=username)[:2]) or list(users.filter(email__iexact=username)[:2])
        if len(matches) != 1:
            # Hash anyway, so an unknown name takes as long as a wrong password (as ModelBackend does).
            get_user_model()().set_password(password)
            return None
        user = matches[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
