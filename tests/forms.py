"""Reading a page's form as a browser would submit it, for tests that post what a person saw."""
from html.parser import HTMLParser


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms, self._form, self._textarea, self._select = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {}
            self.forms.append(self._form)
        elif self._form is None or "name" not in attrs and tag in ("input", "textarea", "select"):
            return
        elif tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                self._form.setdefault(attrs["name"], None)
                return
            self._form[attrs["name"]] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self._form[self._textarea] = ""
        elif tag == "select":
            self._select = attrs["name"]
            self._form.setdefault(self._select, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self._form[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self._form[self._textarea] += data.removeprefix("\n") if not self._form[self._textarea] else data


def form_with(html, field):
    """The fields of the page's form that holds `field`, as {name: value} (unticked boxes left out)."""
    parser = _Forms()
    parser.feed(html)
    for form in parser.forms:
        if field in form:
            return {name: value for name, value in form.items() if value is not None}
    raise AssertionError(f"No form on the page holds {field!r}")


def date_fields(name, day):
    """A GOV.UK date input's three boxes, as a person types them: {name_0: day, name_1: month, name_2: year}."""
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}
