// The library's filters are a <details>, closed in the HTML: on a phone the results come first and
// the filters are one tap away, with or without JavaScript. Where the layout has room for them
// beside the results (wider than the stylesheet's 50rem breakpoint), they are opened here, and
// follow the window's width after. Filters the page opened itself (a form with errors) stay open.
(() => {
  const filters = document.querySelector("details.library-filters");
  if (!filters || filters.open) return;
  const narrow = window.matchMedia("(max-width: 50rem)");
  const follow = () => {
    filters.open = !narrow.matches;
  };
  follow();
  narrow.addEventListener("change", follow);
})();
