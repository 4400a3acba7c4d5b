"""kwaliteit: klachtenregister en kwaliteitsdossier voor sociaal werk.

This module stays free of imports so that importing ``kwaliteit.db`` or
``kwaliteit.cli`` never drags in more than it needs.
"""

from __future__ import annotations

__version__ = "0.1.0"
