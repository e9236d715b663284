package io.supplyguard.meter.bus;

/** Asked right before each transaction: may this node talk on the line now? */
@FunctionalInterface
public interface LineGuard {

    LineGuard ALWAYS = () -> true;

    boolean mayTalk();
}
