"""Signing in with a second factor, choosing and resetting passwords, and invitations."""
