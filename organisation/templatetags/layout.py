"""Tags for the page layout (base.html)."""
from django import template
from django.utils.html import format_html

register = template.Library()


class BackNavigationNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        # Safe as the template rendered it; stripped, it would be a plain str that format_html escapes again.
        content = self.nodelist.render(context)
        # The back link sits before <main>, as GOV.UK places it: inside a landmark, so no content is outside one.
        return format_html('<nav aria-label="Back">{}</nav>', content) if content.strip() else ""


@register.tag
def back_navigation(parser, token):
    """`{% back_navigation %}...{% endback_navigation %}`: the back link in a navigation landmark, if any."""
    nodelist = parser.parse(("endback_navigation",))
    parser.delete_first_token()
    return BackNavigationNode(nodelist)
