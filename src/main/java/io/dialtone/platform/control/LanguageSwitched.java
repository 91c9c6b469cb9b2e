package io.dialtone.platform.control;

/**
 * A visitor chose another language with the switch on a page (a CDI event): the component that
 * knows who is signed in remembers it for their next sessions and e-mails.
 *
 * @param language the ISO 639 code now in use, e.g. {@code fr}
 */
public record LanguageSwitched(String language) {}
