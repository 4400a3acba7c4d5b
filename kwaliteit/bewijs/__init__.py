"""Evidence mapped onto norms, self-assessment, findings and improvement actions.

This is where ``kwaliteit`` composes ``normen`` (what must be met) with
``klachten`` (what the register shows).
"""
