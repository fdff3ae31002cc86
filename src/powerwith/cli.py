"""The ``powerwith`` command: demo, serve, worker, token and manage."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path

DEMO_PORT = 8000
DEMO_KEY_FILE = "demo-secret-key"
DEMO_DAY_FILE = "demo-loaded-on"


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "powerwith.settings")
    import django

    django.setup()


def _var_dir() -> Path:
    path = Path(os.environ.get("POWERWITH_VAR_DIR", Path.cwd() / "var"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _demo_environment(port: int | None = None) -> None:
    """The demo runs on plain HTTP on this machine, with a key kept under var/, and its
    links point at the port it serves on. Django's debug pages only with DEBUG=1."""
    os.environ.setdefault("POWERWITH_DEMO", "1")
    os.environ.setdefault("HTTPS", "0")
    if port is not None:
        os.environ["PORT"] = str(port)
    if not os.environ.get("SECRET_KEY"):
        key_file = _var_dir() / DEMO_KEY_FILE
        if not key_file.exists():
            key_file.write_text(secrets.token_urlsafe(50))
            key_file.chmod(0o600)
        os.environ["SECRET_KEY"] = key_file.read_text().strip()


def _is_demo_install() -> bool:
    """A machine where ``powerwith demo`` ran and nothing else was configured: the CLI
    then works against the demo's database with no variables set by hand."""
    return (
        not os.environ.get("SECRET_KEY")
        and not os.environ.get("DATABASE_URL")
        and (_var_path() / DEMO_KEY_FILE).exists()
    )


def _var_path() -> Path:
    return Path(os.environ.get("POWERWITH_VAR_DIR", Path.cwd() / "var"))


def _demo_for_cli() -> None:
    if _is_demo_install():
        _demo_environment()


def _fresh_demo_database(today: dt.date) -> None:
    """The demo's dates are relative to the day it was loaded. Loaded on an earlier day,
    its offers and sessions would be stale, so the old database is put aside (kept, never
    deleted) and a new one is built for today."""
    if os.environ.get("DATABASE_URL"):
        return
    var = _var_dir()
    marker = var / DEMO_DAY_FILE
    database = var / "powerwith.sqlite3"
    if not database.exists() or not marker.exists():
        return
    loaded_on = marker.read_text().strip()
    if loaded_on >= today.isoformat():
        return
    for suffix in ("", "-wal", "-shm"):
        old = var / f"powerwith.sqlite3{suffix}"
        if old.exists():
            old.rename(var / f"demo-from-{loaded_on}.sqlite3{suffix}")
    print(
        f"The demo was loaded on {loaded_on}; it is built again for today so that its "
        f"dates are current (the old one is kept as var/demo-from-{loaded_on}.sqlite3).",
        flush=True,
    )


def _gunicorn(port: int, host: str, workers: int) -> int:
    from gunicorn.app.wsgiapp import run

    # No gunicorn access log: powerwith.middleware.observe_requests writes one line per
    # request with its id and route pattern, where gunicorn's would copy the URL with its
    # query string and the caller's address.
    sys.argv = [
        "gunicorn",
        "powerwith.wsgi:application",
        f"--bind={host}:{port}",
        f"--workers={workers}",
        "--worker-class=sync",
        "--timeout=60",
    ]
    run()
    return 0


def _fresh_metrics_dir(port: int) -> None:
    """Each gunicorn process counts its requests in files here (prometheus-client's
    multiprocess mode) and a scrape adds them up; emptied when the server starts, so
    counts start at zero with it, as Prometheus expects of a restarted target. One folder
    per port, so two servers on one machine never empty each other's."""
    folder = Path(
        os.environ.get("PROMETHEUS_MULTIPROC_DIR") or _var_dir() / "metrics" / f"port-{port}"
    )
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.db"):
        old.unlink()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)


def cmd_demo(args: argparse.Namespace) -> int:
    _demo_environment(args.port)
    if not args.no_serve:
        _fresh_metrics_dir(args.port)  # before anything imports prometheus-client
    today = dt.date.today()
    _fresh_demo_database(today)
    _setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo", people=args.people)
    if not os.environ.get("DATABASE_URL"):
        (_var_dir() / DEMO_DAY_FILE).write_text(today.isoformat())
    if args.no_serve:
        return 0
    print(
        f"\nServing powerwith on http://127.0.0.1:{args.port}/ with the worker beside it, "
        "which prints the e-mail it sends here (Ctrl+C stops both)\n",
        flush=True,
    )
    worker = start_worker()
    try:
        return _gunicorn(args.port, "127.0.0.1", workers=2)
    finally:
        stop_worker(worker)


