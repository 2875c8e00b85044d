"""Applicants, cases, the stage machine, and finding people without creating duplicates."""
