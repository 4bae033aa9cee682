/**
 * The case lifecycle of dispatch-service (案件生命周期), plain Java: the state machine ({@link
 * cn.szcg.dispatch.domain.DispatchCase}, {@link cn.szcg.dispatch.domain.CaseTransition}, {@link
 * cn.szcg.dispatch.domain.CaseCommand}), the responsibility matrix ({@link
 * cn.szcg.dispatch.domain.ResponsibilityMatrix}) and the unit register with history ({@link
 * cn.szcg.dispatch.domain.UnitRegister}). See docs/case-lifecycle.md.
 */
package cn.szcg.dispatch.domain;
