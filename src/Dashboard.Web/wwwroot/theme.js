// Remembers the light/dark choice in a cookie, so the server renders the next page in the same theme
// (no flash of the other theme) — also the static account pages, which have no circuit.
window.dashboardTheme = {
    remember: function (dark) {
        document.cookie = "dashboard.theme=" + (dark ? "dark" : "light") + "; path=/; max-age=31536000; samesite=lax";
    }
};

// The static account pages have no circuit to switch the theme in: their switch button stores the other theme
// and loads the page again with GET (a reload would post a submitted form a second time).
document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-theme-switch]");
    if (button) {
        window.dashboardTheme.remember(button.getAttribute("data-theme-switch") === "dark");
        window.location.replace(window.location.href);
    }
});
