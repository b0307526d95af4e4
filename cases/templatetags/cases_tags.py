from django import template

register = template.Library()


@register.filter
def age(child, today):
    return child.age(today)


@register.filter
def newly_qualified(member, today):
    return member.is_newly_qualified(today)


CATEGORY_COLOURS = {"CP": "red", "CLA": "purple", "CIN": "blue", "CL": "turquoise"}


@register.filter
def category_colour(category):
    """The GOV.UK tag colour of a category of involvement (a filter: cheaper per row than an include)."""
    return CATEGORY_COLOURS.get(category, "grey")
