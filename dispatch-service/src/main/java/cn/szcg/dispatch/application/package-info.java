/**
 * The use cases of dispatch-service, one class per group, with their transactions: commands on a
 * case ({@link cn.szcg.dispatch.application.CaseCommands}), where a case goes ({@link
 * cn.szcg.dispatch.application.Dispatching}), opening a filed case ({@link
 * cn.szcg.dispatch.application.CaseOpening}), evidence photos ({@link
 * cn.szcg.dispatch.application.CasePhotos}), return deadlines from sla-service ({@link
 * cn.szcg.dispatch.application.ReturnDeadlines}), the unit register and the responsibility matrix
 * ({@link cn.szcg.dispatch.application.UnitRegistry}, {@link
 * cn.szcg.dispatch.application.UnitRegisterImport}, {@link
 * cn.szcg.dispatch.application.MatrixRules}). Rules stay in {@code domain}; SQL, the outbox and
 * clients stay in {@code infra}; {@code api} maps HTTP to these calls and back.
 */
package cn.szcg.dispatch.application;
