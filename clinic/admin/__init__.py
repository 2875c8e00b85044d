"""Coalition administration: organizations, users and roles, and the audit log."""
