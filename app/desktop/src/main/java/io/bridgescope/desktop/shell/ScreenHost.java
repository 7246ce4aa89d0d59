package io.bridgescope.desktop.shell;

import io.bridgescope.desktop.Screen;
import io.bridgescope.desktop.ViewLoader;
import java.util.EnumMap;
import java.util.Map;

/** Loads each screen's FXML the first time it is shown and keeps it for later visits. */
public final class ScreenHost {

  private final ViewLoader loader;
  private final Map<Screen, ViewLoader.Loaded<Object>> loaded = new EnumMap<>(Screen.class);

  public ScreenHost(ViewLoader loader) {
    this.loader = loader;
  }

  public ViewLoader.Loaded<Object> get(Screen screen) {
    return loaded.computeIfAbsent(screen, s -> loader.load(s.fxml()));
  }
}
