"""The command line: thin Typer commands that parse options, call one library function, print.

Library modules are imported inside each command, so ``diplograph --help``
stays fast and a command only loads what it uses.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from diplograph import __version__
from diplograph.config import DEFAULT_DB, load_settings
from diplograph.errors import DiplographError

app = typer.Typer(
    help="Turn news articles about international relations into a sourced, time-aware map "
    "of who is dealing with whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(help="Write stored data in the interchange formats (SPEC §5).",
                         no_args_is_help=True)  # fmt: skip
actors_app = typer.Typer(help="List, show and extend the actor registry.", no_args_is_help=True)
app.add_typer(export_app, name="export")
app.add_typer(actors_app, name="actors")

out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    str, typer.Option("--db", help="SQLite file or database URL (postgresql+psycopg://…).")
]


def _open(db: str):
    from diplograph.store import open_database

    return open_database(db)


def _fail(exc: DiplographError) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", highlight=False, markup=True)
    return typer.Exit(2)


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TextColumn("{task.fields[current]}"),
        console=err, transient=False, disable=not err.is_terminal and not _force_progress(),
    )  # fmt: skip


def _force_progress() -> bool:
    import os

    return os.environ.get("DIPLOGRAPH_PROGRESS") == "1"


@app.callback(invoke_without_command=True)
def main(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    """diplograph command line."""
    if version:
        out.print(f"diplograph {__version__}")
        raise typer.Exit()


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int, typer.Option(help="Worker processes (0: automatic).")] = 0,
) -> None:
    """Read, clean and store articles; extract actors and events; update stories.

    Exits with status 1 when any input could not be read (each is named on stderr).
    """
    from diplograph.ingest.readers import discover
    from diplograph.pipeline import ingest as run_ingest

    settings = load_settings(db=db, workers=workers)
    try:
        database = _open(db)
    except DiplographError as exc:
        raise _fail(exc) from exc
    total = sum(1 for _ in discover(paths)) if "-" not in paths else None
    with _progress() as progress:
        task = progress.add_task("ingest", total=total, current="")

        def tick(done: int, name: str) -> None:
            progress.update(task, completed=min(done, total or done), current=name[-40:])

        report = run_ingest(paths, database, settings, on_progress=tick)
        progress.update(task, completed=total or report.read + report.failed)
    for failure in report.failures:
        err.print(f"[red]failed:[/red] {failure}", highlight=False)
    out.print(
        f"read {report.read}, stored {report.stored}, duplicates {report.duplicates}, "
        f"failed {report.failed}; stories updated {report.stories_changed}"
    )
    if report.failed:
        raise typer.Exit(1)


@app.command()
def reprocess(db: DbOption = DEFAULT_DB) -> None:
    """Re-run the current pipeline over every stored raw input (after an upgrade)."""
    from diplograph.reprocess import reprocess_all

    database = _open(db)
    with _progress() as progress:
        task = progress.add_task("reprocess", total=None, current="")
        n = reprocess_all(database, load_settings(db=db),
                          on_progress=lambda d, name: progress.update(task, completed=d,
                                                                       current=name[-40:]))  # fmt: skip
    out.print(f"re-processed {n} articles")


@app.command()
def stats(db: DbOption = DEFAULT_DB) -> None:
    """Counts of what the store holds, by table, outlet, language and date basis."""
    from diplograph.store import article_stats, count_rows

    database = _open(db)
    table = Table("what", "rows", title="store")
    for name, n in count_rows(database).items():
        table.add_row(name, str(n))
    out.print(table)
    for label, rows in article_stats(database).items():
        t = Table(label, "articles")
        for key, n in rows[:15]:
            t.add_row(key, str(n))
        out.print(t)


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    """The file to write an export to: ``path``, or stdout (left open) when None."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with path.open("w", encoding="utf-8") as fh:
        yield fh


OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
]


@export_app.command("articles")
def export_articles_cmd(db: DbOption = DEFAULT_DB, output: OutputOption = None) -> None:
    """Articles as JSON Lines: clean text, metadata, story id (SPEC §5)."""
    from diplograph.export import export_articles

    with _output(output) as fh:
        n = export_articles(_open(db), fh)
    err.print(f"exported {n} articles")


@export_app.command("events")
def export_events_cmd(
    db: DbOption = DEFAULT_DB,
    output: OutputOption = None,
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl (PLOVER), gdelt (tab-separated) or parquet.")
    ] = "jsonl",
) -> None:
    """Events as PLOVER JSON Lines (SPEC §5), a GDELT 2.0-style table, or Parquet."""
    from diplograph.export import export_events

    if fmt == "parquet" and output is None:
        raise _fail(DiplographError("--format parquet needs --output FILE"))
    try:
        if fmt == "parquet":
            n = export_events(_open(db), output, fmt=fmt)
        else:
            with _output(output) as fh:
                n = export_events(_open(db), fh, fmt=fmt)
    except DiplographError as exc:
        raise _fail(exc) from exc
    err.print(f"exported {n} events")


@export_app.command("stories")
def export_stories_cmd(db: DbOption = DEFAULT_DB, output: OutputOption = None) -> None:
    """Stories as JSON Lines: articles, outlets, independent sources (SPEC §5)."""
    from diplograph.export import export_stories

    with _output(output) as fh:
        n = export_stories(_open(db), fh)
    err.print(f"exported {n} stories")


@export_app.command("relations")
def export_relations_cmd(db: DbOption = DEFAULT_DB, output: OutputOption = None) -> None:
    """Every dyad's facet timeline as JSON Lines (SPEC §5)."""
    from diplograph.export import export_relations

    with _output(output) as fh:
        n = export_relations(_open(db), fh)
    err.print(f"exported {n} relation values")


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSON Lines (gold/FORMAT.md).")],
    db: DbOption = DEFAULT_DB,
    plover: Annotated[
        Path | None,
        typer.Option("--plover", help="Also score PLOVER gold sentences (PLOVER_GSR_CAMEO.json)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the store against gold annotations and print P/R/F1 tables."""
    from diplograph.evaluate import run_eval

    try:
        with _progress() as progress:
            task = progress.add_task("eval", total=None, current="")
            report = run_eval(
                _open(db), gold, plover=plover,
                on_progress=lambda d, t, name: progress.update(task, completed=d, total=t,
                                                                current=name),
            )  # fmt: skip
    except DiplographError as exc:
        raise _fail(exc) from exc
    if as_json:
        out.print_json(json.dumps(report.to_json()))
        return
    for table in report.rich_tables():
        out.print(table)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar="DIPLOGRAPH_TOKEN", help="Token that write endpoints require."),
    ] = None,
) -> None:
    """Serve the web UI and the REST API (/api, /openapi.json)."""
    import uvicorn

    from diplograph.web.app import create_app

    try:
        application = create_app(_open(db), token=token)
    except DiplographError as exc:
        raise _fail(exc) from exc
    out.print(f"diplograph serving {db} at http://{host}:{port}/")
    uvicorn.run(application, host=host, port=port, log_level="warning")
