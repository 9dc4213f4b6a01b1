"""Escalation routes with their steps, the triggers that move a case, situations, phases and the quickscan."""
