/*
 * PrimeFaces writes a table's page report ("1–50 / 126537") with raw numbers, on the server and
 * again in the browser after each page change. This formats every number in it in the page's
 * language (126,537 in English, 126 537 in French), as the totals beside it are.
 */
(function () {
    "use strict";
    var format = new Intl.NumberFormat(document.documentElement.lang || undefined);
    function tidy() {
        document.querySelectorAll(".ui-paginator-current").forEach(function (report) {
            var text = report.textContent;
            var formatted = text.replace(/\d{4,}/g, function (digits) {
                return format.format(Number(digits));
            });
            if (formatted !== text) {
                report.textContent = formatted;
            }
        });
    }
    tidy();
    new MutationObserver(tidy).observe(document.body, {childList: true, subtree: true, characterData: true});
}());
