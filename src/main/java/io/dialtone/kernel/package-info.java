/**
 * Tenancy and access, below every business component: the signed-in caller ({@code
 * control.SignedInUser}), roles and permissions ({@code entity.Role}, {@code entity.Permission},
 * {@code control.RolePermissions}), the access check ({@code control.AccessControl}, which fires
 * {@code control.AccessRefused} for the audit trail) and the account-subtree scope ({@code
 * control.AccountScope}). The account tree itself comes in through the {@code
 * control.AccountHierarchy} interface that {@code account} implements. Its {@code entity} package
 * holds the domain types every component shares ({@code ExtensionNumber}, {@code ExtensionType},
 * {@code E164Number}, {@code SipDomain}); they are the only entity classes used outside their
 * component.
 *
 * <p>Calls: platform.
 */
package io.dialtone.kernel;
