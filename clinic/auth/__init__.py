"""Users, organizations, roles, login and server-side sessions, and permission checks."""
