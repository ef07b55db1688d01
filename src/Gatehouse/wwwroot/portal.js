// Small comforts only: every page works without JavaScript.
(() => {
    const search = document.querySelector("[data-nav-filter]");
    if (search) {
        // Ctrl+/ jumps to the navigation filter, as in the Azure portal.
        document.addEventListener("keydown", event => {
            if (event.ctrlKey && event.key === "/") {
                event.preventDefault();
                search.focus();
            }
        });
        search.addEventListener("input", () => {
            const term = search.value.trim().toLowerCase();
            document.querySelectorAll(".blade-nav li").forEach(item => {
                item.hidden = term !== "" && !item.textContent.toLowerCase().includes(term);
            });
            // A group's heading goes with its last visible item.
            document.querySelectorAll(".blade-nav ul").forEach(list => {
                const empty = [...list.querySelectorAll("li")].every(item => item.hidden);
                list.hidden = empty;
                const heading = list.previousElementSibling;
                if (heading && heading.classList.contains("nav-group")) {
                    heading.hidden = empty;
                }
            });
        });
    }

    document.querySelectorAll("button[data-copy]").forEach(button => {
        button.addEventListener("click", async () => {
            const source = document.getElementById(button.dataset.copy);
            if (!source) {
                return;
            }
            await navigator.clipboard.writeText(source.textContent.trim());
            const label = button.textContent;
            button.textContent = "Copied";
            setTimeout(() => { button.textContent = label; }, 1500);
        });
    });

    // Filters the permission picker as the user types: rows that match stay, with the match marked; a category with
    // none left is hidden, one with a match opens, and clearing the filter closes what the filter opened.
    const permissionFilter = document.querySelector("[data-permission-filter]");
    if (permissionFilter) {
        const groups = [...document.querySelectorAll("[data-permission-group]")];
        const openedByServer = new Set(groups.filter(group => group.open));
        const mark = (label, term) => {
            const value = label.closest("[data-permission]").dataset.permission;
            const at = term === "" ? -1 : value.toLowerCase().indexOf(term);
            label.replaceChildren(value);
            if (at >= 0) {
                const match = document.createElement("mark");
                match.textContent = value.slice(at, at + term.length);
                label.replaceChildren(value.slice(0, at), match, value.slice(at + term.length));
            }
        };
        const apply = () => {
            const term = permissionFilter.value.trim().toLowerCase();
            let shown = 0;
            groups.forEach(group => {
                let visible = 0;
                group.querySelectorAll("[data-permission]").forEach(row => {
                    row.hidden = term !== "" && !row.dataset.permission.toLowerCase().includes(term);
                    visible += row.hidden ? 0 : 1;
                    mark(row.querySelector("[data-permission-label]"), term);
                });
                group.hidden = visible === 0;
                group.open = term !== "" ? visible > 0 : openedByServer.has(group);
                shown += visible;
            });
            const none = document.querySelector("[data-permission-none]");
            if (none) {
                none.hidden = shown > 0 || groups.length === 0;
            }
        };
        permissionFilter.addEventListener("input", apply);
        permissionFilter.form.addEventListener("submit", event => {
            event.preventDefault();
            apply();
        });
    }
})();
