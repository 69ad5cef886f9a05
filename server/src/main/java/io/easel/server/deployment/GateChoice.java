package io.easel.server.deployment;

/**
 * What a deploy asks of the deployment's gate.
 *
 * @param gate rules that replace the deployment's gate before the version is checked; null to keep its gate
 * @param override an administrator's override of a refusal; null to be refused
 */
public record GateChoice(Gate gate, GateOverride override) {

    /** Keep the gate, no override. */
    public static final GateChoice NONE = new GateChoice(null, null);
}
