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
from typing import TYPE_CHECKING, Annotated, TextIO

import typer
from rich.console import Console
from rich.table import Table

from diplograph import __version__
from diplograph.config import DEFAULT_DB, load_settings
from diplograph.errors import ConfigError, DiplographError

if TYPE_CHECKING:
    from rich.progress import Progress

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
    # rich.progress costs a tenth of `--help`'s start-up: imported when a bar is shown
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

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
    max_input_bytes: Annotated[
        int | None,
        typer.Option(help="Refuse files (and JSON/WARC records) larger than this many bytes."),
    ] = None,
    runner: Annotated[
        str, typer.Option(help="Where the per-article stages run: local (process pool) or ray.")
    ] = "local",
    ray_address: Annotated[
        str | None,
        typer.Option(help="Ray cluster to use with --runner ray (default: start a local one)."),
    ] = None,
    timeout: Annotated[
        float | None, typer.Option(help="URLs: seconds to wait for each answer (default 15).")
    ] = None,
    retries: Annotated[
        int | None, typer.Option(min=0, help="URLs: tries after the first on timeouts, 429 "
                                 "and 5xx, with doubling back-off (default 3).")
    ] = None,
    delay: Annotated[
        float | None, typer.Option(min=0, help="URLs: seconds between requests to one host "
                                   "(default 0.5; a longer robots.txt Crawl-delay wins).")
    ] = None,
    user_agent: Annotated[
        str | None, typer.Option(envvar="DIPLOGRAPH_USER_AGENT",
                                 help="URLs: the User-Agent sent (add a contact address).")
    ] = None,
) -> None:
    """Read, clean and store articles; extract actors and events; update stories.

    Plain text (with optional URL:/Title:/Outlet:/Published:/Language: header), HTML,
    JSON Lines, RSS/Atom feeds and WARC(.gz); folders are read recursively. http(s)
    URLs of pages or RSS/Atom feeds are fetched (robots.txt obeyed; a feed's items
    from their links); a URL polled again is asked for only if it changed, and feed
    items already stored are not fetched again. Exits with status 1 when any input
    could not be read (each is named on stderr).
    """
    from rich.markup import escape

    from diplograph.ingest.readers import discover
    from diplograph.live import is_url

    if runner not in ("local", "ray"):
        raise _fail(ConfigError(f"--runner {runner!r} is not a runner; use local or ray"))
    settings = load_settings(db=db, workers=workers, max_input_bytes=max_input_bytes,
                             fetch_timeout=timeout, fetch_retries=retries, fetch_delay=delay,
                             user_agent=user_agent)  # fmt: skip
    try:
        database = _open(db)
    except DiplographError as exc:
        raise _fail(exc) from exc
    has_stream = "-" in paths or any(is_url(p) for p in paths)
    total = None if has_stream else sum(1 for _ in discover(paths))
    with _progress() as progress:
        task = progress.add_task("ingest", total=total, current="")
        seen = {"files": 0, "last": ""}

        def tick(done: int, name: str) -> None:
            if name != seen["last"]:
                seen["files"] = int(seen["files"]) + 1
                seen["last"] = name
            label = escape(f"{done} records  {name[-40:]}")
            progress.update(task, completed=seen["files"], current=label)

        try:
            report = _run_ingest(paths, database, settings, runner=runner,
                                 ray_address=ray_address, on_progress=tick)  # fmt: skip
        except DiplographError as exc:
            raise _fail(exc) from exc
        progress.update(task, completed=total or seen["files"])
    _print_report(report)
    if report.failed:
        raise typer.Exit(1)


def _print_report(report) -> None:
    """An ingest's failures (stderr) and its one-line summary."""
    from rich.markup import escape

    for failure in report.failures:
        err.print(f"[red]failed:[/red] {escape(str(failure))}", highlight=False, soft_wrap=True)
    unchanged = f", unchanged {report.unchanged}" if report.unchanged else ""
    out.print(
        f"read {report.read}, stored {report.stored}, duplicates {report.duplicates}, "
        f"failed {report.failed}{unchanged}; stories updated {report.stories_changed}",
        soft_wrap=True,
    )


