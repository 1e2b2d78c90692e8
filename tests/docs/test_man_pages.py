#!/usr/bin/env python3
"""The man pages (docs/man/) say what the programs do: checked against the programs themselves.

lpa.1 against `lpa --help` and every `lpa <command> --help` (options, commands, arguments), lpad.8
against `lpad --help`, lpad.conf.5 against docs/lpad.conf.example and the table of known groups
and keys in lpad/config.cpp, both exit status lists against the code, and every page through
groff and mandoc when they are installed.

Arguments: LPA_BINARY LPAD_BINARY SOURCE_DIR (given by ctest).
"""
import pathlib
import re
import shutil
import subprocess
import sys
import unittest

if len(sys.argv) < 4:
    sys.exit("usage: test_man_pages.py LPA_BINARY LPAD_BINARY SOURCE_DIR [unittest options]")
LPA, LPAD, SOURCE = (pathlib.Path(p) for p in sys.argv[1:4])
del sys.argv[1:4]
MAN = SOURCE / "docs" / "man"

# An option in help output or in a page once its roff escapes are gone.
OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")


# --- roff --------------------------------------------------------------------------------------

def plain(text: str) -> str:
    """Roff text as a reader sees it: escapes resolved, font changes and macro names dropped."""
    text = re.sub(r"\\f(\[[^]]*\]|\(..|.)", "", text)
    for escape, char in ((r"\-", "-"), (r"\(aq", "'"), (r"\(dq", '"'), (r"\(em", "-"), (r"\e", "\\"),
                         (r"\&", ""), (r"\|", ""), (r"\ ", " ")):
        text = text.replace(escape, char)
    lines = []
    for line in text.splitlines():
        if line.startswith(".\\\""):
            continue
        if line.startswith("."):
            line = re.sub(r"^\.\w+\s*", "", line).replace('"', "")
        lines.append(line)
    return "\n".join(lines)


