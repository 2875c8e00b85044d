"""Protecting stored data: encryption at rest, blind indexes, the audit chain, backups."""
