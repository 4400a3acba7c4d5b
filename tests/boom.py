"""The whole command tree of ``kwaliteit`` (every group loaded), for tests that walk it."""

from __future__ import annotations

from collections.abc import Iterator

import click

from kwaliteit.cli import app

Pad = tuple[str, ...]


def opdrachten(
    opdracht: click.Command = app, pad: Pad = (), ctx: click.Context | None = None
) -> Iterator[tuple[Pad, click.Command]]:
    """Every command and group, depth first, with its path of names (the root is ())."""
    ctx = click.Context(opdracht, info_name=pad[-1] if pad else "kwaliteit", parent=ctx)
    yield pad, opdracht
    if isinstance(opdracht, click.Group):
        for naam in opdracht.list_commands(ctx):
            sub = opdracht.get_command(ctx, naam)
            assert sub is not None, (pad, naam)
            yield from opdrachten(sub, (*pad, naam), ctx)


def bladeren() -> list[tuple[Pad, click.Command]]:
    """Only the commands (no groups)."""
    return [(p, c) for p, c in opdrachten() if not isinstance(c, click.Group)]
