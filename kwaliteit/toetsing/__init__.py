"""Coverage checks in Dutch Gherkin (``features/dekking``), run against the live database.

A step that finds a problem raises ``Toetsfout`` with a Dutch message and the
records that made it fail (kenmerken, refs), so the report can name them.
"""

from __future__ import annotations


class Toetsfout(AssertionError):
    """A coverage check found records that do not meet the claim."""

    def __init__(self, melding: str, records: list[str] | None = None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.records = list(records or [])

    def __str__(self) -> str:
        if not self.records:
            return self.melding
        return f"{self.melding}: {', '.join(self.records)}"
