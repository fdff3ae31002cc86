// Progressive enhancement only: every page works without this file.
import { initAll } from "../dist/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// Long drop-downs (people, members) become GOV.UK's accessible autocomplete: type a few
// letters to find someone. The select stays in the form underneath and is what is sent.
const pickers = document.querySelectorAll("select[data-pw-autocomplete]");
if (pickers.length) {
  // The library is a UMD bundle: imported, it sets window.accessibleAutocomplete.
  import("../dist/accessible-autocomplete.min.js").then(() => {
    for (const select of pickers) {
      window.accessibleAutocomplete.enhanceSelectElement({
        selectElement: select,
        defaultValue: "",
        showAllValues: true,
        // Autoselect draws a second, unlabelled input behind the box for its hint text,
        // which axe-core rightly reports; the arrow keys choose instead.
        autoselect: false,
        preserveNullOptions: select.dataset.pwAutocomplete === "keep-empty",
        tNoResults: () => "No one found with that name",
        tStatusQueryTooShort: (n) => `Type in ${n} or more characters for results`,
        tStatusNoResults: () => "No one found with that name",
      });
    }
  });
}
