"""Reliability suites: crash consistency and concurrent writers (issue 7).

A package, so that pytest imports its modules as ``betrouwbaarheid.<naam>``:
``tests/integration/test_gelijktijdig.py`` has the same file name as
``test_gelijktijdig.py`` here, and without a package the two collide.
"""
