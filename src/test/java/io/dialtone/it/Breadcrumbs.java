package io.dialtone.it;

import java.util.List;
import org.openqa.selenium.WebElement;

/** Reads the breadcrumb trail above a detail page's title. */
final class Breadcrumbs {

  private Breadcrumbs() {}

  /** The trail's items, first (Home) to last (the page itself). */
  static List<String> of(Browser browser) {
    browser.find("#breadcrumbs");
    return browser.findAll("#breadcrumbs li").stream().map(WebElement::getText).toList();
  }
}
