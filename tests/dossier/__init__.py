"""Tests of the certification dossier (PDF, HTML in headless Chromium).

A package, so that pytest and mypy know its modules as ``dossier.<naam>``: its
``conftest.py`` would otherwise be one of several modules named ``conftest``.
"""
