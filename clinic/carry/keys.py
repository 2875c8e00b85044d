"""The carry keys, in the instance folder's carry key file (CARRY_KEY_FILE, default
instance/carry-keys.json, mode 0600), apart from the database like the encryption keys:

    {"signing_key": "<base64 Ed25519 private key>",     this install's, signs its bundles
     "receiving_key": "<base64 X25519 private key>",    this install's, opens bundles sent to it
     "server_key": "<base64 X25519 public key>",        a laptop's: the server it writes for
     "trusted_laptops": [{"name": "...", "key": "<base64 Ed25519 public key>"}]}  a server's

Public keys travel as one line of text, "clinic-server:<base64>" (the server's receiving key,
typed into each laptop) or "clinic-laptop:<base64>" (a laptop's signing key, typed into the
server): neither is secret, but each must come from the other side by a way you trust.
"""

import base64
import hashlib
import os

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from flask import current_app

from clinic.security.crypto import KeyProblem, read_key_file, write_key_file

SERVER_PREFIX, LAPTOP_PREFIX = "clinic-server:", "clinic-laptop:"


class CarryKeyProblem(Exception):
    """A carry key is missing or malformed; the message says what to run."""


def raw_public(key):
    """The 32 raw bytes of a public key, or of a private key's public half."""
    public = key.public_key() if hasattr(key, "public_key") else key
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def b64(raw):
    return base64.b64encode(raw).decode()


def unb64(text, what):
    try:
        raw = base64.b64decode(text, validate=True)
    except (ValueError, TypeError) as error:
        raise CarryKeyProblem(f"{what} is not valid base64.") from error
    if len(raw) != 32:
        raise CarryKeyProblem(f"{what} must be 32 bytes.")
    return raw


def key_id(raw_public_key):
    """A short public name for a public key (the start of its SHA-256)."""
    return hashlib.sha256(raw_public_key).hexdigest()[:16]


def key_file_path():
    return current_app.config.get("CARRY_KEY_FILE") or os.path.join(
        current_app.instance_path, "carry-keys.json"
    )


def load():
    path = key_file_path()
    try:
        key_set = read_key_file(path) if os.path.exists(path) else {}
    except KeyProblem as problem:
        raise CarryKeyProblem(f"{problem} Restore the carry key file from its backup.") from problem
    if not isinstance(key_set, dict):
        raise CarryKeyProblem(f"The carry key file {path} is not a key set: restore its backup.")
    return key_set


def save(key_set):
    write_key_file(key_file_path(), key_set)


def ensure_own_keys():
    """This install's signing and receiving keys, made the first time they are asked for."""
    key_set = load()
    changed = False
    if "signing_key" not in key_set:
        key_set["signing_key"] = b64(Ed25519PrivateKey.generate().private_bytes_raw())
        changed = True
    if "receiving_key" not in key_set:
        key_set["receiving_key"] = b64(X25519PrivateKey.generate().private_bytes_raw())
        changed = True
    if changed:
        save(key_set)
    return key_set


def signing_key(key_set):
    return Ed25519PrivateKey.from_private_bytes(unb64(key_set["signing_key"], "The signing key"))


def receiving_key(key_set):
    if "receiving_key" not in key_set:
        raise CarryKeyProblem(
            "This server has no receiving key yet: run `flask --app clinic clinic carry-keys`."
        )
    return X25519PrivateKey.from_private_bytes(unb64(key_set["receiving_key"], "The receiving key"))


def server_key(key_set):
    if not key_set.get("server_key"):
        raise CarryKeyProblem(
            "This laptop does not know the coalition server's key yet: on the server, run "
            "`flask --app clinic clinic carry-keys`, then here `flask --app clinic clinic "
            "carry-trust clinic-server:...` with the line it printed."
        )
    return X25519PublicKey.from_public_bytes(unb64(key_set["server_key"], "The server key"))


def trusted_laptops(key_set):
    """{key id: (name, Ed25519PublicKey)} of the laptops whose bundles this server takes."""
    trusted = {}
    for entry in key_set.get("trusted_laptops", []):
        raw = unb64(entry["key"], "A trusted laptop's key")
        trusted[key_id(raw)] = (entry.get("name", ""), Ed25519PublicKey.from_public_bytes(raw))
    return trusted


def public_lines(key_set):
    """The two lines this install hands to the other side."""
    server = raw_public(receiving_key(key_set))
    laptop = raw_public(signing_key(key_set))
    return SERVER_PREFIX + b64(server), LAPTOP_PREFIX + b64(laptop)


def trust(line, name=""):
    """Store a key line from the other side; returns what it was taken as."""
    line = (line or "").strip()
    key_set = ensure_own_keys()
    if line.startswith(SERVER_PREFIX):
        raw = unb64(line[len(SERVER_PREFIX) :], "The server key")
        key_set["server_key"] = b64(raw)
        save(key_set)
        return f"the server to write bundles for (key {key_id(raw)})"
    if line.startswith(LAPTOP_PREFIX):
        raw = unb64(line[len(LAPTOP_PREFIX) :], "The laptop key")
        laptops = [e for e in key_set.get("trusted_laptops", []) if e["key"] != b64(raw)]
        laptops.append({"name": name.strip(), "key": b64(raw)})
        key_set["trusted_laptops"] = laptops
        save(key_set)
        return f"a trusted laptop{f' ({name.strip()})' if name.strip() else ''} (key {key_id(raw)})"
    raise CarryKeyProblem(
        f"A key line starts with {SERVER_PREFIX!r} or {LAPTOP_PREFIX!r}: copy the whole line."
    )
