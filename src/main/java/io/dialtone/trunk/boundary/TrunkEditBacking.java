package io.dialtone.trunk.boundary;

import io.dialtone.platform.boundary.Messages;
import io.dialtone.trunk.control.TrunkInput;
import io.dialtone.trunk.control.TrunkManagement;
import io.dialtone.trunk.control.TrunkRefused;
import io.dialtone.trunk.control.TrunkView;
import io.dialtone.trunk.entity.TrunkTransport;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * {@code /trunks/edit.xhtml} ({@code ?id=} to change a trunk, without to add one): the trunk's
 * settings and its outbound login. The stored password is never shown or sent to the browser: the
 * page says whether one is set, and a typed one replaces it. {@link TrunkManagement} checks access
 * and input.
 */
@Named
@ViewScoped
public class TrunkEditBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient TrunkManagement management;

  private Long id;
  private boolean loaded;
  private long version;
  private boolean passwordSet;
  private String name;
  private String host;
  private String port = Integer.toString(TrunkTransport.UDP.defaultPort());
  private TrunkTransport transport = TrunkTransport.UDP;
  private String priority = "10";
  private String weight = "1";
  private String maxChannels = "0";
  private String setupTimeout = "5";
  private String sources;
  private String username;
  private String password;
  private String realm;
  private boolean removeLogin;

  public void load() {
    if (loaded) {
      return;
    }
    if (id == null) {
      management.checkAccess();
    } else {
      fill(management.get(id));
    }
    loaded = true;
  }

  public String save() {
    TrunkInput input =
        new TrunkInput(
            name,
            host,
            port,
            transport,
            priority,
            weight,
            maxChannels,
            setupTimeout,
            sources,
            username,
            password,
            realm,
            removeLogin);
    try {
      TrunkView saved =
          id == null ? management.create(input) : management.change(id, version, input);
      password = null;
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      Messages.addGlobalInfo(
          id == null ? "trunks_edit.created" : "trunks_edit.saved", saved.name());
      return "/trunks/index.xhtml?faces-redirect=true";
    } catch (TrunkRefused e) {
      password = null;
      Messages.refusal(e);
      return null;
    }
  }

  private void fill(TrunkView t) {
    version = t.version();
    passwordSet = t.passwordSet();
    name = t.name();
    host = t.host();
    port = Integer.toString(t.port());
    transport = t.transport();
    priority = Integer.toString(t.priority());
    weight = Integer.toString(t.weight());
    maxChannels = Integer.toString(t.maxChannels());
    setupTimeout = Integer.toString(t.setupTimeoutSeconds());
    sources = String.join("\n", t.sources());
    username = t.username();
    realm = t.realm();
  }

  public TrunkTransport[] getTransports() {
    return TrunkTransport.values();
  }

  public boolean isCreating() {
    return id == null;
  }

  public boolean isPasswordSet() {
    return passwordSet;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public String getPort() {
    return port;
  }

  public void setPort(String port) {
    this.port = port;
  }

  public TrunkTransport getTransport() {
    return transport;
  }

  public void setTransport(TrunkTransport transport) {
    this.transport = transport;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }

  public String getWeight() {
    return weight;
  }

  public void setWeight(String weight) {
    this.weight = weight;
  }

  public String getMaxChannels() {
    return maxChannels;
  }

  public void setMaxChannels(String maxChannels) {
    this.maxChannels = maxChannels;
  }

  public String getSetupTimeout() {
    return setupTimeout;
  }

  public void setSetupTimeout(String setupTimeout) {
    this.setupTimeout = setupTimeout;
  }

  public String getSources() {
    return sources;
  }

  public void setSources(String sources) {
    this.sources = sources;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  /**
   * Never the stored password: only what was typed in this request, and the form never shows it.
   */
  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRealm() {
    return realm;
  }

  public void setRealm(String realm) {
    this.realm = realm;
  }

  public boolean isRemoveLogin() {
    return removeLogin;
  }

  public void setRemoveLogin(boolean removeLogin) {
    this.removeLogin = removeLogin;
  }
}
