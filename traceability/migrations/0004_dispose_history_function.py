"""On PostgreSQL, disposal deletes a disposed child's record history through a function owned by the
migrations' owner role: the application's own role has no DELETE on history tables (see create_app_role)."""
from django.db import migrations

FUNCTION = r"""
CREATE OR REPLACE FUNCTION traceability_dispose_history(history_table text, disposed_child bigint, row_ids bigint[],
                                                        by_child boolean) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    deleted integer;
BEGIN
    -- Only a history table, and only for a child whose disposal is logged and whose record is gone.
    IF history_table !~ '^[a-z0-9_]+_historical[a-z0-9_]+$'
       OR to_regclass(history_table) IS NULL THEN
        RAISE EXCEPTION 'not a history table: %', history_table;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM traceability_disposalrecord WHERE child_pk = disposed_child)
       OR EXISTS (SELECT 1 FROM cases_child WHERE id = disposed_child) THEN
        RAISE EXCEPTION 'child % has not been disposed of', disposed_child;
    END IF;
    IF by_child THEN
        EXECUTE format('DELETE FROM %I WHERE child_id = $1 OR id = ANY($2)', history_table)
            USING disposed_child, row_ids;
    ELSE
        EXECUTE format('DELETE FROM %I WHERE id = ANY($1)', history_table) USING row_ids;
    END IF;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    RETURN deleted;
END;
$$;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS traceability_dispose_history(text, bigint, bigint[], boolean)")


class Migration(migrations.Migration):
    dependencies = [("traceability", "0003_retention_defaults"), ("cases", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
