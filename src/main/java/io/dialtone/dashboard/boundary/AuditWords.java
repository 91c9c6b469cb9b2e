package io.dialtone.dashboard.boundary;

import io.dialtone.account.control.AccountTree;
import io.dialtone.account.control.AccountView;
import io.dialtone.did.control.DidDirectory;
import io.dialtone.extension.control.ExtensionDirectory;
import io.dialtone.identity.control.UserDirectory;
import io.dialtone.identity.control.UserSummary;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.kernel.control.AccountScope;
import io.dialtone.kernel.control.SignedInUser;
import io.dialtone.kernel.entity.Permission;
import io.dialtone.platform.boundary.Messages;
import io.dialtone.platform.boundary.PhoneTexts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit trail in plain words ({@code #{auditWords}}): the people and accounts a row names, by
 * name and e-mail with a link to their page when the viewer may open it, instead of {@code user:8},
 * extensions by number ({@code extension:12} reads "Extension 201"), phone numbers as the viewer
 * writes them ({@code did:4 (+15145550123)} reads "Number (514) 555-0123"), ring groups by name
 * ({@code ring_group:7 (Sales)} reads "Ring group Sales"); and a row's detail as a sentence ({@link
 * AuditSentences}). Each reference is looked up once per request.
 */
@Named
@RequestScoped
public class AuditWords {

  private static final Pattern REFERENCE = Pattern.compile("(user|account):(\\d+)");

  /**
   * An extension by id ({@code extension:12}) or by account and number ({@code extension:3/201}).
   */
  private static final Pattern EXTENSION =
      Pattern.compile("extension:(?:(\\d+)(?: \\(\\d+\\))?|\\d+/(\\d+))");

  /** A DID by id, with the number it had then ({@code did:4 (+15145550123)}) or alone. */
  private static final Pattern DID = Pattern.compile("did:(\\d+)(?: \\((\\+\\d+)\\))?");

  /** A ring group by id, with its name then ({@code ring_group:7 (Sales)}). */
  private static final Pattern RING_GROUP = Pattern.compile("ring_group:\\d+ \\((.+)\\)");

  @Inject AccessControl access;
  @Inject AccountTree accounts;
  @Inject UserDirectory users;
  @Inject ExtensionDirectory extensions;
  @Inject DidDirectory dids;

  private final Map<String, AuditParty> parties = new HashMap<>();
  private Set<Long> scope;
  private AuditSentences sentences;

  /** The party {@code reference} ({@code user:8}, {@code account:3}, {@code system}) names. */
  public AuditParty party(String reference) {
    if (reference == null || reference.isBlank()) {
      return null;
    }
    return parties.computeIfAbsent(reference, this::lookUp);
  }

  /** The detail of a row as a sentence, or as written when it has no known shape. */
  public String sentence(String detail, Long accountId) {
    if (sentences == null) {
      Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
      sentences = new AuditSentences(new BundleTexts(locale), locale, this::currency);
    }
    return sentences.sentence(detail, accountId);
  }

  private AuditParty lookUp(String reference) {
    if ("system".equals(reference)) {
      return AuditParty.plain(Messages.text("audit.words.system"));
    }
    Matcher ext = EXTENSION.matcher(reference);
    if (ext.matches()) {
      return ext.group(1) == null
          ? AuditParty.plain(Messages.text("audit.words.extension", ext.group(2)))
          : extension(Long.parseLong(ext.group(1)));
    }
    Matcher did = DID.matcher(reference);
    if (did.matches()) {
      return did(Long.parseLong(did.group(1)), did.group(2));
    }
    Matcher group = RING_GROUP.matcher(reference);
    if (group.matches()) {
      return AuditParty.plain(Messages.text("audit.words.ringGroup", group.group(1)));
    }
    Matcher m = REFERENCE.matcher(reference);
    if (!m.matches()) {
      return AuditParty.plain(reference);
    }
    long id = Long.parseLong(m.group(2));
    return "user".equals(m.group(1)) ? user(id) : account(id);
  }

  private AuditParty user(long id) {
    Optional<UserSummary> user = users.find(id);
    if (user.isEmpty()) {
      return AuditParty.plain(Messages.text("audit.words.deletedUser"));
    }
    UserSummary u = user.get();
    String name =
        u.displayName() == null || u.displayName().isBlank() ? u.email() : u.displayName();
    boolean linked = access.may(Permission.MANAGE_USERS) && inScope(u.accountId());
    return new AuditParty(name, u.email(), linked ? "/users/edit" : null, id);
  }

  /** An extension by its number, linked to its page for who manages extensions. */
  private AuditParty extension(long id) {
    return extensions
        .activeNumber(id)
        .map(
            number ->
                new AuditParty(
                    Messages.text("audit.words.extension", number.digits()),
                    null,
                    access.may(Permission.MANAGE_EXTENSIONS) ? "/extensions/edit" : null,
                    id))
        .orElseGet(() -> AuditParty.plain(Messages.text("audit.words.inactiveExtension")));
  }

  /** A phone number in the viewer's way of writing it; looked up when the row has only its id. */
  private AuditParty did(long id, String number) {
    Optional<String> known =
        number != null
            ? Optional.of(number)
            : dids.number(id).map(io.dialtone.kernel.entity.E164Number::value);
    return known
        .map(n -> AuditParty.plain(Messages.text("audit.words.did", PhoneTexts.phone(n))))
        .orElseGet(() -> AuditParty.plain(Messages.text("audit.words.removedDid")));
  }

  private AuditParty account(long id) {
    Optional<AccountView> account = accounts.find(id);
    if (account.isEmpty()) {
      return AuditParty.plain(Messages.text("audit.words.deletedAccount"));
    }
    AccountView a = account.get();
    boolean linked = access.may(Permission.MANAGE_CUSTOMERS) && inScope(id);
    return new AuditParty(
        a.profile().name(), a.accountNumber(), linked ? "/accounts/edit" : null, id);
  }

  private boolean inScope(long accountId) {
    SignedInUser caller = access.caller();
    if (caller.accountId() == AccountScope.PLATFORM_ACCOUNT_ID) {
      return true;
    }
    if (scope == null) {
      scope = accounts.subtreeIds(caller.accountId());
    }
    return scope.contains(accountId);
  }

  private Optional<String> currency(Long accountId) {
    return accountId == null
        ? Optional.empty()
        : accounts.find(accountId).map(a -> a.profile().currency());
  }

  /** The application bundle, and its enum labels ({@code SimpleName.CONSTANT}) by constant. */
  private static final class BundleTexts implements AuditSentences.Texts {
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Z]\\w*\\.([A-Z][A-Z0-9_]*)");
    private final Map<String, String> labels = new HashMap<>();

    BundleTexts(Locale locale) {
      ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale);
      bundle.keySet().stream()
          .sorted()
          .forEach(
              key -> {
                Matcher m = LABEL_KEY.matcher(key);
                if (m.matches()) {
                  labels.putIfAbsent(m.group(1), bundle.getString(key));
                }
              });
    }

    @Override
    public String text(String key, Object... args) {
      return Messages.text(key, args);
    }

    @Override
    public Optional<String> label(String constant) {
      return Optional.ofNullable(labels.get(constant));
    }
  }
}
