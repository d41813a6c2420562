// What "posting" does on these pages: the site records the text from its editor's own state (not the DOM),
// so a test sees what the editor believes the draft is after the extension edited it.
export function wirePost(button, readState) {
  const posted = document.getElementById("posted");
  button.addEventListener("click", () => {
    const item = document.createElement("li");
    item.textContent = readState();
    posted.append(item);
  });
}
