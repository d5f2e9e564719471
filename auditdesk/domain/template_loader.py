"""Read template YAML into models, naming the file, line and field of every problem.

PyYAML's node tree keeps line numbers; we build the plain data ourselves while recording
the line of every value, then map pydantic's error locations back to lines. All problems in
a file are reported at once, so an author fixes them in one pass.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from auditdesk.domain.canonical import content_hash
from auditdesk.domain.template_checks import Location, check_template
from auditdesk.domain.template_model import AuditTemplate
from auditdesk.errors import TemplateProblem

MAX_TEMPLATE_BYTES = 2_000_000


@dataclass(frozen=True)
class LoadedTemplate:
    """A validated template, its source data (what is frozen into the database) and hash."""

    template: AuditTemplate
    definition: dict[str, Any]
    sha256: str
    source: str


def load_template_text(text: str, source: str) -> LoadedTemplate:
    """Parse and validate one template; raise :class:`TemplateProblem` listing every problem."""
    data, lines = _parse_yaml(text, source)
    if not isinstance(data, dict):
        raise TemplateProblem([f"{source}, line 1: a template must be a mapping of fields"])
    try:
        template = AuditTemplate.model_validate(data)
    except ValidationError as error:
        problems = [_describe(source, lines, tuple(e["loc"]), _plain(e)) for e in error.errors()]
        raise TemplateProblem(problems) from None
    issues = check_template(template)
    if issues:
        raise TemplateProblem([_describe(source, lines, i.location, i.message) for i in issues])
    return LoadedTemplate(template, data, definition_hash(data), source)


def load_template_definition(definition: dict[str, Any], source: str) -> LoadedTemplate:
    """Validate a definition already parsed (from the database or a bundle)."""
    return load_template_text(json.dumps(definition), source)


def load_template_file(path: Path) -> LoadedTemplate:
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateProblem(
                [f"{path}: the file is {size:,} bytes; a template is at most 2 MB"]
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TemplateProblem([f"{path}: no such file"]) from None
    except IsADirectoryError:
        raise TemplateProblem([f"{path}: this is a folder, not a template file"]) from None
    except UnicodeDecodeError:
        raise TemplateProblem([f"{path}: the file is not UTF-8 text"]) from None
    except OSError as error:
        raise TemplateProblem([f"{path}: cannot be read ({error.strerror})"]) from None
    return load_template_text(text, str(path))


def shipped_templates() -> list[LoadedTemplate]:
    """The templates that ship inside the package (``auditdesk/audit_templates``)."""
    folder = resources.files("auditdesk.audit_templates")
    loaded = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            loaded.append(load_template_text(entry.read_text(encoding="utf-8"), entry.name))
    return loaded


def definition_hash(definition: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of a template definition (comments and layout of the
    YAML do not change it; any change of content does)."""
    return content_hash(definition)


def check_files(paths: Iterable[Path]) -> list[str]:
    """Problems in each file, for ``auditdesk templates check``; empty when all are good."""
    problems: list[str] = []
    for path in paths:
        try:
            load_template_file(path)
        except TemplateProblem as problem:
            problems += problem.problems
    return problems


# -- YAML with line numbers ----------------------------------------------------------------
Lines = dict[Location, int]

# libyaml's parser, where PyYAML was built with it: the same nodes with the same marks
# (lines), several times faster than the pure-Python one, which every start of the app,
# every new database and every test pays for the shipped templates.
_QUICK_LOADER: type[yaml.SafeLoader] = (
    yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader  # type: ignore[assignment]
)


def _parse_yaml(text: str, source: str) -> tuple[Any, Lines]:
    try:
        node = yaml.compose(text, Loader=_QUICK_LOADER)
    except yaml.YAMLError:
        # libyaml words its problems differently: a broken file is read again by the
        # pure-Python parser, so authors get its line numbers and words, whichever ran.
        node = _compose_plainly(text, source)
    if node is None:
        raise TemplateProblem([f"{source}: the file is empty"])
    lines: Lines = {}
    duplicates: list[str] = []
    data = _build(node, (), lines, duplicates, source)
    if duplicates:
        raise TemplateProblem(duplicates)
    return data, lines


