"""Column types that encrypt on the way into the database and decrypt on the way out.

The models declare them, so the rest of the code reads and writes plain values. Each column's
purpose ("table.column") is authenticated with the value (see crypto.Keyring.encrypt).
"""

import json

from flask import current_app
from sqlalchemy import Text
from sqlalchemy.types import TypeDecorator


def keyring():
    return current_app.extensions["clinic_keyring"]


class EncryptedText(TypeDecorator):
    """A string stored as AES-GCM ciphertext (Text: the ciphertext is longer than the value)."""

    impl = Text
    cache_ok = True

    def __init__(self, purpose):
        super().__init__()
        self.purpose = purpose

    def process_bind_param(self, value, dialect):
        return None if value is None else keyring().encrypt(self.serialize(value), self.purpose)

    def process_result_value(self, value, dialect):
        return None if value is None else self.deserialize(keyring().decrypt(value, self.purpose))

    def serialize(self, value):
        return value

    def deserialize(self, text):
        return text


class EncryptedJSON(EncryptedText):
    """A JSON document (dict or list) stored encrypted as a whole."""

    cache_ok = True

    def serialize(self, value):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)

    def deserialize(self, text):
        return json.loads(text)


def blind_index(value, purpose):
    return keyring().blind_index(value, purpose)


def encrypted_columns(metadata):
    """[(table, column)] of every encrypted column: what rotate-key re-encrypts."""
    return [
        (table, column)
        for table in metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, EncryptedText)
    ]
