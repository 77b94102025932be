"""Extract the message ids, write the translators' template and check every catalog.

    python tools/catalogs.py          # `make catalogs`: writes widgets/locale/kit.pot, then checks
    python tools/catalogs.py --check  # only checks (the test suite does the same)

Extraction is `pybabel extract` with babel.cfg (keyword ``t``; templates through Jinja2's own
extractor). Many ids are built at run time (``f"activity.{key}"``), so the check is not "every id is
used" by extraction but: every literal id in the code exists; every catalog has every id of the Dutch one,
translated, with the same placeholders and as many plural forms as its language has. ``unused`` then
looks the other way: each Dutch id must be written somewhere in the code, lessons or workshops, or be
built there from a prefix (``"activity." + key``, ``f"cell.{p}.{k}"``) or a suffix (``f"{key}.plain"``),
so a message the code no longer says is noticed (``tools/messages.py --remove`` takes it out).
"""

import argparse
import re
import sys
import tempfile
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import PoFileError, read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "widgets" / "locale"
TEMPLATE = LOCALE / "kit.pot"
DUTCH = "nl"
COUNT = "n"
USERS = ("widgets", "lessons", "workshops", "tools", "start.ipynb")  # where an id may be used (not locale/)
READ = {".py", ".html", ".js", ".ipynb", ".toml", ".json"}
# ids built from a written prefix or suffix: '"activity." + key' or f"cell.{p}.{k}"; f"{key}.plain"
PREFIX = re.compile(r"""["']([a-z_][\w\-]*(?:\.[\w\-]+)*[._])(?:["']|\{)""")
SUFFIX = re.compile(r"""\}(\.[\w\-]+(?:\.[\w\-]+)*)["']""")
# ids no pattern finds: widgets.web.pages.statements.Words.of(prefix) names "<prefix>.<field>" for its fields
BUILT = (".step", ".intro", ".municipality_unknown", ".next", ".previous", ".back_to_list", ".results", ".done_title")
BUILT += (".done_note", ".change", ".title")


def read(path: Path, lang: str = None, strict: bool = False) -> Catalog:
    """A catalog; ``strict``: a PoFileError for what Babel would otherwise skip (too many plural forms)."""
    with open(path, "rb") as handle:
        return read_po(handle, locale=lang, domain="kit", abort_invalid=strict)


def extract(root: Path = ROOT) -> Catalog:
    """The ids the code and the templates name literally, with the files they are in."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "extracted.pot"
        CommandLineInterface().run(
            [
                "pybabel",
                "-q",
                "extract",
                "-F",
                str(root / "babel.cfg"),
                "-k",
                "t",
                "--no-default-keywords",
                "-o",
                str(out),
                str(root),
            ]
        )
        return read(out)


def msgid(message) -> str:
    return message.id[0] if isinstance(message.id, (list, tuple)) else message.id


def forms(message) -> tuple:
    return tuple(message.string) if message.pluralizable else (message.string,)


def placeholders(text: str) -> set:
    return set(re.findall(r"{(\w+)[^{}]*}", text or ""))


def catalogs(folder: Path = LOCALE) -> dict:
    """lang -> Catalog for every language folder, Dutch first."""
    found = sorted(path.parent.parent.name for path in folder.glob("*/LC_MESSAGES/kit.po"))
    return {
        lang: read(folder / lang / "LC_MESSAGES" / "kit.po", lang)
        for lang in sorted(found, key=lambda code: code != DUTCH)
    }


def _is_known(key: str, ids: set) -> bool:
    """An extracted id is known if it is one, a prefix ending in '.' of ids built at run time
    (``t("axis." + key)``), or ids Babel glued together with the words between them
    (``t("palet.cell" if kind == "cell" else "palet.value")`` -> "palet.cellcellpalet.value")."""
    if key in ids or (key.endswith(".") and any(i.startswith(key) for i in ids)):
        return True
    return _glued(key, ids) >= 2


def _glued(key: str, ids: set) -> int:
    """How many ids ``key`` is made of (other pieces: plain words without a dot); -1 if none fits."""

    @cache
    def count(start: int) -> int:
        if start == len(key):
            return 0
        best = -1
        for i in ids:
            if key.startswith(i, start) and (more := count(start + len(i))) >= 0:
                best = max(best, more + 1)
        end = start
        while best < 0 and end < len(key) and (key[end].isalpha() or key[end] == "_"):
            end += 1
            best = count(end)
        return best

    return count(0)


def problems(folder: Path = LOCALE, extracted: Catalog = None) -> list:
    """Everything wrong with the catalogs in ``folder``, as lines a translator can act on."""
    found = catalogs(folder)
    if DUTCH not in found:
        return [f"{folder}: no Dutch catalog {DUTCH}/LC_MESSAGES/kit.po"]
    dutch = {msgid(m): m for m in found[DUTCH] if m.id}
    lines = []
    if extracted is not None:
        for message in extracted:
            if message.id and not _is_known(msgid(message), set(dutch)):
                where = ", ".join(sorted({_relative(path) for path, _ in message.locations}))
                lines.append(f"{msgid(message)}: used in {where} but not in the Dutch catalog")
    for lang, po in found.items():
        try:
            Locale.parse(lang)
        except (ValueError, UnknownLocaleError):
            lines.append(f"{lang}: not a language code Babel knows")
            continue
        try:
            read(folder / lang / "LC_MESSAGES" / "kit.po", lang, strict=True)
        except PoFileError as error:
            lines.append(f"{lang}: {error}")
        own = {msgid(m): m for m in po if m.id}
        lines += [f"{lang}: {key}: not in the Dutch catalog (remove it)" for key in sorted(set(own) - set(dutch))]
        for key, source in dutch.items():
            message = own.get(key)
            if message is not None and message.pluralizable and any(forms(message)) and not all(forms(message)):
                filled = sum(map(bool, forms(message)))
                lines.append(f"{lang}: {key}: {filled} of the {po.num_plurals} plural forms of {lang} filled in")
                continue
            if message is None or not all(forms(message)) or message.fuzzy:
                lines.append(f"{lang}: {key}: missing, empty or fuzzy")
                continue
            if message.pluralizable != source.pluralizable:
                lines.append(f"{lang}: {key}: plural forms in one catalog and not in the other")
                continue
            wanted = set().union(*map(placeholders, forms(source)))
            for text in forms(message):  # a plural form for one may say "one" instead of {n}
                have = placeholders(text) | ({COUNT} & wanted if message.pluralizable else set())
                if have != wanted:
                    lines.append(
                        f"{lang}: {key}: placeholders {sorted(placeholders(text))}, Dutch has {sorted(wanted)}"
                    )
            if message.pluralizable and COUNT not in wanted:
                lines.append(f"{lang}: {key}: a plural message needs the count {{{COUNT}}}")
    return lines


def unused(folder: Path = LOCALE, root: Path = ROOT) -> list:
    """The Dutch catalog's ids that no file of ``USERS`` writes, or builds from a prefix or suffix it writes."""
    texts = []
    for name in USERS:
        start = root / name
        for path in [start] if start.is_file() else start.rglob("*"):
            if path.suffix in READ and path.is_file() and "locale" not in path.relative_to(root).parts:
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
    code = "\n".join(texts)
    prefixes, suffixes = tuple(set(PREFIX.findall(code))), tuple(set(SUFFIX.findall(code))) + BUILT
    found = catalogs(folder).get(DUTCH, ())
    ids = sorted({msgid(m) for m in found if m.id})
    return [key for key in ids if key not in code and not key.startswith(prefixes) and not key.endswith(suffixes)]


