// Copy buttons for policy language. Without JavaScript, or without the Clipboard API
// (plain-HTTP sites), the buttons stay hidden and the language is ordinary text to select.
// The messages come from each button's data-copied and data-copy-failed, in the page's language.
(() => {
  if (!navigator.clipboard) return;

  async function copy(source) {
    const text = source.innerText.trim();
    if (window.ClipboardItem && navigator.clipboard.write) {
      // Rich text too, so that lists and emphasis survive a paste into a document.
      await navigator.clipboard.write([
        new ClipboardItem({
          "text/plain": new Blob([text], { type: "text/plain" }),
          "text/html": new Blob([source.innerHTML.trim()], { type: "text/html" }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(text);
    }
  }

  for (const button of document.querySelectorAll("button[data-copy-target]")) {
    const source = document.getElementById(button.dataset.copyTarget);
    const status = button.parentElement.querySelector("[role=status]");
    if (!source || !status) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      status.textContent = "";
      try {
        await copy(source);
        status.textContent = button.dataset.copied || "Copied to the clipboard.";
      } catch {
        status.textContent =
          button.dataset.copyFailed || "Could not copy: select the text and copy it instead.";
      }
    });
  }
})();
