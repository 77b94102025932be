"""Start the kit: Voila serving this repository with the kit's template and settings, plus the participant pages.

``make start`` (or ``kit``, installed, from any folder) runs this on localhost; ``make room``
(``kit --room``) listens on the local network so phones in the room can join. The Voila settings
themselves live in ``voila.json`` in the kit's files (``settings.kit_root()``: the checkout, or the
installed copy), read because Voila starts there.
"""

import argparse
import os
import socket
import sys

from .i18n import cli_language, t
from .preflight import check_store
from .settings import (
    LEAST_MIN_GROUP,
    LEAST_RETENTION_DAYS,
    MIN_GROUP,
    MOST_RETENTION_DAYS,
    RETENTION_DAYS,
    default_data_dir,
    kit_root,
)
from .web import kernels

# Launcher option -> the setting of the Voila pages' kernels it sets (widgets/web/kernels.py has the defaults).
KERNEL_OPTIONS = {
    "cull-idle": "KitKernelManager.cull_idle_timeout",
    "cull-connected": "KitKernelManager.cull_connected_timeout",
    "cull-interval": "KitKernelManager.cull_interval",
    "max-kernels": "KitKernelManager.max_kernels",
    "max-message-mb": "KitVoila.max_message_mb",
    "connect-timeout": "KitKernelManager.connect_timeout",
    "kernels-per-address": "KitKernelManager.kernels_per_address",
}
KERNEL_HELP = {option: "cli.launch." + option.replace("-", "_") for option in KERNEL_OPTIONS}  # catalog ids


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.254.254.254", 1))
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def kit_environment(args, base=None) -> dict:
    env = dict(os.environ if base is None else base)
    root = kit_root()
    template_path = str(root / "share" / "jupyter")
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (template_path, env.get("JUPYTER_PATH")) if p)
    env["KIT_ROOT"] = str(root)
    # Fixed here, before the server changes folder: kernels and the server agree, and it is printed.
    env["KIT_DATA_DIR"] = os.path.abspath(args.data_dir or env.get("KIT_DATA_DIR") or default_data_dir())
    if args.store:
        env["KIT_STORE_URL"] = args.store
    if getattr(args, "min_group", None) is not None:  # the disclosure rule's k, for the server and every kernel
        env["KIT_MIN_GROUP"] = str(args.min_group)
    if getattr(args, "retention_days", None) is not None:  # read by the server's purge and the dashboards
        env["KIT_RETENTION_DAYS"] = str(args.retention_days)
    for option, name in (("controller", "KIT_CONTROLLER_NAME"), ("controller_contact", "KIT_CONTROLLER_CONTACT")):
        if getattr(args, option, None):
            env[name] = getattr(args, option)
    if args.public_url:
        env["KIT_PUBLIC_URL"] = args.public_url
    elif args.room:
        env.setdefault("KIT_PUBLIC_URL", f"http://{lan_address()}:{args.port}/")
    return env


def voila_command(args) -> list:
    command = [
        sys.executable,
        "-m",
        "widgets.web.standalone",
        str(kit_root()),
        "--no-browser",
        f"--port={args.port}",
        f"--Voila.ip={'0.0.0.0' if args.room else '127.0.0.1'}",
    ]
    if args.no_preheat:
        command.append("--preheat_kernel=False")
    if getattr(args, "log_addresses", False):
        command.append("--KitWeb.log_addresses=True")
    for option, setting in KERNEL_OPTIONS.items():
        value = getattr(args, option.replace("-", "_"), None)
        if value is not None:
            command.append(f"--{setting}={value}")
    return command + list(getattr(args, "server_options", []))


def parse_args(argv=None):
    say = cli_language()
    port = int(os.environ.get("KIT_PORT", "8866"))
    parser = argparse.ArgumentParser(prog="kit", description=t("cli.launch.description", say))
    parser.add_argument("--port", type=int, default=port, help=t("cli.launch.port", say, default=port))
    parser.add_argument("--room", action="store_true", help=t("cli.launch.room", say))
    parser.add_argument("--data-dir", help=t("cli.launch.data_dir", say, default=default_data_dir()))
    parser.add_argument("--store", help=t("cli.launch.store", say))
    parser.add_argument("--public-url", help=t("cli.launch.public_url", say))
    parser.add_argument("--no-preheat", action="store_true", help=t("cli.launch.no_preheat", say))
    least = LEAST_MIN_GROUP
    parser.add_argument(
        "--min-group", type=int, metavar="K", help=t("cli.launch.min_group", say, default=MIN_GROUP, least=least)
    )
    parser.add_argument(
        "--retention-days",
        type=int,
        metavar="N",
        help=t(
            "cli.launch.retention_days",
            say,
            default=RETENTION_DAYS,
            least=LEAST_RETENTION_DAYS,
            most=MOST_RETENTION_DAYS,
        ),
    )
    parser.add_argument("--controller", metavar="NAAM", help=t("cli.launch.controller", say))
    parser.add_argument("--controller-contact", metavar="CONTACT", help=t("cli.launch.controller_contact", say))
    parser.add_argument("--log-addresses", action="store_true", help=t("cli.launch.log_addresses", say))
    defaults = (
        kernels.CULL_IDLE_TIMEOUT,
        kernels.CULL_CONNECTED_TIMEOUT,
        kernels.CULL_INTERVAL,
        kernels.MAX_KERNELS,
        kernels.MAX_MESSAGE_MB,
        kernels.CONNECT_TIMEOUT,
        kernels.KERNELS_PER_ADDRESS,
    )
    for option, default in zip(KERNEL_OPTIONS, defaults, strict=True):
        parser.add_argument(f"--{option}", type=int, metavar="N", help=t(KERNEL_HELP[option], say, default=default))
    args, rest = parser.parse_known_args(argv)
    for option in KERNEL_OPTIONS:
        value = getattr(args, option.replace("-", "_"))
        least = 1 if option in ("max-message-mb", "cull-interval") else 0
        if value is not None and value < least:
            parser.error(t("cli.at_least", say, option=f"--{option}", least=least))
    if args.min_group is not None and args.min_group < LEAST_MIN_GROUP:
        parser.error(t("cli.at_least", say, option="--min-group", least=LEAST_MIN_GROUP))
    if args.retention_days is not None and not LEAST_RETENTION_DAYS <= args.retention_days <= MOST_RETENTION_DAYS:
        parser.error(
            t(
                "cli.between",
                say,
                option="--retention-days",
                least=LEAST_RETENTION_DAYS,
                most=MOST_RETENTION_DAYS,
            )
        )
    unknown = [option for option in rest if not option.startswith(("--KitWeb.", "--KitKernelManager."))]
    if unknown:
        parser.error(t("cli.launch.unknown_option", say, option=unknown[0]))
    args.server_options = rest
    return args


def main(argv=None) -> None:
    args = parse_args(argv)
    env = kit_environment(args)
    check_store(env)  # refuse a data folder or database it cannot write to, before Voila starts
    shown = env.get("KIT_PUBLIC_URL") or f"http://localhost:{args.port}/"
    say = cli_language()
    data = "cli.launch.exports_shown" if env.get("KIT_STORE_URL") else "cli.launch.data_shown"
    print(f"\n  {t('cli.launch.starting', say, address=shown)}", flush=True)
    print(f"  {t(data, say, path=env['KIT_DATA_DIR'])}\n", flush=True)
    os.chdir(kit_root())
    os.execve(sys.executable, voila_command(args), env)


if __name__ == "__main__":
    main()
