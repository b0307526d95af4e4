"""The default retention periods and where each comes from (SPEC section 7). Administrators may change them."""
from django.db import migrations

DEFAULTS = [
    ("CLA", 75, "birth", False,
     "Care Planning, Placement and Case Review (England) Regulations 2010, reg 50: until the 75th anniversary "
     "of the child's date of birth, or 15 years after death if the child dies before 18."),
    ("CL", 75, "birth", False,
     "Care Planning, Placement and Case Review (England) Regulations 2010, reg 50, for the record of a former "
     "looked-after child: 75 years from the date of birth."),
    ("ADOPT", 100, "closure", False,
     "Adoption Agencies Regulations 2005, reg 42: at least 100 years from the adoption order, which closes the "
     "case. Adoption case records themselves are kept in the adoption agency's system."),
    ("CP", 35, "closure", True,
     "Local policy (commonly 35 years after the case closed, following Working Together and local "
     "safeguarding partnership guidance)."),
    ("CIN", 25, "birth", True,
     "Local policy (commonly until the child's 25th birthday, or longer where the record is linked to a "
     "child protection or looked-after record)."),
    ("EH", 6, "closure", True,
     "Local policy (commonly 6 years after closure, in line with the Limitation Act 1980)."),
]


def load(apps, schema_editor):
    RetentionRule = apps.get_model("traceability", "RetentionRule")
    for category, years, basis, local, source in DEFAULTS:
        RetentionRule.objects.get_or_create(
            category=category, defaults={"years": years, "basis": basis, "local": local, "source": source}
        )


class Migration(migrations.Migration):
    dependencies = [("traceability", "0002_immutable_rows")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
