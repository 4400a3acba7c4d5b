"""Gherkin: the coverage checks in dekking/ ship with the package; klachten/ and normen/ are
the project's own executable specification (tests only)."""