def _run_ingest(paths: list[str], database, settings, *, runner: str,
                ray_address: str | None, on_progress):  # fmt: skip
    """The ingest on the chosen runner."""
    if runner == "ray":
        from diplograph.scale.ray_runner import ingest as ray_ingest

        return ray_ingest(paths, database, settings, address=ray_address, on_progress=on_progress)
    from diplograph.pipeline import ingest as run_ingest

    return run_ingest(paths, database, settings, on_progress=on_progress)


@app.command()
def watch(
    folder: Annotated[Path, typer.Argument(help="The folder to watch (and its sub-folders).")],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int, typer.Option(help="Worker processes (0: automatic).")] = 0,
    settle: Annotated[
        int, typer.Option(min=50, help="Milliseconds of quiet before a batch of new files is read.")
    ] = 500,
    initial: Annotated[
        bool, typer.Option(help="First ingest what the folder already holds.")
    ] = True,
) -> None:
    """Ingest files as they land in FOLDER, until Ctrl-C.

    New and changed files are read in batches once the folder has been quiet for
    --settle ms. Hidden files and names ending in .part, .tmp, .crdownload or ~ are
    ignored: write to such a name and rename it when complete. Each batch prints
    what ingest prints; files already stored come out as duplicates.
    """
    from diplograph.live.watch import watch_folder

    settings = load_settings(db=db, workers=workers)
    try:
        database = _open(db)
    except DiplographError as exc:
        raise _fail(exc) from exc

    def batch(report, paths: list[str]) -> None:
        err.print(f"{len(paths)} input(s): " + ", ".join(Path(p).name for p in paths[:5])
                  + (" …" if len(paths) > 5 else ""), highlight=False, markup=False)  # fmt: skip
        _print_report(report)

    err.print(f"watching {folder} (Ctrl-C to stop)", highlight=False, markup=False)
    try:
        watch_folder(folder, database, settings, on_batch=batch, settle_ms=settle,
                     initial=initial)  # fmt: skip
    except DiplographError as exc:
        raise _fail(exc) from exc
    except KeyboardInterrupt:
        pass
    err.print("stopped watching")


@app.command()
def reprocess(
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int, typer.Option(help="Worker processes (0: automatic).")] = 0,
) -> None:
    """Re-run the current pipeline over every stored raw input (after an upgrade).

    Articles keep their ids; one that now fails is named and left as it was (exit 1).
    """
    from rich.markup import escape

    from diplograph.reprocess import reprocess_all
    from diplograph.store.articles import article_raw_ids

    try:
        database = _open(db)
    except DiplographError as exc:
        raise _fail(exc) from exc
    total = len(article_raw_ids(database))
    with _progress() as progress:
        task = progress.add_task("reprocess", total=total, current="")

        def tick(done: int, name: str) -> None:
            progress.update(task, completed=done, current=escape(name[-40:]))

        report = reprocess_all(database, load_settings(db=db, workers=workers), on_progress=tick)
    for failure in report.failures:
        err.print(f"[red]failed:[/red] {escape(str(failure))}", highlight=False, soft_wrap=True)
    out.print(f"re-processed {report.done} of {total} articles; failed {len(report.failures)}; "
              f"stories updated {report.stories_changed}", soft_wrap=True)  # fmt: skip
    if report.failures:
        raise typer.Exit(1)


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

    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise _fail(DiplographError("Parquet is binary: write it to a file with -o FILE, or "
                                    "redirect standard output (> events.parquet)"))  # fmt: skip
    try:
        if fmt == "parquet":
            n = export_events(_open(db), output, fmt=fmt)
            sys.stdout.flush()
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


@app.command("relations")
def relations_cmd(
    a: Annotated[str, typer.Argument(help="Actor code, e.g. ISR.")],
    b: Annotated[
        str | None, typer.Argument(help="Second code, e.g. MAR; leave out for every partner of A.")
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="YYYY, YYYY-MM or YYYY-MM-DD (a year or month means its "
                     "last day). Default: today."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print SPEC §5 relation objects, one per line.")
    ] = False,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Draw the dyad's timeline to FILE.svg or .png.")
    ] = None,
    show_timeline: Annotated[
        bool, typer.Option("--timeline", help="Every value interval of every facet, with claims.")
    ] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """The state of a dyad's relationship as of a date, its timeline, or every partner of A."""
    from diplograph.relations.view import relations_report

    try:
        report = relations_report(_open(db), a, b, as_of=as_of, show_timeline=show_timeline,
                                  chart=chart)  # fmt: skip
    except DiplographError as exc:
        raise _fail(exc) from exc
    if as_json:
        for obj in report.objects():
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    else:
        out.print(report.table())
    if chart is not None:
        err.print(f"chart written to {chart}", highlight=False)


