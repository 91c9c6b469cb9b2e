package io.dialtone.callpolicy.boundary;

import io.dialtone.callpolicy.control.BlockingSettings;
import io.dialtone.callpolicy.control.CallPolicyEditing;
import io.dialtone.callpolicy.control.RuleRefused;
import io.dialtone.callpolicy.entity.AccountCallPolicy;
import io.dialtone.callpolicy.entity.ClassOfService;
import io.dialtone.callpolicy.entity.CustomRuleKind;
import io.dialtone.callpolicy.entity.DialPlan;
import io.dialtone.callpolicy.entity.ExtensionRange;
import io.dialtone.kernel.control.AccessControl;
import io.dialtone.platform.boundary.LocaleBacking;
import io.dialtone.platform.boundary.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /calls/blocking.xhtml}: the call blocking of the caller's customer account ({@code
 * ?account=} is checked by the control): class toggles, allowed countries, lists, each extension's
 * narrowing, and read-only what nobody can change here (emergency numbers, platform ranges).
 */
@Named
@ViewScoped
public class BlockingBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The kinds of the "add a rule" form (countries have their own picker). */
  private static final List<CustomRuleKind> LIST_KINDS =
      List.of(
          CustomRuleKind.BLOCK_NUMBER,
          CustomRuleKind.BLOCK_PREFIX,
          CustomRuleKind.ALLOW_NUMBER,
          CustomRuleKind.LOCAL_AREA_CODE);

  @Inject transient CallPolicyEditing editing;
  @Inject transient AccessControl access;
  @Inject LocaleBacking language;

  private Long accountId;
  private String accountName;
  private boolean blockInternational;
  private boolean blockLongDistance;
  private boolean blockPremium;
  private List<RuleRow> countryRows;
  private List<RuleRow> listRows;
  private List<ExtensionRow> extensions;
  private List<RangeRow> platformRanges;
  private List<Countries.Country> countries;
  private String country;
  private CustomRuleKind kind = CustomRuleKind.BLOCK_NUMBER;
  private String value;
  private String ruleExtension;
  private String extension;
  private ClassOfService classOfService = ClassOfService.INTERNATIONAL;
  private boolean extensionBlockInternational;
  private boolean extensionBlockLongDistance;
  private boolean extensionBlockPremium;

  /** View action: the caller's own account unless {@code ?account=} names one (checked). */
  public void load() {
    if (accountId == null) {
      accountId = access.caller().accountId();
    }
    refresh();
  }

  public void saveToggles() {
    if (editing.changeToggles(accountId, blockInternational, blockLongDistance, blockPremium)) {
      Messages.addGlobalInfo("blocking.saved");
    }
    refresh();
  }

  public void addCountry() {
    add(CustomRuleKind.ALLOW_COUNTRY, country, null);
    country = null;
  }

  public void addRule() {
    if (add(kind, value, ruleExtension)) {
      value = null;
    }
  }

  public void removeRule(long ruleId) {
    editing.removeRule(ruleId);
    Messages.addGlobalInfo("blocking.removed");
    refresh();
  }

  public void saveExtension() {
    try {
      editing.saveExtension(
          accountId,
          extension,
          classOfService,
          extensionBlockInternational,
          extensionBlockLongDistance,
          extensionBlockPremium);
      Messages.addGlobalInfo("blocking.extensionSaved", extension);
      extension = null;
    } catch (RuleRefused e) {
      Messages.refusal(e);
    }
    refresh();
  }

  /** Fills the extension form with a listed extension's settings. */
  public void editExtension(ExtensionRow row) {
    extension = row.number();
    classOfService = row.classOfService();
    extensionBlockInternational = row.blockInternational();
    extensionBlockLongDistance = row.blockLongDistance();
    extensionBlockPremium = row.blockPremium();
  }

  public void removeExtension(String number) {
    editing.removeExtension(accountId, number);
    Messages.addGlobalInfo("blocking.extensionRemoved", number);
    refresh();
  }

  private boolean add(CustomRuleKind ruleKind, String typed, String scope) {
    try {
      editing.addRule(accountId, scope, ruleKind, typed);
      Messages.addGlobalInfo("blocking.added");
      return true;
    } catch (RuleRefused e) {
      Messages.refusal(e);
      return false;
    } finally {
      refresh();
    }
  }

  private void refresh() {
    BlockingSettings settings = editing.settings(accountId);
    accountName = settings.accountName();
    AccountCallPolicy toggles = settings.toggles();
    blockInternational = toggles.isBlockInternational();
    blockLongDistance = toggles.isBlockLongDistance();
    blockPremium = toggles.isBlockPremium();
    List<RuleRow> rows =
        settings.rules().stream().map(r -> RuleRow.of(r, language.getLocale())).toList();
    countryRows = rows.stream().filter(r -> r.kind() == CustomRuleKind.ALLOW_COUNTRY).toList();
    listRows = rows.stream().filter(r -> r.kind() != CustomRuleKind.ALLOW_COUNTRY).toList();
    extensions = settings.extensions().stream().map(ExtensionRow::of).toList();
    platformRanges = settings.platformRanges().stream().map(RangeRow::of).toList();
    DialPlan plan = new DialPlan(settings.country(), List.of(), ExtensionRange.DEFAULT);
    List<String> allowed = countryRows.stream().map(RuleRow::value).toList();
    countries =
        Countries.all(code -> plan.domestic(code) || allowed.contains(code), language.getLocale());
  }

  public List<CustomRuleKind> getKinds() {
    return LIST_KINDS;
  }

  public List<ClassOfService> getClassesOfService() {
    return List.of(ClassOfService.values());
  }

  public Long getAccountId() {
    return accountId;
  }

  public void setAccountId(Long accountId) {
    this.accountId = accountId;
  }

  public String getAccountName() {
    return accountName;
  }

  public boolean isBlockInternational() {
    return blockInternational;
  }

  public void setBlockInternational(boolean blockInternational) {
    this.blockInternational = blockInternational;
  }

  public boolean isBlockLongDistance() {
    return blockLongDistance;
  }

  public void setBlockLongDistance(boolean blockLongDistance) {
    this.blockLongDistance = blockLongDistance;
  }

  public boolean isBlockPremium() {
    return blockPremium;
  }

  public void setBlockPremium(boolean blockPremium) {
    this.blockPremium = blockPremium;
  }

  public List<RuleRow> getCountryRows() {
    return countryRows;
  }

  public List<RuleRow> getListRows() {
    return listRows;
  }

  public List<ExtensionRow> getExtensions() {
    return extensions;
  }

  public List<RangeRow> getPlatformRanges() {
    return platformRanges;
  }

  public List<Countries.Country> getCountries() {
    return countries;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public CustomRuleKind getKind() {
    return kind;
  }

  public void setKind(CustomRuleKind kind) {
    this.kind = kind;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public String getRuleExtension() {
    return ruleExtension;
  }

  public void setRuleExtension(String ruleExtension) {
    this.ruleExtension = ruleExtension;
  }

  public String getExtension() {
    return extension;
  }

  public void setExtension(String extension) {
    this.extension = extension;
  }

  public ClassOfService getClassOfService() {
    return classOfService;
  }

  public void setClassOfService(ClassOfService classOfService) {
    this.classOfService = classOfService;
  }

  public boolean isExtensionBlockInternational() {
    return extensionBlockInternational;
  }

  public void setExtensionBlockInternational(boolean value) {
    this.extensionBlockInternational = value;
  }

  public boolean isExtensionBlockLongDistance() {
    return extensionBlockLongDistance;
  }

  public void setExtensionBlockLongDistance(boolean value) {
    this.extensionBlockLongDistance = value;
  }

  public boolean isExtensionBlockPremium() {
    return extensionBlockPremium;
  }

  public void setExtensionBlockPremium(boolean value) {
    this.extensionBlockPremium = value;
  }
}
