package io.bridgescope.desktop.dialogs;

import java.nio.file.Path;
import java.util.Optional;

/** File choosers, asked on the FX thread; tests answer without a dialog. */
public interface FilePicker {

  Optional<Path> saveFile(String title, String suggestedName, String kind, String pattern);

  Optional<Path> openFile(String title, String kind, String... patterns);
}
