package io.bridgescope.desktop.dialogs;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link FilePicker} with JavaFX FileChoosers. */
public final class FxFilePicker implements FilePicker {

  private final Supplier<Window> owner;

  public FxFilePicker(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public Optional<Path> saveFile(String title, String suggestedName, String kind, String pattern) {
    FileChooser fc = new FileChooser();
    fc.setTitle(title);
    fc.setInitialFileName(suggestedName);
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
    File f = fc.showSaveDialog(owner.get());
    return Optional.ofNullable(f).map(File::toPath);
  }

  @Override
  public Optional<Path> openFile(String title, String kind, String... patterns) {
    FileChooser fc = new FileChooser();
    fc.setTitle(title);
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, patterns));
    File f = fc.showOpenDialog(owner.get());
    return Optional.ofNullable(f).map(File::toPath);
  }
}
