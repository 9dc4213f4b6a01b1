"""Settings profiles: base (development default), production and test."""
