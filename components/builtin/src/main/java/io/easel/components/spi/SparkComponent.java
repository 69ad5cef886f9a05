package io.easel.components.spi;

import io.easel.component.ComponentDescriptor;

/**
 * A component: its whole declaration ({@link #descriptor()}) and how it runs on Spark ({@link #execute}). Every
 * built-in is one final class implementing this, with a public no-argument constructor; the build finds them by
 * scanning, writes the catalog from their descriptors and an index the engine loads them by.
 */
public interface SparkComponent {

    /** Built once per instance; must not touch Spark. */
    ComponentDescriptor descriptor();

    /**
     * Reads inputs and params from {@code ctx} and hands every output port a value. Runs on the driver; the heavy
     * work belongs in Spark operations. A thrown exception fails the node with its message, so messages should name
     * the param or column at fault.
     */
    void execute(ExecutionContext ctx) throws Exception;
}