def _compose_plainly(text: str, source: str) -> yaml.Node | None:
    """The node tree from PyYAML's own parser, or its problem said with file and line."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f", line {mark.line + 1}" if mark else ""
        what = error.problem or error.context or "not valid YAML"
        if error.context and error.context_mark and error.problem_mark:
            # Where PyYAML noticed the problem can be a line after the mistake; say where
            # the unfinished thing began too.
            what += f" ({error.context} that starts on line {error.context_mark.line + 1})"
        advice = next((tip for words, tip in _YAML_ADVICE if words in what), None)
        what += f". What to do: {advice}" if advice else ""
        raise TemplateProblem([f"{source}{line}: the YAML cannot be read: {what}"]) from None
    except yaml.YAMLError as error:
        raise TemplateProblem([f"{source}: the YAML cannot be read: {error}"]) from None


def _build(
    node: yaml.Node, location: Location, lines: Lines, duplicates: list[str], source: str
) -> Any:
    lines[location] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(_scalar(key_node))
            if key in result:
                duplicates.append(
                    f"{source}, line {key_node.start_mark.line + 1}, {_path((*location, key))}: "
                    "this key appears twice in the same block"
                )
            result[key] = _build(value_node, (*location, key), lines, duplicates, source)
            # Point at the key's line: a block value ("repeat:" followed by its fields)
            # starts on the next line, but the author looks for the key.
            lines[(*location, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*location, index), lines, duplicates, source)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    # The safe constructor resolves tags (ints, bools, nulls) exactly as yaml.safe_load would.
    constructor = yaml.constructor.SafeConstructor()
    return constructor.construct_object(node, deep=True)


def _describe(source: str, lines: Lines, location: Location, message: str) -> str:
    line = _line_for(lines, location)
    field = _path(location) or "(top level)"
    return f"{source}, line {line}, {field}: {message}"


def _line_for(lines: Lines, location: Location) -> int:
    # A missing field has no line of its own: name the line of the block it belongs in.
    for end in range(len(location), -1, -1):
        if location[:end] in lines:
            return lines[location[:end]]
    return 1


def _path(location: Location) -> str:
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _plain(error: Any) -> str:
    """pydantic's message, reworded where it would puzzle someone editing YAML."""
    kind = error["type"]
    if kind == "missing":
        return "this field is required but missing"
    if kind == "extra_forbidden":
        return "this is not a field a template can have (check the spelling)"
    if kind == "string_pattern_mismatch":
        return (
            f"'{error.get('input')}' is not a valid identifier; use lower-case letters, "
            "digits and underscores (ids may also use dots and hyphens)"
        )
    limit = error.get("ctx", {})
    if kind == "string_too_long":
        return (
            f"this is {len(error['input']):,} characters long; it can be at most "
            f"{limit['max_length']:,} (shorten it)"
        )
    if kind == "less_than_equal":
        return f"{error['input']:,} is too high; the highest allowed is {limit['le']:,}"
    if kind == "greater_than_equal":
        return f"{error['input']:,} is too low; the lowest allowed is {limit['ge']:,}"
    if kind == "greater_than":
        return f"{error['input']:,} is too low; it must be more than {limit['gt']:,}"
    if kind == "too_short":
        least = limit.get("min_length", 1)
        return f"this needs at least {least} item{'s' if least != 1 else ''}"
    plain = _PLAIN_WORDS.get(kind)
    if kind == "enum":
        plain = f"this must be one of {limit.get('expected', 'the values listed')}"
    message = plain or str(error["msg"])
    if "input" in error and kind in ("enum", "literal_error", "int_parsing", "float_parsing",
                                     "bool_parsing", "int_from_float"):  # fmt: skip
        message += f" (found '{error['input']}')"
    return message


#: pydantic's words for what a template's author most often gets wrong, said in theirs.
_PLAIN_WORDS = {
    "int_parsing": "this must be a whole number",
    "int_from_float": "this must be a whole number",
    "int_type": "this must be a whole number",
    "float_parsing": "this must be a number",
    "float_type": "this must be a number",
    "bool_parsing": "this must be true or false",
    "bool_type": "this must be true or false",
    "string_type": "this must be text",
    "list_type": "this must be a list: lines starting with '- ', indented under it",
    "dict_type": "this must be a group of fields: lines of 'name: value', indented under it",
    "model_type": "this must be a group of fields: lines of 'name: value', indented under it",
    "model_attributes_type": (
        "this must be a group of fields: lines of 'name: value', indented under it"
    ),
}

#: What to do about PyYAML's commonest complaints, said after its own words.
_YAML_ADVICE = (
    ("mapping values are not allowed", "put text that contains ': ' in quotes"),
    ("expected <block end>", "a line here is indented differently from the lines around it"),
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("could not find expected ':'", "a line here is missing the ':' after its field name"),
)
