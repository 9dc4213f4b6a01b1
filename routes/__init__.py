"""Escalation routes with their steps and triggers, situations, and the parents' question flows."""
