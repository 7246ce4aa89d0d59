package io.bridgescope.desktop.engine;

import io.bridgescope.desktop.ports.UiPorts;

/** The desktop's ports over the engine: every screen reads the session that is open. */
public final class EnginePorts {

  private EnginePorts() {}

  public static UiPorts over(SessionManager sessions) {
    return new UiPorts(
        new EngineStatus(sessions),
        new EngineSearch(sessions),
        new EngineOverview(sessions),
        new DepositRows(sessions),
        new ExitRows(sessions),
        new CommitmentRows(sessions),
        new CheckpointRows(sessions),
        new ValidatorRows(sessions),
        new EngineDetails(sessions),
        new EngineWatches(sessions),
        new EngineAccountability(sessions),
        new EngineSolvency(sessions));
  }
}
