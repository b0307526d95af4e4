from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Service, StaffMember, Team


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "head"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "service", "manager"]
    list_filter = ["service"]


@admin.register(StaffMember)
class StaffMemberAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "team", "is_active"]
    list_filter = ["role", "team", "is_active"]
    fieldsets = UserAdmin.fieldsets + (
        (
            "Role in the service",
            {"fields": ["role", "team", "line_manager", "started_in_post", "fte", "date_qualified",
                        "returning_until"]},
        ),
    )
    add_fieldsets = UserAdmin.add_fieldsets + (
        ("Role in the service", {"fields": ["first_name", "last_name", "email", "role", "team", "line_manager",
                                            "started_in_post"]}),
    )


def _superusers_only(request):
    """Staff and teams are administered in the service's own pages; Django's admin is for superusers."""
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = _superusers_only
