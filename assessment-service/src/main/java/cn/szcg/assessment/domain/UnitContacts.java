package cn.szcg.assessment.domain;

/**
 * The unit's registered people at the time of an incident (from the unit register history, R-27,
 * Art 36). Any may be null when not registered; a warning is then addressed to the role with no
 * name and flagged {@link AccountabilityAction#personMissing()}.
 *
 * @param personOnDuty the person responsible for the case (责任人: the daily receiver or handler on
 *     duty)
 * @param leaderInCharge the unit's leader in charge (分管领导)
 * @param head the unit's principal leader (单位主要负责人)
 */
public record UnitContacts(PersonRef personOnDuty, PersonRef leaderInCharge, PersonRef head) {}
