package io.dialtone.extension.control;

/**
 * An extension was deleted, fired inside the deleting transaction so that components that refer to
 * it (a DID's ring groups) let it go in the same transaction.
 *
 * @param accountId the extension's account
 * @param extensionId the deleted extension
 * @param number its number, as it was
 */
public record ExtensionDeleted(long accountId, long extensionId, String number) {}
