"""``auditdesk export board|audit`` run for real: exit codes, messages, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.bundles.helpers import dump
from tests.exports.conftest import sql
from tests.test_cli import run, run_process


def test_export_board_writes_both_files(home: Path, database: Path, tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "Board July.xlsx", tmp_path / "Board July.pdf"
    result = run_process(  # the export command started for real, once
        home,
        "export",
        "board",
        "--db",
        database,
        "--xlsx",
        xlsx,
        "--pdf",
        pdf,
        "--from",
        "2025-09-01",
        "--to",
        "2026-08-31",
        "--template",
        "ehcp-quality",
        "--locality",
        "Crewe",
        "--locality",
        "Nantwich",
        "--suppress-below",
        "10",
    )
    assert result.returncode == 0, result.stderr
    (count,) = sql(
        database,
        "SELECT count(*) FROM audits WHERE audit_date BETWEEN '2025-09-01' AND '2026-08-31' "
        "AND status != 'draft' AND template_id = 'ehcp-quality' "
        "AND locality IN ('Crewe', 'Nantwich')",
    )[0]
    assert result.stdout.startswith(f"Wrote {xlsx} (")
    assert f"for {count:,} audits in 2025/26" in result.stdout
    book = load_workbook(xlsx)
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row[0]}
    assert about["Templates"] == "EHCP multi-agency quality audit"
    assert about["Localities"] == "Crewe, Nantwich"
    assert about["Suppression"].startswith("Counts from 1 to 9 in any table of figures")
    assert about["By"] == "Sam Practice"  # the person here, not the demo's last user
    cover = PdfReader(pdf).pages[0].extract_text()
    assert "Crewe, Nantwich" in cover
    assert "2025/26" in cover
    assert "by Sam Practice" in " ".join(cover.split())


def test_export_board_for_a_named_term(home: Path, database: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "autumn.pdf"
    result = run(
        home,
        "export",
        "board",
        "--db",
        database,
        "--pdf",
        pdf,
        "--period",
        "Autumn 2025",
        "--need",
        "asd",
        "--status",
        "signed off",
    )
    assert result.returncode == 0, result.stderr
    assert "in Autumn 2025" in result.stdout
    cover = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Autumn 2025 (1 September 2025 to 31 December 2025)" in cover
    assert "Audit status Signed off" in cover
    assert "Primary needs Autistic spectrum disorder" in cover


def test_export_audit_writes_one_audits_report(home: Path, database: Path, tmp_path: Path) -> None:
    (reference,) = sql(database, "SELECT reference FROM audits ORDER BY id LIMIT 1")[0]
    pdf = tmp_path / "one.pdf"
    result = run(home, "export", "audit", reference, "--pdf", pdf, "--db", database)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Wrote {pdf} (")
    assert reference in PdfReader(pdf).pages[0].extract_text()
    assert "by Sam Practice with AuditDesk" in " ".join(
        PdfReader(pdf).pages[-1].extract_text().split()
    )


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["board", "--pdf", "{tmp}/x.pdf", "--need", "XYZ"], "--need: 'XYZ' is not a known value"),
        (["board", "--pdf", "{tmp}/x.pdf", "--period", "Winter 2025"], "is not a period"),
        (
            ["board", "--pdf", "{tmp}/x.pdf", "--period", "2025/26", "--from", "2025-09-01"],
            "either --period or --from/--to",
        ),
        (["board", "--pdf", "{tmp}/x.pdf", "--template", "nope"], "There is no template 'nope'"),
        (
            ["board", "--pdf", "{tmp}/x.pdf", "--from", "2026-05-01", "--to", "2026-01-01"],
            "starts (1 May 2026) after it ends (1 January 2026)",
        ),
        (["board", "--pdf", "{tmp}/x.pdf", "--suppress-below", "500"], "from 0 to 100"),
        (["board"], "Say what to write: --xlsx FILE, --pdf FILE, or both."),
        (["board", "--xlsx", "{tmp}/x.csv"], "Save the workbook as a .xlsx file"),
        (["board", "--pdf", "{tmp}/no folder/x.pdf"], "does not exist"),
        (["audit", "AD-NOPE99", "--pdf", "{tmp}/x.pdf"], "There is no audit 'AD-NOPE99'"),
    ],
)
def test_bad_input_gets_a_clear_message(
    home: Path, database: Path, tmp_path: Path, arguments: list[str], words: str
) -> None:
    before = sorted(tmp_path.iterdir())
    filled = [argument.replace("{tmp}", str(tmp_path)) for argument in arguments]
    result = run(home, "export", *filled, "--db", database)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("auditdesk: ")
    assert words in result.stderr
    assert sorted(tmp_path.iterdir()) == before


def test_a_missing_database_is_not_created(home: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite"
    result = run(home, "export", "board", "--db", missing, "--pdf", tmp_path / "x.pdf")
    assert result.returncode == 1
    assert f"There is no database at {missing}" in result.stderr
    assert not missing.exists()


@pytest.mark.parametrize(
    "arguments",
    [
        ["board", "--xlsx", "{tmp}/board.xlsx", "--pdf", "{tmp}/board.pdf"],
        ["audit", "{reference}", "--pdf", "{tmp}/one.pdf"],
    ],
)
def test_without_a_profile_nothing_is_exported_and_it_says_how_to_set_one(
    database: Path, tmp_path: Path, arguments: list[str]
) -> None:
    nobody = tmp_path / "nobody's home"
    nobody.mkdir()
    (reference,) = sql(database, "SELECT reference FROM audits ORDER BY id LIMIT 1")[0]
    filled = [
        a.replace("{tmp}", str(tmp_path)).replace("{reference}", reference) for a in arguments
    ]
    before, files = dump(database), sorted(tmp_path.iterdir())
    result = run(nobody, "export", *filled, "--db", database)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("auditdesk: AuditDesk does not know who you are yet")
    assert 'auditdesk profile --name "Your Name" --agency AGENCY --role ROLE' in result.stderr
    assert "Nothing was written." in result.stderr
    assert sorted(tmp_path.iterdir()) == files
    assert dump(database) == before


def test_a_locality_is_matched_whatever_its_case_and_an_unknown_one_is_refused(
    home: Path, database: Path, tmp_path: Path
) -> None:
    """Before, "crewe" and "Nowhere" each gave a Board copy of no audits, and exit 0."""
    exact = run(home, "export", "board", "--db", database, "--xlsx", tmp_path / "a.xlsx",
                "--period", "2025/26", "--locality", "Crewe")  # fmt: skip
    lower = run(home, "export", "board", "--db", database, "--xlsx", tmp_path / "b.xlsx",
                "--period", "2025/26", "--locality", "crewe")  # fmt: skip
    assert exact.returncode == lower.returncode == 0, exact.stderr + lower.stderr
    assert (
        exact.stdout.split(" for ")[1].split(" in ")[0]
        == lower.stdout.split(" for ")[1].split(" in ")[0]
    )
    assert " for 0 audits" not in lower.stdout
    before = dump(database)
    unknown = run(home, "export", "board", "--db", database, "--xlsx", tmp_path / "c.xlsx",
                  "--period", "2025/26", "--locality", "Nowhere")  # fmt: skip
    assert unknown.returncode == 1
    assert "There is no locality 'Nowhere' in this database" in unknown.stderr
    assert "Crewe" in unknown.stderr
    assert not (tmp_path / "c.xlsx").exists()
    assert dump(database) == before


def test_an_empty_period_is_refused_not_taken_as_this_year(
    home: Path, database: Path, tmp_path: Path
) -> None:
    result = run(home, "export", "board", "--db", database, "--xlsx", tmp_path / "a.xlsx",
                 "--period", "")  # fmt: skip
    assert result.returncode == 1, result.stdout
    assert "is not a period" in result.stderr
    assert not (tmp_path / "a.xlsx").exists()
