"""Clinic days: when and where a clinic is held, and by which organization."""
