package io.easel.server.deployment;

/**
 * An administrator's decision to deploy a version its deployment's gate refuses.
 *
 * @param reason why, in words, for the audit log; required
 */
public record GateOverride(String reason) {}
