"""Carrying a clinic day held offline on a laptop to the coalition's server: an encrypted,
signed bundle (bundle.py, keys.py), written by export.py, read by importer.py; over.py purges
the laptop's copy once the server has it."""
