"""Pages with several forms: a sub-form's POST carries what was typed into the main form, unsaved.

The page puts both forms' fields in one <form>, the sub-form's button posting to its own URL
(`formaction`), so the sub-form's view receives the main form's typed values too and shows
them again: nothing typed is lost, and nothing of the main record is saved by the sub-form.
"""


def carried(form_class, data, **kwargs):
    """`form_class` unbound, showing the values typed into it in `data` over its saved ones; and whether any differ."""
    saved = form_class(**kwargs)
    typed = {}
    for name, field in saved.fields.items():
        key = saved.add_prefix(name)
        if not field.widget.value_omitted_from_data(data, {}, key):
            typed[name] = field.widget.value_from_datadict(data, {}, key)
    changed = any(
        saved.fields[name].has_changed(saved.get_initial_for_field(saved.fields[name], name), value)
        for name, value in typed.items()
    )
    return form_class(initial=typed, **kwargs), changed
