"""Regions, sectors and municipalities, and what every piece of content shares: the base the other apps build on."""
