"""Attorney review: the queue, claims, resolving each finding, decisions and sign-offs."""
