"""The certification dossier for the auditor: ``kwaliteit dossier``.

``gegevens`` gathers what the dossier shows from one read-only unit of work (no
personal data of complainants: the klager table is never read); ``manifest``
fixes it with the evidence files in a JSON manifest and its digest; ``weergave``
renders HTML with Jinja2 (autoescaped, strict); ``pdf`` turns that into PDF/A-3b
with WeasyPrint (imported only there); ``bouw`` writes the output atomically;
``manifest.controleer`` checks a dossier against its manifest.
"""
