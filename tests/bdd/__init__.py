"""The program's own Gherkin specification (features/klachten, features/normen).

A package, so that pytest and mypy know its modules as ``bdd.<naam>``: its
``conftest.py`` would otherwise be one of several modules named ``conftest``.
"""
