"""Regions, samenwerkingsverbanden, municipalities, and what every content object shares."""
