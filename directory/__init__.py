"""Organisations, roles, schools, who is assigned where, meetings and the glossary."""
