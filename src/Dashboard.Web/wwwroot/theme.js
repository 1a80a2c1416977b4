// Remembers the light/dark choice in a cookie, so the server renders the next page in the same theme
// (no flash of the other theme) — also the static account pages, which have no circuit.
window.dashboardTheme = {
    remember: function (dark) {
        document.cookie = "dashboard.theme=" + (dark ? "dark" : "light") + "; path=/; max-age=31536000; samesite=lax";
    }
};
