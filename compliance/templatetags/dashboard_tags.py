"""The matrix's cells, built in Python: a table of teams by standard has hundreds, and an {% include %} each
costs more than the queries behind the page."""
from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def rag_cell(cell, row_label):
    """One figure: % compliant (linking to who is in breach), the count behind it and its rating in words."""
    c = cell.compliance
    if not c.population:
        return format_html(
            '<td class="govuk-table__cell oversight-rag oversight-rag--none" data-sort-value="-1">'
            '<span class="oversight-rag__count">n/a<span class="govuk-visually-hidden">: nobody in {} this standard '
            "applies to</span></span></td>",
            row_label,
        )
    percent, rating = c.percent, c.rating
    if cell.href:
        figure = format_html(
            '<a class="govuk-link oversight-rag__percent" href="{}">{}%<span class="govuk-visually-hidden"> of {} '
            "meeting {}: see the {} in breach</span></a>",
            cell.href, percent, row_label, cell.rule.code, c.breaches,
        )
    else:
        figure = format_html('<span class="oversight-rag__percent">{}%</span>', percent)
    return format_html(
        '<td class="govuk-table__cell oversight-rag oversight-rag--{}" data-sort-value="{}">{}'
        '<span class="oversight-rag__count">{} of {}</span>'
        '<strong class="govuk-tag govuk-tag--{} oversight-rag__tag">{}</strong></td>',
        rating.name, percent, figure, c.compliant, c.population, rating.tag, rating.label,
    )
