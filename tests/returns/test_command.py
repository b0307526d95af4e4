import pytest
from django.core.management import CommandError, call_command

from cases.models import Child
from tests.returns.helpers import DATA


def test_the_command_checks_without_saving_and_lists_rejected_rows(administrator, team, capsys):
    call_command("import_returns", str(DATA / "liia_Annex_A.xlsx"), "--as", administrator.username,
                 "--fallback-team", team.name)

    out = capsys.readouterr()
    assert "List 8 row 5" in out.out and "would import: 35 new" in out.out
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


def test_the_command_imports_an_ssda903_zip_with_progress(administrator, team, tmp_path, capsys):
    from tests.returns.test_ssda903 import tables

    path = tmp_path / "903.zip"
    path.write_bytes(tables())

    call_command("import_returns", str(path), "--as", administrator.username, "--fallback-team", team.name,
                 "--apply")

    out = capsys.readouterr()
    assert "imported: 2 new, 0 updated, 0 unchanged, 0 children rejected" in out.out
    assert "7/7 rows" in out.err
    assert Child.objects.count() == 2


def test_the_command_checks_a_workforce_census(administrator, tmp_path, capsys):
    from tests.returns.test_workforce import census, worker

    path = tmp_path / "csww.xml"
    path.write_bytes(census(worker("SW0000000001"), worker("SW0000000002", fte="2.000000")))

    call_command("import_returns", str(path), "--as", administrator.username)

    out = capsys.readouterr()
    assert "would import: 1 new, 0 updated, 0 unchanged, 1 staff members rejected" in out.out
    assert "/Message/CSWWWorker[2]/FTE" in out.out
    assert "2/2 rows" in out.err
