/*
 * The menu button of narrow screens (layout.xhtml): shows or hides the menu, nav#sidebar.
 * Without this script the menu simply stays open: the class dt-js is what lets the stylesheet fold
 * it away. Escape closes it and gives the focus back to the button.
 *
 * And the row menus of narrow screens (dt:rowMenu): a row's "Actions" button opens its actions
 * under it; Escape, a click elsewhere or a click on an action closes it. One listener on the
 * document, so rows an Ajax update brings work as well.
 */
(function () {
    "use strict";
    document.documentElement.classList.add("dt-js");
    function closeRowMenus(except) {
        document.querySelectorAll(".dt-row-menu__toggle[aria-expanded='true']").forEach(function (t) {
            if (t !== except) {
                t.setAttribute("aria-expanded", "false");
            }
        });
    }
    document.addEventListener("click", function (event) {
        var toggle = event.target.closest(".dt-row-menu__toggle");
        closeRowMenus(toggle);
        if (toggle) {
            var open = toggle.getAttribute("aria-expanded") !== "true";
            toggle.setAttribute("aria-expanded", String(open));
            var first = open && toggle.parentNode.querySelector(".dt-row-menu__items button, .dt-row-menu__items a");
            if (first) {
                first.focus();
            }
        }
    });
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") {
            return;
        }
        var open = document.querySelector(".dt-row-menu__toggle[aria-expanded='true']");
        if (open) {
            open.setAttribute("aria-expanded", "false");
            open.focus();
        }
    });
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
