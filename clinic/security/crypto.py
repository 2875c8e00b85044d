"""Encryption at rest: AES-256-GCM for sensitive columns and keyed hashes (blind indexes).

The keys live apart from the database: in the instance folder's key file (ENCRYPTION_KEY_FILE,
written by `make install`, mode 0600) or in CLINIC_ENCRYPTION_KEYS. A key file holds

    {"index_key": "<base64>", "data_keys": ["<base64, newest first>", ...]}

Values are written with the newest data key and read with the key whose id the value names, so
values written before a `rotate-key` stay readable until it has re-encrypted them. A worker
that meets a key id it does not know reloads the key file once (another process rotated).
"""

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "v1"
NONCE_BYTES = 12
KEY_BYTES = 32


class KeyProblem(Exception):
    """The keys are missing, malformed, or none of them opens a value."""


def new_key():
    return base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode()


def new_key_set():
    return {"index_key": new_key(), "data_keys": [new_key()]}


def key_id(raw):
    """A short, public name for a key: the start of its SHA-256 (reveals nothing useful)."""
    return hashlib.sha256(raw).hexdigest()[:8]


def _decode(text):
    try:
        raw = base64.b64decode(text, validate=True)
    except (ValueError, TypeError) as error:
        raise KeyProblem("A key is not valid base64.") from error
    if len(raw) != KEY_BYTES:
        raise KeyProblem(f"A key must be {KEY_BYTES} bytes (base64 of 32 random bytes).")
    return raw


class Keyring:
    """The data keys (newest first) and the index key, from a key set dict."""

    def __init__(self, key_set, path=None):
        self.path = path
        self._lock = threading.Lock()
        self._load(key_set)
        self._mtime = _mtime(path)

    @classmethod
    def from_file(cls, path):
        return cls(read_key_file(path), path)

    def _load(self, key_set):
        if not isinstance(key_set, dict) or not key_set.get("data_keys"):
            raise KeyProblem("The key set needs an index_key and at least one data key.")
        self.index_key = _decode(key_set["index_key"])
        raws = [_decode(text) for text in key_set["data_keys"]]
        self.newest_id = key_id(raws[0])
        self._ciphers = {key_id(raw): AESGCM(raw) for raw in raws}
        self.key_ids = [key_id(raw) for raw in raws]

    def reload_if_changed(self):
        """Pick up a key file another process rewrote (rotate-key); True if it changed."""
        if self.path is None or _mtime(self.path) == self._mtime:
            return False
        with self._lock:
            self._load(read_key_file(self.path))
            self._mtime = _mtime(self.path)
        return True

    def encrypt(self, plaintext, purpose):
        """'v1:<key id>:<base64 nonce + ciphertext>'; `purpose` (the column) is authenticated,
        so a value copied into another column does not open."""
        self.reload_if_changed()
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._ciphers[self.newest_id].encrypt(nonce, plaintext.encode(), purpose.encode())
        return f"{PREFIX}:{self.newest_id}:{base64.b64encode(nonce + sealed).decode()}"

    def decrypt(self, stored, purpose):
        try:
            prefix, kid, body = stored.split(":", 2)
        except ValueError as error:
            raise KeyProblem("A stored value is not encrypted by Clinic.") from error
        if prefix != PREFIX:
            raise KeyProblem("A stored value is not encrypted by Clinic.")
        if kid not in self._ciphers:
            self.reload_if_changed()
        cipher = self._ciphers.get(kid)
        if cipher is None:
            raise KeyProblem(f"No key with id {kid}: was the key file replaced or lost?")
        sealed = base64.b64decode(body)
        plaintext = cipher.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], purpose.encode())
        return plaintext.decode()

    def is_current(self, stored):
        return stored.startswith(f"{PREFIX}:{self.newest_id}:")

    def blind_index(self, value, purpose):
        """A keyed hash to find equal values without storing them in clear (HMAC-SHA-256)."""
        message = f"{purpose}\x00{value}".encode()
        return hmac.new(self.index_key, message, hashlib.sha256).hexdigest()


class MissingKeys:
    """Stands in for the keyring of a test or debug app started without keys: any use fails."""

    def __init__(self, reason):
        self.reason = reason

    def __getattr__(self, name):
        raise KeyProblem(f"No encryption keys: {self.reason}")


def _mtime(path):
    try:
        return os.stat(path).st_mtime_ns if path else None
    except FileNotFoundError:
        return None


def read_key_file(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError as error:
        raise KeyProblem(f"No key file at {path}.") from error
    except json.JSONDecodeError as error:
        raise KeyProblem(f"The key file {path} is not valid JSON.") from error


def write_key_file(path, key_set):
    """Write the key set atomically, readable only by its owner."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    temporary = f"{path}.new"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(key_set, handle, indent=1)
        handle.write("\n")
    os.replace(temporary, path)
