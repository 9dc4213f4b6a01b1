"""Who does what: organisations and their contacts, samenwerkingsverbanden, roles, meetings, schools, the glossary."""
