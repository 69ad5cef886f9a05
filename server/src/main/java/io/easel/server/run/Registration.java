package io.easel.server.run;

/** A subscription to run changes; {@link #remove()} ends it. */
@FunctionalInterface
public interface Registration {

    void remove();
}
