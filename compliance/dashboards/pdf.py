"""The monthly report as a PDF (WeasyPrint), from the same template body as the printable page."""
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def render_pdf(template, context):
    # Imported here: WeasyPrint loads Pango when imported, and only the PDF needs it.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    # Everything the PDF needs is in the HTML and our stylesheet: never reach a file or the network.
    fetcher = URLFetcher(allowed_protocols=("data",))
    stylesheet = CSS(filename=finders.find("css/report-print.css"), url_fetcher=fetcher)
    html = HTML(string=render_to_string(template, context), url_fetcher=fetcher)
    return html.write_pdf(stylesheets=[stylesheet])
