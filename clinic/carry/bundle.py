"""The bundle file: a clear header, the day's records encrypted for the server, a signature.

    MAGIC | header length (4 bytes) | header (JSON) | body length (8 bytes) | body | signature

The body is the gzipped JSON of the records, sealed with AES-256-GCM under a key agreed by
X25519 between a fresh key pair (its public half in the header, its private half forgotten at
once, so the laptop cannot open its own bundles afterwards) and the server's receiving key,
through HKDF-SHA-256; the header is the cipher's associated data. The laptop's Ed25519 signing
key signs everything before the signature. A change of any byte, a cut, another server's key
or a laptop the server does not trust: the bundle is refused before anything is read from it.
"""

import base64
import gzip
import json
import re
import secrets
import struct

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask_babel import gettext as _

from clinic.carry.keys import key_id, raw_public

MAGIC = b"CLINIC-DAY\x00\x01"
FORMAT = 1
SIGNATURE_BYTES = 64
MAX_HEADER = 64 * 1024
_HEX_ID, _REVISION = re.compile(r"[0-9a-f]{32}"), re.compile(r"[0-9a-z_]{1,32}")


class BundleRefused(Exception):
    """The file is not a bundle this server may import; the message says why, plainly."""


def _derive(shared, ephemeral_public, server_public):
    info = b"clinic day bundle v1" + ephemeral_public + server_public
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def seal(records, *, bundle_id, made_at, schema_revision, signing_key, server_key):
    """The bundle's bytes for `records` (a JSON-ready dict)."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public, server_public = raw_public(ephemeral), raw_public(server_key)
    key = _derive(ephemeral.exchange(server_key), ephemeral_public, server_public)
    nonce = secrets.token_bytes(12)
    header = json.dumps(
        {
            "format": FORMAT,
            "bundle_id": bundle_id,
            "made_at": made_at.isoformat(),
            "schema_revision": schema_revision,
            "laptop_key": base64.b64encode(raw_public(signing_key)).decode(),
            "server_key_id": key_id(server_public),
            "ephemeral_key": base64.b64encode(ephemeral_public).decode(),
            "nonce": base64.b64encode(nonce).decode(),
        },
        sort_keys=True,
    ).encode()
    plain = gzip.compress(json.dumps(records, separators=(",", ":")).encode(), mtime=0)
    body = AESGCM(key).encrypt(nonce, plain, header)
    signed = MAGIC + struct.pack(">I", len(header)) + header + struct.pack(">Q", len(body)) + body
    return signed + signing_key.sign(signed)


def _split(data):
    """(signed part, header bytes, body, signature), or refused if the layout is wrong."""
    cut = BundleRefused(
        _(
            "This file is not a whole clinic-day bundle: it is cut short or was never one. "
            "Copy the file from the laptop again."
        )
    )
    if not data.startswith(MAGIC):
        raise cut
    at = len(MAGIC)
    if len(data) < at + 4:
        raise cut
    (header_length,) = struct.unpack(">I", data[at : at + 4])
    at += 4
    if header_length > MAX_HEADER or len(data) < at + header_length + 8:
        raise cut
    header = data[at : at + header_length]
    at += header_length
    (body_length,) = struct.unpack(">Q", data[at : at + 8])
    at += 8
    if len(data) != at + body_length + SIGNATURE_BYTES:
        raise cut
    body = data[at : at + body_length]
    return data[: at + body_length], header, body, data[at + body_length :]


def read_header(header_bytes):
    try:
        header = json.loads(header_bytes)
        if header.get("format") != FORMAT or not _HEX_ID.fullmatch(header.get("bundle_id")):
            raise ValueError
        if not _REVISION.fullmatch(header.get("schema_revision")):
            raise ValueError
        return header
    except (ValueError, AttributeError, TypeError) as error:
        raise BundleRefused(_("This bundle's header is unreadable: it was altered.")) from error


def open_bundle(data, *, receiving_key, trusted_laptops):
    """(header, records) of a bundle signed by a trusted laptop for this server."""
    signed, header_bytes, body, signature = _split(data)
    header = read_header(header_bytes)
    try:
        laptop_raw = base64.b64decode(header["laptop_key"], validate=True)
        ephemeral_public = base64.b64decode(header["ephemeral_key"], validate=True)
        nonce = base64.b64decode(header["nonce"], validate=True)
    except (KeyError, ValueError, TypeError) as error:
        raise BundleRefused(_("This bundle's header is unreadable: it was altered.")) from error
    trusted = trusted_laptops.get(key_id(laptop_raw))
    if trusted is None:
        raise BundleRefused(
            _(
                "This bundle is signed by a laptop this server does not trust (laptop key "
                "%(key)s). If it is one of the coalition's laptops, add its key "
                "with `clinic carry-trust clinic-laptop:...` first.",
                key=key_id(laptop_raw),
            )
        )
    try:
        trusted[1].verify(signature, signed)
    except InvalidSignature as error:
        raise BundleRefused(
            _(
                "This bundle was altered after the laptop signed it: it is refused. Export the "
                "day again on the laptop."
            )
        ) from error
    server_public = raw_public(receiving_key)
    if header.get("server_key_id") != key_id(server_public):
        raise BundleRefused(
            _(
                "This bundle was made for another server's key: this server cannot open it. "
                "Check the server key given to the laptop (`clinic carry-keys` prints it)."
            )
        )
    try:
        shared = receiving_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        key = _derive(shared, ephemeral_public, server_public)
        plain = AESGCM(key).decrypt(nonce, body, header_bytes)
        records = json.loads(gzip.decompress(plain))
    except (InvalidTag, ValueError, OSError) as error:
        raise BundleRefused(_("This bundle does not open with this server's key.")) from error
    return header, records


def peek_header(data):
    """The header of a bundle, unverified: only to name it in a message."""
    return read_header(_split(data)[1])
