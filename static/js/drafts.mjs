// Never lose typed work: a form with data-draft-url keeps a server-side draft of what is typed
// (debounced), restores it on return with a notification banner, and asks before leaving unsaved changes.
// Without JavaScript the form works as before; drafts are an enhancement.
const SAVE_AFTER_MS = 1500;
const NOT_KEPT = new Set(["csrfmiddlewaretoken"]);

function keptFields(form) {
  return [...form.elements].filter(
    (el) => el.name && !NOT_KEPT.has(el.name) && !["hidden", "submit", "button", "file", "reset"].includes(el.type),
  );
}

function typed(form) {
  const values = {};
  for (const el of keptFields(form)) {
    if ((el.type === "checkbox" || el.type === "radio") && !el.checked) continue;
    const chosen = el.type === "select-multiple" ? [...el.selectedOptions].map((o) => o.value) : [el.value];
    values[el.name] = [...(values[el.name] || []), ...chosen];
  }
  return values;
}

// Key order is not kept by the database (jsonb), so values compare in a canonical form.
function canonical(values) {
  const list = (value) => (Array.isArray(value) ? value : [value]);
  return JSON.stringify(Object.keys(values).sort().map((name) => [name, list(values[name])]));
}

function restore(form, data) {
  for (const el of keptFields(form)) {
    const value = data[el.name];
    if (value === undefined) {
      if (el.type === "checkbox" || el.type === "radio") el.checked = false;
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (el.type === "checkbox" || el.type === "radio") el.checked = values.includes(el.value);
    else if (el.type === "select-multiple") for (const o of el.options) o.selected = values.includes(o.value);
    else el.value = values[0];
  }
}

function csrfToken(form) {
  return form.querySelector("input[name=csrfmiddlewaretoken]").value;
}

function post(url, form, body = new FormData()) {
  body.set("csrfmiddlewaretoken", csrfToken(form));
  return fetch(url, { method: "POST", body, credentials: "same-origin", redirect: "manual" });
}

function banner(savedAtText, onDiscard) {
  // The GOV.UK notification banner, built with textContent: the draft's own text never becomes markup.
  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  };
  const root = element("div", "govuk-notification-banner");
  root.setAttribute("role", "region");
  root.setAttribute("aria-labelledby", "draft-banner-title");
  const header = element("div", "govuk-notification-banner__header");
  const title = element("h2", "govuk-notification-banner__title", "Important");
  title.id = "draft-banner-title";
  header.append(title);
  const content = element("div", "govuk-notification-banner__content");
  content.append(
    element("p", "govuk-notification-banner__heading", `Your draft from ${savedAtText} was restored.`),
    element("p", "govuk-body", "It is not saved on the record until you save the form."),
  );
  const discard = element("button", "govuk-button govuk-button--secondary govuk-!-margin-bottom-0", "Discard the draft");
  discard.type = "button";
  discard.addEventListener("click", onDiscard);
  content.append(discard);
  root.append(header, content);
  return root;
}

class DraftForm {
  constructor(form) {
    this.form = form;
    this.url = form.dataset.draftUrl;
    this.kept = canonical(typed(form));
    this.leaving = false;
    form.addEventListener("input", () => this.changed());
    form.addEventListener("change", () => this.changed());
    form.addEventListener("submit", () => {
      this.leaving = true;
      clearTimeout(this.timer);
    });
    window.addEventListener("beforeunload", (event) => {
      if (!this.leaving && this.unsaved()) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
    this.load();
  }

  unsaved() {
    return canonical(typed(this.form)) !== this.kept;
  }

  changed() {
    clearTimeout(this.timer);
    if (this.unsaved()) this.timer = setTimeout(() => this.save(), SAVE_AFTER_MS);
  }

  async save() {
    const values = typed(this.form);
    const body = new FormData();
    for (const [name, list] of Object.entries(values)) for (const value of list) body.append(name, value);
    const response = await post(this.url, this.form, body);
    if (response.ok) {
      this.kept = canonical(values);
      this.form.dataset.draftSaved = "true";
      // The request renewed the session: the timeout warning starts counting again.
      document.dispatchEvent(new CustomEvent("oversight:session-renewed"));
    }
  }

  async load() {
    const response = await fetch(this.url, { credentials: "same-origin", redirect: "manual" });
    if (!response.ok) return;
    const { draft } = await response.json();
    if (!draft) return;
    if (canonical(draft.data) === canonical(typed(this.form))) return; // the page already shows it
    restore(this.form, draft.data);
    this.kept = canonical(typed(this.form));
    const shown = banner(draft.saved_at_text, () => this.discard());
    this.form.before(shown);
  }

  async discard() {
    await post(new URL("discard/", new URL(this.url, window.location.href)), this.form);
    this.leaving = true;
    window.location.reload();
  }
}

for (const form of document.querySelectorAll("form[data-draft-url]")) new DraftForm(form);
