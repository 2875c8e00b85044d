"""Printables: context builders (plain data), Jinja print templates and WeasyPrint rendering."""
