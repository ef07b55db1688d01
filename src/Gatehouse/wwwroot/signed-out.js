// The signed-out page: the window's load event waits for every front-channel logout iframe, then the person goes on to
// the app's post_logout_redirect_uri; an app whose logout page never finishes loading holds them up for 5 seconds at most.
(() => {
    const proceed = () => {
        const next = document.getElementById("continue");
        if (next) {
            location.replace(next.href);
        }
    };
    window.addEventListener("load", proceed, { once: true });
    setTimeout(proceed, 5000);
})();
