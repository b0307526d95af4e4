// The GOV.UK / HMRC timeout warning. A modal <dialog>: the page behind is inert (focus stays in the
// dialog), Escape or "Stay signed in" renews the session, "Sign out" signs out. When the time is up the
// page reloads, which sends the person to sign in and then back here, where their draft is restored.
const dialog = document.getElementById("timeout-warning");

if (dialog) {
  const idleMs = Number(dialog.dataset.idleSeconds) * 1000;
  const warningMs = Number(dialog.dataset.warningSeconds) * 1000;
  const remaining = dialog.querySelector("[data-timeout-remaining]");
  const csrf = dialog.querySelector("input[name=csrfmiddlewaretoken]").value;
  let warnTimer, endTimer, returnFocus;

  const wording = (ms) => {
    const seconds = Math.round(ms / 1000);
    if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? "" : "s"}`;
    return `${seconds} seconds`;
  };

  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(open, Math.max(idleMs - warningMs, 0));
    endTimer = setTimeout(() => window.location.reload(), idleMs);
  };

  function open() {
    remaining.textContent = wording(warningMs);
    returnFocus = document.activeElement;
    dialog.showModal();
    dialog.querySelector("h2").focus(); // the title is read first, then Tab reaches the buttons
  }

  async function stay() {
    const response = await fetch(dialog.dataset.keepAliveUrl, {
      method: "POST", headers: { "X-CSRFToken": csrf }, credentials: "same-origin", redirect: "manual",
    });
    if (response.status !== 204) {
      window.location.reload(); // the session had already ended
      return;
    }
    dialog.close();
    schedule();
    if (returnFocus && returnFocus.focus) returnFocus.focus();
  }

  dialog.querySelector("[data-timeout-stay]").addEventListener("click", stay);
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault(); // Escape: stay signed in, as the button does
    stay();
  });
  document.addEventListener("oversight:session-renewed", () => {
    if (!dialog.open) schedule();
  });
  schedule();
}