@app.command("stories")
def stories_cmd(
    db: DbOption = DEFAULT_DB,
    since: Annotated[
        str | None, typer.Option("--since", help="Only stories last seen on/after YYYY[-MM[-DD]].")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only stories about this actor code (ISR).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
) -> None:
    """List stories, newest first: title, dates, outlets and independent sources."""
    from diplograph.stories.query import list_stories
    from diplograph.stories.render import stories_table

    try:
        rows = list_stories(_open(db), since=since, actor=actor, limit=limit)
    except DiplographError as exc:
        raise _fail(exc) from exc
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    out.print(stories_table(rows))


@app.command("story")
def story_cmd(
    story_id: Annotated[str, typer.Argument(help="A story id from `diplograph stories`.")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
) -> None:
    """One story side by side: each outlet's naming, loaded terms, sources, and left-out events."""
    from diplograph.framing.compare import story_detail
    from diplograph.stories.render import story_renderables

    try:
        detail = story_detail(_open(db), story_id)
    except DiplographError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps(detail.to_json(), ensure_ascii=False) + "\n")
        return
    for part in story_renderables(detail):
        out.print(part)


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
def bench(
    corpus: Annotated[list[str], typer.Argument(help="Files, folders or globs to measure on.")],
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Runs; medians are shown.")] = 1,
    workers: Annotated[
        int, typer.Option(help="Worker processes of the second ingest run: 0 picks as "
                          "`ingest` does; 1 leaves only the in-process run.")
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Ingest cost vs. spaCy parsing every sentence of the same texts; CPU, wall, peak RSS.

    In one run: ingest in-process (1 worker) and with the workers ``diplograph
    ingest`` uses (both cores by default), then two baselines over the same
    cleaned sentences in one process: spaCy's en_core_web_sm (all but ner) and
    its tokenizer alone. CPU time counts this process and every worker; the
    targets (ingest CPU <= 1/3 of the parse's, >= 3x faster wall, RSS <= 1.5 GB)
    are judged at the end.
    """
    from diplograph.bench import run_bench

    settings = load_settings(workers=workers)
    try:
        with _progress() as progress:
            task = progress.add_task("bench", total=None, current="")

            def tick(stage: str, done: int, total: int) -> None:
                progress.update(task, description=stage, completed=done, total=total or None,
                                current="")

            result = run_bench(corpus, settings, repeat=repeat, on_progress=tick)
    except DiplographError as exc:
        raise _fail(exc) from exc
    if as_json:
        out.print_json(json.dumps(result.to_json()))
        return
    table = Table("run", "wall s", "CPU s", "articles/s", "words/s", "peak RSS MiB",
                  title=f"bench: {result.articles} articles, {result.words:,} words, "
                  f"{result.sentences:,} sentences, median of {repeat}")  # fmt: skip
    for row in result.rows():
        table.add_row(*row)
    out.print(table)
    for target in result.targets():
        verdict = "met" if target.met else "[red]MISSED[/red]"
        out.print(f"{target.name}: {target.value:g} (target {target.bound}): {verdict}")
    out.print(f"1-minute load average at the end: {result.load_average:.1f}", highlight=False)


@app.command("bench-stories")
def bench_stories(
    sizes: Annotated[
        str, typer.Option(help="Store sizes to measure at, comma-separated.")
    ] = "100,1000,10000",
    probe: Annotated[int, typer.Option(min=1, help="New articles placed at each size.")] = 100,
    per_day: Annotated[int, typer.Option(min=1, help="Synthetic articles per day.")] = 15,
    repeat: Annotated[int, typer.Option(min=1, help="Probe runs per size; medians shown.")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Story clustering cost (CPU time) per new article in stores of growing size.

    At each size a fresh store of synthetic multi-outlet stories is clustered
    (timed), then PROBE newer articles are placed; the CPU time per probe article
    should stay flat however many articles are stored (target: ≤ 1.5× from the
    smallest to the largest size).
    """
    from diplograph.stories.bench import run_stories_bench

    try:
        wanted = [int(x) for x in sizes.split(",") if x.strip()]
    except ValueError as exc:
        raise _fail(ConfigError(f"--sizes {sizes!r}: give whole numbers, e.g. 100,1000")) from exc
    with _progress() as progress:
        task = progress.add_task("bench-stories", total=None, current="")
        result = run_stories_bench(
            wanted, probe=probe, per_day=per_day, repeat=repeat,
            on_progress=lambda stage, d, t: progress.update(task, description=stage),
        )  # fmt: skip
    if as_json:
        out.print_json(json.dumps(result.to_json()))
        return
    table = Table("stored", "one-shot clustering s", "ms / article", "placing a new one ms",
                  "(wall ms)", title=f"story clustering (CPU time), {probe} new articles, "
                  f"median of {repeat}")  # fmt: skip
    for r in result.sizes:
        table.add_row(f"{r.stored:,}", f"{r.fill_seconds:.2f}",
                      f"{1000 * r.fill_seconds / max(1, r.stored):.2f}", f"{r.per_article_ms:.2f}",
                      f"{r.per_article_wall_ms:.2f}")
    out.print(table)
    verdict = "meets" if result.ratio <= 1.5 else "misses"
    out.print(f"per new article, largest / smallest store: {result.ratio:.2f} "
              f"({verdict} the ≤ 1.5 target)")


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
        application = create_app(_open(db), token=token, warm=True)
    except DiplographError as exc:
        raise _fail(exc) from exc
    from diplograph.web.app import is_loopback

    if not is_loopback(host) and not token:
        err.print(f"[yellow]warning:[/yellow] serving on {host} without --token: anyone who can "
                  "reach it can read the store (writes stay disabled)")  # fmt: skip
    out.print(f"diplograph serving {db} at http://{host}:{port}/")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def synth(
    events: Annotated[int, typer.Option("--events", help="How many events to write.")] = 10_000,
    db: DbOption = DEFAULT_DB,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same store.")] = 1,
) -> None:
    """Write a synthetic store (events, articles, claims, stories) for load tests and demos."""
    from pathlib import Path as _Path

    from diplograph.store.synth import synthesize

    try:
        database = _open(db)
        with _progress() as progress:
            task = progress.add_task("synth", total=events, current="events")
            report = synthesize(
                database, events=events, seed=seed,
                on_progress=lambda d, t: progress.update(task, completed=d),
            )  # fmt: skip
    except DiplographError as exc:
        raise _fail(exc) from exc
    size = ""
    if database.is_sqlite and _Path(db).exists():
        size = f", {_Path(db).stat().st_size / 2**20:,.0f} MiB"
    out.print(
        f"wrote {report.events:,} events, {report.articles:,} articles, {report.claims:,} "
        f"claims, {report.stories:,} stories in {report.seconds:.1f} s{size}"
    )


@app.command("bench-api")
def bench_api(
    db: DbOption = DEFAULT_DB,
    requests: Annotated[int, typer.Option("--requests", help="Requests per endpoint.")] = 200,
    seed: Annotated[int, typer.Option(help="Seed for the dyads and filters requested.")] = 7,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    over_http: Annotated[
        bool, typer.Option("--over-http", help="Serve with uvicorn on loopback; time real HTTP.")
    ] = False,
) -> None:
    """Latency (p50/p95/p99) of the dyad timeline, events table and world map, in process.

    The map requests ask for one of the 20 busiest actors, a facet (diplomatic ties
    two times in three) and a day; a country's steps are cached after its first map.
    """
    from diplograph.web.bench import run_bench

    try:
        database = _open(db)
        with _progress() as progress:
            task = progress.add_task("bench-api", total=3 * requests, current="")
            results = run_bench(
                database, requests=requests, seed=seed, over_http=over_http,
                on_progress=lambda d, t: progress.update(task, completed=d),
            )  # fmt: skip
    except DiplographError as exc:
        raise _fail(exc) from exc
    if as_json:
        out.print_json(json.dumps(results))
        return
    table = Table("endpoint", "requests", "p50 ms", "p95 ms", "p99 ms", "mean ms", "max ms",
                  title=f"API latency on {db}")  # fmt: skip
    for r in results:
        cells = [f"{r[k]:.1f}" for k in ("p50", "p95", "p99", "mean", "max")]
        table.add_row(r["endpoint"], str(r["requests"]), *cells)
    out.print(table)


# -- actors (registry) ---------------------------------------------------------------------


@actors_app.command("list")
def actors_list(
    kind: Annotated[
        str | None, typer.Option("--kind", help="country, igo, group, person or organ.")
    ] = None,
    code: Annotated[str | None, typer.Option("--code", help="Only entries with this code.")] = None,
) -> None:
    """List registry entries (packaged data merged with your own files)."""
    from diplograph.actors.describe import list_actors

    try:
        rows = list_actors(kind=kind, code=code)
    except DiplographError as exc:
        raise _fail(exc) from exc
    table = Table("kind", "code", "sector", "name", "more", title=f"{len(rows)} actors")
    for r in rows:
        table.add_row(r.kind, r.code, r.sector, r.name, r.detail)
    out.print(table)


@actors_app.command("show")
def actors_show(
    query: Annotated[str, typer.Argument(help="A code (ISR, UNO) or a name or alias.")],
) -> None:
    """Show an actor's names, aliases, organs and office holders with their dates."""
    from diplograph.actors.describe import show_actor

    try:
        card = show_actor(query)
    except DiplographError as exc:
        raise _fail(exc) from exc
    out.print(f"[bold]{card.title}[/bold]", highlight=False)
    for label, value in card.facts:
        if value:
            out.print(f"  {label}: {value}", highlight=False, markup=False)
    if card.organs:
        table = Table("sector", "organ", title="organs")
        for sector, pattern in card.organs:
            table.add_row(sector, pattern)
        out.print(table)
    if card.holders:
        table = Table("name", "role", "sector", "start", "end", title="office holders")
        for row in card.holders:
            table.add_row(*row)
        out.print(table)


@actors_app.command("add")
def actors_add(
    kind: Annotated[str, typer.Argument(help="person, alias, adjective, metonym, epithet, "
                                             "country, igo, group, organ, title or cue.")],
    key: Annotated[str, typer.Argument(help="Name, code, pattern or cue kind.")],
    text: Annotated[str | None, typer.Argument(help="The alias, name or cue phrase.")] = None,
    code: Annotated[str | None, typer.Option(help="State or IGO code.")] = None,
    sector: Annotated[str | None, typer.Option(help="GOV, MIL, LEG, REB, PTY, MED, CVL.")] = None,
    role: Annotated[str | None, typer.Option(help="A person's role.")] = None,
    start: Annotated[str | None, typer.Option(help="Role start: YYYY[-MM[-DD]].")] = None,
    end: Annotated[str | None, typer.Option(help="Role end (empty: in office).")] = None,
    aliases: Annotated[str | None, typer.Option(help="Aliases, separated by |.")] = None,
    rank: Annotated[str | None, typer.Option(help="A title's rank.")] = None,
    value: Annotated[str | None, typer.Option(help="A cue's value (anaphor category).")] = None,
) -> None:
    """Add a row to your own registry files (never the packaged ones).

    Examples: actors add person "Jane Doe" --code USA --sector GOV --role "special envoy"
    --start 2025-01; actors add alias ISR "the Hebrew state".
    """
    from diplograph.actors.userdata import add_entry

    try:
        path, row = add_entry(kind, key, text, code=code, sector=sector, role=role, start=start,
                              end=end, aliases=aliases, rank=rank, value=value)  # fmt: skip
    except DiplographError as exc:
        raise _fail(exc) from exc
    shown = ", ".join(f"{k}={v}" for k, v in row.items() if v and k != "source")
    out.print(f"added to {path}: {shown}", highlight=False, markup=False)
