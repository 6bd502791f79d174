package dev.earshot.reward.service;

import dev.earshot.audit.service.AuditLog;
import dev.earshot.judge.JudgeVersion;
import dev.earshot.judge.repository.JudgeVersionRepository;
import dev.earshot.judge.service.JudgeRegistry;
import dev.earshot.judge.service.JudgeRegistry.JudgeView;
import dev.earshot.platform.error.DomainException;
import dev.earshot.reward.JudgeWeights;
import dev.earshot.reward.RewardProfileEntity;
import dev.earshot.reward.RewardProfileKey;
import dev.earshot.reward.core.Normalisation;
import dev.earshot.reward.core.RewardProfile;
import dev.earshot.reward.repository.RewardProfileKeyRepository;
import dev.earshot.reward.repository.RewardProfileRepository;
import dev.earshot.reward.service.ActiveProfile.ActiveJudge;
import dev.earshot.reward.service.RewardProfileViews.IssuedKey;
import dev.earshot.reward.service.RewardProfileViews.KeyView;
import dev.earshot.reward.service.RewardProfileViews.NewProfile;
import dev.earshot.reward.service.RewardProfileViews.NormalisationSpec;
import dev.earshot.reward.service.RewardProfileViews.ProfileView;
import dev.earshot.security.SecretTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reward profiles and their keys: validated against the declared judges when stored, and resolved
 * to exact judge versions when a trainer asks for rewards.
 */
@ApplicationScoped
@Transactional
public class RewardProfileService {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
  private static final int DEFAULT_DECIMALS = 6;
  private static final int MAX_LABEL_LENGTH = 200;
  // 256 bits: far beyond guessing, and URL-safe base64 keeps the key a single path segment.
  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RewardProfileRepository profiles;
  private final RewardProfileKeyRepository keys;
  private final JudgeRegistry judges;
  private final JudgeVersionRepository versions;
  private final AuditLog audit;
  private final RewardKeyCache keyCache;
  private final TransactionSynchronizationRegistry transactions;

  public RewardProfileService(
      RewardProfileRepository profiles,
      RewardProfileKeyRepository keys,
      JudgeRegistry judges,
      JudgeVersionRepository versions,
      AuditLog audit,
      RewardKeyCache keyCache,
      TransactionSynchronizationRegistry transactions) {
    this.profiles = profiles;
    this.keys = keys;
    this.judges = judges;
    this.versions = versions;
    this.audit = audit;
    this.keyCache = keyCache;
    this.transactions = transactions;
  }

  /**
   * Stores a new profile.
   *
   * @param createdBy the user creating it, or null when unknown
   */
  public ProfileView create(NewProfile request, String createdBy) {
    if (request == null) {
      throw DomainException.invalidRequest(
          "send {\"name\", \"judges\": [{\"judge\", \"version\", \"weights\"}], \"normalisation\"}");
    }
    requireName(request.name());
    if (profiles.findByName(request.name()).isPresent()) {
      throw DomainException.conflict(
          "Profile exists",
          "A reward profile named '"
              + request.name()
              + "' exists; change it with PUT /api/reward-profiles/"
              + request.name());
    }
    RewardProfileEntity profile = new RewardProfileEntity();
    profile.name = request.name();
    profile.revision = 1;
    profile.createdBy = createdBy;
    define(profile, request);
    profiles.persist(profile);
    profiles.flush();
    profiles.getEntityManager().refresh(profile);
    audit.record("reward-profile.created", profile.name);
    return view(profile);
  }

