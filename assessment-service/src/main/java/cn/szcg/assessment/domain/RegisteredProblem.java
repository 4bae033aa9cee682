package cn.szcg.assessment.domain;

import cn.szcg.contracts.events.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * The first registration of a problem, as the missed-report rule needs it.
 *
 * @param problemId the problem / case id (after duplicate merging: the surviving case)
 * @param gridId the unit grid (万米单元网格) the problem lies in
 * @param registeredAt when it was first registered (by any channel)
 * @param channel the channel of that first registration
 * @param reportedByCollectorId the collector who made that first registration (channel PATROL), or
 *     null
 * @param filed true if the problem was filed as a case (立案); rejected or unfounded problems are
 *     never missed reports
 */
public record RegisteredProblem(
    String problemId,
    String gridId,
    Instant registeredAt,
    Channel channel,
    String reportedByCollectorId,
    boolean filed) {
  public RegisteredProblem {
    Objects.requireNonNull(problemId);
    Objects.requireNonNull(registeredAt);
    Objects.requireNonNull(channel);
  }
}
