from django import template

register = template.Library()


@register.filter
def age(child, today):
    return child.age(today)


@register.filter
def newly_qualified(member, today):
    return member.is_newly_qualified(today)
