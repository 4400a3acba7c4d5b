"""``kwaliteit aanvulling``: tab completion for bash, zsh and fish (Click's own)."""

from __future__ import annotations

import click

from kwaliteit.cli.lui import Opdracht

SHELLS = ("bash", "zsh", "fish")
INSTALLATIE = {
    "bash": "kwaliteit aanvulling bash > ~/.kwaliteit-aanvulling.bash\n"
    "echo '. ~/.kwaliteit-aanvulling.bash' >> ~/.bashrc",
    "zsh": "kwaliteit aanvulling zsh > ~/.kwaliteit-aanvulling.zsh\n"
    "echo '. ~/.kwaliteit-aanvulling.zsh' >> ~/.zshrc",
    "fish": "kwaliteit aanvulling fish > ~/.config/fish/completions/kwaliteit.fish",
}


@click.command(
    "aanvulling",
    cls=Opdracht,
    epilog="Installeren, bijvoorbeeld voor bash:\n\n"
    "\b\n" + INSTALLATIE["bash"] + "\n\nOpen daarna een nieuwe terminal.",
)
@click.argument("shell", metavar="SHELL", type=click.Choice(SHELLS))
def aanvulling(shell: str) -> None:
    """Toon het script voor tab-aanvulling van opdrachten en opties (bash, zsh of fish).

    Voorbeeld: kwaliteit aanvulling bash > ~/.kwaliteit-aanvulling.bash
    """
    from click.shell_completion import get_completion_class

    from kwaliteit.cli import app

    soort = get_completion_class(shell)
    if soort is None:  # pragma: no cover - Click ships all three
        raise click.UsageError(f"tab-aanvulling voor {shell} wordt niet ondersteund.")
    script = soort(app, {}, "kwaliteit", "_KWALITEIT_COMPLETE").source()
    click.echo(script)
