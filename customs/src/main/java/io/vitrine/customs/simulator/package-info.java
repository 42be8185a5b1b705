/**
 * The single-window simulator (issue #6): stands in for the e-port and customs in tests and in the embedded mode.
 * {@link io.vitrine.customs.simulator.SingleWindowSimulator} watches the send folder a directory exchange writes to,
 * verifies each message's signature, reads and checks it with the module's own {@code CebReader},
 * {@code MessageRules} and {@code LegConsistency}, and answers receipts (CEB312/622/624/626) into the receive folder
 * after configurable delays, following a {@link io.vitrine.customs.simulator.Scenario}. Everything it received and
 * answered is kept in an append-only {@link io.vitrine.customs.simulator.SimulatorLedger}, so nothing is answered
 * twice, across restarts too. In process: a bean while {@code vitrine.customs.simulator.enabled}; on its own:
 * {@link io.vitrine.customs.simulator.SimulatorMain}.
 */
package io.vitrine.customs.simulator;
