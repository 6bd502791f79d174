package dev.earshot.reward;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One judge of a reward profile and the weight of each of its dimensions.
 *
 * @param judge judge id, as {@code GET /api/judges} lists it
 * @param version a pinned judge version; null follows the judge's current version
 * @param weights positive weight per dimension of the judge; when creating a profile, null weighs
 *     every dimension of the judge 1
 */
@Schema(name = "RewardProfileJudge")
public record JudgeWeights(
    String judge,
    @Schema(description = "pinned judge version; null follows the current version") String version,
    @Schema(description = "weight per dimension; omitted: 1 for each of the judge's dimensions")
        Map<String, Double> weights) {}