class Page:
    """A man page cut into sections (.SH) and subsections (.SS), with the terms of its .TP lists."""

    def __init__(self, path: pathlib.Path):
        self.path = path
        self.raw = path.read_text()
        self.sections: dict[str, list[str]] = {}
        section = ""
        for line in self.raw.splitlines():
            if line.startswith(".SH"):
                section = heading(line)
                self.sections[section] = []
            elif section:
                self.sections[section].append(line)

    def section(self, name: str) -> list[str]:
        if name not in self.sections:
            raise AssertionError(f"{self.path.name} has no section {name}; it has {sorted(self.sections)}")
        return self.sections[name]

    def subsections(self, name: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        current = None
        for line in self.section(name):
            if line.startswith(".SS"):
                current = plain(heading(line)).strip()
                out[current] = []
            elif current is not None:
                out[current].append(line)
        return out


def heading(line: str) -> str:
    return line.split(None, 1)[1].strip().strip('"') if len(line.split(None, 1)) > 1 else ""


def terms(lines: list[str]) -> list[str]:
    """The tag lines of .TP/.TQ paragraphs, as plain text."""
    out = []
    for i, line in enumerate(lines[:-1]):
        if line.startswith((".TP", ".TQ")):
            out.append(plain(lines[i + 1]).strip())
    return out


def options_in(text: str) -> set[str]:
    return set(OPTION.findall(text))


# --- CLI11 help ----------------------------------------------------------------------------------

class Help:
    """What a CLI11 --help lists: options (long and short), positionals and subcommands."""

    def __init__(self, *argv: str):
        run = subprocess.run([*argv, "--help"], capture_output=True, text=True, timeout=20)
        if run.returncode != 0:
            raise AssertionError(f"{' '.join(argv)} --help exited {run.returncode}: {run.stderr}")
        self.options: set[str] = set()
        self.positionals: list[str] = []
        self.subcommands: list[str] = []
        part = None
        for line in run.stdout.splitlines():
            stripped = line.strip()
            if stripped in ("Options:", "Positionals:", "Subcommands:"):
                part = stripped[:-1]
                continue
            if stripped.startswith("[Option Group:"):
                part = "Options"
                continue
            entry = re.match(r"^ {2,4}(\S+)", line)  # descriptions continue further right
            if not entry or part is None:
                continue
            first = entry.group(1)
            if part == "Options":
                self.options.update(name for name in first.split(",") if name.startswith("-"))
            elif part == "Positionals":
                self.positionals.append(first)
            else:
                self.subcommands.append(first)


def lpa_commands() -> dict[str, Help]:
    """Every command of lpa that does something, by its words ("notifications list")."""
    out: dict[str, Help] = {}

    def walk(words: list[str]) -> None:
        help_ = Help(str(LPA), *words)
        if help_.subcommands:
            for sub in help_.subcommands:
                walk(words + [sub])
        else:
            out[" ".join(words)] = help_

    for command in Help(str(LPA)).subcommands:
        walk([command])
    return out


def exit_codes_in(page: Page) -> set[int]:
    return {int(t) for t in terms(page.section("EXIT STATUS")) if t.isdigit()}


# --- lpad.conf -----------------------------------------------------------------------------------

def canonical_group(group: str) -> str:
    return "device NAME" if group.startswith("device ") else group


def example_keys() -> dict[str, set[str]]:
    """Groups and keys of docs/lpad.conf.example, the commented-out ones (#key=value) included."""
    out: dict[str, set[str]] = {}
    group = None
    for line in (SOURCE / "docs" / "lpad.conf.example").read_text().splitlines():
        if m := re.match(r"^#?\[([^]]+)\]\s*$", line):
            group = canonical_group(m.group(1))
            out.setdefault(group, set())
        elif (m := re.match(r"^#?([A-Za-z_][\w]*)=", line)) and group is not None:
            out[group].add(m.group(1))
    return out


def page_keys(page: Page) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for title, lines in page.subsections("GROUPS AND KEYS").items():
        m = re.fullmatch(r"\[([^]]+)\]", title)
        if not m:
            continue
        out[canonical_group(m.group(1))] = {k.group(1) for t in terms(lines) if (k := re.match(r"^([A-Za-z_]\w*)=", t))}
    return out


def config_cpp_keys() -> dict[str, set[str]]:
    """The table of known groups and keys of lpad/config.cpp (kGroups, kDeviceKeys)."""
    text = (SOURCE / "lpad" / "config.cpp").read_text()
    groups = re.search(r"kGroups\s*=\s*\{(.*?)\n\};", text, re.S)
    device = re.search(r"kDeviceKeys\s*=\s*\{(.*?)\};", text, re.S)
    if not groups or not device:
        raise AssertionError("lpad/config.cpp: kGroups or kDeviceKeys not found; update this test's parser")
    out = {name: set(re.findall(r'"(\w+)"', keys)) for name, keys in re.findall(r'\{"(\w+)",\s*\{([^}]*)\}\}', groups.group(1))}
    out["device NAME"] = set(re.findall(r'"(\w+)"', device.group(1)))
    return out


# --- the tests -----------------------------------------------------------------------------------

class LpaPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.page = Page(MAN / "lpa.1")
        cls.top = Help(str(LPA))
        cls.commands = lpa_commands()

    def test_every_global_option_of_lpa_help_is_described_in_options(self):
        described = set().union(*(options_in(t) for t in terms(self.page.section("OPTIONS"))))
        self.assertEqual(set(), self.top.options - described, "lpa --help options missing from lpa.1 OPTIONS")

    def test_every_option_described_in_options_exists_in_lpa_help(self):
        described = set().union(*(options_in(t) for t in terms(self.page.section("OPTIONS"))))
        self.assertEqual(set(), described - self.top.options, "lpa.1 OPTIONS describes options lpa does not have")

    def test_every_command_of_lpa_has_its_subsection_and_no_other(self):
        documented = set(self.page.subsections("COMMANDS"))
        self.assertEqual(sorted(self.commands), sorted(documented))

    def test_each_command_subsection_describes_every_option_of_its_help(self):
        sections = self.page.subsections("COMMANDS")
        for name, help_ in self.commands.items():
            with self.subTest(command=name):
                described = set().union(set(), *(options_in(t) for t in terms(sections.get(name, []))))
                self.assertEqual(set(), help_.options - {"-h", "--help"} - described,
                                 f"lpa {name} --help options missing from its subsection")
                self.assertEqual(set(), described - help_.options, f"lpa.1 describes options lpa {name} does not have")

    def test_each_command_synopsis_names_its_arguments(self):
        sections = self.page.subsections("COMMANDS")
        for name, help_ in self.commands.items():
            lines = sections.get(name, [])
            synopsis = plain("\n".join(lines[: lines.index(".PP")] if ".PP" in lines else lines))
            synopsis = synopsis.replace(f"lpa {name}", "")  # `lpa nickname PROFILE NICKNAME`: the argument, not the command
            for positional in help_.positionals:
                with self.subTest(command=name, argument=positional):
                    self.assertRegex(synopsis, rf"(?<![\w-]){re.escape(positional)}(?![\w-])")

    def test_exit_status_lists_the_codes_of_lpac_cli(self):
        header = (SOURCE / "lpac-cli" / "cli_output.h").read_text()
        codes = {int(v) for v in re.findall(r"constexpr int kExit\w+ = (\d+);", header)}
        self.assertTrue(codes, "no kExit* constants in lpac-cli/cli_output.h")
        self.assertEqual(codes, exit_codes_in(self.page))


class LpadPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.page = Page(MAN / "lpad.8")
        cls.help = Help(str(LPAD))

    def test_every_option_of_lpad_help_is_described_in_options(self):
        described = set().union(*(options_in(t) for t in terms(self.page.section("OPTIONS"))))
        self.assertEqual(set(), self.help.options - described)

    def test_every_option_described_in_options_exists_in_lpad_help(self):
        described = set().union(*(options_in(t) for t in terms(self.page.section("OPTIONS"))))
        self.assertEqual(set(), described - self.help.options)

    def test_exit_status_lists_the_codes_of_lpad_main(self):
        main = (SOURCE / "lpad" / "main.cpp").read_text()
        codes = {0} | {int(v) for v in re.findall(r"\breturn (\d+);", main)}
        self.assertEqual(codes, exit_codes_in(self.page))


class LpadConfPage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.page = Page(MAN / "lpad.conf.5")

    def test_every_group_and_key_of_the_example_is_described_and_no_other(self):
        self.assertEqual(example_keys(), page_keys(self.page))

    def test_the_keys_config_cpp_accepts_are_the_described_ones(self):
        self.assertEqual(config_cpp_keys(), page_keys(self.page))


class AllPages(unittest.TestCase):
    PAGES = ("lpa.1", "lpad.8", "lpad.conf.5")

    def test_every_page_is_installed_and_every_installed_page_exists(self):
        listed = set(re.findall(r"man/([\w.]+\.\d)\b", (SOURCE / "docs" / "CMakeLists.txt").read_text()))
        self.assertEqual(set(self.PAGES), listed)
        self.assertEqual(set(self.PAGES), {p.name for p in MAN.iterdir() if re.search(r"\.\d$", p.name)})

    def test_every_page_parses_without_warnings(self):
        checkers = []
        if shutil.which("groff"):
            checkers.append(["groff", "-man", "-ww", "-z"])
        if shutil.which("mandoc"):
            checkers.append(["mandoc", "-T", "lint", "-W", "warning"])
        if not checkers:
            self.skipTest("neither groff nor mandoc is installed")
        for checker in checkers:
            for name in self.PAGES:
                with self.subTest(checker=checker[0], page=name):
                    run = subprocess.run([*checker, str(MAN / name)], capture_output=True, text=True, timeout=20)
                    self.assertEqual((0, ""), (run.returncode, run.stdout + run.stderr))


if __name__ == "__main__":
    unittest.main(verbosity=2)
