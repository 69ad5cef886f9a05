package io.easel.server.deployment;

import java.util.List;

/**
 * A deployment's recent scoring on this server, minute by minute.
 *
 * @param deployment the deployment's name
 * @param minutes oldest first; the last one is the current minute, still running
 */
public record ScoringTimeline(String deployment, List<MinuteFigures> minutes) {}
