from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import RetentionRule


@admin.register(RetentionRule)
class RetentionRuleAdmin(SimpleHistoryAdmin):
    """Administrators set the periods; each change is kept with who and when (record history)."""

    list_display = ["category", "years", "basis", "local"]
    readonly_fields = ["category"]

    def has_add_permission(self, request):
        return False  # one rule per category, made by migration 0003

    def has_delete_permission(self, request, obj=None):
        return False
