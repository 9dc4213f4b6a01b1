"""Accounts: who counts as a signed-in professional or editor, signing in (`login`), and invitations (`invitations`).

Two-factor authentication is optional: people who set up a TOTP device (an authenticator app) must give its code
whenever they sign in. The rule lives in `second_factor_ok` below. The login forms enforce it when someone signs in;
`is_professional`, the admin and the preview check it on every request, so a session that was never verified with
the code (one older than the device, or from a login route that forgot to ask) gets no more than a visitor.
"""

from __future__ import annotations

from django_otp import user_has_device

PROFESSIONALS_GROUP = "Professionals"


def has_second_factor(user) -> bool:
    """Has a confirmed TOTP device, so must give its code to sign in."""
    return user_has_device(user)


def second_factor_ok(user) -> bool:
    """False for a user with a device whose session was not verified with its code; True for everyone else."""
    is_verified = getattr(user, "is_verified", None)  # django_otp's OTPMiddleware puts it on request.user
    if is_verified is not None and is_verified():
        return True
    return not has_second_factor(user)


def is_professional(user) -> bool:
    """May see contacts marked "professionals only": invited professionals, and every editor."""
    if not user.is_authenticated or not user.is_active:
        return False
    if not (user.is_staff or user.groups.filter(name=PROFESSIONALS_GROUP).exists()):
        return False
    return second_factor_ok(user)


def may_use_admin(user) -> bool:
    """Staff, and verified with the second factor if they have one. The admin and the preview both ask this."""
    return user.is_active and user.is_staff and second_factor_ok(user)


def admin_has_permission(request) -> bool:
    return may_use_admin(request.user)
