package org.smtpwatch.bench;

/**
 * How the agent's start went.
 *
 * @param toFirstProbeSeconds from launching its JVM to its first completed probe
 * @param busyShareBefore how busy the machine's CPU was (0 to 1) in the half second before
 */
record Start(double toFirstProbeSeconds, double busyShareBefore) {}
