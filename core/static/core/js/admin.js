// Django's two-box picker gives its search icons an aria-label without a role, which
// assistive technology may ignore; as images they are announced with their text.
window.addEventListener("load", () => {
  document.querySelectorAll("span.help-tooltip[aria-label]:not([role])").forEach((icon) => {
    icon.setAttribute("role", "img");
  });
});
