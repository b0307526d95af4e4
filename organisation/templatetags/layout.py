"""Tags for the page layout (base.html)."""
from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


class BackNavigationNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        # Rendered (and escaped) by the template; strip() returns a plain str, which format_html would escape again.
        content = mark_safe(self.nodelist.render(context).strip())  # nosec B308
        # The back link sits before <main>, as GOV.UK places it: inside a landmark, so no content is outside one.
        return format_html('<nav aria-label="Back">{}</nav>', content) if content else ""


@register.tag
def back_navigation(parser, token):
    """`{% back_navigation %}...{% endback_navigation %}`: the back link in a navigation landmark, if any."""
    nodelist = parser.parse(("endback_navigation",))
    parser.delete_first_token()
    return BackNavigationNode(nodelist)
