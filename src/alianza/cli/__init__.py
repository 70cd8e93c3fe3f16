"""The `alianza` command line: command groups, each a thin shell over the pipeline, the store and the API.

`ingest.py` reads and stores, `query.py` asks the store, `export.py` writes files for other tools,
`eval.py` scores and measures. `common.py` holds what they share (the store option, tables, JSON
lines, the one error style).
"""

from __future__ import annotations

import click

from .common import AlianzaGroup
from .eval import bench, eval_cmd
from .export import export
from .ingest import code, ingest
from .kb import kb
from .query import actors, articles, blocs, clusters, dyads, events, network, shifts
from .runner import load, recode
from .serve import serve


@click.group(cls=AlianzaGroup)
@click.version_option(package_name="alianza")
def cli() -> None:
    """alianza: code news into PLOVER events and a map of who cooperates with and fights whom."""


for _command in (ingest, articles, events, actors, dyads, network, blocs, shifts, clusters, export, code, eval_cmd, bench, kb, serve):
    cli.add_command(_command)
for _command in (load, recode):  # the runner's (issue 17)
    cli.add_command(_command)


def main() -> None:
    cli()
