package io.dialtone.cdr.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's named filter of the CDR page ({@code cdr_saved_filter}): the criteria in the page's
 * compact encoding ({@code control.SavedCriteria}). Belongs to one user; names are unique per user.
 */
@Entity
@Table(name = "cdr_saved_filter")
@NamedQuery(
    name = SavedCdrFilter.LIST_BY_USER,
    query = "SELECT f FROM SavedCdrFilter f WHERE f.userId = :userId ORDER BY f.name")
@NamedQuery(
    name = SavedCdrFilter.FIND_BY_USER_AND_NAME,
    query = "SELECT f FROM SavedCdrFilter f WHERE f.userId = :userId AND f.name = :name")
public class SavedCdrFilter {

  public static final String LIST_BY_USER = "SavedCdrFilter.listByUser";
  public static final String FIND_BY_USER_AND_NAME = "SavedCdrFilter.findByUserAndName";
  public static final int NAME_MAX = 60;
  public static final int CRITERIA_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false, updatable = false)
  private long userId;

  @Column(name = "name", nullable = false, length = NAME_MAX)
  private String name;

  @Column(name = "criteria", nullable = false, length = CRITERIA_MAX)
  private String criteria;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected SavedCdrFilter() {}

  public SavedCdrFilter(long userId, String name, String criteria, Instant createdAt) {
    if (name == null || name.isBlank() || name.length() > NAME_MAX) {
      throw new IllegalArgumentException("name");
    }
    if (criteria == null || criteria.length() > CRITERIA_MAX) {
      throw new IllegalArgumentException("criteria");
    }
    this.userId = userId;
    this.name = name.strip();
    this.criteria = criteria;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** Saving under an existing name replaces its criteria. */
  public void replace(String newCriteria) {
    if (newCriteria == null || newCriteria.length() > CRITERIA_MAX) {
      throw new IllegalArgumentException("criteria");
    }
    criteria = newCriteria;
  }

  public Long getId() {
    return id;
  }

  public long getUserId() {
    return userId;
  }

  public String getName() {
    return name;
  }

  public String getCriteria() {
    return criteria;
  }
}
