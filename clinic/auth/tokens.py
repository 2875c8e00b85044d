"""Random tokens handed to a browser, and the hashes kept of them in the database."""

import hashlib
import secrets


def new_token():
    return secrets.token_urlsafe(32)


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()