  /** Replaces a profile's definition; its keys stay valid, its revision goes up. */
  public ProfileView replace(String name, NewProfile request) {
    RewardProfileEntity profile = find(name);
    if (request == null) {
      throw DomainException.invalidRequest("send the profile's new definition");
    }
    if (request.name() != null && !request.name().equals(name)) {
      throw DomainException.invalidRequest(
          "the body names profile '" + request.name() + "' but the path names '" + name + "'");
    }
    define(profile, request);
    profile.revision++;
    // Its keys' cached profiles are the old definition.
    keyCache.invalidateNowAndAfter(transactions);
    audit.record("reward-profile.changed", name, "revision", String.valueOf(profile.revision));
    return view(profile);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ProfileView> list() {
    return profiles.listByName().stream().map(this::view).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ProfileView get(String name) {
    return view(find(name));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean exists(String name) {
    return profiles.findByName(name).isPresent();
  }

  /** The declared judges a profile can use now: runnable, and scoring rather than comparing. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<JudgeView> scoringJudges() {
    return judges.current().stream().filter(j -> j.runnable() && !j.pairwise()).toList();
  }

  /** A new random key for the profile; its secret is in the answer and nowhere else. */
  public IssuedKey issueKey(String name, String label) {
    RewardProfileEntity profile = find(name);
    String cleanLabel = label == null ? "" : label.strip();
    if (cleanLabel.length() > MAX_LABEL_LENGTH) {
      throw DomainException.invalidRequest(
          "label has " + cleanLabel.length() + " characters; at most " + MAX_LABEL_LENGTH);
    }
    byte[] random = new byte[KEY_BYTES];
    RANDOM.nextBytes(random);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    RewardProfileKey key = new RewardProfileKey();
    key.profile = profile;
    key.keySha256 = SecretTokens.sha256(secret);
    key.label = cleanLabel;
    keys.persist(key);
    keys.flush();
    keys.getEntityManager().refresh(key);
    audit.record(
        "reward-key.issued", profile.name, "keyId", String.valueOf(key.id), "label", key.label);
    return new IssuedKey(profile.name, keyView(key), secret);
  }

  /** Revokes a key of the profile; revoking a revoked key changes nothing. */
  public KeyView revokeKey(String name, long keyId) {
    RewardProfileEntity profile = find(name);
    RewardProfileKey key =
        keys.findByIdOptional(keyId)
            .filter(k -> k.profile.id.equals(profile.id))
            .orElseThrow(
                () ->
                    DomainException.notFound(
                        "Reward profile '" + name + "' has no key with id " + keyId));
    if (key.revokedAt == null) {
      key.revokedAt = OffsetDateTime.now();
      keyCache.invalidateNowAndAfter(transactions);
      audit.record("reward-key.revoked", name, "keyId", String.valueOf(keyId));
    }
    return keyView(key);
  }

  /** The named profile, resolved to the judge versions that serve it now. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ActiveProfile activeByName(String name) {
    return activate(find(name), judges.current());
  }

  /**
   * The profile that the active key with this SHA-256 selects, its judge versions resolved in
   * {@code catalog}; empty for an unknown or revoked key ({@link RewardKeys} caches it).
   */
  Optional<ActiveProfile> activeByKey(String keySha256, List<JudgeView> catalog) {
    return keys.findActiveBySha256(keySha256).map(key -> activate(key.profile, catalog));
  }

  /** Whether the key with this SHA-256 is known and not revoked. */
  boolean isActiveKey(String keySha256) {
    return keys.findActiveBySha256(keySha256).isPresent();
  }

  private RewardProfileEntity find(String name) {
    return profiles
        .findByName(name)
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "No reward profile named '" + name + "'; GET /api/reward-profiles lists them"));
  }

  private static void requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw DomainException.invalidRequest(
          "name must be 1-100 letters, digits, '.', '_' or '-', got "
              + (name == null ? "none" : "'" + name + "'"));
    }
  }

  /** Validates the definition and writes it into the entity; nothing is written when it fails. */
  private void define(RewardProfileEntity profile, NewProfile request) {
    if (request.judges() == null || request.judges().isEmpty()) {
      throw unprocessable("a profile needs at least one judge");
    }
    List<JudgeWeights> resolved = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JudgeWeights judge : request.judges()) {
      if (judge == null || judge.judge() == null) {
        throw unprocessable("every entry of judges needs a judge id");
      }
      if (!seen.add(judge.judge())) {
        throw unprocessable("judge '" + judge.judge() + "' is listed twice");
      }
      resolved.add(withWeights(judge));
    }
    NormalisationSpec normalisation =
        request.normalisation() == null ? NormalisationSpec.none() : request.normalisation();
    int decimals = request.decimals() == null ? DEFAULT_DECIMALS : request.decimals();
    // The pure core checks weights, bounds and decimals once more; its verdict is the last word.
    try {
      recipe(profile.name, resolved, normalisation, decimals);
    } catch (IllegalArgumentException e) {
      throw unprocessable(e.getMessage());
    }
    profile.judges = resolved;
    profile.normalisation = normalisation.kind();
    profile.clipMin = normalisation.min();
    profile.clipMax = normalisation.max();
    profile.decimals = decimals;
    profile.updatedAt = OffsetDateTime.now();
  }

  /** The entry with explicit weights, checked against the judge version it names. */
  private JudgeWeights withWeights(JudgeWeights judge) {
    JudgeView current = judges.currentJudge(judge.judge());
    if (current.pairwise()) {
      throw unprocessable(
          "judge '" + judge.judge() + "' compares pairs of responses; a reward needs scores");
    }
    List<String> dimensions;
    if (judge.version() == null || judge.version().equals(current.version())) {
      if (!current.runnable()) {
        throw unprocessable(
            "judge '" + judge.judge() + "' cannot run: " + current.unavailableReason());
      }
      dimensions = current.dimensions();
    } else {
      dimensions =
          versions
              .findByIdOptional(new JudgeVersion.Key(judge.judge(), judge.version()))
              .orElseThrow(
                  () ->
                      unprocessable(
                          "judge '"
                              + judge.judge()
                              + "' has no version '"
                              + judge.version()
                              + "'; its current version is "
                              + current.version()))
              .dimensions;
    }
    Map<String, Double> weights = new TreeMap<>();
    if (judge.weights() == null) {
      dimensions.forEach(dimension -> weights.put(dimension, 1.0));
    } else {
      if (judge.weights().isEmpty()) {
        throw unprocessable(
            "judge '" + judge.judge() + "' has no weights; leave weights out to weigh all 1");
      }
      for (Map.Entry<String, Double> weight : judge.weights().entrySet()) {
        if (!dimensions.contains(weight.getKey())) {
          throw unprocessable(
              "judge '"
                  + judge.judge()
                  + "' has no dimension '"
                  + weight.getKey()
                  + "'; it has "
                  + dimensions);
        }
        weights.put(weight.getKey(), weight.getValue());
      }
    }
    return new JudgeWeights(judge.judge(), judge.version(), weights);
  }

  private ActiveProfile activate(RewardProfileEntity profile, List<JudgeView> catalog) {
    List<ActiveJudge> active = new ArrayList<>();
    for (JudgeWeights judge : profile.judges) {
      String version = judge.version();
      if (version == null) {
        JudgeView current =
            catalog.stream()
                .filter(j -> j.id().equals(judge.judge()))
                .findFirst()
                .orElseThrow(
                    () ->
                        notRunnable(
                            profile, "judge '" + judge.judge() + "' is no longer declared"));
        if (!current.runnable()) {
          throw notRunnable(
              profile, "judge '" + judge.judge() + "' cannot run: " + current.unavailableReason());
        }
        version = current.version();
      }
      active.add(
          new ActiveJudge(new JudgeVersion.Key(judge.judge(), version), judge.weights().keySet()));
    }
    return new ActiveProfile(
        recipe(profile.name, profile.judges, normalisationOf(profile), profile.decimals),
        profile.revision,
        List.copyOf(active));
  }

  private static DomainException notRunnable(RewardProfileEntity profile, String why) {
    return DomainException.unavailable(
        "Reward profile cannot run",
        "Reward profile '" + profile.name + "': " + why + "; change the profile or the judges");
  }

  private static RewardProfile recipe(
      String name, List<JudgeWeights> judges, NormalisationSpec normalisation, int decimals) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (JudgeWeights judge : judges) {
      judge
          .weights()
          .forEach(
              (dimension, weight) ->
                  weights.put(ActiveProfile.dimensionKey(judge.judge(), dimension), weight));
    }
    return new RewardProfile(name, weights, normalisation(normalisation), decimals);
  }

  private static Normalisation normalisation(NormalisationSpec spec) {
    String kind = spec.kind() == null ? "none" : spec.kind();
    boolean bounded = spec.min() != null || spec.max() != null;
    if (bounded && !"clip".equals(kind)) {
      throw new IllegalArgumentException("min and max belong to normalisation 'clip' only");
    }
    return switch (kind) {
      case "none" -> new Normalisation.None();
      case "batch-z-score" -> new Normalisation.BatchZScore();
      case "clip" -> {
        if (spec.min() == null
            || spec.max() == null
            || !Double.isFinite(spec.min())
            || !Double.isFinite(spec.max())) {
          throw new IllegalArgumentException("normalisation 'clip' needs finite min and max");
        }
        yield new Normalisation.Clip(spec.min(), spec.max());
      }
      default ->
          throw new IllegalArgumentException(
              "normalisation must be 'none', 'batch-z-score' or 'clip', not '" + kind + "'");
    };
  }

  private static NormalisationSpec normalisationOf(RewardProfileEntity profile) {
    return new NormalisationSpec(profile.normalisation, profile.clipMin, profile.clipMax);
  }

  private ProfileView view(RewardProfileEntity profile) {
    return new ProfileView(
        profile.name,
        profile.revision,
        List.copyOf(profile.judges),
        normalisationOf(profile),
        profile.decimals,
        profile.createdBy,
        profile.createdAt,
        profile.updatedAt,
        keys.listOf(profile).stream().map(RewardProfileService::keyView).toList());
  }

  private static KeyView keyView(RewardProfileKey key) {
    return new KeyView(key.id, key.label, key.createdAt, key.revokedAt);
  }

  private static DomainException unprocessable(String detail) {
    return DomainException.invalid("Invalid reward profile", detail);
  }
}
