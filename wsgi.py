"""Production entry point: `gunicorn wsgi:app`."""

import gc

from clinic import create_app

app = create_app()
# What start-up made (modules, the schema, rule data, catalogues) lives as long as the process:
# kept out of the garbage collector's passes (Python's gc.freeze, meant for servers), so that a
# full collection during a request walks only what requests made, not 150,000 start-up objects.
gc.freeze()
