/*
 * The menu button of narrow screens (layout.xhtml): shows or hides the menu, nav#sidebar.
 * Without this script the menu simply stays open: the class dt-js is what lets the stylesheet fold
 * it away. Escape closes it and gives the focus back to the button.
 */
(function () {
    "use strict";
    document.documentElement.classList.add("dt-js");
    document.addEventListener("DOMContentLoaded", function () {
        var button = document.getElementById("menuButton");
        var menu = document.getElementById("sidebar");
        if (!button || !menu) {
            return;
        }
        function show(open) {
            button.setAttribute("aria-expanded", String(open));
            menu.classList.toggle("dt-sidebar--open", open);
        }
        button.addEventListener("click", function () {
            var open = button.getAttribute("aria-expanded") !== "true";
            show(open);
            if (open) {
                var first = menu.querySelector("a");
                if (first) {
                    first.focus();
                }
            }
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
                show(false);
                button.focus();
            }
        });
    });
})();