def start_worker() -> subprocess.Popen[bytes]:
    """``powerwith worker`` as a child process, with this process's environment: it sends
    the demo's e-mail (the console backend prints it) and its reminders. In a process
    group of its own, so that only :func:`stop_worker` stops it: a second signal (Ctrl+C
    from the terminal, then ours) would cut short the task it is running."""
    return subprocess.Popen([sys.executable, "-m", "powerwith.cli", "worker"], process_group=0)


def stop_worker(worker: subprocess.Popen[bytes]) -> None:
    """Stop the worker with the server: it finishes the task it is running first."""
    worker.terminate()
    try:
        worker.wait(timeout=60)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


def cmd_serve(args: argparse.Namespace) -> int:
    _fresh_metrics_dir(args.port)  # before anything imports prometheus-client
    _setup_django()
    workers = args.workers or (os.cpu_count() or 1) * 2 + 1
    return _gunicorn(args.port, args.host, workers)


def cmd_worker(args: argparse.Namespace) -> int:
    _demo_for_cli()
    _setup_django()
    from django.core.management import call_command

    from powerwith import reminders

    reminders.start()
    start_heartbeat()

    options: dict[str, object] = {
        "queue_name": args.queue,
        "interval": args.interval,
        "reload": False,
    }
    if args.batch:
        options["batch"] = True
    call_command("db_worker", **options)
    return 0


def start_heartbeat() -> None:
    """Write the worker's heartbeat into the shared cache now and every
    ``WORKER_HEARTBEAT_SECONDS``, from a thread beside the task loop, so that
    ``GET /api/v1/health`` on any app server can say whether a worker is running."""
    import threading

    from django.conf import settings
    from django.db import close_old_connections

    from powerwith.core.cache import note_worker_alive

    stop = threading.Event()

    def beat() -> None:
        while not stop.is_set():
            try:
                note_worker_alive()
            except Exception:  # a missed beat is reported as late, not fatal
                logging.getLogger(__name__).exception("The worker could not write its heartbeat")
            finally:
                close_old_connections()
            stop.wait(settings.WORKER_HEARTBEAT_SECONDS)

    note_worker_alive()
    threading.Thread(target=beat, name="heartbeat", daemon=True).start()


def cmd_token(args: argparse.Namespace) -> int:
    _demo_for_cli()
    _setup_django()
    from powerwith.accounts.commands import create_token_for_email

    try:
        token = create_token_for_email(args.email, organisation=args.organisation, name=args.name)
    except LookupError as error:
        print(f"powerwith token: {error}", file=sys.stderr)
        return 2
    print(token)
    return 0


def cmd_manage(argv: list[str]) -> int:
    _demo_for_cli()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "powerwith.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["powerwith manage", *argv])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="powerwith",
        description="powerwith: fair, respectful co-working with experts by experience.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = sub.add_parser(
        "demo",
        help="migrate, load the demo data and serve on 127.0.0.1",
        description="Migrate the database, load the demo data (idempotent) and serve it, "
        "with the worker beside the server.",
    )
    demo.add_argument("--people", type=int, default=300, help="experts by experience to create")
    demo.add_argument("--no-serve", action="store_true", help="load the data, then stop")
    demo.add_argument(
        "--port", type=int, default=int(os.environ.get("PORT", DEMO_PORT)), help="port to serve on"
    )
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser(
        "serve",
        help="run the production server (gunicorn)",
        description="Run gunicorn. Set SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL first.",
    )
    serve.add_argument("--port", type=int, default=int(os.environ.get("PORT", DEMO_PORT)))
    serve.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    serve.add_argument("--workers", type=int, default=0, help="default: 2 × cores + 1")
    serve.set_defaults(func=cmd_serve)

    worker = sub.add_parser(
        "worker",
        help="run background tasks (e-mail, reminders, follow-ups, rendering)",
        description="Run the task worker (the django-tasks database backend) until stopped.",
    )
    worker.add_argument("--queue", default="*", help="queue to take tasks from (default: all)")
    worker.add_argument(
        "--interval", type=float, default=1.0, help="seconds between polls when idle"
    )
    worker.add_argument("--batch", action="store_true", help="run what is queued, then stop")
    worker.set_defaults(func=cmd_worker)

    token = sub.add_parser("token", help="manage API tokens", description="Manage API tokens.")
    token_sub = token.add_subparsers(dest="token_command", required=True, metavar="ACTION")
    create = token_sub.add_parser(
        "create",
        help="print a new API token for a user",
        description="Create an API token for EMAIL and print it. It is stored hashed and "
        "shown only this once.",
    )
    create.add_argument("email")
    create.add_argument(
        "--organisation",
        help="organisation (slug, id or name) the token acts in; needed when the user has several",
    )
    create.add_argument("--name", default="command line", help="a name to recognise it by")
    create.set_defaults(func=cmd_token)

    # Listed for --help; main() hands everything after "manage" to Django untouched.
    sub.add_parser("manage", help="run a Django management command, e.g. `manage migrate`")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["manage"]:
        return cmd_manage(argv[1:])
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