def _relative(path: str) -> str:
    path = Path(path)
    return (path.relative_to(ROOT) if path.is_absolute() and path.is_relative_to(ROOT) else path).as_posix()


def template(extracted: Catalog, folder: Path = LOCALE) -> Catalog:
    """kit.pot: every Dutch id, the Dutch text as a comment for translators, where the code uses it."""
    dutch = catalogs(folder)[DUTCH]
    used = {msgid(m): m.locations for m in extracted if m.id}
    pot = Catalog(
        domain="kit",
        project="publieke-waardekit",
        version="1",
        copyright_holder="publieke-waardekit",
        header_comment="# Template of the kit's messages: the ids, with the Dutch text as a comment.\n"
        "# A new language: see 'Adding a language' in CONTRIBUTING.md.",
    )
    for message in dutch:
        if not message.id:
            continue
        key = msgid(message)
        comments = [" | ".join(forms(message))]
        locations = sorted({(_relative(path), None) for path, _ in used.get(key, ())})
        pot.add(
            message.id,
            ("", "") if message.pluralizable else "",
            locations=locations,
            auto_comments=comments,
            flags=message.flags,
        )
    return pot


def write_template(pot: Catalog, path: Path = TEMPLATE) -> bool:
    """Write kit.pot if its messages changed (the header's date alone is no change)."""

    def render(catalog):
        with tempfile.TemporaryFile() as handle:
            write_po(handle, catalog, sort_output=True, include_lineno=False)
            handle.seek(0)
            return handle.read()

    if path.exists():
        pot.creation_date = read(path).creation_date
        if render(pot) == path.read_bytes():
            return False
        pot.creation_date = Catalog().creation_date
    path.write_bytes(render(pot))
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Extract message ids into kit.pot and check the catalogs.")
    parser.add_argument("--check", action="store_true", help="only check, do not write kit.pot")
    args = parser.parse_args(argv)
    extracted = extract()
    if not args.check and write_template(template(extracted)):
        print(f"wrote {TEMPLATE.relative_to(ROOT)}")
    found = problems(extracted=extracted)
    found += [f"{key}: in the catalogs but used nowhere (tools/messages.py --remove {key})" for key in unused()]
    for line in found:
        print(line, file=sys.stderr)
    languages = ", ".join(catalogs())
    print(f"{len(found)} problem(s) in the catalogs ({languages})" if found else f"catalogs complete: {languages}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
