import pytest
from django.core.management import CommandError, call_command

from cases.models import Child
from tests.returns.helpers import DATA


def test_the_command_checks_without_saving_and_lists_rejected_rows(administrator, team, capsys):
    call_command("import_returns", str(DATA / "liia_Annex_A.xlsx"), "--as", administrator.username,
                 "--fallback-team", team.name)

    out = capsys.readouterr()
    assert "List 8 row 5" in out.out and "would import: 36 new" in out.out
    assert "59/59 rows" in out.err
    assert not Child.objects.exists()


def test_the_command_imports_with_apply_and_again_changes_nothing(administrator, team, capsys):
    args = [str(DATA / "cin_valid.xml"), "--as", administrator.username, "--fallback-team", team.name, "--apply"]
    call_command("import_returns", *args)
    call_command("import_returns", *args)

    assert "imported: 0 new, 0 updated, 2 unchanged" in capsys.readouterr().out
    assert Child.objects.count() == 2


def test_the_command_fails_on_a_file_it_cannot_read(administrator):
    with pytest.raises(CommandError, match="could not be read"):
        call_command("import_returns", str(DATA / "not_a_return.csv"), "--as", administrator.username)


def test_the_export_command_writes_a_workbook(child, tmp_path):
    out = tmp_path / "annex-a.xlsx"

    call_command("export_annex_a", str(out), "--as-of", "2026-03-31")

    assert out.read_bytes()[:2] == b"PK"
