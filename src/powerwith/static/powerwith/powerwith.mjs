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

// The output form's "Find someone else on your register": without JavaScript, the Find
// button shows the form again with the people found, for the coordinator to tick. With
// it, the name box becomes an autocomplete over the register, and choosing a name adds
// that person to the contributors above, ticked, without sending the form: nothing else
// on it changes.
const escaped = (text) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const finder = document.querySelector("[data-pw-contributor-finder]");
if (finder) {
  import("../dist/accessible-autocomplete.min.js").then(() => {
    const search = finder.dataset.pwContributorFinder;
    const form = finder.closest("form");
    const typed = finder.querySelector("input[name='find_name']");
    const found = finder.querySelector("[data-pw-found]");
    const boxes = form.querySelector("input[name='contributors']")?.closest(".govuk-checkboxes")
      || form.querySelector("fieldset .govuk-checkboxes");
    const hint = document.getElementById(`${typed.id}-hint`);
    if (hint) {
      hint.textContent = "Type part of their name, then choose them from the list. They are "
        + "added to the people above, ticked.";
    }
    // GOV.UK's button style would show a button that is only ``hidden``.
    finder.querySelector("button[name='find']").style.display = "none";
    const place = document.createElement("div");
    typed.replaceWith(place);
    // Enter in the box chooses a name; it never sends the form half made.
    place.addEventListener("keydown", (event) => {
      if (event.key === "Enter") event.preventDefault();
    });

    const add = (person) => {
      let box = form.querySelector(`input[name='contributors'][value='${person.id}']`);
      if (!box) {
        const item = document.createElement("div");
        item.className = "govuk-checkboxes__item";
        box = document.createElement("input");
        box.className = "govuk-checkboxes__input";
        box.type = "checkbox";
        box.name = "contributors";
        box.value = String(person.id);
        box.id = `contributor-${person.id}`;
        const label = document.createElement("label");
        label.className = "govuk-label govuk-checkboxes__label";
        label.htmlFor = box.id;
        label.textContent = person.name;
        item.append(box, label);
        boxes.append(item);
      }
      box.checked = true;
      found.textContent = `${person.name} is added to the contributors, ticked.`;
    };

    window.accessibleAutocomplete({
      element: place,
      id: typed.id,
      name: typed.name,
      minLength: 2,
      autoselect: false,
      confirmOnBlur: false,
      showNoOptionsFound: true,
      // The register is searched on the server, as Find searches it: the page never
      // holds more names than the people found.
      source: (query, populate) => {
        fetch(`${search}?${new URLSearchParams({ name: query })}`, {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then((answer) => (answer.ok ? answer.json() : { people: [] }))
          .then((found) => populate(found.people))
          .catch(() => populate([]));
      },
      templates: {
        inputValue: (person) => (person ? person.name : ""),
        // The library writes a suggestion as HTML: a name is text, so it is escaped.
        suggestion: (person) => escaped(typeof person === "string" ? person : person.name),
      },
      onConfirm: (person) => {
        if (person) add(person);
      },
      tNoResults: () => "No one on your register found with that name",
      tStatusQueryTooShort: (n) => `Type in ${n} or more characters for results`,
      tStatusNoResults: () => "No one on your register found with that name",
    });
  });
}
