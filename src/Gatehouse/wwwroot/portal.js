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

    // Filters the permission picker's list as the user types.
    const permissionFilter = document.querySelector("[data-permission-filter]");
    if (permissionFilter) {
        permissionFilter.addEventListener("input", () => {
            const term = permissionFilter.value.trim().toLowerCase();
            document.querySelectorAll("[data-permission]").forEach(row => {
                row.hidden = term !== "" && !row.dataset.permission.toLowerCase().includes(term);
            });
        });
    }
})();
