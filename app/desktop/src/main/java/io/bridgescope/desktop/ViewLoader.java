package io.bridgescope.desktop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/** Loads FXML with controllers made by the app's controller factory (constructor injection). */
public final class ViewLoader {

  private final Callback<Class<?>, Object> controllers;

  public ViewLoader(Callback<Class<?>, Object> controllers) {
    this.controllers = controllers;
  }

  /** A loaded view and its controller. */
  public record Loaded<C>(Parent root, C controller) {}

  public <C> Loaded<C> load(String fxml) {
    URL url = ViewLoader.class.getResource(fxml);
    if (url == null) {
      throw new IllegalArgumentException("FXML not on the class path: " + fxml);
    }
    FXMLLoader loader = new FXMLLoader(url);
    loader.setControllerFactory(controllers);
    try {
      Parent root = loader.load();
      return new Loaded<>(root, loader.getController());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not load " + fxml + ": " + e.getMessage(), e);
    }
  }
}
